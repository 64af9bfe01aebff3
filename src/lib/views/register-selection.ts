/**
 * A choice of the register's facets (year, committee, kind, topic) as a URL: the build
 * (`register.ts`) writes the chips' links with it, the browser (`src/components/register-filter.ts`)
 * reads and rewrites them, so both agree on every address. Pure and free of the archive index:
 * it is bundled into the page's script.
 *
 * A selection lives on a static page plus a query string. The page is the narrowest one the site
 * builds for it (`/beschluesse/jahr/<yyyy>/gremium/<id>/`, `/beschluesse/<facet>/<value>/` or
 * `/beschluesse/`), the query holds the rest (`?art=beschluss&thema=digitalisierung`). Without
 * JavaScript a link still opens a page that shows what was clicked; with it, the page narrows
 * its list to the whole selection. Pages for every combination of four facets would multiply
 * the register (at 2,000 protocols: up to 12,000 year × committee × kind × topic pages for
 * 11,900 resolutions), so only a year with a committee has pages of its own (issue #25).
 */
import { resolutionFacetPath } from '../model/paths';

/** The facets of the register, with their German names, in the order the chips show them. */
export const facetNames = { jahr: 'Jahr', gremium: 'Gremium', art: 'Art', thema: 'Thema' } as const;

/** A facet's URL segment and query key. */
export type Facet = keyof typeof facetNames;

/** The facets in display order. */
export const facetOrder = Object.keys(facetNames) as Facet[];

/** The chip that drops a facet from the selection. */
export const allLabels: Record<Facet, string> = { jahr: 'Alle Jahre', gremium: 'Alle Gremien', art: 'Alle Arten', thema: 'Alle Themen' };

/** The facet values a register page shows: none (all), one facet value, or several. */
export type Selection = Partial<Record<Facet, string>>;

/** What a facet value looks like in a URL: an id slug or a year. */
const VALUE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The page of a year with a committee.
 * @example yearCommitteePath('2021', 'plenum') // => '/beschluesse/jahr/2021/gremium/plenum/'
 */
export function yearCommitteePath(year: string, committeeId: string): string {
  return `${resolutionFacetPath('jahr', year)}gremium/${committeeId}/`;
}

/**
 * The facets a selection's static page fixes: a year with a committee where both are chosen
 * (unless `lead` is another facet), else `lead`, else the first chosen facet.
 * @example pageFacets({ jahr: '2021', art: 'wahl' }, 'art') // => ['art']
 */
export function pageFacets(selection: Selection, lead?: Facet): Facet[] {
  const chosen = facetOrder.filter((facet) => selection[facet]);
  if (selection.jahr && selection.gremium && (lead === undefined || lead === 'jahr' || lead === 'gremium')) return ['jahr', 'gremium'];
  if (lead && selection[lead]) return [lead];
  return chosen.slice(0, 1);
}

/**
 * The address of a selection: its static page (which shows `lead`, the facet just clicked) and
 * the other chosen facets as a query, in facet order.
 * @example selectionHref({ jahr: '2021', art: 'wahl' }, 'art') // => '/beschluesse/art/wahl/?jahr=2021'
 * @example selectionHref({ jahr: '2021', gremium: 'plenum', thema: 'digitalisierung' }) // => '/beschluesse/jahr/2021/gremium/plenum/?thema=digitalisierung'
 */
export function selectionHref(selection: Selection, lead?: Facet): string {
  const fixed = pageFacets(selection, lead);
  const path =
    fixed.length === 2 ? yearCommitteePath(selection.jahr!, selection.gremium!) : fixed.length === 1 ? resolutionFacetPath(fixed[0], selection[fixed[0]]!) : '/beschluesse/';
  const query = new URLSearchParams();
  for (const facet of facetOrder) if (selection[facet] && !fixed.includes(facet)) query.set(facet, selection[facet]);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The selection a page shows: the facets its path fixes, plus the query's values of the others
 * (values that are no slug are ignored: an old or mistyped link opens the page unfiltered).
 * @example selectionOf({ art: 'wahl' }, '?jahr=2021&art=beschluss&thema=%3Cx%3E') // => { art: 'wahl', jahr: '2021' }
 */
export function selectionOf(fixed: Selection, search: string): Selection {
  const query = new URLSearchParams(search);
  const selection: Selection = { ...fixed };
  for (const facet of facetOrder) {
    const value = query.get(facet);
    if (fixed[facet] === undefined && value && VALUE.test(value)) selection[facet] = value;
  }
  return selection;
}

/**
 * Whether a resolution with these facet values belongs to a selection (a topic facet may hold several).
 * @example matchesSelection({ jahr: ['2021'], thema: ['a', 'b'] }, { thema: 'b' }) // => true
 */
export function matchesSelection(values: Partial<Record<Facet, readonly string[]>>, selection: Selection): boolean {
  return facetOrder.every((facet) => selection[facet] === undefined || (values[facet] ?? []).includes(selection[facet]!));
}
