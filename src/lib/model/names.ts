/**
 * Names as protocols write them: letters, slugs and comparison keys shared by the person
 * rules (`person-names.ts`) and the organisation rules (`organisation-names.ts`), which find them in the registries (`content/people/`, `content/organisations/`).
 *
 * This file holds rules only, never a name: who is who lives in the YAML registries, whose
 * `aliases` record every spelling an editor has confirmed. When a rule cannot decide, the
 * indexes answer `ambiguous` or `none` and the importer asks; nothing is merged silently.
 *
 * Runs under `node --experimental-strip-types` (the importer), hence no enums, no
 * parameter properties and `.ts` import paths.
 */


// ---------------------------------------------------------------------------------------
// Letters, slugs, keys
// ---------------------------------------------------------------------------------------

/** German letters fold to their standard ASCII spelling; a few letters NFD does not split. */
const LETTER_FOLDS: Record<string, string> = {
  ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ẞ: 'SS',
  ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i',
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Umlauts and ß to ae/oe/ue/ss, every other diacritic dropped (é -> e). */
export function foldLetters(s: string): string {
  return s
    .normalize('NFC') // so that a decomposed "u + ¨" is folded like "ü"
    .replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Whitespace (incl. line breaks and no-break spaces) collapsed to single spaces, trimmed. */
export function collapseSpaces(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Turn any text into an ASCII id slug: ä/ö/ü/ß -> ae/oe/ue/ss (also upper case), other
 * diacritics dropped, lower case, every run of other characters -> one hyphen, trimmed.
 * @example slugify('Jürgen Groß') // => 'juergen-gross'
 * @example slugify('Hr. Dr. Renée Groß (ABC)') // => 'hr-dr-renee-gross-abc'
 */
export function slugify(s: string): string {
  return foldLetters(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `nameKey` per string, computed once: the mention matcher asks for the key of every
 * capitalised word of every protocol (BENCHMARKS.md); the words repeat.
 */
const nameKeys = new Map<string, string>();

/**
 * A comparison key for ONE name part (a given or a family name), equal only for the
 * spellings the merge rules allow (the importer's documented rules, README "Importing"):
 * - ß = ss ("Groß" = "Gross"), ph = f ("Christoph" = "Christof");
 * - umlauts = their standard spelling ("Schäfer" = "Schaefer"; but "Kühn" ≠ "Kuhn");
 * - other diacritics dropped ("Renée" = "Renee");
 * - case, hyphens, spaces and dots ignored ("Schulze-Bauer" = "Schulze Bauer").
 * Nothing else: no doubled-letter collapse ("Weis" ≠ "Weiss"), no one-letter variants
 * ("Meier" ≠ "Maier"). Such spellings are the same person only through a registry alias.
 * @example nameKey('Groß') === nameKey('Gross') // => true ('gross')
 * @example nameKey('Christoph') // => 'christof'
 * @example nameKey('Schulze-Bauer') === nameKey('Schulze Bauer') // => true
 */
export function nameKey(s: string): string {
  let key = nameKeys.get(s);
  if (key === undefined) {
    key = foldLetters(s)
      .toLowerCase()
      .replace(/ph/g, 'f')
      .replace(/[^a-z]/g, '');
    nameKeys.set(s, key);
  }
  return key;
}

/** Whether two strings differ by at most one insertion, deletion or substitution. */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A dash with spaces on both sides: separates name and organisation, never inside a name. */
export const SPACED_DASH = /\s+[-–—]\s+/;
