/**
 * "In der Suche" links: from a person, organisation, topic, committee or matter page to
 * `/suche/` with that page's filter set, in the URL format of `src/lib/search/url-state.ts`.
 *
 * Filter values are the display names `SearchMeta.astro` writes into every meeting and
 * resolution (`meetingSearchMeta`, src/lib/search/page-meta.ts), taken from the same
 * registry lookups, so the link's filter matches exactly the pages that carry it.
 * Matters have no search filter: their link searches for the matter's title.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { committeeName, organisationNames, personName } from '../model/labels';
import { emptyState, searchUrl, type FilterKey } from '../search/url-state';

/** A search link: where it goes and what it searches for, for the link's context text. */
export interface SearchLink {
  /** `/suche/?person=Dr.+Annette+Icks` */
  href: string;
  /** What the search is filtered by (`"Person"`) or `"Suchbegriff"` for a word search. */
  criterion: string;
  /** The filter value or the query, as shown to the reader. */
  value: string;
}

/** The search page's label of each filter, as the link's context names it. */
const criteria: Partial<Record<FilterKey, string>> = { person: 'Person', organisation: 'Organisation', thema: 'Thema', gremium: 'Gremium' };

/** `/suche/` filtered by one value. */
function filtered(key: FilterKey, value: string): SearchLink {
  return { href: searchUrl({ ...emptyState, filters: { [key]: value } }), criterion: criteria[key] ?? key, value };
}

/**
 * The search for everything naming a person (filter `person`).
 * @example personSearchLink(index, 'annette-icks').href // => '/suche/?person=Dr.+Annette+Icks'
 */
export function personSearchLink(index: ArchiveIndex, personId: string): SearchLink {
  return filtered('person', personName(index.registries, personId));
}

/**
 * The search for everything naming an organisation (filter `organisation`, its short name).
 * @example organisationSearchLink(index, 'zdh').href // => '/suche/?organisation=ZDH'
 */
export function organisationSearchLink(index: ArchiveIndex, organisationId: string): SearchLink {
  return filtered('organisation', organisationNames(index.registries, organisationId).short);
}

/**
 * The search for everything on a topic (filter `thema`, its name).
 * @example topicSearchLink(index, 'digitalisierung').href // => '/suche/?thema=Digitalisierung'
 */
export function topicSearchLink(index: ArchiveIndex, topicId: string): SearchLink {
  return filtered('thema', index.registries.topics.get(topicId)?.name ?? topicId);
}

/**
 * The search within one committee (filter `gremium`).
 * @example committeeSearchLink(index, 'plenum').href // => '/suche/?gremium=Plenum'
 */
export function committeeSearchLink(index: ArchiveIndex, committeeId: string): SearchLink {
  return filtered('gremium', committeeName(index.registries, committeeId));
}

/**
 * The search for a matter: there is no matter filter, so it searches for the matter's title
 * (`q`); word beginnings and umlauts are matched as the search page does.
 * @example matterSearchLink(index, 'musternetzwerke').href // => '/suche/?q=Regionale+Musternetzwerke'
 * @throws if the matter is not in `content/matters/`
 */
export function matterSearchLink(index: ArchiveIndex, matterId: string): SearchLink {
  const matter = index.registries.matters.get(matterId);
  if (!matter) throw new Error(`matterSearchLink: no matter "${matterId}". Fix: add content/matters/${matterId}.yaml or correct the id.`);
  return { href: searchUrl({ ...emptyState, query: matter.title }), criterion: 'Suchbegriff', value: matter.title };
}
