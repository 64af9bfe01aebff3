/**
 * `node scripts/search-date-order.ts [DIST]`: writes `datum.json` into each Pagefind
 * bundle of `DIST` (`src/lib/search/bundles.ts`), the ids of the dated pages of that
 * bundle newest first, which the search page loads to sort results by date
 * (`src/lib/search/date-order.ts` says why this is not a Pagefind sort key).
 * `scripts/search-index.ts` (the last step of `npm run build`) calls `writeDateOrder`
 * after writing the bundles; this command is for re-writing the files alone.
 *
 * Reads Pagefind's fragment files (`pagefind/fragment/<id>.pf_fragment`: gzip of
 * `pagefind_dcd` + the page's JSON, Pagefind 1.x) for each page's `date` metadata;
 * a page's id in search results is its fragment's file name. Fails, naming the file,
 * when the format is not that, so a Pagefind upgrade that changes it stops the build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bundlePaths } from '../src/lib/search/bundles.ts';
import { DATE_ORDER_FILE, dateOrder, type DatedPage } from '../src/lib/search/date-order.ts';

/** Pagefind's marker in front of the JSON of an unpacked fragment. */
const SIGNATURE = 'pagefind_dcd';

/**
 * The id and `date` metadata of every page in a Pagefind bundle.
 * @example indexedPages('dist/pagefind')[0] // => { id: 'de_015f1d2', date: '2005-07-15' }
 */
export function indexedPages(bundle: string): DatedPage[] {
  const folder = join(bundle, 'fragment');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const path = join(folder, name);
      const text = gunzipSync(readFileSync(path)).toString('utf8');
      if (!text.startsWith(SIGNATURE)) {
        throw new Error(`${path}: not a Pagefind 1.x fragment (no "${SIGNATURE}" marker). Fix: update scripts/search-date-order.ts for the installed Pagefind.`);
      }
      const fragment = JSON.parse(text.slice(SIGNATURE.length)) as { meta?: { date?: string } };
      return { id: name.slice(0, -'.pf_fragment'.length), date: fragment.meta?.date };
    });
}

/**
 * Writes a bundle's `datum.json` and says so.
 * @example writeDateOrder('dist/pagefind') // logs "dist/pagefind/datum.json: 38 dated pages, newest first"
 * @throws when a fragment is not in Pagefind 1.x's format (see `indexedPages`)
 */
export function writeDateOrder(bundle: string): void {
  const order = dateOrder(indexedPages(bundle));
  writeFileSync(join(bundle, DATE_ORDER_FILE), JSON.stringify(order));
  console.log(`${join(bundle, DATE_ORDER_FILE)}: ${order.ids.length} dated pages, newest first`);
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  for (const path of Object.values(bundlePaths)) writeDateOrder(join(dist, path));
}
