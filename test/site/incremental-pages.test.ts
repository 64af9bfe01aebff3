/**
 * The incremental build's rules, without a build: which paths `getStaticPaths` lists in a full and in
 * an incremental build, which keys pages record, when a build is a full one, and what a finished
 * build removes from dist/ (src/lib/views/incremental.ts, src/integrations/incremental-pages.ts).
 * `incremental-build.test.ts` checks the same on real builds.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finishBuild, planBuild, removeAstroIncrementalCache, siteFingerprint } from '../../src/integrations/incremental-pages';
import { incrementalBuild, outputPath, setIncrementalBuild, type IncrementalBuild } from '../../src/lib/views/incremental';
import { keyedPaths, pageKey } from '../../src/lib/views/page-key';
import { keyedRoute, routeProps, type PageContext, type PageRoute } from '../../src/lib/views/routes';

const folders: string[] = [];
/** A temporary folder, removed after the test. */
function temporary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'om-incremental-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  setIncrementalBuild(undefined);
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build's state over `outDir`, with the previous build's keys. */
function state(mode: IncrementalBuild['mode'], outDir: string, previous: Record<string, string> = {}): IncrementalBuild {
  const value: IncrementalBuild = { mode, previous: new Map(Object.entries(previous)), next: new Map(), kept: new Set(), outDir };
  setIncrementalBuild(value);
  return value;
}

/** Writes `dist`-relative files with some text. */
function writeOutputs(outDir: string, ...files: string[]): void {
  for (const file of files) {
    mkdirSync(join(outDir, file, '..'), { recursive: true });
    writeFileSync(join(outDir, file), 'old');
  }
}

/** A route over `titles` (id → title) whose page shows the title; `computed` counts the props it computed. */
function titleRoute(titles: Record<string, string>) {
  const route: PageRoute<{ id: string }, { title: string }> & { computed: number } = {
    computed: 0,
    paths: () => Object.keys(titles).map((id) => ({ id })),
    props(_context, { id }) {
      route.computed++;
      return { title: titles[id] };
    },
  };
  return route;
}
const context = {} as PageContext;

describe('outputPath', () => {
  it('fills the route pattern: pages end with a slash, endpoints are their file', () => {
    expect(outputPath('/beschluesse/[facet]/[value]', { facet: 'jahr', value: '2021' }, 'page')).toBe('/beschluesse/jahr/2021/');
    expect(outputPath('/oparl/1.1/[...path]', { path: 'agendaitem/2021-11-11-plenum-3.json' }, 'endpoint')).toBe('/oparl/1.1/agendaitem/2021-11-11-plenum-3.json');
    expect(() => outputPath('/sitzungen/[id]', {}, 'page')).toThrow(/needs the param "id"/);
  });
});

describe('getStaticPaths', () => {
  it('outside a build (astro dev) lists every path and computes no props', async () => {
    const route = titleRoute({ a: 'A', b: 'B' });
    expect(await keyedRoute(route, context, '/t/[id]')).toEqual([{ params: { id: 'a' } }, { params: { id: 'b' } }]);
    expect(route.computed).toBe(0);
    expect(incrementalBuild()).toBeUndefined();
  });

  it('in a full build lists every path, and each page records the key of the props it renders', async () => {
    const build = state('full', temporary());
    const route = titleRoute({ a: 'A', b: 'B' });
    expect(await keyedRoute(route, context, '/t/[id]')).toHaveLength(2);
    expect(route.computed).toBe(0);
    expect(await routeProps(route, context, { id: 'a' })).toEqual({ title: 'A' });
    expect(build.next.get('/t/a/')).toBe(pageKey({ params: { id: 'a' }, props: { title: 'A' } }));
    expect(route.computed).toBe(1);
  });

  it('in an incremental build lists only the pages whose data changed or whose file is missing', async () => {
    const outDir = temporary();
    writeOutputs(outDir, 't/a/index.html', 't/b/index.html');
    const key = (id: string, title: string) => pageKey({ params: { id }, props: { title } });
    // c was never built; d's file is gone from dist/.
    const build = state('incremental', outDir, { '/t/a/': key('a', 'A'), '/t/b/': key('b', 'B'), '/t/d/': key('d', 'D') });
    const route = titleRoute({ a: 'A', b: 'B, edited', c: 'C', d: 'D' });
    const listed = await keyedRoute(route, context, '/t/[id]');
    expect(listed.map(({ params }) => params.id)).toEqual(['b', 'c', 'd']);
    expect([...build.kept]).toEqual(['/t/a/']);
    expect(build.next.get('/t/b/')).toBe(key('b', 'B, edited'));
    expect(build.next.size).toBe(4);
  });

  it('endpoints: keys from the props they carry, unchanged ones left out of an incremental build', () => {
    const outDir = temporary();
    writeOutputs(outDir, 'daten/a.csv', 'daten/b.csv');
    const items = [
      { params: { file: 'a.csv' }, props: { content: 'a' } },
      { params: { file: 'b.csv' }, props: { content: 'b, edited' } },
    ];
    const full = state('full', outDir);
    expect(keyedPaths('/daten/[file]', items)).toHaveLength(2);
    const previous = Object.fromEntries(full.next);
    const build = state('incremental', outDir, { ...previous, '/daten/b.csv': pageKey({ params: { file: 'b.csv' }, props: { content: 'b' } }) });
    expect(keyedPaths('/daten/[file]', items).map(({ params }) => params.file)).toEqual(['b.csv']);
    expect([...build.kept]).toEqual(['/daten/a.csv']);
  });
});

