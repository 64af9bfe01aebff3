/**
 * The sections of a person page that answer "which meetings did she attend?" (issue #25):
 * attended, presented in, took the minutes of, mentioned in — one list each, with a count,
 * instead of one "4 Sitzungen" that mixes them. Where a protocol names no participants the
 * page says so, so that "not listed" is not read as "absent". Organisations are named in
 * words ("für die Stiftung „Mittelstand – Gesellschaft – Verantwortung“"), never by a bare
 * abbreviation. Derived from the people index (`src/lib/index/people-index.ts`).
 */
import type { ArchiveIndex } from '../index/archive-index';
import type { Appearance, PersonRole } from '../index/people-index';
import { countLabel } from '../model/format';
import type { Organisation } from '../model/model';
import { organisationPath } from '../model/paths';
import { agendaItemLabel, germanList, joined, meetingDateLink, meetingHead, mentionPlaces, topHref, type Segment } from './entity-page';

/** One meeting in a section: the meeting, linked, and what the protocol says of the person there. */
export interface PersonMeeting {
  href: string;
  title: string;
  /** ISO date for `<time datetime>`. */
  date: string;
  dateLabel: string;
  committee: string;
  /** `"Moderation · für die Stiftung „…“"`, `"TOP 2 – Titel"` (linked), `"TOP 1, TOP 3"` (linked). */
  details: Segment[];
}

/** One section of a person page. */
export interface PersonSection {
  /** Anchor id of the heading. */
  id: 'teilgenommen' | 'vorgetragen' | 'protokoll' | 'erwaehnt';
  /** `"Teilgenommen an"` */
  heading: string;
  /** `"2 Sitzungen"` */
  count: string;
  /** What the list means, in a sentence. */
  explanation: string;
  /** Newest first. */
  meetings: PersonMeeting[];
}

/** What the sections of a person page hold. */
export interface PersonSections {
  /** Always the attended section (it may be empty), then the others that have meetings. */
  sections: PersonSection[];
  /**
   * `"Die Protokolle von 3 Sitzungen, in denen … vorkommt, nennen keine Teilnehmenden …"`, the
   * dates linked; `undefined` when every meeting of the person names its participants.
   */
  attendanceUnknown?: Segment[];
}

/** The roles that show a person was at a meeting, and how a list line says it. */
const presenceRoles = ['attendee', 'moderator', 'minutesBy', 'presenter'] as const;
const presenceLabels: Record<(typeof presenceRoles)[number], string> = {
  attendee: 'in der Teilnehmerliste',
  moderator: 'Moderation',
  minutesBy: 'Protokollführung',
  presenter: 'Vortrag',
};

/** Head nouns whose article a name takes after "für" (first word of the name, case-insensitive). */
const ARTICLES: [RegExp, string][] = [
  [/(ung|schaft|kammer|stelle|agentur|schule|akademie|offensive|universität|initiative|deutsche)$/i, 'die'],
  [/(verband|bund|verein|kreis|rat)$/i, 'den'],
  [/(ministerium|institut|netzwerk|zentrum|amt|werk|büro|forum|deutsches)$/i, 'das'],
];

/**
 * "für" and an organisation's full name, with its article where the name's first word tells it.
 * @example forOrganisation({ name: 'Stiftung „Mittelstand – Gesellschaft – Verantwortung“' }) // => 'für die Stiftung „Mittelstand – Gesellschaft – Verantwortung“'
 * @example forOrganisation({ name: 'SAP' }) // => 'für SAP'
 */
export function forOrganisation(organisation: Pick<Organisation, 'name'>): string {
  const first = organisation.name.split(/\s/)[0];
  const article = ARTICLES.find(([pattern]) => pattern.test(first))?.[1];
  return `für ${article ? `${article} ` : ''}${organisation.name}`;
}

/** The organisations a person represented in one meeting, in words, linked: `[[„für die Stiftung …“]]`. */
function affiliations(index: ArchiveIndex, appearance: Appearance<PersonRole>): Segment[][] {
  return appearance.memberships.flatMap((m) => {
    const organisation = index.registries.organisations.get(m.id);
    if (!organisation) return [];
    const [, lead, name] = /^(für (?:(?:die|den|das) )?)(.*)$/.exec(forOrganisation(organisation))!;
    return [[{ text: lead }, { text: name, href: organisationPath(organisation.id) }, ...(m.role ? [{ text: ` (${m.role})` }] : [])]];
  });
}

