/**
 * Astro integration: the static build's page generation reads the content data store from
 * its file, instead of from a copy bundled into the prerender build (issue #14, peak memory).
 *
 * Why: `astro build` bundles the data store (`<cacheDir>/data-store.json`, devalue JSON, about
 * 100 MB at 2,000 protocols) as ONE module `export default JSON.parse("…")`
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
 * Registered in `astro.config.mjs`. Remove when Astro stops inlining the data store into the
 * build (watch `vite-plugin-content-virtual-mod.js`).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

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

