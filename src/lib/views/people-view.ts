/**
 * View models of the person, organisation, topic and committee pages: display
 * strings and links derived from the archive index and the people index
 * (`src/lib/index/people-index.ts`). The page templates only lay these out.
 */
import { topAnchorId } from '../model/anchors';
import type { ArchiveIndex } from '../index/archive-index';
import { topicPath } from '../model/entity-paths';
import { countLabel, formatDate } from '../model/format';
import { committeeName, personLabel, topicLinks } from '../model/labels';
import type { Link } from './meeting';
import type { Meeting, Organisation, Person } from '../model/model';
import { slugify } from '../model/names';
import { meetingPath, organisationPath, personPath, resolutionFacetPath } from '../model/paths';
import {
  committeeMembers,
  committeeResolutions,
  type AgendaItem,
  type Appearance,
  type OrganisationRecord,
  type PeopleIndex,
  type PersonRecord,
  type TopicRecord,
} from '../index/people-index';
import { groupByMeeting, resolutionListItems, type MeetingGroup, type ResolutionListItem } from '../index/resolutions';

/** A piece of inline text, linked when `href` is set; `title` explains an abbreviation. */
export interface Segment {
  text: string;
  href?: string;
  title?: string;
}

/** One line under a timeline entry; `quote` lines hold a resolution's words. */
export interface TimelineLine {
  segments: Segment[];
  quote?: boolean;
}

/** One meeting in a timeline. */
export interface TimelineEntry {
  href: string;
  title: string;
  /** ISO date for `<time datetime>`. */
  date: string;
  dateLabel: string;
  committee: string;
  lines: TimelineLine[];
}

/** A year of a timeline, newest year first, newest meeting first. */
export interface TimelineYear {
  year: string;
  entries: TimelineEntry[];
}

/** A presented agenda item. */
export interface PresentedItem {
  /** The item's heading in the protocol text (`…/#top-5`), or the meeting page. */
  href: string;
  /** `"TOP 5 – Mittelstand gut beraten"` */
  label: string;
  /** `"22. April 2021"`, linked to the meeting. */
  meeting: Link;
  committee: string;
  /** Who presented it (on organisation pages). */
  presenters: Link[];
}

/** A group of an A–Z list. */
export interface LetterGroup<T> {
  /** `"P"`; umlauts under their base letter (Ö under O), anything else under `"#"`. */
  letter: string;
  /** Anchor id, `"buchstabe-p"`. */
  id: string;
  entries: T[];
}

// ---------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------

/** German labels of the person roles. */
const personRoleLabels = {
  attendee: 'Teilnahme',
  moderator: 'Moderation',
  minutesBy: 'Protokoll',
  presenter: 'Vortrag',
  member: 'Vertretung einer Organisation',
  mentioned: 'im Text erwähnt',
} as const;

/**
 * The letter a name is listed under in an A–Z list.
 * @example sortLetter('Öztürk') // => 'O'
 * @example sortLetter('4iG') // => '#'
 */
