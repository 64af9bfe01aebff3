/**
 * Full-text search (Pagefind) in the built site, in headless Chromium: queries
 * typed into the header and the search page, deep links to the TOP or resolution
 * where the words are, umlaut spellings, prefixes, filters and sort order kept in
 * the URL (reload, back/forward), the empty state, the "/" shortcut, a 375 px
 * phone, accessibility of a results page, and the bytes a search costs.
 * Words are real ones from `content/protocols/`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { colorSchemes, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const dist = inject('dist');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The meetings the tests search in. */
const plenum2017 = '/sitzungen/2017-11-09-plenum/';
const strategiekreis2021 = '/sitzungen/2021-11-11-strategiekreis/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `path` in a fresh page; `requests` collects the paths of the Pagefind files it requests. */
async function open(
  path: string,
  options: { width?: number; javaScript?: boolean; colorScheme?: 'light' | 'dark'; requests?: string[] } = {},
): Promise<Page> {
  // bypassCSP: the axe checks inject axe-core as an inline script, which the site's own policy
  // forbids (test/e2e/content-security-policy.test.ts checks the pages under it).
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const { requests } = options;
  if (requests) {
    page.on('request', (request) => {
      const requested = new URL(request.url()).pathname;
      if (requested.startsWith('/pagefind/')) requests.push(requested);
    });
  }
  await page.goto(`${baseUrl}${path}`);
  return page;
}

/** One rendered result. */
interface Shown {
  title: string;
  href: string;
  kind: string;
  date?: string;
  /** The line under the title: kind · date · committee. */
  meta: string;
  places: { label: string; href: string }[];
  marks: string[];
}

/**
 * Waits until the search page has answered — its status line contains `expected`,
 * or matches it if it is a RegExp — and returns the status and the results as rendered.
 */
async function answer(page: Page, expected: string | RegExp): Promise<{ status: string; results: Shown[] }> {
  const match = typeof expected === 'string' ? { text: expected } : { pattern: expected.source };
  await page.waitForFunction(
    ({ text, pattern }) => {
      const status = document.getElementById('suche-status')?.textContent ?? '';
      return text !== undefined ? status.includes(text) : new RegExp(pattern!).test(status);
    },
    match as { text?: string; pattern?: string },
    { timeout: 15_000 },
  );
  return page.evaluate(() => ({
    status: document.getElementById('suche-status')!.textContent!.trim(),
    results: [...document.querySelectorAll<HTMLLIElement>('#suche-ergebnisse > li')].map((item) => {
      const link = item.querySelector<HTMLAnchorElement>('.search-result-title a')!;
      return {
        title: link.textContent!.trim(),
        href: new URL(link.href).pathname + new URL(link.href).hash,
        kind: item.querySelector('.search-result-kind')?.textContent?.trim() ?? '',
        date: item.querySelector('time')?.getAttribute('datetime') ?? undefined,
        meta: item.querySelector('.search-result-meta')?.textContent?.trim() ?? '',
        places: [...item.querySelectorAll<HTMLAnchorElement>('.search-place-link')].map((a) => ({
          label: a.textContent!.trim(),
          href: new URL(a.href).pathname + new URL(a.href).hash,
        })),
        marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent!.replace(/[^\p{L}\p{N}-]/gu, '')),
      };
    }),
  }));
}

/** The page path of a result's link (without the `#anchor`). */
const pageOf = (result: Shown) => result.href.split('#')[0];

