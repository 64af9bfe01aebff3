/**
 * Astro integration: the archive's incremental build (`src/lib/views/incremental.ts`, issue #14).
 * An output whose key (the hash of what it shows) is unchanged since the last successful build is
 * not generated again: it stays in `dist/`, so a build after one edited protocol renders and writes
 * only the pages that protocol changes.
 *
 * - `astro:config:setup` (build only): Astro must not empty `dist/` (`vite.build.emptyOutDir: false`);
 *   this integration does when the build is a full one.
 * - `astro:build:start` (after the content sync, before any output): reads and deletes the manifest
 *   of the last build (`<cacheDir>/om-incremental-pages.json`: the fingerprint of the site's code and
 *   settings, and every keyed output's key). It is an incremental build when the manifest's
 *   fingerprint is this build's (`siteFingerprint`) and `--force` is not given; otherwise a full one,
 *   and `dist/` is emptied as Astro would have done. The manifest is deleted first, so a build that
 *   fails leaves none and the next build is a full one. What Astro's own incremental build left in
 *   the cache folder is removed once (`removeAstroIncrementalCache`).
 * - The routes' `getStaticPaths` and pages record keys and choose paths (`src/lib/views/routes.ts`,
 *   `page-key.ts`).
 * - `astro:build:done` (before the sitemap and permalinks integrations, which read `dist/`): removes
 *   the outputs of paths the last build had and this one has not, writes the new manifest, adds the
 *   kept pages to the sitemap (`keptPageUrls`: Astro lists only the pages it generated), and logs
 *   `outputs: N generated, M kept, K removed`.
 *
 * Code, config, lockfile, `public/` or `SITE` changed: a full build. That is coarser than Astro's
 * own per-route code hash, and safe: nothing a page's key does not cover can go stale.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { incrementalBuild, outputFile, setIncrementalBuild, type IncrementalBuild } from '../lib/views/incremental.ts';

/** Bump when the manifest's shape or the meaning of a key changes: the next build is a full one. */
const MANIFEST_VERSION = 1;

/** The manifest of the last successful build: its fingerprint and every keyed output's key. */
export interface IncrementalManifest {
  version: number;
  fingerprint: string;
  /** Key by output path (`"/sitzungen/x/"`, `"/oparl/1.1/meeting/x.json"`). */
  outputs: Record<string, string>;
}