export function sortLetter(name: string): string {
  const first = slugify(name).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/**
 * Groups entries by the letter of a key, letters in alphabetical order ("#" last), entries sorted by key (German collation).
 * @example letterGroups([{ n: 'Icks' }, { n: 'Cernavin' }], (e) => e.n).map((g) => g.letter) // => ['C', 'I']
 */
export function letterGroups<T>(entries: readonly T[], key: (entry: T) => string): LetterGroup<T>[] {
  const sorted = [...entries].sort((a, b) => key(a).localeCompare(key(b), 'de'));
  const groups = new Map<string, T[]>();
  for (const entry of sorted) {
    const letter = sortLetter(key(entry));
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({ letter, id: letter === '#' ? 'buchstabe-andere' : `buchstabe-${letter.toLowerCase()}`, entries: list }));
}

/**
 * How a person is listed A–Z: family name first, then title and given name.
 * @example listName({ name: 'Annette Icks', givenName: 'Annette', familyName: 'Icks', academicTitle: 'Dr.', aliases: [] }) // => 'Icks, Dr. Annette'
 */
export function listName(person: Pick<Person, 'familyName' | 'givenName' | 'academicTitle'>): string {
  const rest = [person.academicTitle, person.givenName].filter(Boolean).join(' ');
  return rest ? `${person.familyName}, ${rest}` : person.familyName;
}

/**
 * An organisation's name for a heading: short and full name, or one of them when they are the same.
 * @example organisationTitle({ shortName: 'BMAS', name: 'Bundesministerium für Arbeit und Soziales' }) // => 'BMAS — Bundesministerium für Arbeit und Soziales'
 */
export function organisationTitle(organisation: Pick<Organisation, 'shortName' | 'name'>): string {
  return organisation.shortName === organisation.name ? organisation.name : `${organisation.shortName} — ${organisation.name}`;
}

/** A link to a person's page. */
function personLink(person: Person): Link {
  return { href: personPath(person.id), label: personLabel(person) };
}

/** A link to an organisation's page, short name as text, full name as title. */
function organisationSegment(organisation: Organisation): Segment {
  return {
    text: organisation.shortName,
    href: organisationPath(organisation.id),
    ...(organisation.name !== organisation.shortName && { title: organisation.name }),
  };
}

/** `"TOP 5 – Titel"`, or the title alone for unnumbered items. */
function agendaItemLabel(item: AgendaItem): string {
  return item.number ? `TOP ${item.number} – ${item.title}` : item.title;
}

/** The link to a TOP's heading in the protocol text, or to the meeting when the text has no such heading. */
function topHref(index: ArchiveIndex, meeting: Meeting, number: string | null | undefined): string {
  const hasHeading = number && index.bodies.get(meeting.id)?.topNumbers.includes(number);
  return hasHeading ? `${meetingPath(meeting.id)}#${topAnchorId(number)}` : meetingPath(meeting.id);
}

/** A link to a meeting labelled with its date. */
function meetingDateLink(meeting: Meeting): Link {
  return { href: meetingPath(meeting.id), label: formatDate(meeting.date) };
}

/**
 * The agenda items presented in these appearances, newest meeting first, agenda order within.
 * @param presenters who to list beside each item (none on person pages)
 */
function presentedItems(
  index: ArchiveIndex,
  appearances: readonly Appearance<string>[],
  presenters: (appearance: Appearance<string>, item: AgendaItem) => Link[] = () => [],
): PresentedItem[] {
  return appearances.flatMap((a) =>
    a.presented.map((item) => ({
      href: topHref(index, a.meeting, item.number),
      label: agendaItemLabel(item),
      meeting: meetingDateLink(a.meeting),
      committee: committeeName(index.registries, a.meeting.committee),
      presenters: presenters(a, item),
    })),
  );
}

/** `"2017–2021"` or `"2021"` for a list of meetings. */
function yearSpan(meetings: readonly Meeting[]): string {
  const years = meetings.map((m) => m.date.slice(0, 4)).sort();
  if (years.length === 0) return '';
  return years[0] === years[years.length - 1] ? years[0] : `${years[0]}–${years[years.length - 1]}`;
}

/** Segments joining items with a separator (`", "`). */
function joined(items: Segment[][], separator = ', '): Segment[] {
  return items.flatMap((segments, i) => (i === 0 ? segments : [{ text: separator }, ...segments]));
}

/**
 * Items as a German list: "A", "A und B", "A, B und C".
 * @example germanList([[{ text: 'A' }], [{ text: 'B' }], [{ text: 'C' }]]).map((s) => s.text).join('') // => 'A, B und C'
 */
export function germanList(items: Segment[][]): Segment[] {
  return items.flatMap((segments, i) => (i === 0 ? segments : [{ text: i === items.length - 1 ? ' und ' : ', ' }, ...segments]));
}

/**
 * "laut Protokoll vom 22. April 2021" / "laut den Protokollen vom 11. November 2021 und 22. April 2021", dates linked.
 * @example statedIn([{ href: '/sitzungen/x/', label: '22. April 2021' }]).map((s) => s.text).join('') // => 'laut Protokoll vom 22. April 2021'
 */
export function statedIn(meetings: readonly Link[]): Segment[] {
  const lead = meetings.length === 1 ? 'laut Protokoll vom ' : 'laut den Protokollen vom ';
  return [{ text: lead }, ...germanList(meetings.map((m) => [{ text: m.label, href: m.href }]))];
}

/**
 * "Im Text erwähnt: TOP 3, TOP 5" (links to the sections), `undefined` when not mentioned
 * outside the agenda items they presented (those have their own line).
 */
function mentionLine(index: ArchiveIndex, appearance: Appearance<string>): TimelineLine | undefined {
  const presented = new Set(appearance.presented.map((item) => item.number));
  const sections = appearance.mentionedIn.filter((number) => number === undefined || !presented.has(number));
  if (sections.length === 0) return undefined;
  const places = sections.map((number) =>
    number === undefined
      ? [{ text: 'Einleitung', href: meetingPath(appearance.meeting.id) }]
      : [{ text: `TOP ${number}`, href: topHref(index, appearance.meeting, number) }],
  );
  return { segments: [{ text: 'Im Text erwähnt: ' }, ...joined(places)] };
}

/** "Genannt in: 2. Beschluss zu TOP 4, …" (linked to the resolutions' pages), `undefined` when no resolution names them. */
function resolutionsLine(index: ArchiveIndex, appearance: Appearance<string>): TimelineLine | undefined {
  if (appearance.resolutions.length === 0) return undefined;
  const links = resolutionListItems(index, appearance.resolutions).map((r) => [{ text: r.title, href: r.href }]);
  return { segments: [{ text: 'Genannt in: ' }, ...joined(links)] };
}

/** A timeline entry for a meeting. */
function timelineEntry(index: ArchiveIndex, meeting: Meeting, lines: (TimelineLine | undefined)[]): TimelineEntry {
  return {
    href: meetingPath(meeting.id),
    title: meeting.title,
    date: meeting.date,
    dateLabel: formatDate(meeting.date),
    committee: committeeName(index.registries, meeting.committee),
    lines: lines.filter((line): line is TimelineLine => line !== undefined && line.segments.length > 0),
  };
}

/** Groups timeline entries by year, keeping their order (they come newest first). */
function timeline(entries: TimelineEntry[]): TimelineYear[] {
  const years = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    const year = entry.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), entry]);
  }
  return [...years].map(([year, list]) => ({ year, entries: list }));
}