describe('planBuild', () => {
  const manifest = { version: 1, fingerprint: 'f1', outputs: { '/t/a/': 'k' } };
  it('is incremental only with a manifest of the same fingerprint and without --force', () => {
    expect(planBuild(manifest, 'f1', false)).toMatchObject({ mode: 'incremental', previous: new Map([['/t/a/', 'k']]) });
    expect(planBuild(manifest, 'f2', false)).toMatchObject({ mode: 'full', reason: 'code or settings changed' });
    expect(planBuild(undefined, 'f1', false)).toMatchObject({ mode: 'full', reason: 'no previous build' });
    expect(planBuild(manifest, 'f1', true)).toMatchObject({ mode: 'full', reason: '--force' });
  });
});

describe('finishBuild', () => {
  it('removes the files of paths that are gone, and the folders they leave empty', () => {
    const outDir = temporary();
    writeOutputs(outDir, 't/a/index.html', 't/gone/index.html', 'oparl/1.1/meeting/gone.json', 'oparl/1.1/meeting/a.json');
    const build = state('incremental', outDir, { '/t/a/': 'k1', '/t/gone/': 'k2', '/oparl/1.1/meeting/gone.json': 'k3', '/oparl/1.1/meeting/a.json': 'k4' });
    build.next.set('/t/a/', 'k1').set('/oparl/1.1/meeting/a.json', 'k4');
    const { manifest, removed } = finishBuild(build, 'f');
    expect(removed.sort()).toEqual(['/oparl/1.1/meeting/gone.json', '/t/gone/']);
    expect(existsSync(join(outDir, 't/gone'))).toBe(false);
    expect(existsSync(join(outDir, 't/a/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'oparl/1.1/meeting/a.json'))).toBe(true);
    expect(manifest).toEqual({ version: 1, fingerprint: 'f', outputs: { '/oparl/1.1/meeting/a.json': 'k4', '/t/a/': 'k1' } });
  });
});

describe('siteFingerprint', () => {
  it('changes with the code and the site URL, not with the content', () => {
    const root = temporary();
    const repo = resolve(import.meta.dirname, '../..');
    cpSync(join(repo, 'src/lib/views'), join(root, 'src/lib/views'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'content/protocols'), { recursive: true });
    const before = siteFingerprint(root, {});
    writeFileSync(join(root, 'content/protocols/x.mdx'), 'new protocol');
    expect(siteFingerprint(root, {})).toBe(before);
    expect(siteFingerprint(root, { SITE: 'https://protokolle.example.org' })).not.toBe(before);
    writeFileSync(join(root, 'src/lib/views/incremental.ts'), '// changed');
    expect(siteFingerprint(root, {})).not.toBe(before);
  });
});

describe('removeAstroIncrementalCache', () => {
  it("removes the output copies of Astro's own incremental build, and nothing without its manifest", () => {
    const cacheDir = temporary();
    writeOutputs(cacheDir, 'dist/sitzungen/x/index.html', 'data-store.json');
    expect(removeAstroIncrementalCache(cacheDir)).toBe(false);
    expect(existsSync(join(cacheDir, 'dist/sitzungen/x/index.html'))).toBe(true);
    writeOutputs(cacheDir, 'incremental-build.json');
    expect(removeAstroIncrementalCache(cacheDir)).toBe(true);
    expect(existsSync(join(cacheDir, 'dist'))).toBe(false);
    expect(existsSync(join(cacheDir, 'incremental-build.json'))).toBe(false);
    expect(existsSync(join(cacheDir, 'data-store.json'))).toBe(true);
  });
});
