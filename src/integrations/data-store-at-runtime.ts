/**
 * Astro integration: the static build's page generation reads the content data store from
 * its file, instead of from a copy bundled into the prerender build (issue #14, peak memory).
 *
 * Why: `astro build` bundles the data store (`<cacheDir>/data-store.json`, devalue JSON, about
 * 50 MB at 2,000 protocols; 90 MB before the protocols' HTML moved to files of its own,
 * `src/lib/text/protocol-html-files.ts`) as ONE module `export default JSON.parse("…")`
 * (node_modules/astro/dist/content/vite-plugin-content-virtual-mod.js). Bundling it holds the
 * file, its parse for validation, its escaped copy and the bundler's own copies at once (the
 * build's peak, BENCHMARKS.md), and generating pages keeps the module's source text as well
 * as the parsed store. Astro's `experimental.collectionStorage: 'chunked'` splits the file
 * but still bundles every part (measured: higher peak and slower, BENCHMARKS.md).
 *
 * What: in the `prerender` environment of `astro build` only, `astro:data-layer-content`
 * resolves to a three-line module that reads and parses that file when the pages are
 * generated, in the same process, right after the sync wrote it. The module's default export
 * is what Astro's own module exports (the flattened devalue array; `new Map()` without a
 * file), so `getCollection` and `render(entry)` see the same entries. `astro dev` and
 * on-demand (`ssr`) pages are left to Astro. With the chunked storage option set it steps
 * aside, since that store is a folder, not one file.
 *
 * Second, once the sync is done (`astro:build:start`), the build lets go of the sync's own copy
 * of the store (`releaseSyncedStore`): Astro keeps its content layer, and with it every entry,
 * for `astro dev`'s reloads, but nothing in a build reads it after the sync (page generation
 * reads the file). At 2,000 protocols that copy is about 330 MB of live heap through all of
 * page generation, and it is collected at once, before page generation reads the file
 * (BENCHMARKS.md, "third pass").
 *
 * Registered in `astro.config.mjs`. Remove the first part when Astro stops inlining the data
 * store into the build (watch `vite-plugin-content-virtual-mod.js`), the second when Astro
 * releases its content layer after a build's sync (watch `astro/dist/core/sync/index.js`).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectGarbageNow } from '../lib/memory.ts';

/** Astro's content layer singleton (`astro/dist/content/instance.js`), as far as it is used here. */
interface ContentLayerSingleton {
  get(): unknown;
  dispose(): void;
}

/**
 * The file of Astro's content layer singleton in the Astro that runs this build. Not in Astro's
 * package exports, so it is loaded by path; `require` of the ES module returns the instance Astro
 * itself imported (one module per file).
 */
export function contentLayerModuleFile(): string {
  const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  return join(astro, 'dist', 'content', 'instance.js');
}

/**
 * Drops the content layer that `astro build`'s sync filled (its data store: every entry, with
 * bodies and the body readings), so it can be garbage collected before pages are generated. Safe
 * after the sync: the build reads the store file from then on, and `astro dev` is not affected
 * (not called there). If Astro's internals moved, it warns and changes nothing.
 * @returns whether a content layer was released
 */
export function releaseSyncedStore(logger?: Pick<AstroIntegrationLogger, 'warn'>, file = contentLayerModuleFile()): boolean {
  const cannot = (why: string) => {
    logger?.warn(`cannot release the synced data store (${why}); the build holds a second copy of it. Fix: update src/integrations/data-store-at-runtime.ts to this Astro version.`);
    return false;
  };
  if (!existsSync(file)) return cannot(`no ${file}`);
  const singleton = (createRequire(import.meta.url)(file) as { globalContentLayer?: Partial<ContentLayerSingleton> }).globalContentLayer;
  if (typeof singleton?.get !== 'function' || typeof singleton.dispose !== 'function') return cannot(`${file} has no globalContentLayer with get() and dispose()`);
  if (!singleton.get()) return false;
  singleton.dispose();
  collectGarbageNow();
  return true;
}

/** The id `astro:data-layer-content` (Astro's virtual module of the data store) resolves to. */
const RESOLVED = '\0om:data-store-at-runtime';

/**
 * The module that stands in for `astro:data-layer-content`: reads `file` when first imported.
 * @example dataStoreModuleCode('/site/node_modules/.astro/data-store.json') // => "import { existsSync, readFileSync } …"
 */
export function dataStoreModuleCode(file: string): string {
  return [
    "import { existsSync, readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    "export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();",
    '',
  ].join('\n');
}

/** The integration; see the module comment. */
export function dataStoreAtRuntime(): AstroIntegration {
  return {
    name: 'om-data-store-at-runtime',
    hooks: {
      // Only in `astro build`, after its sync (Astro runs the sync before this hook): the in-memory store is not read again.
      'astro:build:start': ({ logger }) => {
        releaseSyncedStore(logger);
      },
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const storage = (config.experimental as { collectionStorage?: unknown }).collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        // Where Astro's build writes the store: <cacheDir>/data-store.json (astro/dist/content/paths.js).
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'om:data-store-at-runtime',
                applyToEnvironment: (environment) => environment.name === 'prerender',
                // `order: 'pre'`: before Astro's own resolver of the same id.
                resolveId: { order: 'pre', filter: { id: /^astro:data-layer-content$/ }, handler: () => RESOLVED },
                load: { filter: { id: /^\0om:data-store-at-runtime$/ }, handler: () => ({ code: dataStoreModuleCode(file), map: { mappings: '' } }) },
              },
            ],
          },
        });
      },
    },
  };
}

