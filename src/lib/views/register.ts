/**
 * The register's facets: `/beschluesse/<facet>/<value>/` by year, committee, kind and topic,
 * with their German names and counts; a year and a committee together,
 * `/beschluesse/jahr/<yyyy>/gremium/<id>/`; any further choice as the page's query
 * (`?art=wahl&thema=…`), which the page's script applies to its list (`register-selection.ts`
 * has the addresses, `src/components/register-filter.ts` the browser's part). Every chip keeps
 * the other chosen facets (issue #25).
 */
import type { ArchiveIndex, ResolutionInMeeting } from '../index/archive-index';
import { committeeName } from '../model/labels';
import { resolutionFacetPath } from '../model/paths';
import { countLabel } from '../model/format';
import { resolutionKinds } from '../model/schema';
import { groupByMeeting, resolutionListItems, type MeetingGroup, type ResolutionListItem } from './resolution';
import { resolutionRegister, kindInfo, kindSlug } from '../index/resolutions';
import { allLabels, facetNames, facetOrder, matchesSelection, selectionHref, type Facet, type Selection } from './register-selection';
import { memoPerIndex } from '../index/memo';

export { facetNames, yearCommitteePath, type Facet, type Selection } from './register-selection';

/** One value of a facet, with how many resolutions it has. */
export interface FacetValue {
  facet: Facet;
  /** URL segment: `"2021"`, `"strategiekreis"`, `"vereinbarung"`, `"digitalisierung"`. */
  value: string;
  /** `"2021"`, `"Strategiekreis"`, `"Vereinbarungen"`, `"Digitalisierung"`. */
  label: string;
  href: string;
  count: number;
}

/** The value(s) of a facet that a resolution has. */
function valuesOf(index: ArchiveIndex, resolution: ResolutionInMeeting, facet: Facet): string[] {
  switch (facet) {
    case 'jahr':
      return [resolution.meeting.date.slice(0, 4)];
    case 'gremium':
      return [resolution.meeting.committee];
    case 'art':
      return [kindSlug(resolution.kind)];
    case 'thema':
      return resolutionRegister(index).topics.get(resolution.id) ?? [];
  }
}

/** The display label of a facet value. */
function facetLabel(index: ArchiveIndex, facet: Facet, value: string): string {
  switch (facet) {
    case 'jahr':
      return value;
    case 'gremium':
      return committeeName(index.registries, value);
    case 'art':
      return Object.entries(kindInfo).find(([, info]) => info.slug === value)?.[1].plural ?? value;
    case 'thema':
      return index.registries.topics.get(value)?.name ?? value;
  }
}

/**
 * The values of every facet that have resolutions, with counts: years newest
 * first, committees by count, kinds in schema order, topics by name.
 * @example registerFacets(index).jahr.map((v) => v.label) // => ['2021', '2020', '2017']
 */
export function registerFacets(index: ArchiveIndex): Record<Facet, FacetValue[]> {
  let result = facetCache.get(index);
  if (!result) facetCache.set(index, (result = countFacets(index)));
  return result;
}

/** `registerFacets`, computed once per index: every register page shows the same lists. */
const facetCache = new WeakMap<ArchiveIndex, Record<Facet, FacetValue[]>>();

