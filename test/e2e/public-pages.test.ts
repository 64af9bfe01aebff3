/**
 * What the privacy statement and the footer promise, checked on the built site in
 * Chromium (issue #16): every page links the editorial pages (Über, Impressum,
 * Datenschutz, Barrierefreiheit) from its footer; no page sets a cookie or stores
 * anything in the browser, the search page with results included; the OM's
 * undecided details show as visibly marked placeholders; the "In der Suche" link of a
 * person, organisation, topic, committee and matter page finds results.
 * Pages are found in `dist/` (`discoverPages`), which covers the editorial pages too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { editorialPages } from '../../src/lib/views/editorial-pages';
import { factLabels, placeholderText, siteFact, type FactName } from '../../src/site-config';
import { launchBrowser } from './browser';
import { discoverPages } from './dist-files';

const baseUrl = inject('baseUrl');
const searchWithResults = '/suche/?q=Pr%C3%A4vention';
const pages = discoverPages(inject('dist'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a path in a fresh context (no cookies or storage left from another page). */
async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  return page;
}

it('covers the editorial pages in the browser suites (discoverPages finds them)', () => {
  expect(pages).toEqual(expect.arrayContaining(editorialPages.map((page) => page.href)));
});

describe.each(pages)('%s', (path) => {
  it('links every editorial page from its footer', async () => {
    const page = await open(path);
    const footer = page.getByRole('contentinfo');
    const links = await footer.getByRole('link').evaluateAll((anchors) => anchors.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    expect(links).toEqual(expect.arrayContaining(editorialPages.map(({ href, label }) => [label, href])));
    await page.context().close();
  });
});

describe.each([...pages, searchWithResults])('%s', (path) => {
  it('sets no cookie and stores nothing in the browser', async () => {
    const page = await open(path);
    if (path === searchWithResults) await page.waitForSelector('#suche-ergebnisse > li');
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).map((db) => db.name),
      caches: 'caches' in window ? await caches.keys() : [],
    }));
    expect(stored).toEqual({ cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] });
    expect(await page.context().cookies()).toEqual([]);
    await page.context().close();
  });
});

/** The richest person, organisation, topic, committee and matter page (each has an "In der Suche" link). */
const entityPages = pages.filter((path) => /^\/(personen|organisationen|themen|gremien|vorgaenge)\/[^/]+\/$/.test(path));

describe.each(entityPages)('%s', (path) => {
  it('leads "In der Suche" to a search that finds something, with the page\'s filter or title set', async () => {
    const page = await open(path);
    const link = page.getByRole('link', { name: 'In der Suche', exact: true });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/suche\/\?(person|organisation|thema|gremium|q)=/);
    await link.click();
    await page.waitForSelector('#suche-ergebnisse > li', { timeout: 20_000 });
    expect(await page.locator('#suche-ergebnisse > li').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).search).toBe(new URL(href!, baseUrl).search);
    await page.context().close();
  });
});

describe('placeholders for what the OM has not decided', () => {
  it('are shown on the Impressum for each undecided fact, say what is missing, and stand out from the text', async () => {
    const page = await open('/impressum/');
    const shown = await page.locator('.placeholder').evaluateAll((elements) =>
      elements.map((element) => {
        const css = getComputedStyle(element);
        return { name: element.getAttribute('data-missing'), text: element.textContent, border: css.borderTopStyle, fontStyle: css.fontStyle };
      }),
    );
    const undecided = (Object.keys(factLabels) as FactName[]).filter((name) => 'missing' in siteFact(name));
    for (const placeholder of shown) {
      expect(undecided).toContain(placeholder.name);
      expect(placeholder).toEqual({ name: placeholder.name, text: placeholderText(factLabels[placeholder.name as FactName]), border: 'dashed', fontStyle: 'italic' });
    }
    // The Impressum shows the operator: a placeholder exactly while the name is undecided.
    expect(shown.some((placeholder) => placeholder.name === 'operator.name')).toBe(undecided.includes('operator.name'));
    await page.context().close();
  });
});
