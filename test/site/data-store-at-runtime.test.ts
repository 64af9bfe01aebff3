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
import { afterEach, describe, expect, it } from 'vitest';
import { dataStoreAtRuntime, dataStoreModuleCode } from '../../src/integrations/data-store-at-runtime';

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
