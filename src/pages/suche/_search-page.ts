/**
 * The search page in the browser: reads the search from the URL, runs it with
 * Pagefind's JS API (`/pagefind/pagefind.js`, built by `npm run build`), renders
 * the results, and keeps URL, form and history in step. The logic lives in
 * `src/lib/search/` (tested there); this file wires it to the DOM.
 *
 * Two Pagefind bundles (`src/lib/search/bundles.ts`): a search runs in the main one
 * (`/pagefind/`, the module's own instance), or, when it asks for resolutions
 * (Art = Beschluss), in the resolution pages' one (`/pagefind/beschluesse/`, an
 * instance of its own, created with the first such search). A search over
 * everything thus never loads the resolution pages' index; it finds a resolution
 * as a place in its meeting's result.
 *
 * The engine (`pagefind.js`, its WebAssembly and the index's page list, about 180 kB) loads on
 * first use: a search the URL already holds, or the first focus, key or input in the form
 * (issue #25), not with the page, so opening the search page costs only the page itself.
 *
 * Result links carry the words as `?hervorheben=…` (Pagefind's `highlightParam`), so the page a
 * hit opens marks them (`src/lib/search/highlight.ts`).
 *
 * Umlauts: the query goes to Pagefind as typed. Its index for `lang="de"` pages
 * already treats the spellings alike — the German stemmer reads `ae`/`oe`/`ue` as
 * `ä`/`ö`/`ü` (not after `q`) and `ß` as `ss`, and diacritic folding covers the
 * rest, prefixes included — so `Praevention` finds `Prävention`, `Begruessung`
 * and `Begrüssung` find `Begrüßung`, `Joerissen` finds `Joerißen`. Rewriting
 * queries (ae→ä variants, merged) would only add requests; the end-to-end tests
 * (`test/e2e/search.test.ts`) pin this behaviour on real protocol words, so a
 * Pagefind upgrade that changes it fails there.
 */
import { bundleFilters, bundleOfSearch, bundlePaths, type BundleName } from '../../lib/search/bundles';
import { DATE_ORDER_FILE, sortByDate, type DateOrder } from '../../lib/search/date-order';
import { HIGHLIGHT_PARAM } from '../../lib/search/highlight';
import { noResultsText, resultCountText, searchTitle } from '../../lib/search/messages';
import { resultView, type ResultData, type ResultView } from '../../lib/search/result-view';
import {
  activeFilters,
  dateSortDirection,
  emptyState,
  filterKeys,
  hasCriteria,
  sameState,
  searchUrl,
  stateFromUrl,
  type SearchState,
  type SortOrder,
} from '../../lib/search/url-state';

