/**
 * Reading a built `dist/` for the quality gates: every file, the contact-data scan
 * (`src/lib/checks/dist-contacts.ts`, shared with `npm run check:publish`), the pages
 * that exist, and which of them to open in the browser.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../../src/lib/model/files';

export { contactDataInFiles, knownContactData, readUnpacked, scanText } from '../../src/lib/checks/dist-contacts';

/** Every file below `dir`, as paths relative to it with `/` separators, sorted (`filesUnder`). */
export const listFiles = filesUnder;

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
