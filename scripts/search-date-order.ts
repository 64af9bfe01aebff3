/**
 * `node scripts/search-date-order.ts [DIST]` (run by `npm run build` after Pagefind):
 * writes `DIST/pagefind/datum.json`, the ids of the dated pages of Pagefind's index
 * newest first, which the search page loads to sort results by date
 * (`src/lib/search/date-order.ts` says why this is not a Pagefind sort key).
 *
 * Reads Pagefind's fragment files (`pagefind/fragment/<id>.pf_fragment`: gzip of
 * `pagefind_dcd` + the page's JSON, Pagefind 1.x) for each page's `date` metadata;
 * a page's id in search results is its fragment's file name. Fails, naming the file,
 * when the format is not that, so a Pagefind upgrade that changes it stops the build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
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

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const order = dateOrder(indexedPages(join(dist, 'pagefind')));
  writeFileSync(join(dist, DATE_ORDER_FILE), JSON.stringify(order));
  console.log(`${join(dist, DATE_ORDER_FILE)}: ${order.ids.length} dated pages, newest first`);
}
