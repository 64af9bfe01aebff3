/**
 * Reader-first pages (issue #25), walked as a newcomer in headless Chromium: a phone header
 * of at most 120 px on every page kind, the sections behind "Menü" (a <details>, so also
 * without JavaScript); a meeting page's jump bar; no source file name or checksum in sight
 * outside a <details>; "Angekündigte Termine" on the home and committee pages with past
 * dates marked; no link to an attachment without a file; the search words highlighted on the
 * page a hit opens; the search engine loaded only once the search is used; the register's
 * year and committee combined (all four facets: register-and-highlight.test.ts); the protocol text
 * near the top of a phone's meeting page. Expectations come from `dist/` and the content, not from
 * copies of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { colorSchemes, launchBrowser } from './browser';
import { discoverPages } from './dist-files';

const baseUrl = inject('baseUrl');
const dist = inject('dist');
const pages = discoverPages(dist);
const meetingPages = readdirSync(join(dist, 'sitzungen'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(dist, 'sitzungen', entry.name, 'index.html')))
  .map((entry) => `/sitzungen/${entry.name}/`);
/** The originals' file names as the served project's `content/sources/` holds them (`E2E_ROOT`): what a reader should not meet first. */
const sourceNames = readdirSync(join(dist, '../content/sources'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { width?: number; javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 375, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  return page;
}

/** The page's text a reader sees: rendered text, closed <details> left out (`innerText` skips what is not rendered). */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

describe('the phone header', () => {
  describe.each(colorSchemes)('%s colour scheme', (colorScheme) => {
    it.each(pages)('is at most 120 px tall at 375 px on %s, the sections behind "Menü"', async (path) => {
      const page = await open(path, { colorScheme, javaScript: false });
      const height = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(120);
      const firstSection = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').first();
      expect(await firstSection.isVisible()).toBe(false);
      // A <details>: opens without JavaScript.
      await page.getByText('Menü', { exact: true }).click();
      expect(await firstSection.isVisible()).toBe(true);
      await page.context().close();
    });
  });

  it('stays as it was on a wide screen: every section in sight, no toggle', async () => {
    const page = await open('/', { width: 1280 });
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const link of await nav.getByRole('link').all()) expect(await link.isVisible()).toBe(true);
    expect(await page.getByText('Menü', { exact: true }).isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('a meeting page', () => {
  it.each(meetingPages)('%s shows no source file name or checksum outside a <details>', async (path) => {
    const page = await open(path);
    const text = await visibleText(page);
    for (const name of sourceNames) expect(text).not.toContain(name);
    expect(text).not.toMatch(/\b[0-9a-f]{64}\b/);
    expect(text).toContain("Originalprotokoll");
    // Still there for whoever checks the file: one click away.
    await page.getByText('Datei und Prüfsumme').click();
    expect(await visibleText(page)).toMatch(/\b[0-9a-f]{64}\b/);
    await page.context().close();
  });

  it.each(meetingPages)('%s has a jump bar to its sections, each of which exists', async (path) => {
    const page = await open(path);
    const targets = await page.getByRole('navigation', { name: 'Auf dieser Seite' }).getByRole('link').evaluateAll((links) =>
      links.map((a) => ({ label: a.textContent!.trim(), exists: Boolean(document.getElementById(a.getAttribute('href')!.slice(1))) })),
    );
    expect(targets.map((t) => t.label)).toContain('Protokoll');
    for (const target of targets) expect(target, target.label).toMatchObject({ exists: true });
    // The jump bar sits above the fold on a phone.
    const top = await page.locator('.jump-bar').evaluate((bar) => bar.getBoundingClientRect().top);
    expect(top).toBeLessThan(800);
    await page.context().close();
  });

  it('starts the protocol text on the second screen of a phone, the agenda and resolutions folded above it', async () => {
    // The largest committed protocol: the longest agenda and resolution list (3,401 px before the folds).
    const protocols = join(dist, '../content/protocols');
    const largest = readdirSync(protocols).sort((a, b) => readFileSync(join(protocols, b)).length - readFileSync(join(protocols, a)).length)[0];
    const page = await open(`/sitzungen/${largest.replace(/\.mdx$/, '')}/`);
    const top = () => page.locator('#protokoll h2').evaluate((heading) => heading.getBoundingClientRect().top + window.scrollY);
    expect(await top()).toBeLessThan(1400);
    // Folded, not gone: the jump bar's section shows its summary, which opens the list.
    expect(await page.locator('.agenda').isVisible()).toBe(false);
    expect(await page.locator('#tagesordnung summary').innerText()).toMatch(/^\d+ Punkte anzeigen$/);
    await page.locator('#tagesordnung summary').click();
    expect(await page.locator('.agenda').isVisible()).toBe(true);
    // Open, the summary says what a click does now.
    expect(await page.locator('#tagesordnung summary').innerText()).toMatch(/^\d+ Punkte ausblenden$/);
    await page.context().close();
    // A wide screen shows both as before, with no toggle.
    const wide = await open(`/sitzungen/${largest.replace(/\.mdx$/, '')}/`, { width: 1280 });
    expect(await wide.locator('.agenda').isVisible()).toBe(true);
    expect(await wide.locator('.meeting-resolutions').isVisible()).toBe(true);
    expect(await wide.locator('.fold-on-phone > summary').first().isVisible()).toBe(false);
    await wide.context().close();
  });

  it.each(meetingPages)('%s lists its resolutions as title and text, without a colon before nothing or a second ellipsis', async (path) => {
    const page = await open(path, { width: 1280 });
    const lines = await page.locator('.meeting-resolutions > li').evaluateAll((items) => items.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()));
    for (const line of lines) {
      expect(line, path).not.toMatch(/:$/);
      expect(line, path).not.toMatch(/…\s*:?\s*…/);
    }
    await page.context().close();
  });

  it.each(meetingPages)('%s links no attachment that has no file', async (path) => {
    const page = await open(path);
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => href.startsWith('#anlage-'))).toEqual([]);
    for (const href of hrefs.filter((h) => h.startsWith('/anlagen/'))) expect(existsSync(join(dist, decodeURIComponent(href))), href).toBe(true);
    const lines = await page.locator('.attachment-list li').evaluateAll((items) => items.map((li) => ({ linked: Boolean(li.querySelector('a[href^="/anlagen/"]')), text: li.textContent ?? '' })));
    for (const line of lines) expect(line.text).not.toContain('Datei liegt dem Archiv nicht vor');
    if (lines.some((line) => !line.linked)) {
      expect(await page.locator('.attachment-note').count()).toBe(1);
      expect(await page.locator('.attachment-note').textContent()).toMatch(/liegen? dem Archiv nicht vor\.$/);
    }
    await page.context().close();
  });

  it('marks an announced date before the meeting as written, and past dates as past', async () => {
    const page = await open('/sitzungen/2017-11-09-plenum/');
    const dates = page.locator('#termine li');
    const slip = dates.filter({ has: page.locator('time[datetime="2017-04-12"]') });
    expect(await slip.textContent()).toContain('(so im Protokoll)');
    const items = await dates.evaluateAll((lis) => lis.map((li) => ({ date: li.querySelector('time')!.getAttribute('datetime')!, text: li.textContent ?? '' })));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    for (const item of items) expect(item.text.includes('vergangen'), item.date).toBe(item.date < today);
    await page.context().close();
  });
});

describe('"Angekündigte Termine"', () => {
  it.each(['/', '/gremien/plenum/', '/gremien/strategiekreis/'])('on %s: upcoming first, or the last ones marked as past', async (path) => {
    const page = await open(path);
    const section = page.locator('section[aria-labelledby="termine"]');
    expect(await section.getByRole('heading', { name: 'Angekündigte Termine' }).isVisible()).toBe(true);
    const items = await section.locator('li').evaluateAll((lis) => lis.map((li) => ({ date: li.querySelector('time')!.getAttribute('datetime')!, past: (li.textContent ?? '').includes('vergangen') })));
    expect(items.length).toBeGreaterThan(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    for (const item of items) expect(item.past, item.date).toBe(item.date < today);
    if (items.every((item) => item.past)) expect(await section.textContent()).toContain('Zuletzt angekündigt');
    else expect(items.filter((item) => !item.past).map((item) => item.date)).toEqual(items.map((item) => item.date).filter((date) => date >= today).sort());
    // The calendar stays.
    const calendar = await section.getByRole('link', { name: /Kalender/ }).getAttribute('href');
    expect(existsSync(join(dist, calendar!))).toBe(true);
    await page.context().close();
  });
});

describe('search', () => {
  it('highlights the search words on the page a hit opens, and only then loads the highlighter', async () => {
    const page = await open('/suche/?q=Kohlerevieren', { width: 1280 });
    const result = page.locator('.search-result-title a').first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(/\/sitzungen\/2021-11-11-strategiekreis\/\?hervorheben=kohlerevieren#top-2$/);
    const mark = page.locator('mark.search-hit').first();
    await mark.waitFor({ timeout: 10_000 });
    expect((await mark.textContent())?.toLowerCase()).toBe('kohlerevieren');
    // Only in the indexed text: nothing in the page chrome.
    expect(await page.locator('header mark, footer mark').count()).toBe(0);
    await page.context().close();

    const plain = await open('/sitzungen/2021-11-11-strategiekreis/', { width: 1280 });
    const requested: string[] = [];
    plain.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await plain.reload({ waitUntil: 'networkidle' });
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    expect(await plain.locator('mark').count()).toBe(0);
    await plain.context().close();
  });

  it('loads the search engine on first use of the form, not with the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/suche/`, { waitUntil: 'networkidle' });
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await page.locator('#suche-q').pressSequentially('Prävention');
    await page.waitForFunction(() => /Treffer/.test(document.getElementById('suche-status')?.textContent ?? ''), null, { timeout: 15_000 });
    expect(requested).toContain('/pagefind/pagefind.js');
    await context.close();
  });

  it('keeps the meeting facts out of the excerpts: no file names, no checksums', async () => {
    const page = await open('/suche/?q=Originalprotokoll', { width: 1280 });
    await page.waitForFunction(() => (document.getElementById('suche-status')?.textContent ?? '').trim() !== '', null, { timeout: 15_000 });
    const excerpts = await page.locator('.search-excerpt').allTextContents();
    for (const text of excerpts) {
      for (const name of sourceNames) expect(text).not.toContain(name);
      expect(text).not.toMatch(/SHA-256|\b[0-9a-f]{64}\b|Textfassung, \d+ KB/);
    }
    await page.context().close();
  });

  it('gives no meeting a "Tagesordnung" place of its own', async () => {
    const page = await open('/suche/?q=Tagesordnung', { width: 1280 });
    await page.locator('.search-result').first().waitFor();
    const places = await page.locator('.search-place-link').allTextContents();
    expect(places.map((label) => label.trim())).not.toContain('Tagesordnung');
    await page.context().close();
  });
});

describe('the resolution register', () => {
  it('combines a year and a committee: each choice keeps the other', async () => {
    const page = await open('/beschluesse/', { javaScript: false });
    const facets = page.getByRole('navigation', { name: 'Beschlüsse auswählen' });
    await facets.getByRole('link', { name: /^2021/ }).click();
    await page.waitForURL(/\/beschluesse\/jahr\/2021\/$/);
    await facets.getByRole('link', { name: /^Strategiekreis/ }).click();
    await page.waitForURL(/\/beschluesse\/jahr\/2021\/gremium\/strategiekreis\/$/);
    // Both chosen: every listed meeting is one of the Strategiekreis in 2021.
    const headings = await page.locator('.resolution-group h2').allTextContents();
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading).toMatch(/Strategiekreis.*2021/);
    expect(await facets.locator('[aria-current="page"]:not([data-value=""])').allTextContents()).toEqual([expect.stringMatching(/^2021/), expect.stringMatching(/^Strategiekreis/)]);
    // A year chip now keeps the committee, "Alle Jahre" drops the year.
    const years = await facets.getByRole('list', { name: 'Jahr' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of years.slice(1)) expect(href).toMatch(/\/gremium\/strategiekreis\/$/);
    await facets.getByRole('link', { name: 'Alle Jahre' }).click();
    await page.waitForURL(/\/beschluesse\/gremium\/strategiekreis\/$/);
    await page.context().close();
  });
});

describe('/daten/', () => {
  it('fits its field tables on a 375 px screen', async () => {
    const page = await open('/daten/');
    const widest = await page.locator('table').evaluateAll((tables) => Math.max(...tables.map((t) => t.scrollWidth - t.clientWidth)));
    expect(widest).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
