/**
 * The values the search page's filter boxes offer, computed at build time from
 * the archive, so the page ships them as plain `<option>`s.
 *
 * Why not `pagefind.filters()`: it loads every filter file of the index, and
 * those list every indexed page per value — at 2,000 protocols about 290 kB, more
 * than the whole budget of a first search (issue #8: under 200 kB). Pagefind loads
 * a filter's file only when a search uses that filter, so with the values in the
 * HTML a search without filters loads none. See BENCHMARKS.md, "Search transfer".
 *
 * The values are the display names the pages write into `SearchMeta.astro`
 * (`searchMetaFilters`): every page's filter values are among them.
 */
import { yearList, type ArchiveIndex } from '../index/archive-index';
import { personLabel } from '../model/labels';
import type { PeopleIndex } from '../index/people-index';
import { kinds, sortFilterValues, type FilterKey } from './url-state';

/**
 * The values of every filter, in the order the select boxes show them.
 * @example filterOptions(index, people).gremium // => ['AG Transfer', 'Plenum', 'Strategiekreis']
 */
export function filterOptions(index: ArchiveIndex, people: PeopleIndex): Record<FilterKey, string[]> {
  const present: Record<(typeof kinds)[number], boolean> = {
    Sitzung: index.meetings.length > 0,
    Beschluss: index.resolutions.length > 0,
    Vorgang: index.registries.matters.size > 0,
    Person: people.people.size > 0,
    Organisation: people.organisations.size > 0,
    Thema: people.topics.size > 0,
    Gremium: index.committees.length > 0,
  };
  return {
    art: kinds.filter((kind) => present[kind]),
    jahr: sortFilterValues('jahr', yearList(index)),
    gremium: sortFilterValues('gremium', index.committees.map((committee) => committee.name)),
    person: sortFilterValues('person', [...people.people.values()].map((record) => personLabel(record.person))),
    organisation: sortFilterValues('organisation', [...people.organisations.values()].map((record) => record.organisation.shortName)),
    thema: sortFilterValues('thema', [...people.topics.values()].map((record) => record.topic.name)),
  };
}
