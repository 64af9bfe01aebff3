/**
 * `node scripts/search-index.ts [DIST]` (`npm run build:search`, the last step of
 * `npm run build`): indexes the built site with Pagefind's Node API
 * (https://pagefind.app/docs/node-api/) into the site's two bundles
 * (`src/lib/search/bundles.ts` says why two):
 *
 * - `DIST/pagefind/`: every searchable page (`<main data-pagefind-body>`) but the
 *   resolution pages;
 * - `DIST/pagefind/beschluesse/`: the resolution pages (`beschluesse/<id>/index.html`).
 *
 * Then writes each bundle's date order (`scripts/search-date-order.ts`). Replaces
 * `DIST/pagefind/` as a whole, so a removed page leaves nothing behind.
 *
 * Pagefind reads the files itself (`addDirectory`, one glob per bundle, see `mainGlob`),
 * as fast as `pagefind --site dist`: adding the main pages one by one (`addHTMLFile`)
 * took up to 1.5× as long at 200 protocols.
 *
 * Fails with the file and Pagefind's message when Pagefind reports an error, and
 * for a searchable page in the resolution pages' folder that is not a resolution
 * page, which neither bundle would index.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { bundleOfPage, bundlePaths, RESOLUTION_PAGE_GLOB } from '../src/lib/search/bundles.ts';
import { writeDateOrder } from './search-date-order.ts';

/**
 * The HTML files of a built site, relative to it (`sitzungen/x/index.html`), sorted;
 * without Pagefind's own folder.
 * @example htmlFiles('dist').slice(0, 2) // => ['404.html', 'beschluesse/2017-11-09-plenum-b1/index.html']
 */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((path) => path.replaceAll('\\', '/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith(bundlePaths.main))
    .sort();
}

/** The folder of the resolution pages (`beschluesse`). */
const RESOLUTION_FOLDER = RESOLUTION_PAGE_GLOB.split('/')[0];

/**
 * The glob of the main bundle's pages: every HTML file but those in the resolution
 * pages' folder (Pagefind's globs have no exclusions, so the others are listed:
 * the top-level files and folders of `dist`). The folder's other pages, the register
 * and its facet pages, are not searchable; if one ever is, this fails, naming it,
 * rather than leave it out of both bundles.
 * @example mainGlob('dist') // => '{*.html,gremien/**\/*.html,jahre/**\/*.html,…}'
 * @throws for a searchable page in the resolution pages' folder that is not a resolution page
 */
export function mainGlob(dist: string): string {
  for (const path of htmlFiles(dist)) {
    if (!path.startsWith(`${RESOLUTION_FOLDER}/`) || bundleOfPage(path) === 'resolutions') continue;
    if (readFileSync(join(dist, path), 'utf8').includes('data-pagefind-body')) {
      throw new Error(
        `${join(dist, path)}: a searchable page in ${RESOLUTION_FOLDER}/ that is not a resolution page (${RESOLUTION_PAGE_GLOB}); ` +
          'neither search bundle would index it. Fix: move the route, or mark the page searchable={false}.',
      );
    }
  }
  const folders = readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && `${entry.name}/` !== bundlePaths.main && entry.name !== RESOLUTION_FOLDER)
    .map((entry) => `${entry.name}/**/*.html`)
    .sort();
  return `{${['*.html', ...folders].join(',')}}`;
}

/** Throws with the file (or step) and Pagefind's messages if there are any. */
function check(where: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`${where}: Pagefind: ${errors.join('; ')}`);
}

/** Creates an empty Pagefind index. */
async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { errors, index } = await pagefind.createIndex();
  check('createIndex', errors);
  if (!index) throw new Error('createIndex: Pagefind returned no index. Fix: check the installed pagefind package (npm install).');
  return index;
}

/**
 * Builds both bundles of `dist` and their date orders; returns the HTML files Pagefind read
 * per bundle (it keeps those with `data-pagefind-body`).
 * @throws on a Pagefind error, or a searchable page in `beschluesse/` that is not a resolution page
 */
export async function buildSearchIndex(dist: string): Promise<{ main: number; resolutions: number }> {
  const root = resolve(dist);
  const mainIndex = await newIndex();
  const glob = mainGlob(root);
  const main = await mainIndex.addDirectory({ path: root, glob });
  check(`${dist}: ${glob}`, main.errors);

  const resolutionIndex = await newIndex();
  const added = await resolutionIndex.addDirectory({ path: root, glob: RESOLUTION_PAGE_GLOB });
  check(`${join(dist, RESOLUTION_PAGE_GLOB)}`, added.errors);

  rmSync(join(root, bundlePaths.main), { recursive: true, force: true });
  for (const [index, path] of [
    [mainIndex, bundlePaths.main],
    [resolutionIndex, bundlePaths.resolutions],
  ] as const) {
    const { errors } = await index.writeFiles({ outputPath: join(root, path) });
    check(`writeFiles ${join(dist, path)}`, errors);
    writeDateOrder(join(dist, path));
  }
  await pagefind.close();
  return { main: main.page_count, resolutions: added.page_count };
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const started = performance.now();
  const pages = await buildSearchIndex(dist);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Pagefind: ${pages.main} HTML files read for ${join(dist, bundlePaths.main)}, ${pages.resolutions} resolution pages for ${join(dist, bundlePaths.resolutions)} (${seconds} s)`);
}
