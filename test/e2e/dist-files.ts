/**
 * Reading a built `dist/` for the quality gates: every file (gzipped ones, like
 * Pagefind's index, unpacked), the pages that exist, and which of them to open
 * in the browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findContactData } from '../../src/lib/privacy';

/** Every file below `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

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

/** Code, not content: numbers in it are not phone numbers (`+1000000` in a script). */
const CODE = /\.(?:js|mjs|css|wasm|map)$|\/wasm\.[^/]*$/;

/**
 * Binary documents (attachments): a PDF's cross-reference table ("0000000009 00000 n") is not
 * phone numbers. Their text is checked when they are published (`src/lib/attachments.ts`);
 * here they must hold none of the archive's known contact data.
 */
const DOCUMENT = /\.(?:pdf|docx?|xlsx?|pptx?|odt|png|jpe?g)$/i;

/**
 * The contact data written in the archive's own files (protocols, originals,
 * registries), as `findContactData` finds it: what must never reach `dist/`.
 * @example knownContactData('content') // => ['martin.wittau@bvng.org', 'mba.01@renob.de', ...]
 */
export function knownContactData(contentDir: string): string[] {
  const known = new Set<string>();
  for (const file of listFiles(contentDir)) {
    for (const found of findContactData(readFileSync(join(contentDir, file), 'utf8'))) {
      // In a document's raw bytes only e-mail addresses are telling: its digit runs are offsets.
      if (DOCUMENT.test(file) && !found.includes('@')) continue;
      known.add(found.replace(/^mailto:/i, ''));
    }
  }
  return [...known].sort();
}

/**
 * Contact data in `dist/`: `<file>: <what>`. Text files that are not code must hold
 * none at all (`findContactData`); code and binary files (scripts, Pagefind's index)
 * must hold none of `known`, the archive's own contact data. Third-party code may name
 * its authors (Pagefind's translations credit their translators by e-mail).
 * @example contactDataInFiles('dist', ['mba.01@renob.de']) // => ['quellen/002_….txt: mba.01@renob.de']
 */
export function contactDataInFiles(dist: string, known: string[]): string[] {
  const problems: string[] = [];
  for (const file of listFiles(dist)) {
    const bytes = readUnpacked(join(dist, file));
    if (bytes.includes(0) || CODE.test(file) || DOCUMENT.test(file)) {
      const text = bytes.toString('latin1') + bytes.toString('utf8');
      for (const item of known.filter((k) => text.includes(k))) problems.push(`${file}: ${item}`);
    } else {
      for (const item of findContactData(bytes.toString('utf8'))) problems.push(`${file}: ${item}`);
    }
  }
  return problems;
}

/** Top-level folders of `dist/` that hold no pages. */
const NOT_PAGES = new Set(['_astro', 'pagefind', 'quellen', 'anlagen']);

/**
 * The pages to check in the browser, found in `dist/` so new page kinds are covered
 * without editing the tests: the home page, a missing page (served as the 404 page),
 * and for each top-level folder with pages its index (if any) and its richest page
 * (the sub-folder with the largest `index.html`). Paths end in `/`.
 * @example discoverPages('dist') // => ['/', '/gibt-es-nicht/', '/gremien/', '/gremien/plenum/', ...]
 */
export function discoverPages(dist: string): string[] {
  const pages = ['/'];
  if (existsSync(join(dist, '404.html'))) pages.push('/gibt-es-nicht/');
  for (const entry of readdirSync(dist, { withFileTypes: true })) {
    if (!entry.isDirectory() || NOT_PAGES.has(entry.name) || entry.name.startsWith('.')) continue;
    const folder = join(dist, entry.name);
    if (existsSync(join(folder, 'index.html'))) pages.push(`/${entry.name}/`);
    const richest = readdirSync(folder, { withFileTypes: true })
      .filter((child) => child.isDirectory() && existsSync(join(folder, child.name, 'index.html')))
      .map((child) => ({ name: child.name, size: statSync(join(folder, child.name, 'index.html')).size }))
      .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))[0];
    if (richest) pages.push(`/${entry.name}/${richest.name}/`);
  }
  return pages.sort();
}
