/**
 * The search page's German sentences about a search: the result count (read out
 * by screen readers, `aria-live`), the document title, and the empty state.
 */
import { activeFilters, filterLabels, type SearchState } from './url-state';

/**
 * The filters of a state in words.
 * @example filterSummary({ query: '', filters: { jahr: '2021', gremium: 'Plenum' }, sort: 'relevanz' }) // => 'Jahr: 2021, Gremium: Plenum'
 */
export function filterSummary(state: SearchState): string {
  return activeFilters(state)
    .map(([key, value]) => `${filterLabels[key]}: ${value}`)
    .join(', ');
}

/**
 * The result count, with what was searched for.
 * @example resultCountText(3, { query: 'Prävention', filters: {}, sort: 'relevanz' }) // => '3 Treffer für „Prävention“'
 * @example resultCountText(1, { query: '', filters: { jahr: '2021' }, sort: 'relevanz' }) // => '1 Treffer (Jahr: 2021)'
 */
export function resultCountText(count: number, state: SearchState): string {
  const filters = filterSummary(state);
  const words = state.query ? ` für „${state.query}“` : '';
  return `${count} Treffer${words}${filters ? ` (${filters})` : ''}`;
}

/**
 * The empty state's headline.
 * @example noResultsText({ query: 'Xylophon', filters: {}, sort: 'relevanz' }) // => 'Keine Treffer für „Xylophon“'
 */
export function noResultsText(state: SearchState): string {
  const filters = filterSummary(state);
  if (!state.query) return `Keine Treffer mit diesen Filtern (${filters})`;
  return `Keine Treffer für „${state.query}“${filters ? ` (${filters})` : ''}`;
}

/**
 * The document title of the search page for a state, so history entries and
 * tabs say what was searched.
 * @example searchTitle({ query: 'Prävention', filters: {}, sort: 'relevanz' }, 3) // => '„Prävention“ – 3 Treffer · Suche'
 */
export function searchTitle(state: SearchState, count?: number): string {
  const what = [state.query && `„${state.query}“`, filterSummary(state)].filter(Boolean).join(', ');
  if (!what) return 'Suche';
  return count === undefined ? `${what} · Suche` : `${what} – ${count} Treffer · Suche`;
}
