/**
 * View models of the person pages (`/personen/`, `/personen/<id>/`): the A–Z list, and per person the organisations represented, agenda items presented, resolutions naming them, meetings by year. Shared blocks: `./entity-page.ts`.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { personLabel, topicLinks } from '../model/labels';
import type { Link } from './meeting';
import type { Organisation, Person } from '../model/model';
import { organisationPath, personPath } from '../model/paths';
import { sortName } from '../model/person-names';
import { type PeopleIndex, type PersonRecord } from '../index/people-index';
import { resolutionListItems, type ResolutionListItem } from './resolution';
import { personRoleLabels, organisationSegment, agendaItemLabel, topHref, meetingDateLink, presentedItems, joined, mentionLine, resolutionsLine, timelineEntry, timeline, appearanceSummary, letterGroups, listName, statedIn, type Segment, type TimelineYear, type PresentedItem, type LetterGroup, type ListEntry } from './entity-page';

/**
 * The A–Z list of people (those who appear in a protocol), by family name.
 * @example personList(archive, people)[0] // => { letter: 'B', id: 'buchstabe-b', entries: [{ href: '/personen/angelika-braun/', label: 'Braun, Angelika', meta: '1 Sitzung, 2020' }] }
 */
export function personList(index: ArchiveIndex, people: PeopleIndex): LetterGroup<ListEntry>[] {
  const entries = [...people.people.values()].map((record) => ({
    key: `${sortName(record.person)} ${record.person.familyName === undefined ? '' : (record.person.givenName ?? '')}`,
    entry: {
      href: personPath(record.person.id),
      label: listName(record.person),
      meta: [
        ...organisationsOf(index, record).map((o) => o.organisation.shortName),
        appearanceSummary(record.appearances.map((a) => a.meeting)),
      ].join(' · '),
    },
  }));
  return letterGroups(entries, (e) => e.key).map((group) => ({ ...group, entries: group.entries.map((e) => e.entry) }));
}
/** An organisation a person represented, and where (memberships as the protocols state them). */
export interface PersonOrganisation {
  organisation: Organisation;
  /** The organisation's page. */
  href: string;
  /** The meetings whose protocol states it, newest first. */
  meetings: Link[];
  /** `"laut Protokoll vom 22. April 2021"`, dates linked. */
  statedIn: Segment[];
  /** Roles written with it ("OM-Geschäftsstellenleiter"). */
  roles: string[];
}

/** The organisations a person represented, most recent first. */
function organisationsOf(index: ArchiveIndex, record: PersonRecord): PersonOrganisation[] {
  const byId = new Map<string, PersonOrganisation>();
  for (const appearance of record.appearances) {
    for (const membership of appearance.memberships) {
      const organisation = index.registries.organisations.get(membership.id);
      if (!organisation) continue;
      const entry = byId.get(membership.id) ?? { organisation, href: organisationPath(organisation.id), meetings: [], statedIn: [], roles: [] };
      entry.meetings.push(meetingDateLink(appearance.meeting));
      if (membership.role && !entry.roles.includes(membership.role)) entry.roles.push(membership.role);
      byId.set(membership.id, entry);
    }
  }
  return [...byId.values()].map((entry) => ({ ...entry, statedIn: statedIn(entry.meetings) }));
}

/** The person page's view model. */
export interface PersonView {
  person: Person;
  /** `"Prof. Dr. Oliver Kruse"` */
  name: string;
  /** Other spellings recorded in the registry. */
  aliases: string[];
  /** `"3 Sitzungen, 2017–2021"` */
  summary: string;
  organisations: PersonOrganisation[];
  presented: PresentedItem[];
  /** Resolutions (list lines of `src/lib/views/resolution.ts`). */
  resolutions: ResolutionListItem[];
  /** Topics of the agenda items they presented. */
  topics: Link[];
  timeline: TimelineYear[];
}

/**
 * Builds the view model of a person page.
 * @throws if the person does not appear in any protocol (no page is built for them)
 */
export function personView(index: ArchiveIndex, people: PeopleIndex, personId: string): PersonView {
  const record = people.people.get(personId);
  if (!record) throw new Error(`personView: "${personId}" appears in no protocol of content/protocols/, so it has no page.`);
  const { person, appearances } = record;
  const registries = index.registries;
  const presented = presentedItems(index, appearances);
  const topicIds = [...new Set(appearances.flatMap((a) => a.presented.flatMap((item) => item.topics)))];
  const entries = appearances.map((a) => {
    const roles = a.roles.filter((r) => r === 'attendee' || r === 'moderator' || r === 'minutesBy').map((r) => ({ text: personRoleLabels[r] }));
    const memberships = a.memberships.flatMap((m) => {
      const organisation = registries.organisations.get(m.id);
      return organisation ? [[{ text: 'für ' }, organisationSegment(organisation), ...(m.role ? [{ text: ` (${m.role})` }] : [])]] : [];
    });
    return timelineEntry(index, a.meeting, [
      { segments: joined([...roles.map((r) => [r]), ...memberships], ' · ') },
      ...a.presented.map((item) => ({
        segments: [{ text: 'Vortrag: ' }, { text: agendaItemLabel(item), href: topHref(index, a.meeting, item.number) }],
      })),
      mentionLine(index, a),
      resolutionsLine(index, a),
    ]);
  });
  return {
    person,
    name: personLabel(person),
    aliases: person.aliases,
    summary: appearanceSummary(appearances.map((a) => a.meeting)),
    organisations: organisationsOf(index, record),
    presented,
    resolutions: resolutionListItems(index, appearances.flatMap((a) => a.resolutions)),
    topics: topicLinks(registries, topicIds),
    timeline: timeline(entries),
  };
}
/** `/personen/<id>/`: one path per person who appears in a protocol. @example personPaths(people)[0] // => { params: { id: 'oleg-cernavin' } } */
export function personPaths(people: PeopleIndex): { params: { id: string } }[] {
  return [...people.people.keys()].map((id) => ({ params: { id } }));
}
