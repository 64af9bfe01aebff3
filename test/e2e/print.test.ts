/**
 * Printing a meeting page (src/styles/print.css): content only (no header,
 * navigation, footer, skip link, permalinks, pager), black on white even in the
 * dark scheme, link targets after content links, resolutions kept whole. Writes
 * the PDF to `screenshots/print-sitzung.pdf` for a look by eye
 * (`pdftoppm -png -r 60 screenshots/print-sitzung.pdf /tmp/print`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { discoverPages } from './dist-files';

const baseUrl = inject('baseUrl');
const meetingPage = discoverPages(inject('dist')).find((path) => /^\/sitzungen\/[^/]+\/$/.test(path));
const outDir = resolve(import.meta.dirname, '../../screenshots');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  if (!meetingPage) throw new Error(`test:e2e: no meeting page in ${inject('dist')}/sitzungen/. Fix: run \`npm run build\` with protocols in content/protocols/.`);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, colorScheme: 'dark' });
  page = await context.newPage();
  await page.goto(`${baseUrl}${meetingPage}`);
  await page.emulateMedia({ media: 'print' });
});
afterAll(async () => {
  await browser?.close();
});

describe(`printing a meeting page (${meetingPage})`, () => {
  it('leaves out the page chrome', async () => {
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('.skip-link, .site-header, .site-footer, nav, .permalink, .pager')]
        .filter((element) => getComputedStyle(element).display !== 'none')
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
    expect(await page.locator('main h1').isVisible()).toBe(true);
  });

  it('prints black on white, also from the dark scheme', async () => {
    const colours = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
    }));
    expect(colours).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
  });

  it('shows where content links lead, not for in-page links', async () => {
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('main a[href]')].map((a) => ({
        href: a.getAttribute('href')!,
        after: getComputedStyle(a, '::after').content,
      })),
    );
    const site = links.filter((link) => link.href.startsWith('/'));
    expect(site.length).toBeGreaterThan(0);
    for (const link of site) expect(link.after, link.href).toContain(`(${link.href})`);
    for (const link of links.filter((l) => l.href.startsWith('#'))) expect(link.after, link.href).toBe('none');
  });

  it('keeps resolutions and agenda items whole and headings with their text', async () => {
    const rules = await page.evaluate(() => ({
      resolution: [...document.querySelectorAll('.resolution')].map((e) => getComputedStyle(e).breakInside),
      agenda: [...document.querySelectorAll('.agenda > li')].map((e) => getComputedStyle(e).breakInside),
      headings: [...document.querySelectorAll('main h2, main h3')].map((e) => getComputedStyle(e).breakAfter),
    }));
    expect(new Set([...rules.resolution, ...rules.agenda])).toEqual(new Set(rules.resolution.length + rules.agenda.length ? ['avoid'] : []));
    expect(new Set(rules.headings)).toEqual(new Set(['avoid']));
  });

  it('makes a PDF', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'print-sitzung.pdf'), pdf);
  });
});
