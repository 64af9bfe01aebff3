/**
 * Where a text holds an e-mail address or a phone number: the patterns behind
 * `maskContactData` and `findContactData` (`src/lib/text/privacy.ts`).
 *
 * Protocols write contact data in many spellings, and some are meant to dodge
 * filters: `anna(at)firma(punkt)de`, `anna at firma dot de`, `anna @ firma.de`, a
 * fullwidth `＠`, a soft hyphen or zero-width space inside the address, `%40` and
 * `&#64;` for the `@`; `+49 (0) 30 / 123 456`, `030.1234567`, `030‑1234567` (a
 * non-breaking hyphen), `(0 30) 12 34 56`, `+49 (30) 123456`, `Telefonnummer: 7654321`.
 * So the patterns run on a normalised copy of the text: each character in NFKC, soft
 * hyphens and zero-width characters dropped, every dash a `-`; what they find is mapped
 * back to the original, so the text outside a match stays exactly as written.
 *
 * What must stay (dates, times, § 3 Abs. 2, money, vote counts 7/0/1, years, page
 * numbers, ids): `test/site/privacy.test.ts`.
 */

/** A stretch of a text that is contact data: `[start, end)` offsets into the original. */
export interface ContactSpan {
  start: number;
  end: number;
  kind: 'email' | 'phone';
}

