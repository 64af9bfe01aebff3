/**
 * Contact data in a built `dist/` (the privacy gate of the browser suite and of
 * `npm run check:publish`): every file read as text where it is text (gzipped ones, like
 * Pagefind's index, unpacked; PDF and Word files through their text), and the archive's own
 * contact data searched byte by byte where it is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findContactData, originalKind, originalText, utf16Order } from '../text/privacy.ts';
import { filesUnder } from '../model/files.ts';
import { bytesAsText } from './dist-bytes.ts';

const listFiles = filesUnder;

/** A file's bytes, gunzipped when they are gzip data (Pagefind's `.pf_*` files). */
export function readUnpacked(path: string): Buffer {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch {
      return bytes;
    }
  }
  return bytes;
}

/**
 * An iCalendar file without its `UID:` lines: an event's UID is an identifier written like an
 * address, `<meeting-id>@<site host>` (RFC 5545, 3.8.4.7; src/lib/publish/calendar.ts), which
 * nobody can write to; on a public host it would look like an e-mail address to the scan.
 */
function withoutUids(text: string): string {
  return text.replace(/^UID:.*$/gm, '');
}

/** Code, not content: numbers in it are not phone numbers (`+1000000` in a script). */
const CODE = /\.(?:js|mjs|css|wasm|map)$|\/wasm\.[^/]*$/;

/**
 * A file's text for the contact-data scan, whatever its format: every byte a reader gets
 * (`bytesAsText`, ./dist-bytes.ts: UTF-16 and UTF-8 decoded, a ZIP's every part, a PDF's
 * every stream and string), and for a PDF or Word file also its text as unpdf or mammoth
 * read it (a PDF's fonts may encode the page text so no byte shows it); `null` for other
 * binary files (images, fonts, Pagefind's index), which `contactDataInFiles` searches for
 * the archive's known contact data byte by byte instead.
 * @example await scanText(readFileSync('dist/quellen/a.pdf')) // => '%PDF-1.7 … Protokoll … mailto:a@b.de'
 */
export async function scanText(bytes: Uint8Array): Promise<string | null> {
  if (utf16Order(bytes)) return bytesAsText(bytes);
  if (originalKind(bytes) !== 'Text') {
    let read: { text: string; hidden: string } | null = null;
    try {
      read = await originalText(bytes);
    } catch {
      // A ZIP that is no Word document (or a damaged PDF): its bytes are scanned all the same.
    }
    return `${await bytesAsText(bytes)}\n${read ? `${read.text}\n${read.hidden}` : ''}`;
  }
  return bytes.includes(0) ? null : bytesAsText(bytes);
}

/**
 * The contact data written in the archive's own files (protocols, originals of any
 * format, registries), as `findContactData` finds it: what must never reach `dist/`.
 * @example await knownContactData('content') // => ['martin.wittau@bvng.org', 'mba.01@renob.de', ...]
 */
export async function knownContactData(contentDir: string): Promise<string[]> {
  const known = new Set<string>();
  for (const file of listFiles(contentDir)) {
    const text = (await scanText(readFileSync(join(contentDir, file)))) ?? readFileSync(join(contentDir, file), 'utf8');
    for (const found of findContactData(text)) known.add(found.replace(/^mailto:/i, ''));
  }
  return [...known].sort();
}

/**
 * Contact data in `dist/`: `<file>: <what>`. Text files that are not code (in UTF-8 or
 * UTF-16) and PDF/Word files must hold none at all (`findContactData`); code and other
 * binary files (scripts, Pagefind's index) must hold none of `known`, the archive's own
 * contact data, in any of UTF-8, Latin-1 or UTF-16. Third-party code may name its
 * authors (Pagefind's translations credit their translators by e-mail).
 * @example await contactDataInFiles('dist', ['mba.01@renob.de']) // => ['quellen/002_….txt: mba.01@renob.de']
 */
export async function contactDataInFiles(dist: string, known: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of listFiles(dist)) {
    const bytes = readUnpacked(join(dist, file));
    const text = CODE.test(file) ? null : await scanText(bytes);
    if (text === null) {
      // UTF-16 at even and at odd offsets; decoded from whole code units only (Node 24 crashes on an odd tail).
      const even = (start: number) => bytes.subarray(start, start + ((bytes.length - start) & ~1));
      const all = bytes.toString('latin1') + bytes.toString('utf8') + even(0).toString('utf16le') + even(1).toString('utf16le');
      for (const item of known.filter((k) => all.includes(k))) problems.push(`${file}: ${item}`);
    } else {
      for (const item of findContactData(file.endsWith('.ics') ? withoutUids(text) : text)) problems.push(`${file}: ${item}`);
    }
  }
  return problems;
}
