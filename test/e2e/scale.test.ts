/**
 * The reader-first checks of issue #25 on a large generated archive (2,000 protocols,
 * `npm run gen`), where lists are long: the same promises as `reader-pages.test.ts` and
 * `reader-data.test.ts`, on pages picked by kind from `dist/` (index, first and largest page of
 * each folder; `scale-pages.ts`) instead of the five committed protocols' ids and titles, plus
 * the weights the issue sets: a meeting page under 30 KB (gzip, with its CSS and JS) and a
 * first search query of at most 150 KB transferred (`scripts/bench/search.ts`).
 *
 * Skipped unless `E2E_SCALE=1`; run it on a built generated archive with `E2E_ROOT` (README,
 * "Benchmarks"):
 *   E2E_SCALE=1 E2E_ROOT=/tmp/verify2000 npx vitest run --config vitest.e2e.config.ts test/e2e/scale.test.ts
 * It prints, per page kind, the header height at 375 px and the largest page's bytes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { meetingPageWeight } from '../../scripts/bench/dist';
import type { SearchCost } from '../../scripts/bench/search';
import { COMMITTEE_RESOLUTION_MEETINGS } from '../../src/lib/views/committee';
import { MEETING_LIST_MIN } from '../../src/lib/views/meeting-years';
import { TOPIC_FACT_LINKS, TOPIC_TIMELINE_MEETINGS } from '../../src/lib/views/topic';
import { launchBrowser } from './browser';
import { pagesIn, pageWeight, protocolWord, samplePages } from './scale-pages';
import { RESOLUTION_ID, shownMatches } from './shown-text';

const enabled = Boolean(process.env.E2E_SCALE);
const baseUrl = inject('baseUrl');
const dist = inject('dist');
const sampled = enabled ? samplePages(dist) : [];
const meetings = enabled ? pagesIn(dist, 'sitzungen') : [];
const pick = (kind: string) => sampled.filter((page) => page.kind === kind && page.why !== 'index').map((page) => page.path);
/** A resolution id as the archive writes it: `<meeting-id>-b<n>`. */
/** The limits (#25 "Done when"; the bench's targets, scripts/bench/cli.ts). */
const HEADER_MAX_PX = 120;
const MEETING_PAGE_MAX_BYTES = 30_000;
const FIRST_QUERY_MAX_BYTES = 150_000;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** Measured while the checks run, printed at the end: header height and page height at 375 px, per page, px. */
const heights = new Map<string, { header: number; page: number }>();

let browser: Browser;
beforeAll(async () => {
  if (enabled) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (heights.size === 0) return;
  const rows = sampled.map(({ path, kind, why }) => {
    const weight = pageWeight(dist, path);
    return `  ${kind.padEnd(16)} ${why.padEnd(7)} header ${String(heights.get(path)?.header ?? '-').padStart(4)} px  page ${String(heights.get(path)?.page ?? '-').padStart(7)} px  html ${(weight.html / 1000).toFixed(1).padStart(8)} kB  gzip ${(weight.htmlGzip / 1000).toFixed(1).padStart(7)} kB  +css/js ${(weight.withAssetsGzip / 1000).toFixed(1).padStart(7)} kB  ${path}`;
  });
  console.log(`Scale check of ${dist} (${sampled.length} pages opened):\n${rows.join('\n')}`);
});

async function open(path: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 375, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load', timeout: 120_000 });
  return page;
}

/** Resolution ids and 64-digit checksums in text a reader sees (`shownMatches`). */
function machineTextShown(page: Page): Promise<string[]> {
  return shownMatches(page, `${RESOLUTION_ID.source}|\\b[0-9a-f]{64}\\b`);
}

