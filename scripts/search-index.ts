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
 * Pagefind's `addDirectory` takes one glob and no exclusions
 * (https://github.com/Pagefind/pagefind/issues/797), so the main bundle's pages are
 * read here and added one by one (`addHTMLFile`); the resolution pages, all under
 * one glob, Pagefind reads itself.
 *
 * Fails with the file and Pagefind's message when Pagefind reports an error, and
 * when a page that says it is a resolution (`art` = Beschluss) lies outside the
 * resolution pages' folder, where the search page would never look for it.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { bundleOfPage, bundlePaths, RESOLUTION_KIND, RESOLUTION_PAGE_GLOB } from '../src/lib/search/bundles.ts';
import { writeDateOrder } from './search-date-order.ts';

/** Pages sent to Pagefind at a time (each is one message to its service process). */
const CONCURRENCY = 16;

/** What `SearchMeta.astro` writes for a resolution page's kind. */
const RESOLUTION_MARK = `data-pagefind-filter="art[data-value]" data-value="${RESOLUTION_KIND}"`;

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
 * Builds both bundles of `dist` and their date orders; returns the pages indexed per bundle.
 * @throws on a Pagefind error, or a resolution page outside `beschluesse/<id>/`
 */
export async function buildSearchIndex(dist: string): Promise<{ main: number; resolutions: number }> {
  const root = resolve(dist);
  const mainIndex = await newIndex();
  // Pages without `data-pagefind-body` (lists, the search page itself) are left out here;
  // Pagefind would drop them anyway, since the other pages have it.
  const mainPages = htmlFiles(root).filter((path) => bundleOfPage(path) === 'main');
  let main = 0;
  for (let start = 0; start < mainPages.length; start += CONCURRENCY) {
    await Promise.all(
      mainPages.slice(start, start + CONCURRENCY).map(async (path) => {
        const content = readFileSync(join(root, path), 'utf8');
        if (!content.includes('data-pagefind-body')) return;
        if (content.includes(RESOLUTION_MARK)) {
          throw new Error(
            `${join(dist, path)}: a resolution page (art "${RESOLUTION_KIND}") outside ${RESOLUTION_PAGE_GLOB}. ` +
              'Fix: build resolution pages at /beschluesse/<id>/, or change bundleOfPage in src/lib/search/bundles.ts.',
          );
        }
        // The path relative to the site is what Pagefind makes the result URL of (`/sitzungen/x/`).
        const { errors } = await mainIndex.addHTMLFile({ sourcePath: path, content });
        check(join(dist, path), errors);
        main += 1;
      }),
    );
  }

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
  return { main, resolutions: added.page_count };
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const started = performance.now();
  const pages = await buildSearchIndex(dist);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Pagefind: ${pages.main} pages in ${join(dist, bundlePaths.main)}, ${pages.resolutions} resolution pages in ${join(dist, bundlePaths.resolutions)} (${seconds} s)`);
}