describe('searching', () => {
  it('the header field of every page is a plain form to /suche/?q=…, even without JavaScript', async () => {
    const page = await open(strategiekreis2021, { javaScript: false });
    await page.getByRole('searchbox', { name: 'Suchbegriffe' }).fill('Kohlerevieren');
    await Promise.all([page.waitForURL(/\/suche\/\?q=Kohlerevieren$/), page.getByRole('button', { name: 'Suchen' }).click()]);
    await page.context().close();
  });

  it('a word from one TOP of a protocol lands on that TOP', async () => {
    const page = await open(strategiekreis2021);
    await page.locator('#kopf-suche').fill('Kohlerevieren');
    await page.locator('#kopf-suche').press('Enter');
    await page.waitForURL(/\/suche\/\?q=Kohlerevieren$/);
    const { status, results } = await answer(page, 'Treffer');
    expect(status).toBe('1 Treffer für „Kohlerevieren“');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      title: '5. Treffen des Strategiekreises der Offensive Mittelstand (OM)',
      href: `${strategiekreis2021}#top-2`,
      kind: 'Sitzung',
      date: '2021-11-11',
      marks: ['Kohlerevieren'],
    });
    expect(results[0].places[0].label).toMatch(/^TOP 2 – /);
    await page.locator('.search-result-title a').click();
    // The link carries the word for the landing page's highlighting (src/lib/search/highlight.ts).
    await page.waitForURL((url) => url.pathname + url.hash === `${strategiekreis2021}#top-2` && url.searchParams.has('hervorheben'));
    expect(await page.evaluate(() => `${document.querySelector(':target')?.tagName}#${document.querySelector(':target')?.id}`)).toBe('H3#top-2');
    // Scrolling may be smooth: wait until the heading is on screen.
    await page.waitForFunction(() => {
      const top = document.getElementById('top-2')!.getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight / 2;
    });
    await page.context().close();
  });

  it("a meeting's excerpt reads as words: the protocol's, not its facts, breadcrumb or checksum", async () => {
    // The facts list is out of the index (issue #25): "Videokonferenz", only in the facts of
    // the online meetings, finds no meeting, and no excerpt reads like the list.
    const page = await open('/suche/?q=Videokonferenz&art=Sitzung');
    await answer(page, /Treffer|Keine/);
    const excerpts = await page.locator('#suche-ergebnisse .search-excerpt').allTextContents();
    for (const text of excerpts) {
      expect(text).not.toMatch(/(Gremium|Datum|Format|Teilnehmende|Moderation) (Strategiekreis|Plenum|AG|Online|Donnerstag|\d+ Personen)/);
      expect(text).not.toMatch(/SHA-256/);
    }
    await page.context().close();
  });

  it('a resolution is a place of its own, labelled with its TOP', async () => {
    const page = await open('/suche/?q=Lieferantendatenbank&art=Sitzung');
    const { results } = await answer(page, 'Treffer');
    const meeting = results.find((result) => pageOf(result) === strategiekreis2021);
    expect(meeting?.places).toContainEqual({
      label: 'TOP 1 – Neues aus der Offensive › Beschluss',
      href: `${strategiekreis2021}#2021-11-11-strategiekreis-b1`,
    });
    await page.context().close();
  });

  it('ranks the protocol first, not the pages that only list it (issue #5)', async () => {
    // Person, organisation and resolution pages keep their link lists out of the index
    // (data-pagefind-ignore); a resolution page's text, the protocol's own, weighs a tenth.
    const page = await open('/suche/?q=Lieferantendatenbank');
    const { results } = await answer(page, 'Treffer für');
    // A protocol that names it comes first (since the fifth seed, the 2022 AG Transfer's TOP title).
    expect(pageOf(results[0])).toMatch(/^\/sitzungen\/\d{4}-\d{2}-\d{2}-/);
    expect(results.map(pageOf)).toContain(strategiekreis2021);
    expect(results.map((result) => result.kind)).not.toContain('Person');
    expect(results.map((result) => result.kind)).not.toContain('Organisation');
    await page.context().close();
  });

  it.each([
    ['Praevention', 'Prävention', plenum2017],
    ['Gefaehrdungsbeurteilung', 'Gefährdungsbeurteilung', strategiekreis2021],
    ['Begruessung', 'Begrüßung', plenum2017],
    ['Begrüssung', 'Begrüßung', plenum2017],
    ['Massnahmen', 'Maßnahmen', undefined],
    ['heisst', 'heißt', undefined],
    ['Jörißen', 'Joerißen', strategiekreis2021],
    ['Pravention', 'Prävention', plenum2017],
  ])('finds umlauts and ß however they are typed: %s finds %s', async (typed, word, meeting) => {
    const page = await open(`/suche/?q=${encodeURIComponent(typed)}`);
    const { results } = await answer(page, 'Treffer für');
    expect(results.flatMap((result) => result.marks)).toContain(word);
    if (meeting) expect(results.map(pageOf)).toContain(meeting);
    await page.context().close();
  });

  it('matches the beginning of the last word', async () => {
    const page = await open('/suche/?q=Gef%C3%A4hrd');
    const { results } = await answer(page, 'Treffer für');
    expect(results.map(pageOf)).toContain(strategiekreis2021);
    expect(results.flatMap((result) => result.marks)).toContain('Gefährdungsbeurteilung');
    await page.context().close();
  });

  it('searches as you type, and keeps the query in the URL without a history entry per key', async () => {
    const page = await open('/suche/');
    const before = await page.evaluate(() => history.length);
    await page.locator('#suche-q').pressSequentially('Kohlerev', { delay: 20 });
    await answer(page, '„Kohlerev“');
    expect(new URL(page.url()).search).toBe('?q=Kohlerev');
    expect(await page.evaluate(() => history.length)).toBe(before);
    await page.context().close();
  });
});

