/**
 * Highlighting the search words on the page a hit opens (issue #25), with Pagefind's own
 * highlighter (https://pagefind.app/docs/highlighting/): the search page asks Pagefind for
 * result links that carry each word as `?hervorheben=<word>` (the `highlightParam` option), and
 * a content page loads `pagefind-highlight.js` (44 kB, mark.js inside) only when its URL has
 * that parameter (`src/components/SearchHighlight.astro`), so a page opened any other way
 * loads nothing more.
 */

/** The URL parameter that carries a search word to the page a hit opens. */
export const HIGHLIGHT_PARAM = 'hervorheben';

/** The class of the highlighted words (`<mark class="search-hit">`, styled in global.css). */
export const HIGHLIGHT_CLASS = 'search-hit';

/**
 * Whether a page's query string asks for highlighting.
 * @example wantsHighlight('?hervorheben=Pr%C3%A4vention') // => true
 * @example wantsHighlight('?q=Pr%C3%A4vention') // => false
 */
export function wantsHighlight(search: string): boolean {
  return new URLSearchParams(search).getAll(HIGHLIGHT_PARAM).some((word) => word.trim() !== '');
}

