/**
 * Static measurements of a built `dist/`: how many pages, how many bytes, and
 * what one meeting page costs a browser (HTML + CSS + JS, gzip).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { filesUnder } from '../../src/lib/model/files.ts';

export interface DistStats {
  /** HTML pages in dist/ (outside pagefind/). */
  pages: number;
  /** Bytes of dist/ without pagefind/. */
  siteBytes: number;
  /** Bytes of dist/pagefind/ (0 before indexing). */
  pagefindBytes: number;
  /** Files in dist/pagefind/. */
  pagefindFiles: number;
}

/** Counts pages and bytes of a `dist/`. */
export function distStats(dist: string): DistStats {
  const stats: DistStats = { pages: 0, siteBytes: 0, pagefindBytes: 0, pagefindFiles: 0 };
  for (const file of existsSync(dist) ? filesUnder(dist).map((rel) => join(dist, rel)) : []) {
    const size = statSync(file).size;
    if (relative(dist, file).startsWith('pagefind/')) {
      stats.pagefindBytes += size;
      stats.pagefindFiles += 1;
    } else {
      stats.siteBytes += size;
      if (file.endsWith('.html')) stats.pages += 1;
    }
  }
  return stats;
}

export interface PageWeight {
  /** Meeting pages measured. */
  pages: number;
  /** Gzip bytes of HTML + linked CSS + JS: median and largest page. */
  medianBytes: number;
  maxBytes: number;
  /** The largest page's path, relative to dist/. */
  maxPage: string;
  /** Pages that load or contain JavaScript (`<script>` other than JSON data). */
  pagesWithScript: number;
  /** Most JavaScript on one page, bytes before compression (inline scripts + linked files). */
  maxScriptBytes: number;
}

/** The same-site assets a page links: stylesheets and scripts with a local `href`/`src`. */
function linkedAssets(html: string): string[] {
  const assets: string[] = [];
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    if (/rel="?stylesheet/.test(match[0])) {
      const href = /href="([^"]+)"/.exec(match[0])?.[1];
      if (href?.startsWith('/')) assets.push(href);
    }
  }
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    if (match[1].startsWith('/')) assets.push(match[1]);
  }
  return assets;
}

/** Inline JavaScript of a page, bytes: every `<script>` that is not JSON (JSON-LD, data) and has no `src`. */
function inlineScriptBytes(html: string): number {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((match) => !/type="application\/(ld\+)?json"/.test(match[1]) && !/\bsrc=/.test(match[1]))
    .reduce((sum, match) => sum + Buffer.byteLength(match[2]), 0);
}

/** True when the page runs JavaScript: a `<script>` that is not JSON (JSON-LD, data). */
function hasScript(html: string): boolean {
  return [...html.matchAll(/<script\b([^>]*)>/g)].some((match) => !/type="application\/(ld\+)?json"/.test(match[1]));
}

/**
 * Gzip weight of the meeting pages `dist/sitzungen/<id>/index.html`: each page's HTML plus
 * every stylesheet and script it links (each gzipped on its own, as a server would send them).
 * @returns undefined when the build has no meeting pages
 */
export function meetingPageWeight(dist: string, folder = 'sitzungen'): PageWeight | undefined {
  const root = join(dist, folder);
  if (!existsSync(root)) return undefined;
  const pages = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'index.html')))
    .map((entry) => join(root, entry.name, 'index.html'));
  if (pages.length === 0) return undefined;
  const assetCache = new Map<string, number>();
  const assetBytes = (href: string): number => {
    const path = join(dist, decodeURIComponent(href.split(/[?#]/)[0]));
    if (!assetCache.has(path)) assetCache.set(path, existsSync(path) ? gzipSync(readFileSync(path)).length : 0);
    return assetCache.get(path)!;
  };
  let pagesWithScript = 0;
  let maxScriptBytes = 0;
  const weights = pages.map((page) => {
    const html = readFileSync(page, 'utf8');
    if (hasScript(html)) pagesWithScript += 1;
    const linkedScripts = [...html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)].reduce((sum, match) => {
      const path = join(dist, match[1].split(/[?#]/)[0]);
      return sum + (existsSync(path) ? statSync(path).size : 0);
    }, 0);
    maxScriptBytes = Math.max(maxScriptBytes, inlineScriptBytes(html) + linkedScripts);
    const bytes = gzipSync(html).length + linkedAssets(html).reduce((sum, href) => sum + assetBytes(href), 0);
    return { page: relative(dist, page), bytes };
  });
  weights.sort((a, b) => a.bytes - b.bytes);
  const largest = weights.at(-1)!;
  return {
    pages: weights.length,
    medianBytes: weights[Math.floor(weights.length / 2)].bytes,
    maxBytes: largest.bytes,
    maxPage: largest.page,
    pagesWithScript,
    maxScriptBytes,
  };
}