/** The resolution pages in dist/ (`/beschluesse/<id>/`). */
function resolutionPages(): string[] {
  return readdirSync(join(dist, 'beschluesse'))
    .filter((name) => existsSync(join(dist, 'beschluesse', name, 'index.html')))
    .map((name) => `/beschluesse/${name}/`);
}

describe('resolutions (their own Pagefind bundle)', () => {
  it('a search over everything finds a resolution in its meeting, and its place lands on the resolution', async () => {
    const requests: string[] = [];
    const page = await open('/suche/', { requests });
    await page.locator('#suche-q').fill('Lieferantendatenbank');
    await page.locator('#suche-q').press('Enter');
    const { results } = await answer(page, 'Treffer für „Lieferantendatenbank“');
    const meeting = results.find((result) => pageOf(result) === strategiekreis2021);
    const place = { label: 'TOP 1 – Neues aus der Offensive › Beschluss', href: `${strategiekreis2021}#2021-11-11-strategiekreis-b1` };
    expect(meeting?.places).toContainEqual(place);
    // Resolution pages are not results here, and their bundle is not loaded.
    expect(results.map((result) => result.kind)).not.toContain('Beschluss');
    expect(requests.filter((path) => path.startsWith('/pagefind/beschluesse/'))).toEqual([]);

    await page.locator(`.search-place-link[href$="#2021-11-11-strategiekreis-b1"]`).first().click();
    await page.waitForURL((url) => url.pathname + url.hash === place.href);
    expect(await page.evaluate(() => `${document.querySelector(':target')?.tagName}#${document.querySelector(':target')?.id}`)).toBe(
      'H4#2021-11-11-strategiekreis-b1',
    );
    await page.context().close();
  });

  it('Art: Beschluss lists resolutions as results of their own, linking to their pages', async () => {
    const requests: string[] = [];
    const page = await open('/suche/?q=Lieferantendatenbank&art=Beschluss', { requests });
    const { status, results } = await answer(page, '(Art: Beschluss)');
    expect(status).toMatch(/^\d+ Treffer für „Lieferantendatenbank“ \(Art: Beschluss\)$/);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.kind === 'Beschluss')).toBe(true);
    expect(results.map(pageOf)).toContain('/beschluesse/2021-11-11-strategiekreis-b1/');
    expect(results.every((result) => resolutionPages().includes(pageOf(result)))).toBe(true);
    // Named by what it decides (issue #25), not "Beschluss zu TOP 1".
    expect(results[0].title).toMatch(/^Der Strategiekreis beauftragt Ralf Angerstein/);
    // From the resolution pages' bundle; no filter file, since every page there is a resolution.
    expect(requests.some((path) => path.startsWith('/pagefind/beschluesse/') && path.endsWith('.pf_meta'))).toBe(true);
    expect(requests.filter((path) => path.includes('/filter/'))).toEqual([]);

    await page.locator('.search-result-title a').first().click();
    await page.waitForURL(/\/beschluesse\/2021-11-11-strategiekreis-b\d+\//);
    expect(await page.locator('h1').textContent()).toMatch(/^Der Strategiekreis beauftragt/);
    await page.context().close();
  });

  it('lists every resolution by Art alone, newest first, and committee and year narrow the list', async () => {
    const page = await open('/suche/?art=Beschluss');
    const all = await answer(page, '(Art: Beschluss)');
    expect(all.status).toBe(`${resolutionPages().length} Treffer (Art: Beschluss)`);
    const dates = all.results.map((result) => result.date!);
    expect(dates).toEqual([...dates].sort().reverse());

    await page.getByLabel('Gremium', { exact: true }).selectOption('Plenum');
    const plenum = await answer(page, 'Gremium: Plenum');
    expect(new URL(page.url()).search).toBe('?art=Beschluss&gremium=Plenum');
    const count = Number(plenum.status.split(' ')[0]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(resolutionPages().length);
    expect(plenum.results.every((result) => result.kind === 'Beschluss' && result.meta.includes('Plenum'))).toBe(true);

    await page.goto(`${baseUrl}/suche/?art=Beschluss&jahr=2021`);
    const year = await answer(page, 'Jahr: 2021');
    expect(year.results.length).toBeGreaterThan(0);
    expect(year.results.every((result) => result.date?.startsWith('2021'))).toBe(true);
    await page.goto(`${baseUrl}/suche/?art=Beschluss&jahr=2021&gremium=Plenum`);
    await answer(page, 'Keine Treffer mit diesen Filtern (Art: Beschluss, Jahr: 2021, Gremium: Plenum)');
    await page.context().close();
  });

  it('switching Art between Beschluss and everything switches bundles and back', async () => {
    const page = await open('/suche/?q=Lieferantendatenbank');
    const everything = await answer(page, /^\d+ Treffer für „Lieferantendatenbank“$/);
    await page.getByLabel('Art', { exact: true }).selectOption('Beschluss');
    const resolutions = await answer(page, '(Art: Beschluss)');
    expect(resolutions.results.every((result) => result.kind === 'Beschluss')).toBe(true);
    await page.goBack();
    const again = await answer(page, /^\d+ Treffer für „Lieferantendatenbank“$/);
    expect(again.results.map((result) => result.href)).toEqual(everything.results.map((result) => result.href));
    await page.context().close();
  });
});

