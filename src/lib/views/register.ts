/**
 * The register's facets: `/beschluesse/<facet>/<value>/` by year, committee, kind and topic,
 * with their German names and counts; and a year and a committee together,
 * `/beschluesse/jahr/<yyyy>/gremium/<id>/`, so choosing a committee keeps the chosen year and
 * vice versa (issue #25). Kind and topic start a selection of their own: every pair of facets
 * as a page of its own would multiply the register's pages.
 */
import type { ArchiveIndex, ResolutionInMeeting } from '../index/archive-index';
import { committeeName } from '../model/labels';
import { resolutionFacetPath } from '../model/paths';
import { countLabel } from '../model/format';
import { resolutionKinds } from '../model/schema';
import { groupByMeeting, resolutionListItems, type MeetingGroup } from './resolution';
import { resolutionRegister, kindInfo, kindSlug } from '../index/resolutions';
import { memoPerIndex } from '../index/memo';

/** The facets of the register, with their German names. */
export const facetNames = { jahr: 'Jahr', gremium: 'Gremium', art: 'Art', thema: 'Thema' } as const;

/** A facet's URL segment. */
export type Facet = keyof typeof facetNames;

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
  return index.resolutions.filter((resolution) => valuesOf(index, resolution, facet).includes(value));
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
  groups: MeetingGroup[];
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
  return { title: titles[facet], facet, value, groups: groupByMeeting(resolutionListItems(index, resolutions)), count: resolutions.length };
}

/** The register page a selection shows: nothing (all), one facet value, or a year with a committee. */
export type Selection = Partial<Record<Facet, string>>;

/** A facet value as a register page links it: `current` on the page that shows it. */
export interface Chip {
  label: string;
  href: string;
  /** Resolutions behind the link; undefined for "Alle Jahre"/"Alle Gremien". */
  count?: number;
  current: boolean;
}

/**
 * The page of a year with a committee.
 * @example yearCommitteePath('2021', 'plenum') // => '/beschluesse/jahr/2021/gremium/plenum/'
 */
export function yearCommitteePath(year: string, committeeId: string): string {
  return `${resolutionFacetPath('jahr', year)}gremium/${committeeId}/`;
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

/**
 * The links of a register page's facet lists. With a year chosen, the committees link to that
 * year's page of each (counts within the year) and "Alle Gremien" back to the year; with a
 * committee chosen, the years likewise. Kinds and topics link to their own pages.
 * @example registerChips(index, { jahr: '2021' }).gremium[1] // => { label: 'Strategiekreis', href: '/beschluesse/jahr/2021/gremium/strategiekreis/', count: 5, current: false }
 */
export function registerChips(index: ArchiveIndex, selection: Selection): Record<Facet, Chip[]> {
  const facets = registerFacets(index);
  const chips = {} as Record<Facet, Chip[]>;
  for (const facet of Object.keys(facetNames) as Facet[]) {
    chips[facet] = facets[facet].map((value) => ({ label: value.label, href: value.href, count: value.count, current: selection[facet] === value.value && Object.keys(selection).length === 1 }));
  }
  const { jahr, gremium } = selection;
  if (gremium) chips.jahr = combined(index, facets.jahr, (year) => [year, gremium], selection, 'jahr', { label: 'Alle Jahre', href: resolutionFacetPath('gremium', gremium) });
  if (jahr) chips.gremium = combined(index, facets.gremium, (committee) => [jahr, committee], selection, 'gremium', { label: 'Alle Gremien', href: resolutionFacetPath('jahr', jahr) });
  return chips;
}

/** One facet's chips within the other's chosen value: only values with resolutions there, and a chip to drop the facet. */
function combined(index: ArchiveIndex, values: FacetValue[], pair: (value: string) => [string, string], selection: Selection, facet: Facet, all: { label: string; href: string }): Chip[] {
  const chips: Chip[] = [{ ...all, current: selection[facet] === undefined }];
  for (const value of values) {
    const [year, committee] = pair(value.value);
    const count = resolutionsOfYearAndCommittee(index, year, committee).length;
    if (count > 0) chips.push({ label: value.label, href: yearCommitteePath(year, committee), count, current: selection[facet] === value.value });
  }
  return chips;
}

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
export function yearCommitteeView(index: ArchiveIndex, year: string, committeeId: string): { title: string; count: string; groups: MeetingGroup[] } {
  const resolutions = resolutionsOfYearAndCommittee(index, year, committeeId);
  if (resolutions.length === 0) throw new Error(`yearCommitteeView: no resolutions of "${committeeId}" in ${year}. Fix: link a pair from yearCommitteePaths(index).`);
  return {
    title: `Beschlüsse und Vereinbarungen ${year}: ${committeeName(index.registries, committeeId)}`,
    count: countLabel(resolutions.length, 'Eintrag', 'Einträge'),
    groups: groupByMeeting(resolutionListItems(index, resolutions)),
  };
}
