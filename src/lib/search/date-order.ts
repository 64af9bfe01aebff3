/**
 * Sorting search results by date without Pagefind's sort index.
 *
 * Pagefind keeps each sort key as a list of all sorted pages in its `pf_meta`
 * file, which every search loads first: at 2,000 protocols (about 14,700 indexed
 * pages) each date key costs about 31 kB gzip of the 200 kB a first search may
 * load (issue #8). So pages carry no `data-pagefind-sort`; instead
 * `scripts/search-date-order.ts` writes, after Pagefind, the ids of the dated
 * pages newest first (`DATE_ORDER_FILE`) into each bundle (`bundles.ts`), and the
 * search page loads the file of the bundle it searches only when a search is
 * sorted by date (a chosen order, or filters without words).
 * A Pagefind result's `id` is its page's id in the index (the fragment hash), so
 * the file must come from the same Pagefind run as the index (the build script
 * runs both).
 */

/** The order's file name inside a bundle's folder (`dist/pagefind/datum.json`, `dist/pagefind/beschluesse/datum.json`). */
export const DATE_ORDER_FILE = 'datum.json';

/** The file's content. */
export interface DateOrder {
  /** Ids of the dated pages (Pagefind result ids), newest first; undated pages are not in it. */
  ids: string[];
}

/** One indexed page: its Pagefind id and the `date` metadata `SearchMeta.astro` writes. */
export interface DatedPage {
  id: string;
  date?: string;
}

/**
 * The ids of the dated pages, newest first; same date by id, so the file is the
 * same for the same index. Dates that are not ISO dates count as undated.
 * @example dateOrder([{ id: 'de_a', date: '2017-11-09' }, { id: 'de_b', date: '2021-11-11' }, { id: 'de_c' }]) // => { ids: ['de_b', 'de_a'] }
 */
export function dateOrder(pages: DatedPage[]): DateOrder {
  const dated = pages.filter((page): page is Required<DatedPage> => /^\d{4}-\d{2}-\d{2}$/.test(page.date ?? ''));
  dated.sort((a, b) => b.date.localeCompare(a.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ids: dated.map((page) => page.id) };
}

/**
 * Orders results by date: dated ones newest (`desc`) or oldest (`asc`) first,
 * then the undated ones (people, organisations, topics, committees) in the order
 * given (relevance), so they come last either way.
 * @example sortByDate([{ id: 'de_c' }, { id: 'de_a' }, { id: 'de_b' }], { ids: ['de_b', 'de_a'] }, 'asc') // => [{ id: 'de_a' }, { id: 'de_b' }, { id: 'de_c' }]
 */
export function sortByDate<T extends { id: string }>(results: T[], order: DateOrder, direction: 'asc' | 'desc'): T[] {
  const rank = new Map(order.ids.map((id, position) => [id, position]));
  const dated = results.filter((result) => rank.has(result.id));
  const undated = results.filter((result) => !rank.has(result.id));
  const sign = direction === 'desc' ? 1 : -1;
  dated.sort((a, b) => sign * (rank.get(a.id)! - rank.get(b.id)!));
  return [...dated, ...undated];
}
