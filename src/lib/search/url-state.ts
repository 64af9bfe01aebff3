/**
 * The search page's state (query, filters, sort order) and its URL, in both
 * directions: `/suche/?q=Prävention&jahr=2021&gremium=Strategiekreis&art=Beschluss&sortierung=neueste`.
 * A search is a link: bookmarking, sharing, reloading and back/forward all go
 * through `stateFromUrl` and `searchUrl`.
 *
 * The filter keys are also the Pagefind filter names that `SearchMeta.astro`
 * writes into every page, so a URL parameter maps to a Pagefind filter 1:1.
 */

/** The filters, in the order the search page shows them. */
export const filterKeys = ['art', 'jahr', 'gremium', 'person', 'organisation', 'thema'] as const;
export type FilterKey = (typeof filterKeys)[number];

/** Labels of the filters on the search page. */
export const filterLabels: Record<FilterKey, string> = {
  art: 'Art',
  jahr: 'Jahr',
  gremium: 'Gremium',
  person: 'Person',
  organisation: 'Organisation',
  thema: 'Thema',
};

/** The kinds of page (`art`), in the order the filter lists them (`SearchMeta.astro` `kind`). */
export const kinds = ['Sitzung', 'Beschluss', 'Vorgang', 'Person', 'Organisation', 'Thema', 'Gremium'] as const;

/** Sort orders; `relevanz` is the default and stays out of the URL. */
export const sortOrders = ['relevanz', 'neueste', 'aelteste'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Labels of the sort orders. */
export const sortLabels: Record<SortOrder, string> = {
  relevanz: 'Relevanz',
  neueste: 'Datum, neueste zuerst',
  aelteste: 'Datum, älteste zuerst',
};

/** What is searched for. */
export interface SearchState {
  /** The words as typed (trimmed, inner whitespace collapsed); `''` for none. */
  query: string;
  /** One value per filter at most; absent = not filtered. */
  filters: Partial<Record<FilterKey, string>>;
  sort: SortOrder;
}

/** The state of `/suche/` with nothing entered. */
export const emptyState: SearchState = { query: '', filters: {}, sort: 'relevanz' };

/**
 * Tidies typed words: trims and collapses whitespace.
 * @example normaliseQuery('  Prävention   4.0 ') // => 'Prävention 4.0'
 */
export function normaliseQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

/**
 * Reads the state from a URL's query string. Unknown parameters and empty values
 * are ignored, an unknown sort order falls back to relevance.
 * @example stateFromUrl('?q=Pr%C3%A4vention&jahr=2021') // => { query: 'Prävention', filters: { jahr: '2021' }, sort: 'relevanz' }
 */
export function stateFromUrl(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchState['filters'] = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get('sortierung');
  return {
    query: normaliseQuery(params.get('q') ?? ''),
    filters,
    sort: (sortOrders as readonly string[]).includes(sort ?? '') ? (sort as SortOrder) : 'relevanz',
  };
}

/**
 * The URL of a state: `q` first, then the filters in display order, then the sort
 * order; defaults and empty values are left out.
 * @example searchUrl({ query: 'Prävention', filters: { jahr: '2021' }, sort: 'neueste' })
 *   // => '/suche/?q=Pr%C3%A4vention&jahr=2021&sortierung=neueste'
 * @example searchUrl(emptyState) // => '/suche/'
 */
export function searchUrl(state: SearchState, pathname = '/suche/'): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of filterKeys) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'relevanz') params.set('sortierung', state.sort);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** Whether two states search the same (same URL). */
export function sameState(a: SearchState, b: SearchState): boolean {
  return searchUrl(a) === searchUrl(b);
}

/** The filters that are set, in display order. */
export function activeFilters(state: SearchState): [FilterKey, string][] {
  return filterKeys.flatMap((key) => (state.filters[key] ? [[key, state.filters[key]] as [FilterKey, string]] : []));
}

/** Whether there is anything to search for: words or at least one filter. */
export function hasCriteria(state: SearchState): boolean {
  return state.query !== '' || activeFilters(state).length > 0;
}

/**
 * The `filters` option of `pagefind.search()`: every active filter as an exact value.
 * @example pagefindFilters({ query: '', filters: { jahr: '2021', art: 'Beschluss' }, sort: 'relevanz' }) // => { art: 'Beschluss', jahr: '2021' }
 */
export function pagefindFilters(state: SearchState): Record<string, string> {
  return Object.fromEntries(activeFilters(state));
}

/**
 * The date order of a state's results, or undefined for relevance. Without words
 * there is no relevance, so a filter-only search lists newest first. The sorting
 * itself is `sortByDate` (`date-order.ts`), not Pagefind's.
 * @example dateSortDirection({ query: 'x', filters: {}, sort: 'aelteste' }) // => 'asc'
 */
export function dateSortDirection(state: SearchState): 'asc' | 'desc' | undefined {
  const sort = state.query === '' && state.sort === 'relevanz' ? 'neueste' : state.sort;
  if (sort === 'neueste') return 'desc';
  if (sort === 'aelteste') return 'asc';
  return undefined;
}

/**
 * Orders a filter's values for its select box: years newest first, kinds in
 * their fixed order, people by name without academic titles, everything else
 * alphabetically (German collation).
 * @example sortFilterValues('jahr', ['2019', '2021', '2020']) // => ['2021', '2020', '2019']
 * @example sortFilterValues('person', ['Dr. Annette Icks', 'Bruno Schmalen']) // => ['Dr. Annette Icks', 'Bruno Schmalen']
 */
export function sortFilterValues(key: FilterKey, values: Iterable<string>): string[] {
  const list = [...new Set(values)];
  if (key === 'jahr') return list.sort((a, b) => b.localeCompare(a));
  if (key === 'art') {
    const rank = (value: string) => {
      const index = (kinds as readonly string[]).indexOf(value);
      return index === -1 ? kinds.length : index;
    };
    return list.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'de'));
  }
  const name = (value: string) => (key === 'person' ? withoutTitles(value) : value);
  return list.sort((a, b) => name(a).localeCompare(name(b), 'de') || a.localeCompare(b, 'de'));
}

/**
 * A person's name without leading academic titles, for sorting.
 * @example withoutTitles('Prof. Dr. Oliver Kruse') // => 'Oliver Kruse'
 */
export function withoutTitles(name: string): string {
  return name.replace(/^(?:(?:Prof|Dr|Dipl|PD)\.(?:-[\p{L}]+\.?)?(?: (?:rer|phil|med|nat|pol|oec|h\. ?c)\.)*\s+)+/u, '');
}