describe('filters and sort order', () => {
  it('applies a filter, keeps it in the URL, and restores it on reload and back/forward', async () => {
    const page = await open('/suche/?q=Pr%C3%A4vention');
    const unfiltered = await answer(page, 'Treffer für „Prävention“');
    expect(new Set(unfiltered.results.map((result) => result.kind)).size).toBeGreaterThan(1);

    await page.getByLabel('Art', { exact: true }).selectOption('Beschluss');
    const filtered = await answer(page, '(Art: Beschluss)');
    expect(new URL(page.url()).search).toBe('?q=Pr%C3%A4vention&art=Beschluss');
    expect(filtered.results.length).toBeGreaterThan(0);
    expect(filtered.results.every((result) => result.kind === 'Beschluss')).toBe(true);

    await page.reload();
    const reloaded = await answer(page, '(Art: Beschluss)');
    expect(await page.getByLabel('Art', { exact: true }).inputValue()).toBe('Beschluss');
    expect(await page.locator('#suche-q').inputValue()).toBe('Prävention');
    expect(reloaded.results.map((result) => result.href)).toEqual(filtered.results.map((result) => result.href));

    await page.goBack();
    await answer(page, /^\d+ Treffer für „Prävention“$/);
    expect(new URL(page.url()).search).toBe('?q=Pr%C3%A4vention');
    expect(await page.getByLabel('Art', { exact: true }).inputValue()).toBe('');

    await page.goForward();
    await answer(page, '(Art: Beschluss)');
    expect(await page.getByLabel('Art', { exact: true }).inputValue()).toBe('Beschluss');
    await page.context().close();
  });

  it('filters by year, committee, person, organisation and topic from a shared link', async () => {
    const page = await open('/suche/?q=Pr%C3%A4vention&jahr=2017&gremium=Plenum&art=Sitzung');
    const { status, results } = await answer(page, 'Jahr: 2017');
    expect(status).toBe('1 Treffer für „Prävention“ (Art: Sitzung, Jahr: 2017, Gremium: Plenum)');
    expect(results.map(pageOf)).toEqual([plenum2017]);
    for (const [label, value] of [['Jahr', '2017'], ['Gremium', 'Plenum'], ['Art', 'Sitzung']]) {
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe(value);
    }
    // The other filters offer the values in the index.
    for (const label of ['Person', 'Organisation', 'Thema']) {
      expect(await page.getByLabel(label, { exact: true }).locator('option').count()).toBeGreaterThan(1);
    }
    await page.goto(`${baseUrl}/suche/?q=Lieferantendatenbank&person=Achim+Sieker&organisation=BMAS&thema=Digitalisierung`);
    const narrowed = await answer(page, 'Person: Achim Sieker');
    expect(narrowed.results.map(pageOf)).toContain(strategiekreis2021);
    await page.context().close();
  });

  it('lists by filters alone, newest first', async () => {
    const page = await open('/suche/?art=Sitzung');
    const { status, results } = await answer(page, 'Treffer');
    expect(status).toMatch(/^\d+ Treffer \(Art: Sitzung\)$/);
    const dates = results.map((result) => result.date!);
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    await page.context().close();
  });

  it('sorts by date, oldest or newest first', async () => {
    const page = await open('/suche/?q=Beschluss&sortierung=aelteste');
    const oldest = await answer(page, 'Treffer für „Beschluss“');
    const ascending = oldest.results.flatMap((result) => (result.date ? [result.date] : []));
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending).toEqual([...ascending].sort());
    await page.getByLabel('Sortierung').selectOption('neueste');
    await page.waitForURL(/sortierung=neueste/);
    // The list is redrawn when the first date is no longer the oldest.
    await page.waitForFunction((oldestDate) => {
      const first = document.querySelector('#suche-ergebnisse time')?.getAttribute('datetime');
      return Boolean(first) && first !== oldestDate;
    }, ascending[0]);
    const newest = await answer(page, 'Treffer für „Beschluss“');
    const descending = newest.results.flatMap((result) => (result.date ? [result.date] : []));
    expect(descending).toEqual([...descending].sort().reverse());
    await page.context().close();
  });

  it('shows more results on request and moves focus to the first new one', async () => {
    const page = await open('/suche/?art=Person');
    const { status, results } = await answer(page, 'Treffer');
    const total = Number(status.split(' ')[0]);
    expect(total).toBeGreaterThan(20);
    expect(results).toHaveLength(20);
    await page.getByRole('button', { name: 'Weitere Treffer anzeigen' }).click();
    await answer(page, `von ${total} Treffern angezeigt`);
    expect(await page.locator('#suche-ergebnisse > li').count()).toBe(Math.min(total, 40));
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('#suche-ergebnisse > li')[20].querySelector('a'))).toBe(true);
    await page.context().close();
  });
});

