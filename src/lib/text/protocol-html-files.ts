/**
 * Where the protocols' content loader keeps each protocol's rendered HTML (issue #24): one file
 * per rendering in Astro's cache folder, `<cacheDir>/om-protocol-html/<digest>.html`, named by the
 * entry's digest (`src/lib/text/protocol-loader.ts`), instead of in the content data store.
 *
 * Why: Astro serializes and writes the WHOLE data store (`<cacheDir>/data-store.json`) whenever one
 * entry changes, and a build reads it twice (at the sync and when pages are generated,
 * `src/integrations/data-store-at-runtime.ts`); at 2,000 protocols the HTML was 36 MB of its 90 MB.
 * Only the meeting page reads a protocol's HTML (`protocolHtml`, `src/lib/archive.ts`), for the
 * few meeting pages a warm build generates. The entry keeps the file's path in
 * `rendered.metadata.htmlFile`; `rendered.html` is empty (nothing calls `render(entry)` for
 * protocols).
 *
 * The loader checks at every sync that each entry's file is there (someone may have deleted part
 * of the cache) and renders an entry whose file is missing again; files that no entry names any
 * more are removed at the end of the sync. A file is written under a temporary name and renamed,
 * so a build that stops midway never leaves a truncated file under an entry's name.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder's name inside the cache folder. */
const FOLDER = 'om-protocol-html';

/**
 * The folder of the HTML files in a cache folder (Astro's `cacheDir`, a path).
 * @example protocolHtmlFolder('/site/node_modules/.astro') // => '/site/node_modules/.astro/om-protocol-html'
 */
export function protocolHtmlFolder(cacheDir: string): string {
  return join(cacheDir, FOLDER);
}

/**
 * The file of the rendering with `digest` (a hex digest, as Astro's `generateDigest` gives).
 * @throws Error for a digest that is not a plain file name
 * @example protocolHtmlFile('/c/om-protocol-html', '1f2e3d4c5b6a7988') // => '/c/om-protocol-html/1f2e3d4c5b6a7988.html'
 */
export function protocolHtmlFile(folder: string, digest: string | number): string {
  const name = String(digest);
  if (!/^[\w-]+$/.test(name)) throw new Error(`protocol digest "${name}" is no file name. Fix: src/lib/text/protocol-loader.ts must give hex digests.`);
  return join(folder, `${name}.html`);
}

/** Writes `html` to `file` (in a folder of `protocolHtmlFolder`), through a temporary file and a rename. */
export function writeProtocolHtml(file: string, html: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, html);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temporary, html);
  }
  renameSync(temporary, file);
}

/**
 * Removes the files of `folder` that are not in `referenced` (full paths), and leftover temporary files.
 * @returns how many files were removed
 */
export function removeUnreferencedHtml(folder: string, referenced: ReadonlySet<string>): number {
  if (!existsSync(folder)) return 0;
  let removed = 0;
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (referenced.has(file)) continue;
    rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

/** A stored protocol entry, as far as its HTML file goes. */
export interface StoredHtmlEntry {
  id: string;
  rendered?: { metadata?: Record<string, unknown> };
}

/** The HTML file an entry names, or undefined for an entry that names none. */
export function htmlFileOf(entry: StoredHtmlEntry | undefined): string | undefined {
  const file = entry?.rendered?.metadata?.htmlFile;
  return typeof file === 'string' ? file : undefined;
}

/**
 * A protocol's rendered HTML, read from the file its entry names.
 * @throws Error naming the protocol and the file when it is not there
 * @example storedProtocolHtml(await getEntry('protocols', '2021-04-22-strategiekreis')) // => '<h2 id="top-1">TOP 1 – …'
 */
export function storedProtocolHtml(entry: StoredHtmlEntry): string {
  const file = htmlFileOf(entry);
  if (file === undefined) throw new Error(`content/protocols/${entry.id}.mdx: its entry names no HTML file. Fix: build again (the content sync renders it).`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`content/protocols/${entry.id}.mdx: its rendered HTML ${file} is missing (the cache folder was changed during the build). Fix: build again (the content sync renders it).`);
  }
}