/**
 * The sections of a person page from their appearances (newest first, as the people index
 * keeps them). Attended: named in the attendance list, as moderator, minute-taker or presenter
 * (each shows they were there); presented: presenter of an agenda item; minutes: minute-taker;
 * mentioned: found in the text. The note lists the meetings they are only mentioned in whose
 * protocol names no participants: there, not listed does not mean absent.
 * @param name the person's name as the page shows it, for the attendance note
 * @example personSections(index, appearances, 'Oleg Cernavin').sections.map((s) => `${s.heading}: ${s.count}`)
 *   // => ['Teilgenommen an: 4 Sitzungen', 'Vorgetragen in: 3 Sitzungen', 'Protokoll geführt in: 2 Sitzungen', 'Erwähnt in: 4 Sitzungen']
 */
export function personSections(index: ArchiveIndex, appearances: readonly Appearance<PersonRole>[], name: string): PersonSections {
  const has = (a: Appearance<PersonRole>, role: PersonRole) => a.roles.includes(role);
  // Present by what the protocol says of them: listed, moderating, writing the minutes, presenting.
  const presence = (a: Appearance<PersonRole>) => presenceRoles.filter((role) => has(a, role));
  const attended = appearances.filter((a) => presence(a).length > 0);
  const section = (
    id: PersonSection['id'],
    heading: string,
    explanation: string,
    list: readonly Appearance<PersonRole>[],
    details: (a: Appearance<PersonRole>) => Segment[],
  ): PersonSection => ({
    id,
    heading,
    count: countLabel(list.length, 'Sitzung', 'Sitzungen'),
    explanation,
    meetings: list.map((a) => ({ ...meetingHead(index, a.meeting), details: details(a) })),
  });
  const sections = [
    section(
      'teilgenommen',
      'Teilgenommen an',
      `Sitzungen, bei denen das Protokoll ${name} als anwesend nennt: in der Teilnehmerliste, als Moderation, Protokollführung oder mit einem Vortrag.`,
      attended,
      (a) => joined([...presence(a).map((role) => [{ text: presenceLabels[role] }]), ...affiliations(index, a)], '\u00a0· '),
    ),
    section('vorgetragen', 'Vorgetragen in', `Sitzungen, in denen ${name} einen Tagesordnungspunkt vorgestellt hat.`, appearances.filter((a) => a.presented.length > 0), (a) =>
      joined(a.presented.map((item) => [{ text: agendaItemLabel(item), href: topHref(index, a.meeting, item.number) }])),
    ),
    section('protokoll', 'Protokoll geführt in', `Sitzungen, deren Protokoll ${name} geschrieben hat.`, appearances.filter((a) => has(a, 'minutesBy')), () => []),
    section('erwaehnt', 'Erwähnt in', `Sitzungen, in deren Protokolltext ${name} genannt ist.`, appearances.filter((a) => has(a, 'mentioned')), (a) =>
      a.mentionedIn.length > 0 ? [{ text: 'im Text: ' }, ...mentionPlaces(index, a.meeting, a.mentionedIn)] : [],
    ),
  ].filter((s) => s.id === 'teilgenommen' || s.meetings.length > 0);
  // A protocol without an attendance list says nothing about who was there.
  const unknown = appearances.filter((a) => a.meeting.attendees.length === 0 && !attended.includes(a)).map((a) => meetingDateLink(a.meeting));
  const attendanceUnknown: Segment[] | undefined =
    unknown.length === 0
      ? undefined
      : [
          {
            text:
              unknown.length === 1
                ? `Das Protokoll einer Sitzung, in der ${name} erwähnt ist, nennt keine Teilnehmenden; ob ${name} dabei war, steht dort nicht: `
                : `Die Protokolle von ${unknown.length} Sitzungen, in denen ${name} erwähnt ist, nennen keine Teilnehmenden; ob ${name} dabei war, steht dort nicht: `,
          },
          ...germanList(unknown.map((link) => [{ text: link.label, href: link.href }])),
          { text: '.' },
        ];
  return { sections, attendanceUnknown };
}
