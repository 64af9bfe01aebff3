/**
 * Which words of the page a hit opens are marked (issue #25): every word that begins like a search
 * word once both are folded the way Pagefind's German index folds them. Loaded with Pagefind's
 * highlighter, only on a page opened from a hit (`src/components/SearchHighlight.astro`), so
 * other pages carry none of it. The URL parameter itself: `highlight.ts`.
 */

/**
 * A word as the highlighter compares it, folded the way Pagefind's German index treats spellings
 * alike (see `src/pages/suche/_search-page.ts`): lower case, diacritics off (`ü`→`u`, `é`→`e`),
 * `ß`→`ss`, and `ae`/`oe`/`ue` read as `a`/`o`/`u` except after `q` (the stemmer's rule), applied
 * until the word no longer changes (idempotent: `foldWord(foldWord(w)) === foldWord(w)`).
 * @example foldWord('Begrüßung') // => 'begrussung'
 * @example foldWord('Buerger') // => 'burger'
 */
export function foldWord(word: string): string {
  let folded = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
  // Until nothing changes, so folding a folded word changes nothing: the URL's words are Pagefind's
  // folded forms and are folded again here ("öeeß" → "oess" → "oss" on both sides).
  for (let previous = ''; previous !== folded; ) {
    previous = folded;
    folded = folded.replace(/(?<!q)([aou])e/g, '$1');
  }
  return folded;
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
