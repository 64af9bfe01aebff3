/**
 * Issue #25 in the browser: the register's filters combine every facet (year, then committee,
 * then kind, then topic, each keeping the others; the list shows exactly the resolutions that
 * the four single-facet pages of `dist/` have in common), and the page a search hit opens marks
 * the words as Pagefind matched them (case, umlauts, ß): every word Pagefind marked in the hit's
 * excerpt is marked on the page. Values come from `dist/` and the search, not from copies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const dist = inject('dist');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  return page;
}

/** The resolution links a built register page lists. */
function listedInDist(path: string): string[] {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  return [...html.matchAll(/class="resolution-item-title" href="([^"]+)"/g)].map((match) => match[1]);
}

/** The facet's chips in sight that choose a value (not "Alle …"). */
const valueChips = (page: Page, facet: string) => page.locator(`.facets li:not([hidden]) a[data-facet="${facet}"]:not([data-value=""])`);

/** Clicks the first value chip of a facet that is not chosen yet; returns its value. */
async function choose(page: Page, facet: string): Promise<string> {
  const chip = valueChips(page, facet).and(page.locator(':not([aria-current])')).first();
  const value = (await chip.getAttribute('data-value'))!;
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), chip.click()]);
  return value;
}

describe('the resolution register', () => {
  it('keeps year, committee, kind and topic together, and lists what all four pages have in common', async () => {
    const page = await open('/beschluesse/');
    const chosen: Record<string, string> = {};
    for (const facet of ['jahr', 'gremium', 'art', 'thema']) {
      chosen[facet] = await choose(page, facet);
      // Every choice so far is still chosen.
      const current = await page.locator('.facets a[aria-current="page"]:not([data-value=""])').evaluateAll((chips) =>
        Object.fromEntries(chips.map((chip) => [chip.getAttribute('data-facet'), chip.getAttribute('data-value')])),
      );
      expect(current, `after choosing ${facet}`).toEqual(chosen);
      // The list: exactly the resolutions on each chosen value's own page.
      const expected = Object.entries(chosen)
        .map(([f, value]) => new Set(listedInDist(`beschluesse/${f}/${value}`)))
        .reduce((all, one) => new Set([...all].filter((href) => one.has(href))));
      const shown = await page.locator('.resolution-item-title:visible').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(new Set(shown), `after choosing ${facet}`).toEqual(expected);
      expect(shown.length).toBeGreaterThan(0);
      expect(await page.locator('[data-register-count]').textContent()).toMatch(new RegExp(`^${shown.length} ${shown.length === 1 ? 'Eintrag' : 'Einträge'}\\b`));
    }
    expect(new URL(page.url()).pathname).toBe(`/beschluesse/thema/${chosen.thema}/`);
    // "Alle Themen" drops the topic alone; each other chip keeps the rest.
    const allTopics = await page.locator('.facets a[data-facet="thema"][data-value=""]').getAttribute('href');
    expect(allTopics).toBe(`/beschluesse/jahr/${chosen.jahr}/gremium/${chosen.gremium}/?art=${chosen.art}`);
    for (const href of await valueChips(page, 'art').evaluateAll((chips) => chips.map((a) => a.getAttribute('href')!))) {
      expect(href).toMatch(new RegExp(`\\?jahr=${chosen.jahr}&gremium=${chosen.gremium}&thema=${chosen.thema}$`));
    }
    await page.context().close();
  });

  it('without JavaScript, a chip still opens the page of what it names', async () => {
    const page = await open('/beschluesse/jahr/2021/', { javaScript: false });
    const chip = valueChips(page, 'art').first();
    const value = await chip.getAttribute('data-value');
    await chip.click();
    await page.waitForURL(new RegExp(`/beschluesse/art/${value}/\\?jahr=2021$`));
    expect(await page.locator('.facets a[aria-current="page"]:not([data-value=""])').getAttribute('data-value')).toBe(value);
    expect(await page.locator('.resolution-item-title').count()).toBe(listedInDist(`beschluesse/art/${value}`).length);
    await page.context().close();
  });
});

describe('search words on the page a hit opens', () => {
  /** The words a string has, without punctuation. */
  const words = (texts: string[]) => new Set(texts.flatMap((text) => text.match(/[\p{L}\p{N}]+/gu) ?? []));

  it.each(['beschluss', 'Beschlüsse', 'uber', 'mass'])('marks what Pagefind marked for "%s"', async (query) => {
    const page = await open(`/suche/?q=${encodeURIComponent(query)}`);
    const result = page.locator('.search-result').first();
    await result.waitFor({ timeout: 15_000 });
    const excerpt = words(await result.locator('.search-excerpt mark').first().allTextContents());
    expect(excerpt.size).toBeGreaterThan(0);
    await result.locator('.search-result-title a').click();
    await page.waitForURL(/hervorheben=/);
    await page.locator('mark.search-hit').first().waitFor({ timeout: 10_000 });
    const marked = words(await page.locator('mark.search-hit').allTextContents());
    for (const word of excerpt) expect(marked, `${word} on ${page.url()}`).toContain(word);
    await page.context().close();
  });
});
