/**
 * Keeps contact data out of everything the site publishes. Protocols name
 * people, and sometimes their e-mail addresses and phone numbers ("Rückfragen
 * an … Tel. 0228 …"); names are part of the public record, contact data is
 * not. Every output that carries protocol text (pages, served originals,
 * feeds, calendars, OParl, the CSV/JSON dataset) passes it through
 * `maskContactData` first.
 *
 * The patterns and the spellings they know: `src/lib/text/contact-data.ts`.
 * API contract (other steps rely on it): `maskContactData(text: string): string`,
 * `maskContactDataInBytes(bytes)`, `EMAIL_MARK`, `PHONE_MARK`.
 * Cases it must and must not mask: `test/site/privacy.test.ts`.
 */

import { contactSpans } from './contact-data.ts';

/** What a masked e-mail address is replaced with. */
export const EMAIL_MARK = '[E-Mail-Adresse entfernt]';

/** What a masked phone number is replaced with. */
export const PHONE_MARK = '[Telefonnummer entfernt]';

/**
 * Replaces e-mail addresses and phone numbers in a text with `EMAIL_MARK` / `PHONE_MARK`
 * (the spellings `contactSpans` knows, `src/lib/text/contact-data.ts`); idempotent, and
 * dates, times, counts, money and ids stay. The text outside the marks stays as written.
 * @example maskContactData('Kontakt: anna.beispiel@example.org, Tel. 0228 123456')
 *   // => 'Kontakt: [E-Mail-Adresse entfernt], Tel. [Telefonnummer entfernt]'
 * @example maskContactData('anna(at)example(punkt)org, +49 (0) 30 / 123 456') // => '[E-Mail-Adresse entfernt], [Telefonnummer entfernt]'
 * @example maskContactData('am 09.12.2020 von 09:00 bis 10:30 Uhr') // => unchanged
 */
export function maskContactData(text: string): string {
  const spans = contactSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + (span.kind === 'email' ? EMAIL_MARK : PHONE_MARK);
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * Masks contact data in a file's bytes (an original protocol, served under `/quellen/`):
 * UTF-16 with a byte-order mark (Word's "Unicode text") is decoded and re-encoded in the
 * same byte order; UTF-8 is decoded and re-encoded (a byte-order mark stays); anything
 * else is treated as Windows-1252/Latin-1 one byte per character, so all bytes outside
 * the masked spans stay. Returns the input itself when there is nothing to mask.
 * PDF and Word files are not text: see `publishOriginal` (./originals.ts).
 * @example maskContactDataInBytes(new TextEncoder().encode('a@b.de')) // => bytes of '[E-Mail-Adresse entfernt]'
 */
export function maskContactDataInBytes<T extends Uint8Array>(bytes: T): T | Uint8Array<ArrayBuffer> {
  const utf16 = utf16Order(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes);
    const masked = maskContactData(text);
    return masked === text ? bytes : encodeUtf16(masked, utf16);
  }
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
 * The byte order of UTF-16 text, from its byte-order mark, or, without one, from NUL
 * bytes in every other position of mostly-ASCII text (e.g. bytes `FF FE 41 00` => `'utf-16le'`).
 */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4 || sample.length % 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function encodeUtf16(text: string, order: 'utf-16le' | 'utf-16be'): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(text.length * 2));
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [a, b] = order === 'utf-16le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    out[i * 2] = a;
    out[i * 2 + 1] = b;
  }
  return out;
}

/** The kinds of file an original is read as (`originalKind`): PDF, Word, or text. */
export type OriginalKind = 'PDF' | 'Word' | 'Text';

/** The kind of an original from its bytes (`%PDF-`, a ZIP with `word/document.xml`), not its name. */
export function originalKind(bytes: Uint8Array): OriginalKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'PDF';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'Word';
  return 'Text';
}

/**
 * The text of a PDF or Word file as mammoth and unpdf read it (`text`), and what else
 * the file carries that may hold contact data (`hidden`: link targets such as `mailto:`,
 * Word headers, footers, comments); `null` for a text file.
 * @throws when the file cannot be read (damaged, encrypted): such an original is never published as is
 */
export async function originalText(bytes: Uint8Array): Promise<{ text: string; hidden: string } | null> {
  const kind = originalKind(bytes);
  if (kind === 'Text') return null;
  if (kind === 'Word') {
    const [{ default: mammoth }, { default: JSZip }] = await Promise.all([import('mammoth'), import('jszip')]);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { value } = await mammoth.extractRawText({ buffer });
    // Headers, footers, comments and link targets are parts of their own; mammoth reads only the body.
    const zip = await JSZip.loadAsync(buffer);
    const parts = await Promise.all(
      Object.keys(zip.files).filter((name) => /^word\/.*\.(xml|rels)$/.test(name) && name !== 'word/document.xml').map((name) => zip.file(name)!.async('string')),
    );
    const targets = parts.flatMap((xml) => [...xml.matchAll(/Target="([^"]+)"/g)].map((m) => decodeXml(m[1])));
    const texts = parts.map((xml) => decodeXml(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')));
    return { text: value, hidden: [...texts, ...targets].join('\n') };
  }
  const { getDocumentProxy, extractText, extractLinks } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  const { links } = await extractLinks(pdf);
  return { text, hidden: links.join('\n') };
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The e-mail addresses and phone numbers `maskContactData` would mask, as written
 * (for tests that scan built files for leftovers).
 * @example findContactData('Tel. 0228 123456 oder a@b.de') // => ['0228 123456', 'a@b.de']
 */
export function findContactData(text: string): string[] {
  return contactSpans(text).map((span) => text.slice(span.start, span.end));
}
