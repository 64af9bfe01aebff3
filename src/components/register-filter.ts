/**
 * The register's filter in the browser (`ResolutionRegister.astro`): a page opened with further
 * facets in its query (`/beschluesse/jahr/2021/?art=wahl&thema=digitalisierung`, the links of
 * `selectionHref`, src/lib/views/register-selection.ts) shows only the lines of its list that
 * have all of them, counts each chip within the other choices (hiding values with none), and
 * rewrites every chip's link to keep the whole selection. A page opened without such a query
 * is left as built. Each click is a plain link to a static page, so Back, bookmarks and
 * shared links work as with any page.
 */
import { facetOrder, matchesSelection, selectionHref, selectionOf, type Facet, type Selection } from '../lib/views/register-selection';

/** One resolution line of the list, with its facet values from the `data-*` attributes `registerGroups` writes. */
interface Line {
  item: HTMLElement;
  values: Record<Facet, string[]>;
}

const words = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);

/** Applies the query's facets to the register page, if it has any. */
export function startRegisterFilter(): void {
  const nav = document.querySelector<HTMLElement>('nav[data-register-selection]');
  if (!nav) return;
  const fixed = Object.fromEntries(new URLSearchParams(nav.dataset.registerSelection)) as Selection;
  const selection = selectionOf(fixed, location.search);
  if (facetOrder.every((facet) => selection[facet] === fixed[facet])) return;

  const groups = [...document.querySelectorAll<HTMLElement>('.resolution-group[data-jahr]')];
  const lines: Line[] = groups.flatMap((group) =>
    [...group.querySelectorAll<HTMLElement>('li[data-art]')].map((item) => ({
      item,
      values: { jahr: words(group.dataset.jahr), gremium: words(group.dataset.gremium), art: words(item.dataset.art), thema: words(item.dataset.thema) },
    })),
  );
  let shown = 0;
  for (const line of lines) {
    const keep = matchesSelection(line.values, selection);
    line.item.hidden = !keep;
    if (keep) shown += 1;
  }
  for (const group of groups) group.hidden = !group.querySelector('li[data-art]:not([hidden])');
  // The choices the page's own title does not name, as the chips call them ("2022 · AG Transfer").
  const added = facetOrder
    .filter((facet) => fixed[facet] === undefined && selection[facet] !== undefined)
    .map((facet) => nav.querySelector(`a[data-facet="${facet}"][data-value="${CSS.escape(selection[facet]!)}"]`)?.firstChild?.textContent?.trim() ?? selection[facet]);
  for (const element of document.querySelectorAll('[data-register-count]')) {
    element.textContent = `${shown} ${shown === 1 ? 'Eintrag' : 'Einträge'} (Auswahl: ${added.join(' · ')})`;
  }
  const empty = document.querySelector<HTMLElement>('[data-register-empty]');
  if (empty) {
    empty.hidden = shown > 0;
    empty.querySelector('a')?.setAttribute('href', location.pathname);
  }

  for (const chip of nav.querySelectorAll<HTMLAnchorElement>('a[data-facet]')) {
    const facet = chip.dataset.facet as Facet;
    const value = chip.dataset.value ?? '';
    const others: Selection = { ...selection, [facet]: undefined };
    chip.setAttribute('href', value ? selectionHref({ ...others, [facet]: value }, facet) : selectionHref(others));
    const current = value ? selection[facet] === value : selection[facet] === undefined;
    if (current) chip.setAttribute('aria-current', 'page');
    else chip.removeAttribute('aria-current');
    const count = chip.querySelector<HTMLElement>('.facet-count');
    if (!value || !count) continue;
    // The page fixes this facet: its other values' resolutions are not on the page, so their count within the selection is unknown here.
    if (fixed[facet] !== undefined && fixed[facet] !== value) {
      count.hidden = true;
      continue;
    }
    const within = lines.filter((line) => line.values[facet].includes(value) && matchesSelection(line.values, others)).length;
    count.textContent = `(${within.toLocaleString('de-DE')})`;
    chip.closest('li')!.hidden = within === 0 && !current;
  }
}
