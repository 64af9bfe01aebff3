/**
 * The register's facets: `/beschluesse/<facet>/<value>/` by year, committee, kind and topic,
 * with their German names and counts.
 */
import type { ArchiveIndex, ResolutionInMeeting } from '../index/archive-index';
import { committeeName } from '../model/labels';
import { resolutionFacetPath } from '../model/paths';
import { resolutionKinds } from '../model/schema';
import { groupByMeeting, resolutionListItems, type MeetingGroup } from './resolution';
import { resolutionRegister, kindInfo, kindSlug } from '../index/resolutions';

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
