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

/**
 * A word as the highlighter compares it, folded the way Pagefind's German index treats spellings
 * alike (see `src/pages/suche/_search-page.ts`): lower case, diacritics off (`ü`→`u`, `é`→`e`),
 * `ß`→`ss`, and `ae`/`oe`/`ue` read as `a`/`o`/`u` except after `q` (the stemmer's rule).
 * @example foldWord('Begrüßung') // => 'begrussung'
 * @example foldWord('Buerger') // => 'burger'
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/(?<!q)([aou])e/g, '$1');
}

/**
 * The German inflection endings a search word loses before comparing: the suffixes of step 1 of
 * the Snowball German stemmer (https://snowballstem.org/algorithms/german/stemmer.html), which
 * Pagefind's index uses, so `beschlusse` (what Pagefind puts in the URL for "Beschlüsse") marks
 * "Beschluss" too. Only where at least four letters stay: `mass` stays `mass`.
 */
const ENDING = /(?:ern|em|er|en|es|e|s)$/;
const MIN_STEM = 4;

/**
 * The search words of a hit's URL as the beginnings of page words to mark: folded, endings off, no duplicates.
 * @example highlightStems(['beschlusse', 'Maß']) // => ['beschluss', 'mass']
 */
export function highlightStems(words: readonly string[]): string[] {
  const stems = words.flatMap((word) => word.split(/[^\p{L}\p{N}]+/u)).map((word) => {
    const folded = foldWord(word);
    const stem = folded.replace(ENDING, '');
    return stem.length >= MIN_STEM ? stem : folded;
  });
  return [...new Set(stems.filter(Boolean))];
}

/**
 * Whether a word of the page is marked: its folded form begins with a stem (Pagefind finds words
 * by their beginning, and marks whole words in its excerpts).
 * @example isHighlighted('Beschlüsse', ['beschluss']) // => true
 * @example isHighlighted('Vorstandsbeschluss', ['beschluss']) // => false
 */
export function isHighlighted(pageWord: string, stems: readonly string[]): boolean {
  const folded = foldWord(pageWord);
  return stems.some((stem) => folded.startsWith(stem));
}

/** Every word of a text (letters and digits), for the highlighter to test one by one; global, as mark.js's `markRegExp` needs. */
export function wordPattern(): RegExp {
  return /[\p{L}\p{N}]+/gu;
}