describe('the search page', () => {
  it('says clearly when nothing is found, with hints', async () => {
    const page = await open('/suche/?q=Xylophonkonzert');
    const { status, results } = await answer(page, 'Keine Treffer');
    expect(status).toBe('Keine Treffer für „Xylophonkonzert“');
    expect(results).toEqual([]);
    await expect.poll(() => page.getByRole('heading', { name: 'Keine Treffer für „Xylophonkonzert“' }).isVisible()).toBe(true);
    expect(await page.locator('#suche-leer li:visible').count()).toBeGreaterThanOrEqual(3);
    expect(await page.title()).toMatch(/^„Xylophonkonzert“ – 0 Treffer · Suche · /);

    await page.goto(`${baseUrl}/suche/?q=Kohlerevieren&jahr=2017`);
    await answer(page, 'Keine Treffer für „Kohlerevieren“ (Jahr: 2017)');
    const withoutFilters = page.getByRole('link', { name: 'ohne Filter suchen' });
    expect(await withoutFilters.getAttribute('href')).toBe('/suche/?q=Kohlerevieren');
    await withoutFilters.click();
    await answer(page, '1 Treffer für „Kohlerevieren“');
    await page.context().close();
  });

  it('"/" focuses the search field on the search page, but not while typing; other pages carry only the highlighter\'s loader', async () => {
    const page = await open('/suche/?q=Kohlerevieren');
    await answer(page, 'Treffer');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suche-q');
    await page.keyboard.type('a/b');
    // "/" selected the query, so typing replaces it; a "/" typed in the field stays text.
    expect(await page.locator('#suche-q').inputValue()).toBe('a/b');

    // A content page carries one small script, the search-word highlighter's loader (src/lib/search/highlight.ts),
    // and loads nothing more unless opened from a hit.
    await page.goto(`${baseUrl}${strategiekreis2021}`, { waitUntil: 'networkidle' });
    const scripts = await page.evaluate(() => [...document.scripts].filter((s) => s.type !== 'application/ld+json').map((s) => s.src));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\/_astro\/SearchHighlight\.[^/]*\.js$/);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/pagefind/')))).toBe(false);
    await page.context().close();
  });

  it('is usable at 375 px: no sideways scrolling, field, button and results on screen', async () => {
    const page = await open('/suche/', { width: 375 });
    await page.locator('#suche-q').fill('Praevention');
    await page.locator('#suche-q').press('Enter');
    await answer(page, 'Treffer für „Praevention“');
    const layout = await page.evaluate(() => {
      const right = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().right;
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        field: right('#suche-q'),
        button: right('.search-row button'),
        result: right('#suche-ergebnisse > li'),
        width: window.innerWidth,
      };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    for (const edge of [layout.field, layout.button, layout.result]) expect(edge).toBeLessThanOrEqual(layout.width);
    await page.locator('.search-result-title a').first().scrollIntoViewIfNeeded();
    expect(await page.locator('.search-result-title a').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it.each(colorSchemes)('a results page has no WCAG 2.1 A/AA violations (%s)', async (colorScheme) => {
    const page = await open('/suche/?q=Pr%C3%A4vention', { colorScheme });
    await answer(page, 'Treffer');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is the global the injected script defines
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return (result.violations as Array<{ id: string; nodes: Array<{ target: string[] }> }>).flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

describe('bytes per search', () => {
  /** Transferred body bytes of Pagefind's files, by kind. */
  type Bytes = Record<'entry' | 'worker' | 'wasm' | 'meta' | 'filters' | 'index' | 'fragments' | 'total', number>;

  function sum(requests: { url: string; bytes: number }[]): Bytes {
    const bytes: Bytes = { entry: 0, worker: 0, wasm: 0, meta: 0, filters: 0, index: 0, fragments: 0, total: 0 };
    for (const { url, bytes: size } of requests) {
      const path = new URL(url).pathname;
      if (!path.startsWith('/pagefind/')) continue;
      const kind: keyof Bytes = path.endsWith('/pagefind.js')
        ? 'entry'
        : path.endsWith('pagefind-worker.js')
          ? 'worker'
          : path.includes('/wasm.')
            ? 'wasm'
            : path.endsWith('.pf_meta') || path.endsWith('pagefind-entry.json')
              ? 'meta'
              : path.includes('/filter/')
                ? 'filters'
                : path.includes('/index/')
                  ? 'index'
                  : 'fragments';
      bytes[kind] += size;
      bytes.total += size;
    }
    return bytes;
  }

  it('a first and a follow-up query load little (measured in Chromium)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: { url: string; bytes: number }[] = [];
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      requests.push({ url: request.url(), bytes: sizes.responseBodySize });
    });
    await page.goto(`${baseUrl}/suche/`);
    await page.waitForFunction(() => document.querySelectorAll('#suche-art option').length > 1);
    await page.locator('#suche-q').fill('Prävention');
    await page.locator('#suche-q').press('Enter');
    await answer(page, 'Treffer für „Prävention“');
    await page.waitForLoadState('networkidle');
    const first = sum(requests.splice(0));
    await page.locator('#suche-q').fill('Lieferantendatenbank');
    await page.locator('#suche-q').press('Enter');
    await answer(page, 'Treffer für „Lieferantendatenbank“');
    await page.waitForLoadState('networkidle');
    const followUp = sum(requests.splice(0));
    // Chromium reports no body size for the worker script (loaded once, with the first
    // query): fetch it again and ask Resource Timing for its transferred size.
    first.worker = await page.evaluate(async (url) => {
      await fetch(url, { cache: 'no-store' });
      const entries = performance.getEntriesByName(url) as PerformanceResourceTiming[];
      return entries.at(-1)?.encodedBodySize ?? 0;
    }, `${baseUrl}/pagefind/pagefind-worker.js`);
    first.total += first.worker;
    console.log(`Search bytes (Chromium, transferred body bytes):\n  first query:     ${JSON.stringify(first)}\n  follow-up query: ${JSON.stringify(followUp)}`);
    expect(first.entry).toBeGreaterThan(0);
    expect(first.wasm).toBeGreaterThan(0);
    expect(first.index).toBeGreaterThan(0);
    // The filter values come with the page: no filter file until a search uses that filter.
    expect(first.filters).toBe(0);
    // Nothing loaded twice: the follow-up costs only its own index chunks and fragments.
    expect(followUp.entry + followUp.worker + followUp.wasm + followUp.meta + followUp.filters).toBe(0);
    expect(first.total).toBeLessThan(300_000);
    expect(followUp.total).toBeLessThan(100_000);
    await context.close();
  });
});
