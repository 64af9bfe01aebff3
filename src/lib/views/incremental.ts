/**
 * The archive's incremental build: a page or file whose data did not change since the last build is
 * not generated again; it stays in `dist/` as that build wrote it (issue #14).
 *
 * How: every dynamic route keys each of its outputs by a hash of what it shows (`pageKey`,
 * `src/lib/views/page-key.ts`). The build integration (`src/integrations/incremental-pages.ts`)
 * keeps the keys of the last successful build in a manifest and, when the site's code and settings
 * are unchanged, hands them to this build (mode `incremental`). `getStaticPaths` then returns only the
 * paths whose key changed or whose file is missing from `dist/`; Astro never sees the others, so they
 * cost neither rendering nor a write. In mode `full` (no manifest, changed code or settings,
 * `astro build --force`) `dist/` starts empty and every path is generated; a page records its key as
 * it is rendered (`routeProps`, `src/lib/views/routes.ts`), so its props are computed once, not once for the key and again
 * for the page. The integration writes the new manifest and removes the outputs of paths that are
 * gone once the build succeeded.
 *
 * Why not Astro's own `experimental.incrementalBuild`: it writes every output twice (to `dist/` and
 * to its cache), empties `dist/` and copies every unchanged output back on the next build, and needs
 * every page's key before the first page renders (so a cold build computed each page's props twice).
 * At 2,000 protocols that was about a third of the cold build and most of the warm one (BENCHMARKS.md).
 *
 * The state lives on `globalThis` because two copies of this module run in one build: the
 * integration's (loaded with the Astro config) and the prerender bundle's (the pages).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build integration and the pages meet (one process, two module instances). */
const STATE = Symbol.for('om.incremental-pages');

/** The incremental state of one `astro build`. */
export interface IncrementalBuild {
  /** `full`: every path is generated (no usable previous build); `incremental`: unchanged paths are kept. */
  mode: 'full' | 'incremental';
  /** The previous build's keys, by output path (`"/sitzungen/x/"`, `"/oparl/1.1/meeting/x.json"`). */
  previous: ReadonlyMap<string, string>;
  /** This build's keys, by output path: every keyed output, generated or kept. */
  next: Map<string, string>;
  /** Output paths kept from the previous build (not generated again). */
  kept: Set<string>;
  /** The build's output folder, absolute (`dist/`): a kept path's file must be there. */
  outDir: string;
}

/** The incremental state of the running `astro build`, or undefined (`astro dev`, unit tests). */
export function incrementalBuild(): IncrementalBuild | undefined {
  return (globalThis as { [STATE]?: IncrementalBuild })[STATE];
}

/** Sets (or with `undefined` clears) the state of the running build; the build integration's call. */
export function setIncrementalBuild(state: IncrementalBuild | undefined): void {
  (globalThis as { [STATE]?: IncrementalBuild })[STATE] = state;
}

/**
 * The URL path of one output of a route: the route pattern (`getStaticPaths`' `routePattern`) with
 * its params filled in; a page's path ends with "/" (the site's `trailingSlash: 'always'`), an
 * endpoint's is its file.
 * @example outputPath('/sitzungen/[id]', { id: '2021-11-11-plenum' }, 'page') // => '/sitzungen/2021-11-11-plenum/'
 * @example outputPath('/oparl/1.1/[...path]', { path: 'meeting/x.json' }, 'endpoint') // => '/oparl/1.1/meeting/x.json'
 * @throws Error when the pattern names a param that `params` lacks
 */
export function outputPath(routePattern: string, params: Record<string, string | undefined>, kind: 'page' | 'endpoint'): string {
  const filled = routePattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`outputPath: route ${routePattern} needs the param "${name}" (got ${JSON.stringify(params)}).`);
    return value;
  });
  return kind === 'page' && !filled.endsWith('/') ? `${filled}/` : filled;
}

/**
 * The file of an output path in `outDir` (the site's `build.format: 'directory'`).
 * @example outputFile('/dist', '/sitzungen/x/') // => '/dist/sitzungen/x/index.html'
 */
export function outputFile(outDir: string, path: string): string {
  return join(outDir, path.endsWith('/') ? `${path}index.html` : path);
}

/**
 * Records an output's key in this build and tells whether the previous build's file can stay:
 * the mode is `incremental`, the key is the previous build's, and the file is in `dist/`.
 * Without a running build (dev, tests) nothing is recorded and nothing is kept.
 */
export function keepOutput(path: string, key: string, state = incrementalBuild()): boolean {
  if (!state) return false;
  state.next.set(path, key);
  const keep = state.mode === 'incremental' && state.previous.get(path) === key && existsSync(outputFile(state.outDir, path));
  if (keep) state.kept.add(path);
  return keep;
}
