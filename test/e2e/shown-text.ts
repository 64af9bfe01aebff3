/**
 * What a reader meets on a page, for the browser suite's "no machinery in front" checks (issue #25).
 */
import type { Page } from 'playwright-core';

/** A resolution id as the archive writes it (`2021-11-11-strategiekreis-b2`). */
export const RESOLUTION_ID = /\b\d{4}-\d{2}-\d{2}-[a-z0-9-]+-b\d+\b/;

/**
 * The visible text nodes of `page` that match `pattern`: outside URLs (a permalink holds the id
 * by design), `<details>`, scripts, templates and visually hidden text (1 px boxes).
 * @param pattern a RegExp source, evaluated in the page
 * @returns the trimmed texts found, in document order; `[]` when the page shows none
 */
export function shownMatches(page: Page, pattern: string): Promise<string[]> {
  return page.evaluate((source) => {
    const machine = new RegExp(source);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const element = node.parentElement;
      if (!element || !machine.test(text)) continue;
      if (/\/beschluesse\/|https?:\/\//.test(text) || element.closest('details, script, style, template')) continue;
      const box = element.getBoundingClientRect();
      if (element.getClientRects().length === 0 || (box.width <= 1 && box.height <= 1)) continue;
      found.push(text.trim());
    }
    return found;
  }, pattern);
}