function countFacets(index: ArchiveIndex): Record<Facet, FacetValue[]> {
  const result = {} as Record<Facet, FacetValue[]>;
  for (const facet of Object.keys(facetNames) as Facet[]) {
    const counts = new Map<string, number>();
    for (const resolution of index.resolutions) {
      for (const value of valuesOf(index, resolution, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values = [...counts].map(([value, count]) => ({
      facet,
      value,
      label: facetLabel(index, facet, value),
      href: resolutionFacetPath(facet, value),
      count,
    }));
    const kindOrder = resolutionKinds.map(kindSlug);
    values.sort((a, b) => {
      if (facet === 'jahr') return b.value.localeCompare(a.value);
      if (facet === 'gremium') return b.count - a.count || a.label.localeCompare(b.label, 'de');
      if (facet === 'art') return kindOrder.indexOf(a.value) - kindOrder.indexOf(b.value);
      return a.label.localeCompare(b.label, 'de');
    });
    result[facet] = values;
  }
  return result;
}

/**
 * The resolutions with one facet value, newest first.
 * @example resolutionsInFacet(index, 'art', 'vereinbarung').every((r) => r.kind === 'Vereinbarung') // => true
 */
export function resolutionsInFacet(index: ArchiveIndex, facet: Facet, value: string): ResolutionInMeeting[] {
  return (facetValueIndex(index).byValue[facet].get(value) ?? []).map((at) => index.resolutions[at]);
}

/** Routes for `/beschluesse/<facet>/<value>/`: one per facet value that has resolutions. */
export function resolutionFacetPaths(index: ArchiveIndex): { params: { facet: Facet; value: string } }[] {
  const facets = registerFacets(index);
  return (Object.keys(facets) as Facet[]).flatMap((facet) => facets[facet].map(({ value }) => ({ params: { facet, value } })));
}

/** A register page filtered by one facet. */
export interface FacetPageView {
  /** `"Beschlüsse und Vereinbarungen 2021"`, `"Vereinbarungen"`, `"… zum Thema Digitalisierung"` */
  title: string;
  facet: Facet;
  value: string;
  groups: RegisterGroup[];
  count: number;
}

/**
 * The view of one facet page.
 * @throws if the facet value has no resolutions (a route asked for a page that does not exist)
 * @example facetPageView(index, 'gremium', 'plenum').title // => 'Beschlüsse und Vereinbarungen: Plenum'
 */
export function facetPageView(index: ArchiveIndex, facet: Facet, value: string): FacetPageView {
  const resolutions = resolutionsInFacet(index, facet, value);
  if (!(facet in facetNames) || resolutions.length === 0) {
    throw new Error(`facetPageView: no resolutions for ${facet} "${value}". Fix: link a value from registerFacets(index).`);
  }
  const label = facetLabel(index, facet, value);
  const titles: Record<Facet, string> = {
    jahr: `Beschlüsse und Vereinbarungen ${label}`,
    gremium: `Beschlüsse und Vereinbarungen: ${label}`,
    art: label,
    thema: `Beschlüsse und Vereinbarungen zum Thema ${label}`,
  };
  return { title: titles[facet], facet, value, groups: registerGroups(index, resolutions), count: resolutions.length };
}

/** A facet value as a register page links it: `current` on the page that shows it. */
export interface Chip {
  facet: Facet;
  /** The facet value; `''` for the chip that drops the facet ("Alle Jahre"). */
  value: string;
  label: string;
  href: string;
  /** Resolutions behind the link; undefined for "Alle Jahre", "Alle Arten", … and for the other values of a facet the page has chosen (`registerChips`). */
  count?: number;
  current: boolean;
}

/** A resolution's values of every facet. */
function facetValues(index: ArchiveIndex, resolution: ResolutionInMeeting): Record<Facet, string[]> {
  return Object.fromEntries(facetOrder.map((facet) => [facet, valuesOf(index, resolution, facet)])) as Record<Facet, string[]>;
}

/**
 * The links of a register page's facet lists for a selection: per facet "Alle …" (drops it),
 * then each value that has resolutions together with the other chosen facets, counted there.
 * A facet the selection has chosen counts only its chosen value: its other values are other
 * pages, whose counts (every year's, on a year's page) would change this page with every new
 * resolution anywhere (the office's warm rebuild, issue #24) and are shown where they are not
 * chosen (`/beschluesse/`, the other facets' pages). Each link keeps the other choices
 * (`selectionHref`, with the clicked facet's page as the page, so it shows what was clicked
 * even without JavaScript).
 * @example registerChips(index, { jahr: '2021' }).gremium[1] // => { facet: 'gremium', value: 'strategiekreis', label: 'Strategiekreis', href: '/beschluesse/jahr/2021/gremium/strategiekreis/', count: 5, current: false }
 * @example registerChips(index, { jahr: '2021' }).art[1].href // => '/beschluesse/art/beschluss/?jahr=2021'
 */
export function registerChips(index: ArchiveIndex, selection: Selection): Record<Facet, Chip[]> {
  const facets = registerFacets(index);
  const { values, byValue } = facetValueIndex(index);
  const chips = {} as Record<Facet, Chip[]>;
  for (const facet of facetOrder) {
    const others: Selection = { ...selection, [facet]: undefined };
    const counts = new Map<string, number>();
    // The resolutions of the smallest chosen value are the only candidates (every register page
    // counts its chips: scanning all resolutions for each was a second of a warm build, issue #24).
    const chosen = facetOrder.filter((f) => others[f] !== undefined).map((f) => byValue[f].get(others[f]!) ?? []);
    if (chosen.length === 0) for (const { value, count } of facets[facet]) counts.set(value, count);
    else {
      for (const at of chosen.reduce((a, b) => (b.length < a.length ? b : a))) {
        const own = values[at];
        if (!matchesSelection(own, others)) continue;
        for (const value of own[facet]) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    chips[facet] = [
      { facet, value: '', label: allLabels[facet], href: selectionHref(others), current: selection[facet] === undefined },
      ...facets[facet]
        .filter(({ value }) => counts.has(value))
        .map(({ value, label }) => ({
          facet,
          value,
          label,
          href: selectionHref({ ...others, [facet]: value }, facet),
          ...((selection[facet] === undefined || selection[facet] === value) && { count: counts.get(value) }),
          current: selection[facet] === value,
        })),
    ];
  }
  return chips;
}

/** Every resolution's facet values (in `index.resolutions` order) and, per facet value, the positions of its resolutions. */
interface FacetValueIndex {
  values: Record<Facet, string[]>[];
  byValue: Record<Facet, Map<string, number[]>>;
  /** A resolution's values by its id. */
  byId: Map<string, Record<Facet, string[]>>;
}

/** The `FacetValueIndex` of an archive, once per index: each of the register's pages counts its chips from it. */
function facetValueIndex(index: ArchiveIndex): FacetValueIndex {
  let result = valuesCache.get(index);
  if (result) return result;
  const values = index.resolutions.map((resolution) => facetValues(index, resolution));
  const byValue = Object.fromEntries(facetOrder.map((facet) => [facet, new Map<string, number[]>()])) as FacetValueIndex['byValue'];
  values.forEach((own, at) => {
    for (const facet of facetOrder) {
      for (const value of own[facet]) {
        const positions = byValue[facet].get(value);
        if (positions) positions.push(at);
        else byValue[facet].set(value, [at]);
      }
    }
  });
  valuesCache.set(index, (result = { values, byValue, byId: new Map(index.resolutions.map((resolution, at) => [resolution.id, values[at]])) }));
  return result;
}

const valuesCache = new WeakMap<ArchiveIndex, FacetValueIndex>();

/** A meeting's resolutions in a register list, with their facet values as `data-*` attributes for the page's filter. */
export interface RegisterGroup extends MeetingGroup {
  /** `data-jahr`, `data-gremium`: the meeting's year and committee id. */
  attributes: Record<string, string>;
  /** Each with `data-art` (kind slug) and `data-thema` (topic ids, space-separated). */
  items: (ResolutionListItem & { attributes: Record<string, string> })[];
}

/**
 * The register's list of these resolutions (newest first), grouped by meeting, each line
 * carrying its facet values for the page's filter.
 * @example registerGroups(index, index.resolutions)[0].attributes // => { 'data-jahr': '2021', 'data-gremium': 'strategiekreis' }
 */
export function registerGroups(index: ArchiveIndex, resolutions: readonly ResolutionInMeeting[]): RegisterGroup[] {
  const values = facetValueIndex(index).byId;
  const items = resolutionListItems(index, resolutions).map((item) => registerItem(index, item));
  return groupByMeeting(items).map((group) => {
    const own = values.get(group.items[0].id)!;
    return { ...group, items: group.items as RegisterGroup['items'], attributes: { 'data-jahr': own.jahr[0], 'data-gremium': own.gremium[0] } };
  });
}

/**
 * A resolution's register line: its list line with its kinds and topics as `data-*` attributes.
 * Once per index and line, so that every register page lists the same object, which page keys
 * then hash once per build (`sharedKey`, `groupsByKey`), not once per page that lists it.
 */
const registerItem = memoPerIndex((index, item: ResolutionListItem): RegisterGroup['items'][number] => {
  const own = facetValueIndex(index).byId.get(item.id)!;
  return { ...item, attributes: { 'data-art': own.art.join(' '), 'data-thema': own.thema.join(' ') } };
});

/** How many of the newest meetings with resolutions `/beschluesse/` lists (`registerFront`). */
export const REGISTER_FRONT_MEETINGS = 20;

/** What `/beschluesse/` lists: the resolutions of the newest meetings, and how many there are in all. */
export interface RegisterFront {
  groups: RegisterGroup[];
  /** Resolutions in the archive. */
  total: number;
  /** Resolutions listed (of `total`). */
  shown: number;
  /** Meetings listed; `undefined` when every resolution is listed. */
  meetings?: number;
}

/**
 * The front page of the register: the resolutions of the newest `REGISTER_FRONT_MEETINGS`
 * meetings that have any (whole meetings), newest first; the older ones are a chip away (every
 * year, committee, kind and topic has its page). At 2,000 protocols the page listed all 11,898
 * resolutions (6.7 MB), and every new resolution made it again (the office's warm rebuild, #24).
 * @example registerFront(index).shown <= registerFront(index).total // => true
 */
export function registerFront(index: ArchiveIndex, meetings = REGISTER_FRONT_MEETINGS): RegisterFront {
  const newest = new Set<string>();
  const listed: ResolutionInMeeting[] = [];
  for (const resolution of index.resolutions) {
    if (!newest.has(resolution.meetingId)) {
      if (newest.size === meetings) break;
      newest.add(resolution.meetingId);
    }
    listed.push(resolution);
  }
  const total = index.resolutions.length;
  return { groups: registerGroups(index, listed), total, shown: listed.length, ...(listed.length < total && { meetings: newest.size }) };
}

/** The resolutions of a committee in a year, newest first. */
function resolutionsOfYearAndCommittee(index: ArchiveIndex, year: string, committeeId: string): ResolutionInMeeting[] {
  return byYearAndCommittee(index, null).get(`${year}/${committeeId}`) ?? [];
}

/**
 * Resolutions by `<year>/<committee>`, newest first, grouped once per index: each of the ~300
 * year-and-committee pages and its chips asked for ~40 such lists, a filter over every
 * resolution each (quadratic; 2.3 CPU s of a warm build at 2,000 protocols, BENCHMARKS.md "#24, sixth pass").
 */
const byYearAndCommittee = memoPerIndex((index, _: null) => {
  const groups = new Map<string, ResolutionInMeeting[]>();
  for (const r of index.resolutions) {
    const key = `${r.meeting.date.slice(0, 4)}/${r.meeting.committee}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
});

/** Routes for `/beschluesse/jahr/<yyyy>/gremium/<id>/`: every year and committee with resolutions together. */
export function yearCommitteePaths(index: ArchiveIndex): { year: string; committee: string }[] {
  const pairs = new Map<string, { year: string; committee: string }>();
  for (const r of index.resolutions) {
    const pair = { year: r.meeting.date.slice(0, 4), committee: r.meeting.committee };
    pairs.set(`${pair.year}/${pair.committee}`, pair);
  }
  return [...pairs.values()];
}

/**
 * The view of a year's page of a committee.
 * @throws if the committee has no resolutions that year
 * @example yearCommitteeView(index, '2021', 'plenum').title // => 'Beschlüsse und Vereinbarungen 2021: Plenum'
 */
export function yearCommitteeView(index: ArchiveIndex, year: string, committeeId: string): { title: string; count: string; groups: RegisterGroup[] } {
  const resolutions = resolutionsOfYearAndCommittee(index, year, committeeId);
  if (resolutions.length === 0) throw new Error(`yearCommitteeView: no resolutions of "${committeeId}" in ${year}. Fix: link a pair from yearCommitteePaths(index).`);
  return {
    title: `Beschlüsse und Vereinbarungen ${year}: ${committeeName(index.registries, committeeId)}`,
    count: countLabel(resolutions.length, 'Eintrag', 'Einträge'),
    groups: registerGroups(index, resolutions),
  };
}