/** The part of Pagefind's JS API used here (https://pagefind.app/docs/api/): one bundle's search. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(query: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}
/** The module `pagefind.js`: its own instance (the bundle it was loaded from) and further ones for other bundles. */
interface PagefindModule extends Pagefind {
  createInstance(options: { basePath: string }): Pagefind;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

/** Results shown at once, and per "Weitere Treffer anzeigen". */
const PAGE_SIZE = 20;
/** Pause after typing before searching. */
const TYPING_DELAY_MS = 250;
/** Pagefind's options, the same in every bundle. */
const SEARCH_OPTIONS = {
  excerptLength: 26,
  excerptEllipsis: '…',
  // Protocols are long, registry pages short: Pagefind's default (0.75) favours short
  // pages so much that a person page listing a TOP title outranks the protocol itself.
  ranking: { pageLength: 0.3 },
  highlightParam: HIGHLIGHT_PARAM,
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function startSearchPage(): void {
  const form = byId<HTMLFormElement>('suche');
  const input = byId<HTMLInputElement>('suche-q');
  const details = byId<HTMLDetailsElement>('suche-filter');
  const filterCount = byId('suche-filter-anzahl');
  const sortSelect = byId<HTMLSelectElement>('suche-sortierung');
  const selects = new Map(filterKeys.map((key) => [key, byId<HTMLSelectElement>(`suche-${key}`)]));
  const reset = byId<HTMLAnchorElement>('suche-zuruecksetzen');
  const notice = byId('suche-hinweis');
  const status = byId('suche-status');
  const empty = byId('suche-leer');
  const emptyTitle = byId('suche-leer-titel');
  const emptyFilterHint = byId('suche-leer-filter');
  const withoutFilters = byId<HTMLAnchorElement>('suche-ohne-filter');
  const list = byId<HTMLOListElement>('suche-ergebnisse');
  const moreParagraph = byId('suche-mehr-absatz');
  const moreButton = byId<HTMLButtonElement>('suche-mehr');
  const siteTitle = document.title.replace(/^Suche/, '');

  // With JavaScript, filters apply as soon as they change.
  form.querySelector<HTMLButtonElement>('.search-apply')!.hidden = true;
  // Filters open on wide screens; on phones they stay folded until used.
  if (window.matchMedia('(min-width: 48rem)').matches) details.open = true;

  let engine: Promise<PagefindModule | undefined> | undefined;
  let run = 0;
  let results: PagefindResult[] = [];
  let shown = 0;
  let typingTimer: number | undefined;

  /** The state the form shows. */
  function formState(): SearchState {
    const filters: SearchState['filters'] = {};
    for (const [key, select] of selects) if (select.value) filters[key] = select.value;
    return { query: input.value.replace(/\s+/g, ' ').trim(), filters, sort: (sortSelect.value || 'relevanz') as SortOrder };
  }

  /** Puts a state into the form (after loading a URL, or back/forward). */
  function showState(state: SearchState): void {
    input.value = state.query;
    for (const [key, select] of selects) setSelect(select, state.filters[key] ?? '');
    sortSelect.value = state.sort === 'relevanz' ? '' : state.sort;
    const count = activeFilters(state).length;
    filterCount.textContent = count ? ` (${count} aktiv)` : '';
    const unfiltered = searchUrl({ ...emptyState, query: state.query });
    reset.setAttribute('href', unfiltered);
    withoutFilters.setAttribute('href', unfiltered);
  }

  /** Selects a value, adding it as an option if the index does not list it (an old link). */
  function setSelect(select: HTMLSelectElement, value: string): void {
    if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
    select.value = value;
  }

  /** Says that the index is missing (as under `npm run dev`) or could not be loaded. */
  function showIndexMissing(): void {
    notice.textContent = import.meta.env.DEV
      ? 'Die Suche braucht den Suchindex: npm run build && npm run preview'
      : 'Die Suche ist gerade nicht verfügbar: der Suchindex fehlt. Bitte versuchen Sie es später noch einmal.';
    notice.hidden = false;
  }

  /** Pagefind's module, loaded on first call (`loadPagefind`); undefined when the index is missing. */
  function pagefindEngine(): Promise<PagefindModule | undefined> {
    engine ??= loadPagefind();
    return engine;
  }

  /** Loads Pagefind's module (the main bundle's); undefined (with a notice) when the index is missing. */
  async function loadPagefind(): Promise<PagefindModule | undefined> {
    try {
      const url = `${import.meta.env.BASE_URL}${bundlePaths.main}pagefind.js`;
      const loaded = (await import(/* @vite-ignore */ url)) as PagefindModule;
      await loaded.options(SEARCH_OPTIONS);
      return loaded;
    } catch {
      showIndexMissing();
      return undefined;
    }
  }

  const instances = new Map<BundleName, Promise<Pagefind>>();

  /**
   * The search of a bundle, started (index metadata and WebAssembly loading) on first use:
   * the main bundle is the module's own instance, the resolution bundle one of its own.
   */
  function bundle(name: BundleName, module: PagefindModule): Promise<Pagefind> {
    let instance = instances.get(name);
    if (!instance) {
      instance = (async () => {
        if (name === 'main') {
          await module.init();
          return module;
        }
        const other = module.createInstance({ basePath: `${import.meta.env.BASE_URL}${bundlePaths[name]}` });
        await other.options(SEARCH_OPTIONS);
        await other.init();
        return other;
      })();
      instances.set(name, instance);
    }
    return instance;
  }

  const dateOrders = new Map<BundleName, Promise<DateOrder | undefined>>();

  /**
   * A bundle's dated pages newest first (`src/lib/search/date-order.ts`), loaded with its
   * first search sorted by date; undefined (results stay in relevance order) if it is missing.
   */
  function loadDateOrder(name: BundleName): Promise<DateOrder | undefined> {
    let order = dateOrders.get(name);
    if (!order) {
      order = fetch(`${import.meta.env.BASE_URL}${bundlePaths[name]}${DATE_ORDER_FILE}`)
        .then((response) => (response.ok ? (response.json() as Promise<DateOrder>) : undefined))
        .catch(() => undefined);
      dateOrders.set(name, order);
    }
    return order;
  }

  /** Runs a state's search and shows the first results. */
  async function search(state: SearchState): Promise<void> {
    const current = ++run;
    document.title = `${searchTitle(state)}${siteTitle}`;
    if (!hasCriteria(state)) {
      clearResults();
      status.textContent = '';
      return;
    }
    const pagefind = await pagefindEngine();
    if (!pagefind || current !== run) return;
    // The words go in as typed: the German index already matches ae/oe/ue/ss with ä/ö/ü/ß (see the top of this file).
    const direction = dateSortDirection(state);
    const name = bundleOfSearch(state);
    let found: { results: PagefindResult[] };
    let order: DateOrder | undefined;
    try {
      [found, order] = await Promise.all([
        bundle(name, pagefind).then((instance) => instance.search(state.query || null, { filters: bundleFilters(state) })),
        direction ? loadDateOrder(name) : undefined,
      ]);
    } catch {
      if (current === run) showIndexMissing();
      return;
    }
    if (current !== run) return;
    const sorted = direction && order ? sortByDate(found.results, order, direction) : found.results;
    const views = await loadViews(sorted, 0);
    if (current !== run) return;
    results = sorted;
    shown = views.length;
    clearResults();
    document.title = `${searchTitle(state, results.length)}${siteTitle}`;
    if (results.length === 0) {
      emptyTitle.textContent = noResultsText(state);
      emptyFilterHint.hidden = activeFilters(state).length === 0;
      empty.hidden = false;
      // Said once: the heading shows it, the status line only announces it.
      status.classList.add('visually-hidden');
      status.textContent = noResultsText(state);
      return;
    }
    status.textContent = resultCountText(results.length, state);
    appendResults(views);
  }

  /** Loads the data of one page of results (one fragment request per result). */
  async function loadViews(list: PagefindResult[], from: number): Promise<ResultView[]> {
    return Promise.all(list.slice(from, from + PAGE_SIZE).map(async (result) => resultView(await result.data())));
  }

  function clearResults(): void {
    list.replaceChildren();
    status.classList.remove('visually-hidden');
    empty.hidden = true;
    moreParagraph.hidden = true;
  }

  function appendResults(views: ResultView[]): HTMLAnchorElement | undefined {
    const items = views.map(renderResult);
    list.append(...items);
    moreParagraph.hidden = shown >= results.length;
    return items[0]?.querySelector('a') ?? undefined;
  }

  /** Applies the form to URL, history and results. `push` adds a history entry (submit, filter change). */
  function applyForm(push: boolean): void {
    const state = formState();
    const current = stateFromUrl(location.search);
    if (!sameState(state, current)) {
      const url = searchUrl(state, location.pathname);
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    showState(state);
    void search(state);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    applyForm(true);
  });
  input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    const words = input.value.trim();
    if (words) void warmUp().then((instance) => instance?.preload(words), () => undefined);
    // Typing replaces the history entry; a new one per keystroke would make "back" useless.
    typingTimer = window.setTimeout(() => applyForm(false), TYPING_DELAY_MS);
  });
  for (const select of [...selects.values(), sortSelect]) select.addEventListener('change', () => applyForm(true));
  window.addEventListener('popstate', () => {
    const state = stateFromUrl(location.search);
    showState(state);
    void search(state);
  });
  moreButton.addEventListener('click', async () => {
    const before = run;
    const views = await loadViews(results, shown);
    if (before !== run) return;
    shown += views.length;
    const first = appendResults(views);
    status.textContent = `${shown} von ${results.length} Treffern angezeigt`;
    // Keyboard and screen-reader users continue at the first new result.
    first?.focus();
  });

