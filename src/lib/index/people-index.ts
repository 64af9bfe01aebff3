/**
 * Who and what appears where: for every person, organisation and topic, the
 * meetings they appear in and how, derived once per build from the archive
 * index (`src/lib/index/archive-index.ts`) and the mention matcher
 * (`src/lib/text/mention-matcher.ts`). Pure; the pages ask `peopleIndex(archive)`,
 * tests call `buildPeopleIndex(index, matcher)`.
 *
 * Sources, per meeting:
 * - frontmatter: `attendees`, `moderator`, `minutesBy`, `agenda[].presenters`,
 *   `agenda[].organizations`, `agenda[].topics`, `memberships` (person + organisation
 *   as the protocol states it);
 * - the protocol text (`src/lib/text/protocol-text.ts`, without the hidden original
 *   header): every person or organisation the matcher finds, placed in its
 *   agenda item (`## TOP n`) and, inside a `<Resolution>`, in that resolution. In a
 *   site build the content loader found them when it rendered the protocol
 *   (`ProtocolBody.mentions`); the matcher runs here only for bodies without them.
 */
import type { ArchiveIndex, ResolutionInMeeting } from './archive-index';
import { createMentionMatcher, type FoundMention, type MentionMatcher } from '../text/mention-matcher';
import type { Meeting, Organisation, Person, Topic } from '../model/model';
import { NAME_DECISIONS_FILE } from '../model/name-decisions';
import { protocolBodyOf } from '../text/protocol-body';
import { placeOf } from '../text/protocol-text';
import { sortName } from '../model/person-names';

/** One agenda item (TOP) of a meeting's frontmatter. */
export type AgendaItem = Meeting['agenda'][number];

/** A person or organisation found in a protocol's text, with its place. */
export interface TextMention extends FoundMention {
  meetingId: string;
  /** TOP number of the section it is in; undefined in the preamble. */
  topNumber?: string;
  /** The `<Resolution>` it is in, if any. */
  resolutionId?: string;
}

/**
 * How a person appears in a meeting, in display order: named attendee, moderator,
 * minute-taker, presenter of an agenda item, stated as representing an organisation,
 * mentioned in the text.
 */
export const personRoles = ['attendee', 'moderator', 'minutesBy', 'presenter', 'member', 'mentioned'] as const;
export type PersonRole = (typeof personRoles)[number];

