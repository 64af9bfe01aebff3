/**
 * What a reader gets from a file of `dist/`, as text to scan: every byte, not the text the
 * site extracted (`npm run check:publish` and the tests read `dist/` with it). Written apart from the site's own readers (src/lib/text/pdf-clean.ts), so
 * a gap in those is not a gap here too.
 *
 * - gzip data (Pagefind's fragments) is gunzipped;
 * - a ZIP (a Word document) is unzipped and every part decoded (all XML, rels, custom XML);
 * - a PDF: the raw file, every stream inflated (zlib, whatever its dictionary says), every
 *   literal string `(…)` with its escapes and every hex string `<…>` decoded, as Latin-1 and,
 *   with a byte-order mark, UTF-16;
 * - anything else as UTF-8, and as UTF-16 where it has the NUL pattern of UTF-16.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, inflateSync } from 'node:zlib';
import JSZip from 'jszip';

/** The largest total a scan inflates, bytes: far above any file of the archive. */
const MAX_SCAN_BYTES = 200 * 1024 * 1024;

/** Decodes a PDF literal string's body (`\n`, `\(`, octal `\100`, line continuations). */
function literal(body: string): string {
  return body.replace(/\\(?:([0-7]{1,3})|(\r?\n)|(.))/gs, (_m, octal: string, newline: string, char: string) => {
    if (octal) return String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
    if (newline) return '';
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[char] ?? char;
  });
}

/** A string's bytes (one char per byte) as text: UTF-16BE/LE when it starts with a byte-order mark, else Latin-1. */
function pdfText(latin1: string): string {
  const bytes = Buffer.from(latin1, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return latin1;
}

/** Literal and hex strings of PDF syntax (a file, or an inflated stream). */
function pdfStringsOf(source: string): string[] {
  const out: string[] = [];
  // Literal strings with balanced parentheses one level deep, and escaped ones.
  for (const m of source.matchAll(/\(((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*)\)/gs)) out.push(pdfText(literal(m[1])));
  for (const m of source.matchAll(/<([0-9A-Fa-f\s]{2,})>/g)) {
    const hex = m[1].replace(/\s/g, '');
    out.push(pdfText(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1')));
  }
  return out;
}

/** A PDF, read byte by byte: the file, every stream inflated, every string decoded. */
function pdfScan(bytes: Buffer): string {
  // The cross-reference table's offsets ("0000000016 00000 n") are structure, not text.
  const raw = bytes.toString('latin1').replace(/^\d{10} \d{5} [fn]\s*$/gm, '');
  const parts = [raw, ...pdfStringsOf(raw)];
  let budget = MAX_SCAN_BYTES;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, budget), finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a trailing EOL */ });
      budget -= inflated.length;
      const text = inflated.toString('latin1');
      // A font's ToUnicode map is runs of hex glyph codes ("<0074> <0074> <0066>"): structure, no text.
      if (!text.includes('begincmap')) parts.push(text, ...pdfStringsOf(text));
    } catch {
      // Not deflated (an image, an uncompressed stream): its bytes are in `raw` already.
    }
  }
  return parts.join('\n');
}

/** UTF-16 without a byte-order mark: NUL in most odd (LE) or even (BE) positions. */
function utf16Without(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  if (odd > pairs * 0.6 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.6 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Every byte of a file as text to scan (see the module comment).
 * @example await bytesAsText(readFileSync('dist/quellen/a.pdf')) // => '%PDF-1.7 … Protokoll des Plenums …'
 */
export async function bytesAsText(input: Uint8Array): Promise<string> {
  let bytes = Buffer.from(input);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_SCAN_BYTES });
    } catch {
      // Not gzip after all: scanned as it is.
    }
  }
  if (bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) return pdfScan(bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const zip = await JSZip.loadAsync(bytes);
      const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => `${f.name}\n${await bytesAsText(await f.async('uint8array'))}`));
      return parts.join('\n');
    } catch {
      // A damaged ZIP: scanned as bytes.
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const utf16 = utf16Without(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  return bytes.toString('utf8');
}

/** `bytesAsText` of a file. */
export function fileAsText(path: string): Promise<string> {
  return bytesAsText(readFileSync(path));
}

/** An attribute `on…=` inside a tag, or a `javascript:`/`vbscript:`/`data:` URL in an attribute or CSS `url()`. */
const ACTIVE = [
  /<[a-zA-Z][^<>]*?\son[a-z]+\s*=/g,
  /<[a-zA-Z][^<>]*?=\s*["']?\s*(?:javascript|vbscript|data):/gi,
  // The corpus's scripts all call alert(): one in a <script> element came from content (the site's own inline scripts do not).
  /<script\b[^>]*>[^<]*alert\(/gi,
];

/**
 * Active content in markup (HTML, SVG, XML): tags with `on*` attributes, `javascript:`,
 * `vbscript:` or `data:` URLs, and scripts of the hostile corpus (they call `alert(`).
 * Returns each match with its offset.
 * @example activeContent('<img src=x onerror="alert(1)">') // => ['@0: <img src=x onerror=']
 */
export function activeContent(markup: string): string[] {
  return ACTIVE.flatMap((pattern) => [...markup.matchAll(pattern)].map((m) => `@${m.index}: ${m[0].slice(0, 120)}`));
}
