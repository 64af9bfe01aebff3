/**
 * Keeps contact data out of everything the site publishes. Protocols name
 * people, and sometimes their e-mail addresses and phone numbers ("Rückfragen
 * an … Tel. 0228 …"); names are part of the public record, contact data is
 * not. Every output that carries protocol text (pages, served originals,
 * feeds, calendars, OParl, the CSV/JSON dataset) passes it through
 * `maskContactData` first.
 *
 * API contract (other steps rely on it): `maskContactData(text: string): string`,
 * `maskContactDataInBytes(bytes)`, `EMAIL_MARK`, `PHONE_MARK`.
 * Cases it must and must not mask: `test/site/privacy.test.ts`.
 */

/** What a masked e-mail address is replaced with. */
export const EMAIL_MARK = '[E-Mail-Adresse entfernt]';

/** What a masked phone number is replaced with. */
export const PHONE_MARK = '[Telefonnummer entfernt]';

/** `@`, or the spam-proof spellings ` (at) ` / ` [at] `. */
const at = String.raw`(?:@|\s*[([]\s*at\s*[)\]]\s*)`;
/** `.`, or ` (dot) ` / ` [dot] `. */
const dot = String.raw`(?:\.|\s*[([]\s*dot\s*[)\]]\s*)`;

/** E-mail addresses (with `mailto:` in front, if any), also `name(at)firma.de`, `name [at] firma [dot] de`. */
const emailPattern = new RegExp(
  String.raw`(?:mailto:)?[\p{L}\p{N}._%+-]+${at}[\p{L}\p{N}-]+(?:${dot}[\p{L}\p{N}-]+)*${dot}\p{L}{2,}`,
  'giu',
);

/** What every match of `emailPattern` contains: `@`, or `(at)` / `[at]` in any case and spacing. */
const mayContainEmail = /@|[([]\s*at\s*[)\]]/i;

/** A number after a label such as "Tel.", "Telefon:", "Fax", "Mobil" (keeps the label, masks the number). */
const labelledPhonePattern = /\b((?:Tel(?:efon)?|Fon|Fax|Mobil(?:telefon)?|Handy)\.?:?\s*)\+?\(?\d[\d\s()./–-]{2,}\d/giu;

/** International numbers: `+49 228 123456`, `0049 (0)228-12 34 56`, `+492281234567`. */
const internationalPhonePattern = /(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s./-]*(?:\(0\)[\s./-]*)?\d(?:[\s./-]?\d){5,}(?!\w)/gu;

/**
 * National numbers with an area code: `(0228) 1234`, `0228 / 123 45 67`, `0171-1234567`
 * (after a hyphen at least five digits, so `0900-1200 Uhr` stays), `02281234567`.
 * Dots are never separators here, so dates such as `09.12.2020` stay.
 */
const nationalPhonePattern = new RegExp(
  [
    String.raw`\(0\d{2,5}\)\s*\d(?:[\s-]?\d){3,}`,
    String.raw`0\d{2,5}(?:\s*\/\s*|\s+)\d(?:[\s-]?\d){3,}`,
    String.raw`0\d{2,5}\s*[-–]\s*\d(?:[\s-]?\d){4,}`,
    String.raw`0\d{8,12}`,
  ]
    .map((alternative) => String.raw`(?<![\w./-])${alternative}(?![\w])`)
    .join('|'),
  'gu',
);

/**
 * Replaces e-mail addresses and phone numbers in a text with `EMAIL_MARK` / `PHONE_MARK`;
 * idempotent, dates, times, counts and ids stay.
 * @example maskContactData('Kontakt: anna.beispiel@example.org, Tel. 0228 123456')
 *   // => 'Kontakt: [E-Mail-Adresse entfernt], Tel. [Telefonnummer entfernt]'
 * @example maskContactData('am 09.12.2020 von 09:00 bis 10:30 Uhr') // => unchanged
 */
export function maskContactData(text: string): string {
  // Quick tests first: the e-mail pattern tries every word (about 10 % of a build's time at
  // 2,000 protocols, BENCHMARKS.md), but an address needs an `@` or a bracketed "at",
  // and a phone number a digit.
  const masked = mayContainEmail.test(text) ? text.replace(emailPattern, EMAIL_MARK) : text;
  if (!/\d/.test(masked)) return masked;
  return masked
    .replace(labelledPhonePattern, (_match, label: string) => `${label}${PHONE_MARK}`)
    .replace(internationalPhonePattern, PHONE_MARK)
    .replace(nationalPhonePattern, PHONE_MARK);
}

/**
 * Masks contact data in a file's bytes (an original protocol, served under `/quellen/`):
 * UTF-8 is decoded and re-encoded (a byte-order mark stays); anything else is treated as
 * Windows-1252/Latin-1 one byte per character, so all bytes outside the masked spans stay.
 * Returns the input itself when there is nothing to mask.
 * @example maskContactDataInBytes(new TextEncoder().encode('a@b.de')) // => bytes of '[E-Mail-Adresse entfernt]'
 */
export function maskContactDataInBytes<T extends Uint8Array>(bytes: T): T | Uint8Array<ArrayBuffer> {
  let text: string;
  let utf8 = true;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    utf8 = false;
    text = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
  }
  const masked = maskContactData(text);
  if (masked === text) return bytes;
  return utf8 ? new TextEncoder().encode(masked) : Uint8Array.from(masked, (char) => char.charCodeAt(0));
}

/**
 * The e-mail addresses and phone numbers `maskContactData` would mask, as written
 * (for tests that scan built files for leftovers).
 * @example findContactData('Tel. 0228 123456 oder a@b.de') // => ['a@b.de', '0228 123456']
 */
export function findContactData(text: string): string[] {
  const found: string[] = [];
  const record = (mark: string) => (match: string) => {
    found.push(match);
    return mark;
  };
  text
    .replace(emailPattern, record(EMAIL_MARK))
    .replace(labelledPhonePattern, (match: string, label: string) => `${label}${record(PHONE_MARK)(match.slice(label.length))}`)
    .replace(internationalPhonePattern, record(PHONE_MARK))
    .replace(nationalPhonePattern, record(PHONE_MARK));
  return found;
}