/** How an organisation appears in a meeting: presented an agenda item, represented by a person, mentioned in the text. */
export const organisationRoles = ['presenter', 'member', 'mentioned'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

/** One person or organisation in one meeting. */
export interface Appearance<Role extends string> {
  meeting: Meeting;
  /** Roles in the order of `personRoles` / `organisationRoles`. */
  roles: Role[];
  /** Agenda items presented (organisation: named with the presenters). */
  presented: AgendaItem[];
  /**
   * Memberships stated in this meeting: for a person the organisations they
   * represented, for an organisation the people who represented it.
   */
  memberships: { id: string; role?: string }[];
  /** TOP numbers of the sections that mention them, in text order; `undefined` = preamble. */
  mentionedIn: (string | undefined)[];
  /** Resolutions of this meeting whose text names them. */
  resolutions: ResolutionInMeeting[];
}

/** A person and every meeting they appear in, newest first. */
export interface PersonRecord {
  person: Person;
  appearances: Appearance<PersonRole>[];
}

/** An organisation and every meeting it appears in, newest first. */
export interface OrganisationRecord {
  organisation: Organisation;
  appearances: Appearance<OrganisationRole>[];
}

/** An agenda item of a topic, with the resolutions taken under it (`item` = its TOP number). */
export interface TopicItem {
  meeting: Meeting;
  item: AgendaItem;
  resolutions: ResolutionInMeeting[];
}

/** A topic and its agenda items, newest meeting first, agenda order within a meeting. */
export interface TopicRecord {
  topic: Topic;
  items: TopicItem[];
}

/** The derived index. */
export interface PeopleIndex {
  /** Every registered person who appears in at least one meeting (frontmatter or text). */
  people: Map<string, PersonRecord>;
  /** Every registered organisation that appears in at least one meeting. */
  organisations: Map<string, OrganisationRecord>;
  /** Every topic of the registry, also those without agenda items yet. */
  topics: Map<string, TopicRecord>;
  /** Mentions in each meeting's text, in text order, by meeting id. */
  mentions: Map<string, TextMention[]>;
}

/** Appearances of one person or organisation, keyed by meeting id; kept in insertion (newest-first) order. */
type Appearances<Role extends string> = Map<string, Appearance<Role> & { roleSet: Set<Role> }>;

function appearanceIn<Role extends string>(
  all: Map<string, Appearances<Role>>,
  id: string,
  meeting: Meeting,
): Appearance<Role> & { roleSet: Set<Role> } {
  let byMeeting = all.get(id);
  if (!byMeeting) all.set(id, (byMeeting = new Map()));
  let appearance = byMeeting.get(meeting.id);
  if (!appearance) {
    appearance = { meeting, roles: [], roleSet: new Set(), presented: [], memberships: [], mentionedIn: [], resolutions: [] };
    byMeeting.set(meeting.id, appearance);
  }
  return appearance;
}

/** Adds a value unless it is already in the list. */
function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** Turns collected appearances into records, roles in canonical order; ids not in the registry are left out. */
function toRecords<Entry, Role extends string, R>(
  all: Map<string, Appearances<Role>>,
  registry: Map<string, Entry>,
  order: readonly Role[],
  make: (entry: Entry, appearances: Appearance<Role>[]) => R,
): Map<string, R> {
  const records = new Map<string, R>();
  for (const [id, byMeeting] of all) {
    const entry = registry.get(id);
    if (!entry) continue;
    const appearances = [...byMeeting.values()].map(({ roleSet, ...appearance }) => ({
      ...appearance,
      roles: order.filter((role) => roleSet.has(role)),
    }));
    records.set(id, make(entry, appearances));
  }
  return records;
}

/**
 * Finds and places the mentions in one meeting's text.
 * @throws if a name decision (`content/name-decisions.yaml`) names a person who is not in the registry
 */
function meetingMentions(index: ArchiveIndex, matcher: MentionMatcher, meeting: Meeting): TextMention[] {
  const body = protocolBodyOf(meeting);
  // The content loader found them when it rendered the protocol; else (tests, scripts) find them now.
  const found = body.mentions ?? matcher.find(body.text.text, meeting.id).map((mention) => ({ ...mention, ...placeOf(body.text, mention.index) }));
  return found.map((mention) => {
    if (mention.kind === 'person' && !index.registries.people.has(mention.id)) {
      throw new Error(
        `${NAME_DECISIONS_FILE}: the decision for "${mention.text}" in meeting ${meeting.id} names the unknown person "${mention.id}". ` +
          `Fix: add content/people/${mention.id}.yaml or correct the person id.`,
      );
    }
    return { ...mention, meetingId: meeting.id };
  });
}

/**
 * Builds the index over all meetings of `index`.
 * @param matcher finds people and organisations in text (`createMentionMatcher(index.registries)`)
 * @example buildPeopleIndex(index, createMentionMatcher(index.registries)).people.get('rolf-papenfuss')?.appearances.map((a) => a.meeting.id)
 *   // => ['2021-11-11-strategiekreis', '2021-04-22-strategiekreis']
 */
export function buildPeopleIndex(index: ArchiveIndex, matcher: MentionMatcher): PeopleIndex {
  const people = new Map<string, Appearances<PersonRole>>();
  const organisations = new Map<string, Appearances<OrganisationRole>>();
  const mentions = new Map<string, TextMention[]>();
  const topicItems = new Map<string, TopicItem[]>();

  // Grouped once: filtering all resolutions per meeting would grow with the square of the archive.
  const resolutionsByMeeting = new Map<string, typeof index.resolutions>();
  for (const r of index.resolutions) {
    const list = resolutionsByMeeting.get(r.meetingId) ?? [];
    list.push(r);
    resolutionsByMeeting.set(r.meetingId, list);
  }
  for (const meeting of index.meetings) {
    const person = (id: string, role: PersonRole) => {
      const appearance = appearanceIn(people, id, meeting);
      appearance.roleSet.add(role);
      return appearance;
    };
    const organisation = (id: string, role: OrganisationRole) => {
      const appearance = appearanceIn(organisations, id, meeting);
      appearance.roleSet.add(role);
      return appearance;
    };
    const resolutions = resolutionsByMeeting.get(meeting.id) ?? [];

    for (const id of meeting.attendees) person(id, 'attendee');
    if (meeting.moderator) person(meeting.moderator, 'moderator');
    if (meeting.minutesBy) person(meeting.minutesBy, 'minutesBy');
    for (const item of meeting.agenda) {
      for (const id of item.presenters) addOnce(person(id, 'presenter').presented, item);
      for (const id of item.organizations) addOnce(organisation(id, 'presenter').presented, item);
      for (const topicId of item.topics) {
        const list = topicItems.get(topicId) ?? [];
        list.push({ meeting, item, resolutions: item.number ? resolutions.filter((r) => r.item === item.number) : [] });
        topicItems.set(topicId, list);
      }
    }
    for (const m of meeting.memberships) {
      person(m.person, 'member').memberships.push({ id: m.organization, ...(m.role && { role: m.role }) });
      organisation(m.organization, 'member').memberships.push({ id: m.person, ...(m.role && { role: m.role }) });
    }

    const found = meetingMentions(index, matcher, meeting);
    mentions.set(meeting.id, found);
    for (const mention of found) {
      const appearance = mention.kind === 'person' ? person(mention.id, 'mentioned') : organisation(mention.id, 'mentioned');
      addOnce(appearance.mentionedIn, mention.topNumber);
      const resolution = mention.resolutionId && resolutions.find((r) => r.id === mention.resolutionId);
      if (resolution) addOnce(appearance.resolutions, resolution);
    }
  }

  const { registries } = index;
  return {
    people: toRecords(people, registries.people, personRoles, (person, appearances) => ({ person, appearances })),
    organisations: toRecords(organisations, registries.organisations, organisationRoles, (organisation, appearances) => ({
      organisation,
      appearances,
    })),
    topics: new Map([...registries.topics.values()].map((topic) => [topic.id, { topic, items: topicItems.get(topic.id) ?? [] }])),
    mentions,
  };
}

const cache = new WeakMap<ArchiveIndex, PeopleIndex>();

/**
 * The index for the archive, built on first use and shared by every page of a build.
 * @example peopleIndex(await getArchive()).people.get('annette-icks')?.appearances.length // => 4
 */
export function peopleIndex(index: ArchiveIndex): PeopleIndex {
  let built = cache.get(index);
  if (!built) {
    built = buildPeopleIndex(index, createMentionMatcher(index.registries));
    cache.set(index, built);
  }
  return built;
}

/** One person seen in a committee, with the number of its meetings they took part in. */
export interface CommitteeMember {
  person: Person;
  /** Meetings of the committee the person attended, moderated, took minutes of, presented at or was stated as representing an organisation. */
  meetings: Meeting[];
  /** The roles they had across those meetings, in `personRoles` order (never `mentioned`). */
  roles: PersonRole[];
}

/**
 * The people seen in a committee's meetings, most meetings first, then by family name.
 * Text mentions do not count: being talked about is not taking part.
 * @example committeeMembers(peopleIndex(archive), 'strategiekreis')[0].person.id // => 'oleg-cernavin'
 */
export function committeeMembers(people: PeopleIndex, committeeId: string): CommitteeMember[] {
  const members: CommitteeMember[] = [];
  for (const { person, appearances } of people.people.values()) {
    const present = appearances.filter(
      (a) => a.meeting.committee === committeeId && a.roles.some((role) => role !== 'mentioned'),
    );
    if (present.length === 0) continue;
    const roles = personRoles.filter((role) => role !== 'mentioned' && present.some((a) => a.roles.includes(role)));
    members.push({ person, meetings: present.map((a) => a.meeting), roles });
  }
  return members.sort(
    (a, b) => b.meetings.length - a.meetings.length || sortName(a.person).localeCompare(sortName(b.person), 'de'),
  );
}

/**
 * The resolutions of a committee, newest meeting first, in protocol order within a meeting.
 * @example committeeResolutions(archive, 'plenum').map((r) => r.id) // => ['2017-11-09-plenum-b1', …]
 */
export function committeeResolutions(index: ArchiveIndex, committeeId: string): ResolutionInMeeting[] {
  return index.resolutions.filter((resolution) => resolution.meeting.committee === committeeId);
}
