/**
 * What a search costs a browser: serves `dist/` on 127.0.0.1 the way a static
 * host would (gzip for text; Pagefind's index files are already gzipped and go
 * as they are), opens a page in headless Chromium and runs two queries through
 * the Pagefind JS API, recording the bytes of every `/pagefind/` response.
 *
 * First query: everything Pagefind fetches from page load until the first
 * results' `.data()` (entry, pagefind.js, wasm, meta, index chunks, fragments).
 * Follow-up: what a second, different query fetches on top.
 * Resolutions: what the same first query then fetches when it asks for resolutions
 * (Art = Beschluss), from the resolution pages' own bundle (`src/lib/search/bundles.ts`),
 * the way the search page does it; measured when the site has that bundle.
 *
 * `node scripts/bench/search.ts DIST` measures an existing build and prints the costs as JSON.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { bundlePaths } from '../../src/lib/search/bundles.ts';

/** Queries: a topic word found on many pages, then a prefix that matches many compounds. */
export const FIRST_QUERY = 'Arbeitsschutz';
export const FOLLOW_QUERY = 'Fachkräfte';
/** How many results' `.data()` each query loads (what a results list shows first). */
const RESULTS_SHOWN = 5;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.ics': 'text/calendar',
};

/** Serves `dist` statically on a free port of 127.0.0.1. */
async function serve(dist: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let path = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dist)) return void response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void response.writeHead(404).end();
    const type = contentTypes[extname(path)];
    let body = readFileSync(path);
    const headers: Record<string, string> = { 'content-type': type ?? 'application/octet-stream' };
    if (type && /gzip/.test(String(request.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    response.writeHead(200, headers).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Bytes of one Pagefind file kind. */
export type ByKind = Record<string, number>;

export interface QueryCost {
  /** Bytes on the wire (encoded body, without headers). */
  bytes: number;
  /** Requests made. */
  requests: number;
  /** Bytes by kind: entry, js, wasm, meta, chunks, fragments, other. */
  byKind: ByKind;
  /** Results the query found. */
  results: number;
}

export interface SearchCost {
  /** The page loaded, relative to the site root. */
  page: string;
  first: QueryCost;
  follow: QueryCost;
  /** The first query in the resolution bundle, after the two above; absent when the site has no such bundle. */
  resolutions?: QueryCost;
}

type Phase = 'first' | 'follow' | 'resolutions';

/** Which Pagefind file a URL is. */
function kindOf(path: string): string {
  if (path.endsWith('pagefind-entry.json')) return 'entry';
  if (path.endsWith('.js')) return 'js';
  if (/wasm\./.test(path)) return 'wasm';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_index')) return 'chunks';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_filter')) return 'filters';
  return 'other';
}

/** A search page if the site has one, else the home page (the API is loaded by `import()`). */
export function searchPage(dist: string): string {
  for (const candidate of ['suche/', 'search/']) if (existsSync(join(dist, candidate, 'index.html'))) return `/${candidate}`;
  return '/';
}

/**
 * Measures the first and a follow-up search in headless Chromium.
 * @throws when `dist/pagefind/` is missing or Chromium cannot start
 */
export async function measureSearch(dist: string, executablePath = '/usr/bin/chromium'): Promise<SearchCost> {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) throw new Error(`${dist}/pagefind/pagefind.js is missing. Fix: run npm run build (or npm run build:search) first.`);
  const { server, origin } = await serve(dist);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    let phase: Phase = 'first';
    const phases = new Map<object, Phase>();
    const sizes: Promise<{ phase: Phase; kind: string; bytes: number }>[] = [];
    page.on('request', (request) => phases.set(request, phase));
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith('/pagefind/')) return;
      const requestPhase = phases.get(request) ?? phase;
      sizes.push(request.sizes().then((s) => ({ phase: requestPhase, kind: kindOf(path), bytes: s.responseBodySize })));
    });
    const path = searchPage(dist);
    await page.goto(origin + path, { waitUntil: 'load' });
    const run = (query: string) =>
      page.evaluate(
        async ({ query, shown }) => {
          // A URL of the served site, resolved by the browser (a variable keeps TypeScript from resolving it).
          const entry = '/pagefind/pagefind.js';
          const pagefind = await import(entry);
          const search = await pagefind.search(query);
          await Promise.all(search.results.slice(0, shown).map((result: { data(): Promise<unknown> }) => result.data()));
          return search.results.length as number;
        },
        { query, shown: RESULTS_SHOWN },
      );
    const firstResults = await run(FIRST_QUERY);
    await page.waitForTimeout(300);
    phase = 'follow';
    const followResults = await run(FOLLOW_QUERY);
    await page.waitForTimeout(300);
    let resolutionResults: number | undefined;
    if (existsSync(join(dist, bundlePaths.resolutions, 'pagefind-entry.json'))) {
      phase = 'resolutions';
      resolutionResults = await page.evaluate(
        async ({ query, shown, basePath }) => {
          const entry = '/pagefind/pagefind.js';
          const pagefind = await import(entry);
          const resolutions = pagefind.createInstance({ basePath });
          const search = await resolutions.search(query);
          await Promise.all(search.results.slice(0, shown).map((result: { data(): Promise<unknown> }) => result.data()));
          return search.results.length as number;
        },
        { query: FIRST_QUERY, shown: RESULTS_SHOWN, basePath: `/${bundlePaths.resolutions}` },
      );
      await page.waitForTimeout(300);
    }
    const done = await Promise.all(sizes);
    const cost = (which: Phase, results: number): QueryCost => {
      const mine = done.filter((entry) => entry.phase === which);
      const byKind: ByKind = {};
      for (const entry of mine) byKind[entry.kind] = (byKind[entry.kind] ?? 0) + entry.bytes;
      return { bytes: mine.reduce((sum, entry) => sum + entry.bytes, 0), requests: mine.length, byKind, results };
    };
    return {
      page: path,
      first: cost('first', firstResults),
      follow: cost('follow', followResults),
      ...(resolutionResults === undefined ? {} : { resolutions: cost('resolutions', resolutionResults) }),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.main) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('Usage: node scripts/bench/search.ts DIST');
    process.exit(1);
  }
  console.log(JSON.stringify(await measureSearch(resolve(dist))));
}