/** Files and folders of the project whose change makes the next build a full one (code, settings, static files). */
export const FINGERPRINTED = ['src', 'public', 'astro.config.mjs', 'astro.config.base.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'redirects.yaml'];

/**
 * The fingerprint of what every page depends on besides its data: the contents of `FINGERPRINTED`
 * below `root` (path and bytes of each file), the installed Astro's version, Node's version and the
 * `SITE` the build is for. SHA-256, base64url.
 * @example siteFingerprint('/work/main') // => 'Xq3…' (43 characters)
 */
export function siteFingerprint(root: string, env: { SITE?: string } = process.env): string {
  const hash = createHash('sha256');
  const astro = createRequire(join(root, 'package.json'));
  let astroVersion = 'none';
  try {
    astroVersion = (JSON.parse(readFileSync(astro.resolve('astro/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // Not installed where the project is: the lockfile still covers it.
  }
  hash.update(JSON.stringify([MANIFEST_VERSION, process.version, astroVersion, env.SITE ?? '']));
  for (const entry of FINGERPRINTED) {
    const path = join(root, entry);
    if (!existsSync(path)) continue;
    for (const file of filesBelow(path)) hash.update(`\0${relative(root, file).split(sep).join('/')}\0`).update(readFileSync(file));
  }
  return hash.digest('base64url');
}

/** Every file at or below `path`, sorted (a file is itself). */
function filesBelow(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The manifest at `file`, or undefined when there is none or it is not this version's. */
export function readManifest(file: string): IncrementalManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as IncrementalManifest;
    return manifest.version === MANIFEST_VERSION && typeof manifest.outputs === 'object' ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes `file` and then each folder above it that became empty, up to (not including) `outDir`.
 * @returns whether the file was there
 */
export function removeOutput(outDir: string, file: string): boolean {
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  for (let folder = dirname(file); folder.startsWith(outDir + sep) && readdirSync(folder).length === 0; folder = dirname(folder)) rmdirSync(folder);
  return true;
}

/**
 * Removes what Astro's `experimental.incrementalBuild` (used before this integration) left in the
 * cache folder: its manifest `incremental-build.json` and its copy of every output, `dist/` (about
 * 500 MB at 2,000 protocols). Only when that manifest is there, so the folder is known to be its.
 * @returns whether anything was removed
 */
export function removeAstroIncrementalCache(cacheDir: string): boolean {
  const manifest = join(cacheDir, 'incremental-build.json');
  if (!existsSync(manifest)) return false;
  rmSync(join(cacheDir, 'dist'), { recursive: true, force: true });
  rmSync(manifest, { force: true });
  return true;
}

/** Empties `dir` but for `.git`, as Astro's own build does (`emptyOutDir`). */
function emptyDir(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * Decides how this build runs: `incremental` with the previous keys when `manifest` exists and
 * has this build's fingerprint and `force` is off, else `full` (with the reason, for the log).
 */
export function planBuild(manifest: IncrementalManifest | undefined, fingerprint: string, force: boolean): { mode: IncrementalBuild['mode']; previous: Map<string, string>; reason: string } {
  if (force) return { mode: 'full', previous: new Map(), reason: '--force' };
  if (!manifest) return { mode: 'full', previous: new Map(), reason: 'no previous build' };
  if (manifest.fingerprint !== fingerprint) return { mode: 'full', previous: new Map(), reason: 'code or settings changed' };
  return { mode: 'incremental', previous: new Map(Object.entries(manifest.outputs)), reason: '' };
}

/**
 * Finishes a build: removes what the previous build wrote for paths this build no longer has (an
 * incremental build only: a full one started from an empty `dist/`) and returns the new manifest.
 * @returns the manifest and the removed output paths
 */
export function finishBuild(state: IncrementalBuild, fingerprint: string): { manifest: IncrementalManifest; removed: string[] } {
  const removed: string[] = [];
  if (state.mode === 'incremental') {
    for (const path of state.previous.keys()) if (!state.next.has(path) && removeOutput(state.outDir, outputFile(state.outDir, path))) removed.push(path);
  }
  const outputs = Object.fromEntries([...state.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { manifest: { version: MANIFEST_VERSION, fingerprint, outputs }, removed };
}

/** The integration, with the URLs of the pages a build kept (for `@astrojs/sitemap`'s `customPages`, filled at `astro:build:done`). */
export type IncrementalPagesIntegration = AstroIntegration & { keptPageUrls: string[] };

/** The integration; see the module comment. Register it before `@astrojs/sitemap`, passing it `keptPageUrls`. */
export function incrementalPages(): IncrementalPagesIntegration {
  const keptPageUrls: string[] = [];
  let root = '';
  let outDir = '';
  let manifestFile = '';
  let cacheDir = '';
  let site = '';
  let fingerprint = '';
  return {
    name: 'om-incremental-pages',
    keptPageUrls,
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
        cacheDir = fileURLToPath(config.cacheDir);
        manifestFile = join(cacheDir, 'om-incremental-pages.json');
        site = config.site ?? '';
      },
      'astro:build:start': ({ logger }) => {
        keptPageUrls.length = 0;
        fingerprint = siteFingerprint(root, { SITE: site });
        const plan = planBuild(readManifest(manifestFile), fingerprint, process.argv.includes('--force'));
        rmSync(manifestFile, { force: true });
        if (plan.mode === 'full') emptyDir(outDir);
        setIncrementalBuild({ mode: plan.mode, previous: plan.previous, next: new Map(), kept: new Set(), outDir });
        if (removeAstroIncrementalCache(cacheDir)) logger.info('removed the cache of Astro\'s experimental.incrementalBuild (no longer used)');
        logger.info(plan.mode === 'full' ? `full build (${plan.reason}): every page is generated` : `incremental build: pages whose data is unchanged since the last build stay in ${relative(root, outDir) || outDir}/`);
      },
      'astro:build:done': ({ logger }) => {
        const state = incrementalBuild();
        if (!state) return;
        setIncrementalBuild(undefined);
        const { manifest, removed } = finishBuild(state, fingerprint);
        mkdirSync(dirname(manifestFile), { recursive: true });
        writeFileSync(manifestFile, JSON.stringify(manifest));
        for (const path of state.kept) if (path.endsWith('/')) keptPageUrls.push(new URL(path, site || 'http://localhost/').href);
        logger.info(`outputs: ${state.next.size - state.kept.size} generated, ${state.kept.size} kept, ${removed.length} removed`);
      },
    },
  };
}
