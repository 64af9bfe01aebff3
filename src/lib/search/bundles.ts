/**
 * The site's two Pagefind bundles, which pages each indexes, and which one a
 * search uses.
 *
 * Why two: every search first loads its bundle's page list (`pf_meta`), about
 * 6 bytes per indexed page. At 2,000 protocols 81 % of the 14,713 indexed pages
 * were resolution pages, whose text is their protocol's own: the meeting page
 * already has each resolution as a place of its own (its heading carries the
 * resolution id, `#2021-11-11-strategiekreis-b1`, Pagefind's sub-result). So the
 * main bundle indexes every page but the resolution pages, and a search over
 * everything finds a resolution as a place in its meeting's result. The resolution
 * pages have a bundle of their own, which the search page loads only when a search
 * asks for resolutions (Art = Beschluss): then they are results of their own, with
 * their own filters (people, organisations, topics of the resolution). See
 * BENCHMARKS.md, "Search transfer"; `scripts/search-index.ts` builds both.
 */
import { pagefindFilters, type SearchState } from './url-state.ts';

/** A bundle's name. */
export type BundleName = 'main' | 'resolutions';

/** Where each bundle is written, relative to `dist/`, and served, relative to the site root (trailing slash). */
export const bundlePaths: Record<BundleName, string> = {
  main: 'pagefind/',
  resolutions: 'pagefind/beschluesse/',
};

/** The `art` value of resolution pages (`resolutionSearchMeta`), the only kind in their bundle. */
export const RESOLUTION_KIND = 'Beschluss';

/**
 * The bundle a built page belongs to, by its path in `dist/`: resolution pages
 * (`src/pages/beschluesse/[id].astro`, one folder level under `beschluesse/`;
 * the register's facet pages are two levels down and not indexed) go to
 * `resolutions`, everything else to `main`.
 * @example bundleOfPage('beschluesse/2021-11-11-strategiekreis-b1/index.html') // => 'resolutions'
 * @example bundleOfPage('sitzungen/2021-11-11-strategiekreis/index.html') // => 'main'
 */
export function bundleOfPage(path: string): BundleName {
  return RESOLUTION_PAGE.test(path.replaceAll('\\', '/')) ? 'resolutions' : 'main';
}

/** A resolution page's path in `dist/`; also the glob `scripts/search-index.ts` gives Pagefind. */
export const RESOLUTION_PAGE_GLOB = 'beschluesse/*/index.html';
const RESOLUTION_PAGE = /^beschluesse\/[^/]+\/index\.html$/;

/**
 * The bundle a search runs in: the resolutions' when it asks for resolutions
 * (`art=Beschluss`), else the main one.
 * @example bundleOfSearch({ query: 'Prävention', filters: { art: 'Beschluss' }, sort: 'relevanz' }) // => 'resolutions'
 * @example bundleOfSearch({ query: 'Prävention', filters: {}, sort: 'relevanz' }) // => 'main'
 */
export function bundleOfSearch(state: SearchState): BundleName {
  return state.filters.art === RESOLUTION_KIND ? 'resolutions' : 'main';
}

/**
 * The `filters` option of `pagefind.search()` in a state's bundle. In the
 * resolution bundle every page is a resolution, so `art` is left out: Pagefind
 * would load that filter's file (every page of the bundle) to apply it.
 * @example bundleFilters({ query: '', filters: { art: 'Beschluss', jahr: '2021' }, sort: 'relevanz' }) // => { jahr: '2021' }
 * @example bundleFilters({ query: '', filters: { art: 'Person' }, sort: 'relevanz' }) // => { art: 'Person' }
 */
export function bundleFilters(state: SearchState): Record<string, string> {
  const filters = pagefindFilters(state);
  if (bundleOfSearch(state) === 'resolutions') delete filters.art;
  return filters;
}