/** `@`, its encoded forms, or the spam-proof spellings ` (at) ` / ` [at] `, with spaces around. */
const at = String.raw`(?:\s*(?:@|%40|&#0*64;|&#x0*40;|&commat;)\s*|\s*[([]\s*at\s*[)\]]\s*)`;
/** `.`, or ` (dot) ` / ` [punkt] `. */
const dot = String.raw`(?:\.|\s*[([]\s*(?:dot|punkt)\s*[)\]]\s*)`;
/** The part before the `@`, from the start of a word (a start inside a word would try every letter again). */
const localPart = String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+`;
const label = String.raw`[\p{L}\p{N}-]+`;

/** E-mail addresses (with `mailto:` in front, if any): `name@firma.de`, `name(at)firma(punkt)de`, `name @ firma.de`. */
const emailPattern = new RegExp(String.raw`(?:mailto:)?${localPart}${at}${label}(?:${dot}${label})*${dot}\p{L}{2,}(?![\p{L}\p{N}])`, 'giu');

/** Addresses spelled out with bare words: `name at firma dot de` (both words needed, so "at" alone in a sentence stays). */
const spelledEmailPattern = new RegExp(String.raw`${localPart}\s+at\s+${label}(?:\s+(?:dot|punkt)\s+${label})+(?![\p{L}\p{N}])`, 'giu');

/** What every e-mail match contains, tested on the normalised text first (the patterns try every word). */
const mayContainEmail = /@|%40|&#0*64;|&#x0*40;|&commat;|[([]\s*at\s*[)\]]|\sat\s/i;

/** Phone labels: "Tel.", "Telefon:", "Telefonnummer:", "Tel.-Nr.", "Fax", "Mobil", "Handy", "Durchwahl", "tel:". */
const phoneLabel = String.raw`\b(?:Tel(?:efon)?|Fon|Tele?fax|Fax|Mobil(?:telefon)?|Handy|Ruf|Durchwahl)(?:nummer|nr\.?|-Nr\.?|\.-Nr\.?)?\.?:?\s*`;

/** A number after a label (the label stays, the number is masked). */
const labelledPhonePattern = new RegExp(String.raw`(?<=${phoneLabel})\+?\(?\d[\d\s()./-]{2,}\d`, 'giu');

/** International numbers: `+49 228 123456`, `0049 (0)228-12 34 56`, `+49 (0) 30 / 123 456`, `+49 (30) 123456`. */
const internationalPhonePattern = new RegExp(
  String.raw`(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s./-]*(?:\(0\)[\s./-]*|\(\d{1,5}\)\s*)?\d(?:\s*[./-]?\s*\d){5,}(?!\w)`,
  'gu',
);

/**
 * National numbers with an area code: `(0228) 1234`, `(0 30) 12 34 56`, `0228 / 123 45 67`,
 * `0171-1234567` (after a hyphen at least five digits, so `0900-1200 Uhr` stays), `030.1234567`
 * (after a dot at least five digits and no further dot, so dates such as `09.12.2020` stay),
 * `02281234567`.
 */
const nationalPhonePattern = new RegExp(
  [
    String.raw`\(0(?:\s?\d){2,5}\)\s*\d(?:[\s-]?\d){3,}`,
    String.raw`0\d{2,5}(?:\s*\/\s*|\s+)\d(?:[\s-]?\d){3,}`,
    String.raw`0\d{2,5}\s*-\s*\d(?:[\s-]?\d){4,}`,
    String.raw`0\d{2,5}\.\d{5,}(?![.\d])`,
    String.raw`0\d{8,12}`,
  ]
    .map((alternative) => String.raw`(?<![\w./-])${alternative}(?![\w])`)
    .join('|'),
  'gu',
);

/** Soft hyphen, zero-width spaces and joiners, word joiner, BOM, Mongolian vowel separator: invisible, dropped before matching. */
const invisible = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/;
/** Every dash-like character: a `-` to the patterns. */
const dash = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
/**
 * The characters normalisation may change that matter to the patterns: Latin-1 no-break space
 * and soft hyphen, general punctuation (spaces, dashes, invisible characters), the minus sign,
 * ideographic space, small and fullwidth forms, mathematical letters and digits (surrogates).
 * Everything else (ASCII, umlauts) is the same in NFKC, so it is copied without a look.
 */
const relevant = /[\u00a0\u00ad\u180e\u2000-\u206f\u2212\u3000\ufe50-\ufe6b\ufeff\uff00-\uffef]|\ud835[\udc00-\udfff]/gu;

/** The text as the patterns see it, and where its offsets lie in the original. */
interface Normalised {
  text: string;
  /** Where the two texts stop running in step: `[normalised offset, original offset]` after each change, ascending. */
  steps: [number, number][];
}

/**
 * The normalised copy of a text: NFKC (fullwidth `＠` => `@`, `０` => `0`, no-break space =>
 * space), invisible characters dropped, dashes as `-`.
 * @example normalise('a\u00ad@b.de').text // => 'a@b.de'
 */
function normalise(original: string): Normalised {
  let text = '';
  let copied = 0;
  const steps: [number, number][] = [];
  for (const match of original.matchAll(relevant)) {
    const char = match[0];
    const mapped = invisible.test(char) ? '' : dash.test(char) ? '-' : char.normalize('NFKC');
    if (mapped === char) continue;
    text += original.slice(copied, match.index) + mapped;
    copied = match.index + char.length;
    steps.push([text.length, copied]);
  }
  return { text: text + original.slice(copied), steps };
}

/** The original offset of a normalised offset (inside a changed character: the end of that character). */
function originalOffset(steps: readonly [number, number][], offset: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid][0] <= offset) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return offset;
  const [normal, original] = steps[lo - 1];
  return original + (offset - normal);
}

/** Blanks the matches of `pattern` in `work` (so later patterns do not see them) and records their spans. */
function take(work: { text: string }, pattern: RegExp, kind: ContactSpan['kind'], spans: { start: number; end: number; kind: ContactSpan['kind'] }[]): void {
  work.text = work.text.replace(pattern, (match: string, ...rest: unknown[]) => {
    const offset = rest.find((r) => typeof r === 'number') as number;
    spans.push({ start: offset, end: offset + match.length, kind });
    return 'x'.repeat(match.length);
  });
}

/**
 * The contact data in a text, as offsets into it, in text order, not overlapping.
 * @example contactSpans('Tel. 0228 123456') // => [{ start: 5, end: 16, kind: 'phone' }]
 * @example contactSpans('am 09.12.2020 um 10:00 Uhr') // => []
 */
export function contactSpans(original: string): ContactSpan[] {
  // Quick tests first: most texts hold neither an `@`-like sign nor a digit (fullwidth digits included).
  const maybeEmail = /[@\uff20\ufe6b%&([]|\sat\s/i.test(original);
  const maybePhone = /[\d\uff10-\uff19]/.test(original);
  if (!maybeEmail && !maybePhone) return [];
  const { text, steps } = normalise(original);
  const work = { text };
  const found: ContactSpan[] = [];
  if (maybeEmail && mayContainEmail.test(text)) {
    take(work, emailPattern, 'email', found);
    take(work, spelledEmailPattern, 'email', found);
  }
  if (/\d/.test(work.text)) {
    take(work, labelledPhonePattern, 'phone', found);
    take(work, internationalPhonePattern, 'phone', found);
    take(work, nationalPhonePattern, 'phone', found);
  }
  const spans = steps.length > 0 ? found.map((s) => ({ ...s, start: originalOffset(steps, s.start), end: originalOffset(steps, s.end) })) : found;
  return spans.sort((a, b) => a.start - b.start);
}
