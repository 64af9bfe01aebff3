/**
 * The blocks the person, organisation, topic and committee pages share: inline segments,
 * timelines by year, A–Z lists, the links and labels of people, organisations, meetings
 * and TOPs. Derived from the archive index and the people index
 * (`src/lib/index/people-index.ts`); the page templates only lay them out.
 */
import { topAnchorId } from '../model/anchors';
import type { ArchiveIndex } from '../index/archive-index';
import { countLabel, formatDate } from '../model/format';
import { committeeName, personLabel } from '../model/labels';
import type { Link } from './meeting';
import type { Meeting, Organisation, Person } from '../model/model';
import { slugify } from '../model/names';
import { meetingPath, organisationPath, personPath } from '../model/paths';
import { type AgendaItem, type Appearance } from '../index/people-index';
import { resolutionListItems } from './resolution';

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
export const personRoleLabels = {
  attendee: 'Teilnahme',
  moderator: 'Moderation',
  minutesBy: 'Protokollführung',
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
export function listName(person: Pick<Person, 'familyName' | 'givenName' | 'academicTitle'> & { name?: string }): string {
  // Known by given name only ("Paul"): listed by that name, titles before it.
  if (person.familyName === undefined) return [person.academicTitle, person.name ?? person.givenName].filter(Boolean).join(' ');
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
export function personLink(person: Person): Link {
  return { href: personPath(person.id), label: personLabel(person) };
}

/** A link to an organisation's page, short name as text, full name as title. */
export function organisationSegment(organisation: Organisation): Segment {
  return {
    text: organisation.shortName,
    href: organisationPath(organisation.id),
    ...(organisation.name !== organisation.shortName && { title: organisation.name }),
  };
}

/** `"TOP 5 – Titel"`, or the title alone for unnumbered items. */
export function agendaItemLabel(item: AgendaItem): string {
  return item.number ? `TOP ${item.number} – ${item.title}` : item.title;
}

/** The link to a TOP's heading in the protocol text, or to the meeting when the text has no such heading. */
export function topHref(index: ArchiveIndex, meeting: Meeting, number: string | null | undefined): string {
  const hasHeading = number && index.bodies.get(meeting.id)?.topNumbers.includes(number);
  return hasHeading ? `${meetingPath(meeting.id)}#${topAnchorId(number)}` : meetingPath(meeting.id);
}

/** A link to a meeting labelled with its date. */
export function meetingDateLink(meeting: Meeting): Link {
  return { href: meetingPath(meeting.id), label: formatDate(meeting.date) };
}

/**
 * The agenda items presented in these appearances, newest meeting first, agenda order within.
 * @param presenters who to list beside each item (none on person pages)
 */
export function presentedItems(
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
export function yearSpan(meetings: readonly Meeting[]): string {
  const years = meetings.map((m) => m.date.slice(0, 4)).sort();
  if (years.length === 0) return '';
  return years[0] === years[years.length - 1] ? years[0] : `${years[0]}–${years[years.length - 1]}`;
}

/** Segments joining items with a separator (`", "`). */
export function joined(items: Segment[][], separator = ', '): Segment[] {
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
export function mentionLine(index: ArchiveIndex, appearance: Appearance<string>): TimelineLine | undefined {
  const presented = new Set(appearance.presented.map((item) => item.number));
  const sections = appearance.mentionedIn.filter((number) => number === undefined || !presented.has(number));
  if (sections.length === 0) return undefined;
  return { segments: [{ text: 'Im Text erwähnt: ' }, ...mentionPlaces(index, appearance.meeting, sections)] };
}

/**
 * Places in a protocol's text, linked to their sections: "Einleitung" (`undefined`), "TOP 3".
 * @example mentionPlaces(index, meeting, [undefined, '3']).map((s) => s.text).join('') // => 'Einleitung, TOP 3'
 */
export function mentionPlaces(index: ArchiveIndex, meeting: Meeting, sections: readonly (string | undefined)[]): Segment[] {
  const places = sections.map((number) =>
    number === undefined ? [{ text: 'Einleitung', href: meetingPath(meeting.id) }] : [{ text: `TOP ${number}`, href: topHref(index, meeting, number) }],
  );
  return joined(places);
}

/** "Genannt in: 2. Beschluss zu TOP 4, …" (linked to the resolutions' pages), `undefined` when no resolution names them. */
export function resolutionsLine(index: ArchiveIndex, appearance: Appearance<string>): TimelineLine | undefined {
  if (appearance.resolutions.length === 0) return undefined;
  const links = resolutionListItems(index, appearance.resolutions).map((r) => [{ text: r.title, href: r.href }]);
  return { segments: [{ text: 'Genannt in: ' }, ...joined(links)] };
}

/** What a list names of a meeting: its page, title, date and committee. */
export function meetingHead(index: ArchiveIndex, meeting: Meeting): Omit<TimelineEntry, 'lines'> {
  return {
    href: meetingPath(meeting.id),
    title: meeting.title,
    date: meeting.date,
    dateLabel: formatDate(meeting.date),
    committee: committeeName(index.registries, meeting.committee),
  };
}

/** A timeline entry for a meeting. */
export function timelineEntry(index: ArchiveIndex, meeting: Meeting, lines: (TimelineLine | undefined)[]): TimelineEntry {
  return { ...meetingHead(index, meeting), lines: lines.filter((line): line is TimelineLine => line !== undefined && line.segments.length > 0) };
}

/** Groups timeline entries by year, keeping their order (they come newest first). */
export function timeline(entries: TimelineEntry[]): TimelineYear[] {
  const years = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    const year = entry.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), entry]);
  }
  return [...years].map(([year, list]) => ({ year, entries: list }));
}

/** An entry of an A–Z list (people, organisations). */
export interface ListEntry {
  href: string;
  /** `"Icks, Dr. Annette"`, `"BMAS — Bundesministerium für Arbeit und Soziales"` */
  label: string;
  /** `"IfM Bonn · 4 Sitzungen, 2017–2021"` */
  meta: string;
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
export function appearanceSummary(meetings: readonly Meeting[]): string {
  return `${countLabel(meetings.length, 'Sitzung', 'Sitzungen')}, ${yearSpan(meetings)}`;
}
