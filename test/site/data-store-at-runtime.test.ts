/**
 * The module that stands in for Astro's bundled data store during page generation
 * (src/integrations/data-store-at-runtime.ts): it must give Astro what Astro's own module
 * gives, the store file's devalue array, read when the pages are generated (not when the
 * build bundles them), and an empty store when there is no file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { contentLayerModuleFile, dataStoreAtRuntime, dataStoreModuleCode, releaseSyncedStore } from '../../src/integrations/data-store-at-runtime';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes the stand-in module for `storeFile` and imports it. */
async function importStandIn(storeFile: string): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'om-store-'));
  dirs.push(dir);
  const module = join(dir, 'data-layer-content.mjs');
  writeFileSync(module, dataStoreModuleCode(storeFile));
  return ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
}

describe('dataStoreModuleCode', () => {
  it('exports the store file as parsed when imported, so a store written after bundling is the one the pages see', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'om-store-'));
    dirs.push(dir);
    const file = join(dir, 'data-store.json');
    writeFileSync(file, JSON.stringify([['Map', 1], 'stale']));
    const module = dataStoreModuleCode(file);
    // Rewritten after the module code was made, as a sync after bundling would: the pages see the new one.
    const devalueArray = [['Map', 1], ['protocols', 2], ['Map', 3], '2021-04-22-strategiekreis', { id: 3, body: 4 }, 'Text mit „Anführung“ – und Gedankenstrich'];
    writeFileSync(file, JSON.stringify(devalueArray));
    expect(module).not.toContain('stale');
    expect(await importStandIn(file)).toEqual(devalueArray);
  });

  it('exports an empty store when there is no file (a site without content collections)', async () => {
    expect(await importStandIn(join(tmpdir(), 'om-no-such-dir', 'data-store.json'))).toEqual(new Map());
  });
});

describe('dataStoreAtRuntime', () => {
  /** The Vite plugins the integration adds for a command and config. */
  function pluginsFor(command: string, experimental: Record<string, unknown> = {}) {
    const added: unknown[] = [];
    const setup = dataStoreAtRuntime().hooks['astro:config:setup'] as (options: unknown) => void;
    setup({ command, config: { cacheDir: pathToFileURL('/site/node_modules/.astro/'), experimental }, updateConfig: (config: { vite: { plugins: unknown[] } }) => added.push(...config.vite.plugins) });
    return added as { applyToEnvironment: (environment: { name: string }) => boolean; load: { handler: () => { code: string } } }[];
  }

  it('takes over the data store only for the static build\'s page generation, reading <cacheDir>/data-store.json', () => {
    const [plugin] = pluginsFor('build');
    expect(plugin.applyToEnvironment({ name: 'prerender' })).toBe(true);
    expect(plugin.applyToEnvironment({ name: 'ssr' })).toBe(false);
    expect(plugin.applyToEnvironment({ name: 'client' })).toBe(false);
    expect(plugin.load.handler().code).toContain(JSON.stringify('/site/node_modules/.astro/data-store.json'));
  });

  it('leaves `astro dev` and the chunked storage option to Astro', () => {
    expect(pluginsFor('dev')).toEqual([]);
    expect(pluginsFor('build', { collectionStorage: 'chunked' })).toEqual([]);
  });
});

describe('releaseSyncedStore', () => {
  /** A module file standing in for Astro's content layer singleton, and what was done to it. */
  function fakeSingleton(code: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'om-layer-'));
    dirs.push(dir);
    const file = join(dir, 'instance.mjs');
    writeFileSync(file, code);
    return file;
  }
  const warnings = () => {
    const lines: string[] = [];
    return { lines, logger: { warn: (line: string) => lines.push(line) } };
  };

  it('finds the content layer singleton in the Astro this project runs (fails when an Astro upgrade moves it)', () => {
    const singleton = (createRequire(import.meta.url)(contentLayerModuleFile()) as { globalContentLayer: { get: unknown; dispose: unknown } }).globalContentLayer;
    expect(typeof singleton.get).toBe('function');
    expect(typeof singleton.dispose).toBe('function');
  });

  it('disposes the synced content layer, so its entries can be collected before pages are generated', () => {
    const file = fakeSingleton(`let instance = { entries: 2000 }; export const disposed = []; export const globalContentLayer = { get: () => instance, dispose: () => { disposed.push(instance); instance = null; } };`);
    const { lines, logger } = warnings();
    expect(releaseSyncedStore(logger, file)).toBe(true);
    const module = createRequire(import.meta.url)(file) as { disposed: unknown[]; globalContentLayer: { get(): unknown } };
    expect(module.disposed).toEqual([{ entries: 2000 }]);
    expect(module.globalContentLayer.get()).toBeNull();
    expect(releaseSyncedStore(logger, file)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('warns with a fix and changes nothing when Astro\'s internals moved', () => {
    const { lines, logger } = warnings();
    expect(releaseSyncedStore(logger, join(tmpdir(), 'om-no-such-dir', 'instance.js'))).toBe(false);
    expect(releaseSyncedStore(logger, fakeSingleton('export const somethingElse = 1;'))).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^cannot release the synced data store \(no .*instance\.js\); .* Fix: update src\/integrations\/data-store-at-runtime\.ts/);
    expect(lines[1]).toContain('has no globalContentLayer with get() and dispose()');
  });
});