// ---------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------

/** An entry of an A–Z list (people, organisations). */
export interface ListEntry {
  href: string;
  /** `"Icks, Dr. Annette"`, `"BMAS — Bundesministerium für Arbeit und Soziales"` */
  label: string;
  /** `"IfM Bonn · 4 Sitzungen, 2017–2021"` */
  meta: string;
}

/**
 * The A–Z list of people (those who appear in a protocol), by family name.
 * @example personList(archive, people)[0] // => { letter: 'B', id: 'buchstabe-b', entries: [{ href: '/personen/angelika-braun/', label: 'Braun, Angelika', meta: '1 Sitzung, 2020' }] }
 */
export function personList(index: ArchiveIndex, people: PeopleIndex): LetterGroup<ListEntry>[] {
  const entries = [...people.people.values()].map((record) => ({
    key: `${record.person.familyName} ${record.person.givenName ?? ''}`,
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

/**
 * The letter index of an A–Z list: every letter A–Z, linked to its group where there is one, then "#" if used.
 * @example alphabet([{ letter: 'C', id: 'buchstabe-c', entries: [] }]).slice(1, 3) // => [{ letter: 'B' }, { letter: 'C', href: '#buchstabe-c' }]
 */
export function alphabet(groups: readonly LetterGroup<unknown>[]): { letter: string; href?: string }[] {
  const byLetter = new Map(groups.map((g) => [g.letter, `#${g.id}`]));
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...(byLetter.has('#') ? ['#'] : [])];
  return letters.map((letter) => ({ letter, ...(byLetter.has(letter) && { href: byLetter.get(letter) }) }));
}

/** `"4 Sitzungen, 2017–2021"` */
function appearanceSummary(meetings: readonly Meeting[]): string {
  return `${countLabel(meetings.length, 'Sitzung', 'Sitzungen')}, ${yearSpan(meetings)}`;
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
  /** Resolutions (list lines of `src/lib/index/resolutions.ts`). */
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

// ---------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------

/**
 * All organisations that appear in a protocol, A–Z by short name.
 * @example organisationList(people)[0].entries[0] // => { href: '/organisationen/ba/', label: 'BA — Bundesagentur für Arbeit', meta: '3 Sitzungen, 2017–2021 · 2 Personen' }
 */
export function organisationList(people: PeopleIndex): LetterGroup<ListEntry>[] {
  const entries = [...people.organisations.values()].map(({ organisation, appearances }) => {
    const memberCount = new Set(appearances.flatMap((a) => a.memberships.map((m) => m.id))).size;
    return {
      href: organisationPath(organisation.id),
      label: organisationTitle(organisation),
      key: organisation.shortName,
      meta: [
        appearanceSummary(appearances.map((a) => a.meeting)),
        ...(memberCount > 0 ? [countLabel(memberCount, 'Person', 'Personen')] : []),
      ].join(' · '),
    };
  });
  return letterGroups(entries, (e) => e.key).map((group) => ({
    ...group,
    entries: group.entries.map(({ href, label, meta }) => ({ href, label, meta })),
  }));
}

/** A person who represented an organisation, and at which meetings. */
export interface OrganisationPerson {
  person: Link;
  meetings: Link[];
  /** `"laut Protokoll vom 22. April 2021"`, dates linked. */
  statedIn: Segment[];
  roles: string[];
}

/** The organisation page's view model. */
export interface OrganisationView {
  organisation: Organisation;
  /** `"BMAS — Bundesministerium für Arbeit und Soziales"` */
  title: string;
  summary: string;
  people: OrganisationPerson[];
  presented: PresentedItem[];
  /** Resolutions (list lines of `src/lib/index/resolutions.ts`). */
  resolutions: ResolutionListItem[];
  topics: Link[];
  timeline: TimelineYear[];
}

/**
 * Builds the view model of an organisation page.
 * @throws if the organisation appears in no protocol
 */
export function organisationView(index: ArchiveIndex, people: PeopleIndex, organisationId: string): OrganisationView {
  const record: OrganisationRecord | undefined = people.organisations.get(organisationId);
  if (!record) throw new Error(`organisationView: "${organisationId}" appears in no protocol of content/protocols/, so it has no page.`);
  const { organisation, appearances } = record;
  const registries = index.registries;
  const known = (ids: string[]) => ids.flatMap((id) => (registries.people.has(id) ? [registries.people.get(id)!] : []));

  const peopleById = new Map<string, OrganisationPerson>();
  for (const a of appearances) {
    for (const m of a.memberships) {
      const person = registries.people.get(m.id);
      if (!person) continue;
      const entry = peopleById.get(m.id) ?? { person: personLink(person), meetings: [], statedIn: [], roles: [] };
      entry.meetings.push(meetingDateLink(a.meeting));
      if (m.role && !entry.roles.includes(m.role)) entry.roles.push(m.role);
      peopleById.set(m.id, entry);
    }
  }
  /** The presenters of an item who represented this organisation there; all presenters if none did. */
  const presentersFor = (a: Appearance<string>, item: AgendaItem) => {
    const members = item.presenters.filter((id) => a.memberships.some((m) => m.id === id));
    return known(members.length > 0 ? members : item.presenters).map(personLink);
  };
  const presented = presentedItems(index, appearances, presentersFor);
  const entries = appearances.map((a) => {
    // Representatives not already named with a presented item.
    const shown = new Set(a.presented.flatMap((item) => presentersFor(a, item).map((p) => p.href)));
    const representatives = known(a.memberships.map((m) => m.id))
      .filter((p) => !shown.has(personPath(p.id)))
      .map((p) => [{ text: personLabel(p), href: personPath(p.id) }]);
    return timelineEntry(index, a.meeting, [
      ...a.presented.map((item) => ({
        segments: [
          { text: 'Vortrag: ' },
          { text: agendaItemLabel(item), href: topHref(index, a.meeting, item.number) },
          ...(presentersFor(a, item).length > 0
            ? [{ text: ' (' }, ...joined(presentersFor(a, item).map((p) => [{ text: p.label, href: p.href }])), { text: ')' }]
            : []),
        ],
      })),
      representatives.length > 0 ? { segments: [{ text: 'Vertreten durch ' }, ...joined(representatives)] } : undefined,
      mentionLine(index, a),
      resolutionsLine(index, a),
    ]);
  });
  const topicIds = [...new Set(appearances.flatMap((a) => a.presented.flatMap((item) => item.topics)))];
  return {
    organisation,
    title: organisationTitle(organisation),
    summary: appearanceSummary(appearances.map((a) => a.meeting)),
    people: [...peopleById.values()].map((entry) => ({ ...entry, statedIn: statedIn(entry.meetings) })),
    presented,
    resolutions: resolutionListItems(index, appearances.flatMap((a) => a.resolutions)),
    topics: topicLinks(registries, topicIds),
    timeline: timeline(entries),
  };
}

// ---------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------

/** A topic in the list. */
export interface TopicListEntry {
  href: string;
  name: string;
  description: string;
  /** `"5 Tagesordnungspunkte, 3 Beschlüsse, 2017–2021"` or `"Noch keine Tagesordnungspunkte"` */
  summary: string;
}

/** `"5 Tagesordnungspunkte · 3 Beschlüsse · 2017–2021"` */
function topicSummary(record: TopicRecord): string {
  if (record.items.length === 0) return 'Noch keine Tagesordnungspunkte';
  const resolutions = record.items.reduce((n, i) => n + i.resolutions.length, 0);
  return [
    countLabel(record.items.length, 'Tagesordnungspunkt', 'Tagesordnungspunkte'),
    ...(resolutions > 0 ? [countLabel(resolutions, 'Beschluss oder Vereinbarung', 'Beschlüsse und Vereinbarungen')] : []),
    yearSpan(record.items.map((i) => i.meeting)),
  ].join(' · ');
}

/**
 * All topics, by name.
 * @example topicList(people)[0].name // => 'Arbeitsschutz und Gesundheit'
 */
export function topicList(people: PeopleIndex): TopicListEntry[] {
  return [...people.topics.values()]
    .sort((a, b) => a.topic.name.localeCompare(b.topic.name, 'de'))
    .map((record) => ({
      href: topicPath(record.topic.id),
      name: record.topic.name,
      description: record.topic.description,
      summary: topicSummary(record),
    }));
}

/** The topic page's view model. */
export interface TopicView {
  record: TopicRecord;
  summary: string;
  /** People who presented its agenda items, most items first. */
  people: Link[];
  organisations: Link[];
  /** The topic's page in the resolution register, when it has resolutions. */
  registerHref?: string;
  timeline: TimelineYear[];
}

/**
 * Builds the view model of a topic page: every agenda item of the topic, with the resolutions taken under it, by year.
 * @throws if there is no such topic in `content/topics/`
 */
export function topicView(index: ArchiveIndex, people: PeopleIndex, topicId: string): TopicView {
  const record = people.topics.get(topicId);
  if (!record) throw new Error(`topicView: no topic "${topicId}" in content/topics/.`);
  const registries = index.registries;
  const byMeeting = new Map<string, TopicRecord['items']>();
  for (const item of record.items) byMeeting.set(item.meeting.id, [...(byMeeting.get(item.meeting.id) ?? []), item]);
  const entries = [...byMeeting.values()].map((items) =>
    timelineEntry(
      index,
      items[0].meeting,
      items.flatMap(({ meeting, item, resolutions }) => {
        const presenters = item.presenters.flatMap((id) => {
          const person = registries.people.get(id);
          return person ? [[{ text: personLabel(person), href: personPath(id) }]] : [];
        });
        return [
          {
            segments: [
              { text: agendaItemLabel(item), href: topHref(index, meeting, item.number) },
              ...(presenters.length > 0 ? [{ text: ' – ' }, ...joined(presenters)] : []),
            ],
          },
          ...resolutionListItems(index, resolutions).map((r) => ({
            quote: true,
            segments: [{ text: r.title, href: r.href }, { text: `: ${r.excerpt}` }],
          })),
        ];
      }),
    ),
  );
  const count = <T>(ids: string[], lookup: (id: string) => T | undefined, link: (entry: T, id: string) => Link) => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .flatMap(([id]) => {
        const entry = lookup(id);
        return entry ? [link(entry, id)] : [];
      });
  };
  return {
    record,
    summary: topicSummary(record),
    people: count(
      record.items.flatMap((i) => i.item.presenters),
      (id) => registries.people.get(id),
      (person) => personLink(person),
    ),
    organisations: count(
      record.items.flatMap((i) => i.item.organizations),
      (id) => registries.organisations.get(id),
      (organisation, id) => ({ href: organisationPath(id), label: organisation.shortName }),
    ),
    ...(record.items.some((i) => i.resolutions.length > 0) && { registerHref: resolutionFacetPath('thema', topicId) }),
    timeline: timeline(entries),
  };
}

// ---------------------------------------------------------------------------------------
// Committees
// ---------------------------------------------------------------------------------------

/** A person seen in a committee. */
export interface CommitteePersonLine {
  person: Link;
  /** `"3 Sitzungen"` */
  count: string;
  /** `"Teilnahme, Vortrag"`, and the organisations they represented there. */
  details: string;
}

/** What the committee page adds to its meeting list. */
export interface CommitteeExtras {
  people: CommitteePersonLine[];
  /** Its resolutions grouped by meeting, newest first (`groupByMeeting`, `src/lib/index/resolutions.ts`). */
  resolutions: MeetingGroup[];
  /** The committee's page in the resolution register, when it has resolutions. */
  registerHref?: string;
}

/**
 * The people seen in a committee (with how many of its meetings) and its resolutions.
 * @example committeeExtras(archive, people, 'strategiekreis').people[0] // => { person: { href: '/personen/oleg-cernavin/', label: 'Oleg Cernavin' }, count: '2 Sitzungen', details: 'Protokoll, Vortrag · für Stiftung' }
 */
export function committeeExtras(index: ArchiveIndex, people: PeopleIndex, committeeId: string): CommitteeExtras {
  return {
    people: committeeMembers(people, committeeId).map((member) => {
      const organisations = [
        ...new Set(
          (people.people.get(member.person.id)?.appearances ?? [])
            .filter((a) => a.meeting.committee === committeeId)
            .flatMap((a) => a.memberships.map((m) => index.registries.organisations.get(m.id)?.shortName ?? m.id)),
        ),
      ];
      const roles = member.roles.filter((r) => r !== 'member').map((r) => personRoleLabels[r]);
      return {
        person: personLink(member.person),
        count: countLabel(member.meetings.length, 'Sitzung', 'Sitzungen'),
        details: [roles.join(', '), organisations.length > 0 ? `für ${organisations.join(', ')}` : ''].filter(Boolean).join(' · '),
      };
    }),
    resolutions: groupByMeeting(resolutionListItems(index, committeeResolutions(index, committeeId))),
    ...(committeeResolutions(index, committeeId).length > 0 && { registerHref: resolutionFacetPath('gremium', committeeId) }),
  };
}

// ---------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------

/** `/personen/<id>/`: one path per person who appears in a protocol. @example personPaths(people)[0] // => { params: { id: 'oleg-cernavin' } } */
export function personPaths(people: PeopleIndex): { params: { id: string } }[] {
  return [...people.people.keys()].map((id) => ({ params: { id } }));
}

/** `/organisationen/<id>/`: one path per organisation that appears in a protocol. */
export function organisationPaths(people: PeopleIndex): { params: { id: string } }[] {
  return [...people.organisations.keys()].map((id) => ({ params: { id } }));
}

/** `/themen/<id>/`: one path per topic of the registry. */
export function topicPaths(people: PeopleIndex): { params: { id: string } }[] {
  return [...people.topics.keys()].map((id) => ({ params: { id } }));
}
