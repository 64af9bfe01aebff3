/**
 * Which pages of a large built `dist/` the scale checks open (`test/e2e/scale.test.ts`): a
 * generated archive has 15,000 pages, so the checks take, per page kind (top-level folder), its
 * index, its first page by name and its largest page (the longest lists), found in `dist/` so
 * no protocol's id or title is written into a test. Also what a page kind weighs (gzip).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One page to check: its URL path (ending in `/`), its kind (the folder) and why it was picked. */
export interface Sampled {
  path: string;
  kind: string;
  why: 'index' | 'first' | 'largest' | 'page';
}

/** Top-level folders of `dist/` that hold no pages. */
const NOT_PAGES = new Set(['_astro', 'pagefind', 'quellen', 'anlagen', 'feeds', 'kalender', 'oparl']);

/** The sub-folders of `dist/<folder>/` with an `index.html`, with its size in bytes, sorted by name. */
export function pagesIn(dist: string, folder: string): { path: string; bytes: number }[] {
  const root = join(dist, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'index.html')))
    .map((entry) => ({ path: `/${folder}/${entry.name}/`, bytes: statSync(join(root, entry.name, 'index.html')).size }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The pages to open: home, the 404 page, the single pages (`/ueber/`, `/daten/`, …) and, per
 * folder with sub-pages (also one level down where that folder has no page of its own, as
 * `/beschluesse/gremium/`), its index, first and largest page (each once).
 * @example samplePages('/tmp/verify2000/dist') // => [{ path: '/', kind: 'home', why: 'page' }, { path: '/beschluesse/', kind: 'beschluesse', why: 'index' }, …]
 */
export function samplePages(dist: string): Sampled[] {
  const sampled: Sampled[] = [{ path: '/', kind: 'home', why: 'page' }];
  if (existsSync(join(dist, '404.html'))) sampled.push({ path: '/gibt-es-nicht/', kind: '404', why: 'page' });
  const add = (kind: string) => {
    const pages = pagesIn(dist, kind);
    const hasIndex = existsSync(join(dist, kind, 'index.html'));
    if (hasIndex) sampled.push({ path: `/${kind}/`, kind, why: pages.length > 0 ? 'index' : 'page' });
    if (pages.length === 0) return;
    const largest = [...pages].sort((a, b) => b.bytes - a.bytes)[0];
    sampled.push({ path: pages[0].path, kind, why: 'first' });
    if (largest.path !== pages[0].path) sampled.push({ path: largest.path, kind, why: 'largest' });
  };
  for (const entry of readdirSync(dist, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || NOT_PAGES.has(entry.name) || entry.name.startsWith('.')) continue;
    add(entry.name);
    // A folder of pages without a page of its own is a kind too: the register's /beschluesse/gremium/<id>/.
    for (const child of readdirSync(join(dist, entry.name), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const kind = `${entry.name}/${child.name}`;
      if (child.isDirectory() && !existsSync(join(dist, kind, 'index.html')) && pagesIn(dist, kind).length > 0) add(kind);
    }
  }
  return sampled;
}

/** A page's `index.html` for its URL path (`/` => `index.html`, `/gibt-es-nicht/` => `404.html`). */
export function htmlFile(dist: string, path: string): string {
  if (path === '/gibt-es-nicht/') return join(dist, '404.html');
  return join(dist, decodeURIComponent(path), 'index.html');
}

/** The same-site stylesheets and scripts a page links (`href`/`src` starting with `/`). */
function linkedAssets(html: string): string[] {
  const styles = [...html.matchAll(/<link\b[^>]*rel="?stylesheet[^>]*>/g)].map((m) => /href="(\/[^"]+)"/.exec(m[0])?.[1]);
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)].map((m) => m[1]);
  return [...styles, ...scripts].filter((href): href is string => Boolean(href));
}

/**
 * What a page costs a browser, bytes: its HTML raw and gzipped, and gzipped plus every linked
 * stylesheet and script, each gzipped on its own as a server sends them (the measure of
 * `scripts/bench/dist.ts`, whose 30 KB target holds for meeting pages).
 */
export function pageWeight(dist: string, path: string): { html: number; htmlGzip: number; withAssetsGzip: number } {
  const html = readFileSync(htmlFile(dist, path));
  const htmlGzip = gzipSync(html).length;
  const assets = linkedAssets(html.toString('utf8')).reduce((sum, href) => {
    const file = join(dist, decodeURIComponent(href.split(/[?#]/)[0]));
    return sum + (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
  }, 0);
  return { html: html.length, htmlGzip, withAssetsGzip: htmlGzip + assets };
}

/**
 * A word for a search that must find the meeting: the longest word (letters only, 8 or more)
 * of the first meeting's protocol text (between `id="protokoll"` and the next section).
 * @throws when the build has no meeting page with such a word
 */
export function protocolWord(dist: string): string {
  for (const { path } of pagesIn(dist, 'sitzungen')) {
    const html = readFileSync(htmlFile(dist, path), 'utf8');
    const start = html.indexOf('id="protokoll"');
    if (start < 0) continue;
    const end = html.indexOf('id="termine"', start);
    const text = html.slice(start, end > start ? end : undefined).replace(/<[^>]*>/g, ' ');
    const words = (text.match(/\p{L}{8,}/gu) ?? []).sort((a, b) => b.length - a.length);
    if (words[0]) return words[0];
  }
  throw new Error(`${dist}/sitzungen/: no meeting page with protocol text. Fix: build an archive with protocols.`);
}
