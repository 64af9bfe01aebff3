/**
 * Accessibility (BITV 2.0 / WCAG 2.1 AA) of every page kind, in light and dark
 * colour schemes: axe-core with the WCAG 2.1 A/AA rules (incl. contrast) plus its
 * landmark, heading and skip-link rules; and by keyboard: the skip link comes
 * first, shows when focused and moves focus to `<main>`, and every focusable
 * element shows a focus outline that stands out from the page (3:1).
 * Pages are found in `dist/` (`discoverPages`), so new page kinds are covered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { colorSchemes, launchBrowser } from './browser';
import { discoverPages } from './dist-files';

const baseUrl = inject('baseUrl');
// Every page kind found in dist/, plus the search page with results (rendered by its script), the
// register narrowed by its script to further facets, and a hit's landing page with its words marked.
const searchWithResults = '/suche/?q=Pr%C3%A4vention';
const narrowedRegister = '/beschluesse/art/beschluss/?jahr=2021&thema=digitalisierung';
const markedHit = '/sitzungen/2021-11-11-strategiekreis/?hervorheben=kohlerevieren';
const pages = [...discoverPages(inject('dist')), searchWithResults, narrowedRegister, markedHit];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 level A and AA: what BITV 2.0 requires. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's best-practice rules for landmarks, headings and the skip link (not tagged WCAG, asked for all the same). */
const structureRules = [
  'region',
  'landmark-one-main',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'landmark-unique',
  'landmark-banner-is-top-level',
  'landmark-contentinfo-is-top-level',
  'landmark-main-is-top-level',
  'page-has-heading-one',
  'heading-order',
  'empty-heading',
  'skip-link',
];

/** How many focusable elements per page the keyboard check tabs through. */
const maxTabStops = 80;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `path` in a fresh page with the given colour scheme. */
async function open(path: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script, which the site's policy forbids
  // (test/e2e/content-security-policy.test.ts checks every page kind under it).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  // The highlighter loads after the page: check the page with its marks.
  if (path.includes('hervorheben=')) await page.locator('mark.search-hit').first().waitFor();
  return page;
}

/**
 * Runs axe with the given rules; returns one line per violation and element. Contrast
 * axe could not decide (text over images, gradients or overlapping boxes) counts as a
 * violation: nobody checks it by hand later. Not so a single character or icon glyph
 * (`shortTextContent`, `nonBmp`: separators like "·"), which is not text to read.
 */
async function axe(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (only) => {
    type Node = { target: string[]; failureSummary?: string; any?: Array<{ data?: { messageKey?: string } | null }> };
    type Result = { id: string; help: string; nodes: Node[] };
    const notText = (node: Node) => (node.any ?? []).some((check) => ['shortTextContent', 'nonBmp'].includes(check.data?.messageKey ?? ''));
    // @ts-expect-error axe is the global the injected script defines
    const result: { violations: Result[]; incomplete: Result[] } = await window.axe.run(document, {
      runOnly: only,
      resultTypes: ['violations', 'incomplete'],
    });
    const undecided = result.incomplete
      .filter((r) => r.id === 'color-contrast')
      .map((r) => ({ ...r, id: 'color-contrast (undecided)', nodes: r.nodes.filter((node) => !notText(node)) }));
    return [...result.violations, ...undecided].flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.help}) at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    );
  }, runOnly);
}

/**
 * Starts keyboard navigation at the top of the document, as on arrival without
 * autofocus (a search page may focus its field; the skip link still comes first).
 */
async function fromTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
}

/** WCAG relative luminance contrast of two `rgb()`/`rgba()` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

describe.each(colorSchemes)('%s colour scheme', (colorScheme) => {
  describe.each(pages)('%s', (path) => {
    // One load per page and scheme; the keyboard test, which moves focus, runs last.
    let page: Page;
    beforeAll(async () => {
      page = await open(path, colorScheme);
      if (path === searchWithResults) await page.waitForSelector('#suche-ergebnisse > li');
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
      expect(await axe(page, { type: 'tag', values: wcagTags })).toEqual([]);
    });

    it('has sound landmarks, headings and skip link (axe-core best practices)', async () => {
      expect(await axe(page, { type: 'rule', values: structureRules })).toEqual([]);
      for (const role of ['banner', 'main', 'contentinfo'] as const) {
        expect(await page.getByRole(role).count(), `${role} landmarks`).toBe(1);
      }
      expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(1);
    });

    it('can be used by keyboard: skip link first, visible focus everywhere', async () => {
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

      await fromTop(page);
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        return { text: element.textContent?.trim(), href: element.getAttribute('href'), top: box.top, height: box.height };
      });
      expect(skip.text).toBe('Zum Inhalt springen');
      expect(skip.top, 'skip link visible when focused').toBeGreaterThanOrEqual(0);
      expect(skip.height).toBeGreaterThan(10);

      const problems: string[] = [];
      for (let stop = 0; stop < maxTabStops; stop++) {
        const focus = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return undefined;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            element: `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
            outlineStyle: style.outlineStyle,
            outlineWidth: parseFloat(style.outlineWidth),
            outlineColor: style.outlineColor,
            visible: box.width > 0 && box.height > 0,
          };
        });
        if (!focus) break;
        if (!focus.visible) problems.push(`${focus.element}: focused but not visible`);
        else if (focus.outlineStyle === 'none' || focus.outlineWidth < 2) problems.push(`${focus.element}: no visible focus outline`);
        else if (contrast(focus.outlineColor, background) < 3) {
          problems.push(`${focus.element}: focus outline ${focus.outlineColor} has contrast ${contrast(focus.outlineColor, background).toFixed(2)}:1 (< 3:1)`);
        }
        await page.keyboard.press('Tab');
      }
      expect(problems).toEqual([]);

      // The skip link leads to <main>, and keyboard focus follows.
      await fromTop(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    });
  });
});