  /** Loads the engine and starts the index of the bundle the form's search would use. */
  async function warmUp(): Promise<Pagefind | undefined> {
    const pagefind = await pagefindEngine();
    return pagefind && bundle(bundleOfSearch(formState()), pagefind);
  }

  const state = stateFromUrl(location.search);
  showState(state);
  if (!state.query) input.focus();
  // Listened for after the autofocus above, which is no sign of use: the engine comes with the
  // first focus, key or input in the form, or with the search the URL holds (applyForm).
  for (const type of ['focusin', 'keydown', 'pointerdown', 'input']) {
    form.addEventListener(type, () => void warmUp().catch(() => undefined), { once: true });
  }
  // The filter values come with the page (index.astro), not from `pagefind.filters()`,
  // which would load every filter file of the index (see src/lib/search/filter-options.ts).
  applyForm(false);
}

/** One result as a list item: kind, date, committee; title linking to the best place; the places with excerpts. */
function renderResult(view: ResultView): HTMLLIElement {
  const item = element('li', 'search-result');
  const meta = element('p', 'search-result-meta');
  const parts = [view.kind, view.dateLabel, view.committee].filter((part): part is string => Boolean(part));
  parts.forEach((part, index) => {
    if (index > 0) meta.append(' · ');
    if (index === 0 && view.kind) meta.append(Object.assign(element('span', 'search-result-kind'), { textContent: part }));
    else if (part === view.dateLabel && view.date) meta.append(Object.assign(element('time'), { dateTime: view.date, textContent: part }));
    else meta.append(part);
  });
  const heading = element('h2', 'search-result-title');
  heading.append(Object.assign(element('a'), { href: view.href, textContent: view.title }));
  item.append(heading, meta);
  const places = element('ul', 'search-places');
  for (const place of view.places) {
    const li = element('li');
    if (place.label) {
      const link = Object.assign(element('a', 'search-place-link'), { href: place.href, textContent: place.label });
      li.append(link);
    }
    // Pagefind escapes the page text and adds only <mark> elements, so this is safe as HTML.
    const excerpt = element('p', 'search-excerpt');
    excerpt.innerHTML = place.excerpt;
    li.append(excerpt);
    places.append(li);
  }
  item.append(places);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

// "/" jumps to the search field, as on GitHub or MDN; not while typing in a field.
// Only here: every other page works, and ships, without JavaScript (issue #5, BENCHMARKS.md).
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const field = document.querySelector<HTMLInputElement>('#suche-q');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});
