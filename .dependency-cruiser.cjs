/**
 * The layer check (issue #15), run by `test/layers.test.ts` in `npm test`: the data flows one way
 * (src/lib/README.md, scripts/import/README.md). A stage imports only itself and earlier stages:
 *   src/lib:        model < text < index < views | publish | search | checks (< archive.ts, pages)
 *   scripts/import: errors, model < readers < steps < registry < write < pipeline, cli;
 *                   from the site only src/lib/model and src/lib/text.
 * Type-only imports count too (a type is part of the contract between stages).
 * Run by hand: npx depcruise src/lib scripts/import src/content.config.ts --config .dependency-cruiser.cjs
 */
const later = (stages) => `^src/lib/(${stages.join('|')})/|^src/lib/archive\\.ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycle', comment: 'Modules import each other: move the shared part to the earlier one.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'model-first', comment: 'src/lib/model imports nothing later.', severity: 'error', from: { path: '^src/lib/model/' }, to: { path: later(['text', 'index', 'views', 'publish', 'search', 'checks']) } },
    { name: 'text-after-model', comment: 'src/lib/text imports only model.', severity: 'error', from: { path: '^src/lib/text/' }, to: { path: later(['index', 'views', 'publish', 'search', 'checks']) } },
    { name: 'index-after-text', comment: 'src/lib/index imports only model and text.', severity: 'error', from: { path: '^src/lib/index/' }, to: { path: later(['views', 'publish', 'search', 'checks']) } },
    { name: 'lib-not-pages', comment: 'src/lib never imports the .astro layer.', severity: 'error', from: { path: '^src/lib/' }, to: { path: '^src/(pages|components|layouts)/' } },
    { name: 'importer-uses-model-and-text', comment: 'The importer shares only the model and the text stage with the site.', severity: 'error', from: { path: '^scripts/import/' }, to: { path: '^src/', pathNot: '^src/lib/(model|text)/' } },
    { name: 'importer-readers-first', comment: 'Readers turn a file into text; they know no step, registry or writer.', severity: 'error', from: { path: '^scripts/import/readers/' }, to: { path: '^scripts/import/(steps|registry|write)/|^scripts/import/(pipeline|cli)\\.ts$' } },
    { name: 'importer-steps-before-registry', comment: 'Steps read the protocol; the registry comes after them and is seen through model.ts (RegistryLookup).', severity: 'error', from: { path: '^scripts/import/steps/' }, to: { path: '^scripts/import/registry/' } },
    { name: 'importer-write-last', comment: 'Steps and the registry do not write; the pipeline and the CLI call the writer.', severity: 'error', from: { path: '^scripts/import/(steps|registry)/' }, to: { path: '^scripts/import/write/|^scripts/import/(pipeline|cli)\\.ts$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
