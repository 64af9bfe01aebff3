/**
 * What `SearchMeta.astro` writes into a page for Pagefind: filter values, sort
 * keys, and the search metadata of the page kinds built here (meetings,
 * committees). Filter values are display names, as the search page shows them.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { committeeName, organisationNames, personName } from '../model/labels';
import type { Committee, Meeting } from '../model/model';
import type { FilterKey } from './url-state';

/** The props of `SearchMeta.astro`. */
export interface SearchMetaProps {
  kind: 'Sitzung' | 'Beschluss' | 'Person' | 'Organisation' | 'Thema' | 'Vorgang' | 'Gremium';
  title: string;
  date?: string;
  committee?: string;
  people?: string[];
  organisations?: string[];
  topics?: string[];
}

/**
 * The Pagefind filters of a page as `[key, value]` pairs: kind, year (from the
 * date), committee, people, organisations, topics; blanks and repeats dropped.
 * @example searchMetaFilters({ kind: 'Sitzung', title: 'x', date: '2021-11-11', committee: 'Strategiekreis', people: ['Oleg Cernavin'] })
 *   // => [['art', 'Sitzung'], ['jahr', '2021'], ['gremium', 'Strategiekreis'], ['person', 'Oleg Cernavin']]
 */
export function searchMetaFilters(props: SearchMetaProps): [FilterKey, string][] {
  const pairs: [FilterKey, string][] = [];
  const add = (key: FilterKey, values: readonly (string | undefined)[] | undefined) => {
    for (const value of new Set((values ?? []).map((v) => v?.replace(/\s+/g, ' ').trim()))) {
      if (value) pairs.push([key, value]);
    }
  };
  add('art', [props.kind]);
  add('jahr', [yearOf(props.date)]);
  add('gremium', [props.committee]);
  add('person', props.people);
  add('organisation', props.organisations);
  add('thema', props.topics);
  return pairs;
}

/** The year of an ISO date (`'2021-11-11'` => `'2021'`), if it is one. */
function yearOf(date: string | undefined): string | undefined {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(0, 4) : undefined;
}

/**
 * The search metadata of a meeting page: its committee, everyone named in it
 * (attendees, moderation, minute-taker, presenters), the organisations and topics
 * of its agenda.
 * @example meetingSearchMeta(index, meeting).people // => ['Dr. Annette Icks', 'Oleg Cernavin', …]
 */
export function meetingSearchMeta(index: ArchiveIndex, meeting: Meeting): SearchMetaProps {
  const { registries } = index;
  const personIds = [
    ...meeting.attendees,
    ...(meeting.moderator ? [meeting.moderator] : []),
    ...(meeting.minutesBy ? [meeting.minutesBy] : []),
    ...meeting.agenda.flatMap((item) => item.presenters),
  ];
  const organisationIds = [
    ...meeting.agenda.flatMap((item) => item.organizations),
    ...(meeting.memberships ?? []).map((membership) => membership.organization),
  ];
  const topicIds = meeting.agenda.flatMap((item) => item.topics ?? []);
  return {
    kind: 'Sitzung',
    title: meeting.title,
    date: meeting.date,
    committee: committeeName(registries, meeting.committee),
    people: unique(personIds.map((id) => personName(registries, id))),
    organisations: unique(organisationIds.map((id) => organisationNames(registries, id).short)),
    topics: unique(topicIds.map((id) => registries.topics.get(id)?.name ?? id)),
  };
}

/**
 * The search metadata of a committee page.
 * @example committeeSearchMeta({ id: 'plenum', name: 'Plenum' }) // => { kind: 'Gremium', title: 'Plenum', committee: 'Plenum' }
 */
export function committeeSearchMeta(committee: Pick<Committee, 'name'>): SearchMetaProps {
  return { kind: 'Gremium', title: committee.name, committee: committee.name };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