describe.skipIf(!enabled)('a generated archive at scale', () => {
  it('has the page kinds to check', () => {
    expect(meetings.length).toBeGreaterThan(100);
    for (const kind of ['sitzungen', 'beschluesse', 'personen', 'gremien', 'jahre']) expect(pick(kind).length, kind).toBeGreaterThan(0);
  });

  describe('every page kind on a 375 px phone', () => {
    it.each(sampled.map((page) => [page.path, page.kind, page.why]))('%s (%s, %s)', async (path) => {
      const page = await open(path);
      const [header, height] = await page.evaluate(() => [document.querySelector('.site-header')!.getBoundingClientRect().height, document.documentElement.scrollHeight]);
      heights.set(path, { header: Math.round(header), page: height });
      expect(header, `${path}: header`).toBeLessThanOrEqual(HEADER_MAX_PX);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      // Resolutions are named by what they decide, never by position; ids and checksums stay folded.
      const links = await page.locator('main a[href^="/beschluesse/"]').evaluateAll((anchors) =>
        anchors.filter((a) => /-b\d+\/$/.test(a.getAttribute('href') ?? '')).map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
      for (const text of links) {
        expect(text, path).not.toMatch(/(^|\s)(\d+\.\s)?(Beschluss|Vereinbarung)\s+zu\s+TOP\s+\d/);
        expect(text.length, path).toBeGreaterThan(3);
      }
      expect(await machineTextShown(page), path).toEqual([]);
      await page.context().close();
    });
  });

  describe('meeting pages', () => {
    const sourceNames = enabled ? readdirSync(join(dist, '../content/sources')) : [];
    it.each(pick('sitzungen'))('%s: original named by kind, file and checksum in <details>, jump bar, no dead attachment link', async (path) => {
      const page = await open(path);
      const text = await page.evaluate(() => document.body.innerText);
      expect(sourceNames.filter((name) => text.includes(name))).toEqual([]);
      expect(text).toMatch(/Originalprotokoll \((Textfassung|Word|PDF), \d+ KB\)/);
      await page.getByText('Datei und Prüfsumme').click();
      expect(await page.evaluate(() => document.body.innerText)).toMatch(/\b[0-9a-f]{64}\b/);
      const targets = await page.getByRole('navigation', { name: 'Auf dieser Seite' }).getByRole('link').evaluateAll((links) =>
        links.map((a) => ({ label: a.textContent!.trim(), exists: Boolean(document.getElementById(a.getAttribute('href')!.slice(1))) })),
      );
      expect(targets.map((t) => t.label)).toContain('Protokoll');
      for (const target of targets) expect(target, target.label).toMatchObject({ exists: true });
      expect(await page.locator('.jump-bar').evaluate((bar) => bar.getBoundingClientRect().top)).toBeLessThan(800);
      const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => href.startsWith('#anlage-'))).toEqual([]);
      expect(await page.locator('.attachment-list li').allTextContents()).not.toContainEqual(expect.stringContaining('Datei liegt dem Archiv nicht vor'));
      await page.context().close();
    });

    it(`weigh under ${MEETING_PAGE_MAX_BYTES / 1000} KB each (gzip, HTML with its CSS and JS; all ${meetings.length})`, () => {
      const weight = meetingPageWeight(dist)!;
      console.log(`Meeting pages: ${weight.pages}, median ${(weight.medianBytes / 1000).toFixed(1)} kB, largest ${(weight.maxBytes / 1000).toFixed(1)} kB (${weight.maxPage})`);
      expect(weight.maxBytes, weight.maxPage).toBeLessThan(MEETING_PAGE_MAX_BYTES);
    });
  });

  describe('"Angekündigte Termine"', () => {
    it.each(['/', ...pagesIn(dist, 'gremien').map((page) => page.path)].filter(() => enabled))('on %s: upcoming first, or the last ones marked as past', async (path) => {
      const page = await open(path);
      const section = page.locator('section[aria-labelledby="termine"]');
      expect(await section.getByRole('heading', { name: 'Angekündigte Termine' }).isVisible()).toBe(true);
      const items = await section.locator('li').evaluateAll((lis) => lis.map((li) => ({ date: li.querySelector('time')!.getAttribute('datetime')!, past: (li.textContent ?? '').includes('vergangen') })));
      expect(items.length).toBeGreaterThan(0);
      // A short block, not every date ever announced.
      expect(items.length, path).toBeLessThanOrEqual(10);
      for (const item of items) expect(item.past, item.date).toBe(item.date < today);
      if (items.every((item) => item.past)) expect(await section.textContent()).toContain('Zuletzt angekündigt');
      await page.context().close();
    });
  });

  it('/sitzungen/ lists the newest years in full and links the older ones to their year pages', async () => {
    const page = await open('/sitzungen/');
    const listed = await page.locator('main .year-group h2').allTextContents();
    const older = await page.locator('section[aria-labelledby="fruehere-jahre"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(listed.length).toBeGreaterThan(0);
    expect(older.length).toBeGreaterThan(0);
    // Every year once: listed in full or linked.
    expect(listed.length + older.length).toBe(pagesIn(dist, 'jahre').length);
    for (const href of older) expect(pagesIn(dist, 'jahre').map((y) => y.path)).toContain(href);
    const rows = await page.locator('main .year-group .meeting-list > li').count();
    expect(rows).toBeGreaterThanOrEqual(MEETING_LIST_MIN);
    await page.context().close();
  });

  describe('committee pages', () => {
    it.each(pick('gremien'))('%s lists the resolutions of its newest meetings (the register the rest) and folds its older years', async (path) => {
      const page = await open(path);
      const section = page.locator('section[aria-labelledby="beschluesse"]');
      expect(await section.locator('.resolution-group').count()).toBeLessThanOrEqual(COMMITTEE_RESOLUTION_MEETINGS);
      const register = await section.locator('a[href^="/beschluesse/gremium/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(register.length).toBeGreaterThan(0);
      // Its meetings: whole years open up to MEETING_LIST_MIN, the older years folded, none left out.
      const listed = await page.locator('main .year-group > .meeting-list > li').count();
      const folded = await page.locator('main .year-group > details .meeting-list > li').count();
      const total = Number(/([\d.]+) Sitzung/.exec((await page.locator('main p.muted').first().textContent()) ?? '')?.[1].replaceAll('.', ''));
      expect(listed + folded).toBe(total);
      if (folded > 0) expect(listed).toBeGreaterThanOrEqual(MEETING_LIST_MIN);
      if (total >= 2 * MEETING_LIST_MIN) expect(folded).toBeGreaterThan(0);
      await page.context().close();
    });
  });

  describe('topic pages', () => {
    it.each(pick('themen'))('%s lists its newest meetings, and says how many there are in all', async (path) => {
      const page = await open(path);
      const section = page.locator('section[aria-labelledby="zeitleiste"]');
      const entries = await section.locator('.chronicle-entry').count();
      expect(entries).toBeLessThanOrEqual(TOPIC_TIMELINE_MEETINGS);
      if (entries === TOPIC_TIMELINE_MEETINGS) expect(await section.locator('p.muted').first().textContent()).toMatch(/von\s+[\d.]+\s+Sitzungen zum Thema/);
      // Presenters and organisations: the first ones linked, the rest counted.
      for (const links of await page.locator('main dl.facts dd').evaluateAll((dds) => dds.map((dd) => dd.querySelectorAll('a').length))) expect(links).toBeLessThanOrEqual(TOPIC_FACT_LINKS);
      await page.context().close();
    });
  });

  describe('person pages', () => {
    it.each(pick('personen'))('%s lists attended, presented, minuted and mentioned meetings, each count matching its list', async (path) => {
      const page = await open(path);
      const sections = await page.locator('main section[aria-labelledby]').evaluateAll((nodes) =>
        nodes.map((section) => ({ heading: section.querySelector('h2')?.textContent?.trim() ?? '', items: section.querySelectorAll(':scope > .entity-list > li, :scope > details > .entity-list > li').length, open: section.querySelectorAll(':scope > .entity-list > li').length })),
      );
      const byRole = sections.filter((s) => /^(Teilgenommen an|Vorgetragen in|Protokoll geführt in|Erwähnt in) \(/.test(s.heading));
      expect(byRole[0]?.heading, path).toMatch(/^Teilgenommen an \(/);
      // Counts are written as German readers write them: "1.234 Sitzungen".
      for (const section of byRole) expect(Number(/\(([\d.]+) Sitzung(en)?\)$/.exec(section.heading)?.[1].replaceAll('.', '')), section.heading).toBe(section.items);
      // The newest 20 stay open, older meetings are folded (PersonMeetings.astro).
      for (const section of byRole) expect(section.open, section.heading).toBeLessThanOrEqual(20);
      expect(await page.locator('main').innerText()).not.toMatch(/\bfür Stiftung\b/);
      await page.context().close();
    });
  });

  describe('resolution pages', () => {
    it.each(pick('beschluesse').filter((path) => RESOLUTION_ID.test(path)))('%s lists at most five related resolutions and five later mentions before the rest is folded', async (path) => {
      const page = await open(path);
      expect(await page.locator('section[aria-labelledby="verwandt"] > .resolution-list > li').count()).toBeLessThanOrEqual(5);
      expect(await page.locator('section[aria-labelledby="spaeter-erwaehnt"] > .later-mentions > li').count()).toBeLessThanOrEqual(5);
      expect(await page.locator('details.resolution-id').getAttribute('open')).toBeNull();
      await page.context().close();
    });
  });

  describe('search', () => {
    it('highlights the search word on the meeting page a hit opens', async () => {
      const word = protocolWord(dist);
      const page = await open(`/suche/?q=${encodeURIComponent(word)}&art=Sitzung`, { width: 1280 });
      const result = page.locator('.search-result-title a').first();
      await result.waitFor({ timeout: 30_000 });
      await result.click();
      await page.waitForURL(/\/sitzungen\/[^/]+\/\?hervorheben=/);
      const mark = page.locator('main mark.search-hit').first();
      await mark.waitFor({ timeout: 15_000 });
      expect((await mark.textContent())?.toLowerCase()).toBe(word.toLowerCase());
      expect(await page.locator('header mark, footer mark').count()).toBe(0);
      await page.context().close();
    });

    it(`loads at most ${FIRST_QUERY_MAX_BYTES / 1000} KB for the first query (gzip, scripts/bench/search.ts)`, async () => {
      // In its own process: vitest rewrites the `import()` that measureSearch runs in the page.
      const script = resolve(import.meta.dirname, '../../scripts/bench/search.ts');
      const cost: SearchCost = JSON.parse(execFileSync(process.execPath, [script, dist], { encoding: 'utf8', timeout: 120_000 }));
      console.log(`Search bytes: first ${JSON.stringify(cost.first)}, follow-up ${JSON.stringify(cost.follow)}, resolutions ${JSON.stringify(cost.resolutions)}`);
      expect(cost.first.results).toBeGreaterThan(0);
      expect(cost.first.bytes).toBeLessThanOrEqual(FIRST_QUERY_MAX_BYTES);
    });
  });
});
