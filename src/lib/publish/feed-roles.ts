/**
 * Who and what gets a feed (`feeds.ts`), and in which words: the roles people and
 * organisations have in a meeting's frontmatter (attended, presented, moderated, took
 * minutes; presented, represented), the topics of an agenda item, and the lists of people,
 * organisations and topics with a feed. Also used by the dataset (`people.csv`) and OParl.
 */
import type { ArchiveIndex } from '../index/archive-index';
import type { Meeting } from '../model/model';

/** What a person did at a meeting, in the words the feeds use. */
export type PersonRole = 'Teilnahme' | 'Vortrag' | 'Moderation' | 'Protokoll';

/** `personRoles` per meeting, computed once: every person feed asks every meeting. */
const rolesByMeeting = new WeakMap<Meeting, Map<string, PersonRole[]>>();

/**
 * Everyone named in a meeting's frontmatter with their roles: attended, presented, moderated, took minutes.
 * Computed once per meeting object (the result is shared: do not change it).
 * @example personRoles(meeting).get('annette-icks') // => ['Teilnahme', 'Moderation']
 */
export function personRoles(meeting: Meeting): Map<string, PersonRole[]> {
  const cached = rolesByMeeting.get(meeting);
  if (cached) return cached;
  const roles = new Map<string, PersonRole[]>();
  const add = (personId: string | undefined, role: PersonRole) => {
    if (!personId) return;
    const list = roles.get(personId) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(personId, list);
  };
  for (const personId of meeting.attendees) add(personId, 'Teilnahme');
  for (const item of meeting.agenda) for (const personId of item.presenters) add(personId, 'Vortrag');
  add(meeting.moderator, 'Moderation');
  add(meeting.minutesBy, 'Protokoll');
  rolesByMeeting.set(meeting, roles);
  return roles;
}

/** What an organisation did at a meeting, in the words the feeds use. */
export type OrganisationRole = 'Vortrag' | 'Vertretung';

/** `organisationRoles` per meeting, computed once: every organisation feed asks every meeting. */
const organisationRolesByMeeting = new WeakMap<Meeting, Map<string, OrganisationRole[]>>();

/**
 * Every organisation a meeting's frontmatter names, with its roles: named with an agenda
 * item's presenters (`agenda[].organizations`), or represented by someone (`memberships`).
 * Mentions in the protocol text do not count, as for people (`personRoles`).
 * Computed once per meeting object (the result is shared: do not change it).
 * @example organisationRoles(meeting).get('zdh') // => ['Vortrag', 'Vertretung']
 */
export function organisationRoles(meeting: Meeting): Map<string, OrganisationRole[]> {
  const cached = organisationRolesByMeeting.get(meeting);
  if (cached) return cached;
  const roles = new Map<string, OrganisationRole[]>();
  const add = (organisationId: string, role: OrganisationRole) => {
    const list = roles.get(organisationId) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(organisationId, list);
  };
  for (const item of meeting.agenda) for (const organisationId of item.organizations) add(organisationId, 'Vortrag');
  for (const membership of meeting.memberships ?? []) add(membership.organization, 'Vertretung');
  organisationRolesByMeeting.set(meeting, roles);
  return roles;
}

/**
 * The topic ids of an agenda item (`agenda[].topics`); empty when the field is absent.
 * @example agendaTopics({ topics: ['digitalisierung'] }) // => ['digitalisierung']
 */
export function agendaTopics(item: object): string[] {
  const topics = (item as { topics?: unknown }).topics;
  if (!Array.isArray(topics)) return [];
  return topics.map((topic) => (typeof topic === 'string' ? topic : (topic as { id?: string })?.id)).filter((id): id is string => !!id);
}

/** A topic's display name from `content/topics/` (the id itself if not registered). */
export function topicName(index: ArchiveIndex, topicId: string): string {
  return index.registries.topics?.get(topicId)?.name ?? topicId;
}

/** `meetingsByPerson` and `meetingsByOrganisation` per index, computed once. */
const meetingsByPersonOf = new WeakMap<ArchiveIndex, Map<string, Meeting[]>>();
const meetingsByOrganisationOf = new WeakMap<ArchiveIndex, Map<string, Meeting[]>>();

/** Groups the index's meetings (in index order) by the ids `roles` names for each. */
function groupMeetings(index: ArchiveIndex, roles: (meeting: Meeting) => Map<string, unknown>): Map<string, Meeting[]> {
  const groups = new Map<string, Meeting[]>();
  for (const meeting of index.meetings) {
    for (const id of roles(meeting).keys()) {
      const list = groups.get(id);
      if (list) list.push(meeting);
      else groups.set(id, [meeting]);
    }
  }
  return groups;
}

/**
 * The meetings of each person with a role in them (`personRoles`), newest first (the index's order),
 * by person id; computed once per index: one feed per person filtered all meetings before, quadratic
 * in the archive (issue #24). The lists are shared: do not change them.
 * @example meetingsByPerson(index).get('annette-icks')?.map((m) => m.id) // => ['2021-11-11-plenum', …]
 */
export function meetingsByPerson(index: ArchiveIndex): Map<string, Meeting[]> {
  let groups = meetingsByPersonOf.get(index);
  if (!groups) meetingsByPersonOf.set(index, (groups = groupMeetings(index, personRoles)));
  return groups;
}

/**
 * The meetings of each organisation with a role in them (`organisationRoles`), newest first, by
 * organisation id; computed once per index, as `meetingsByPerson`. The lists are shared: do not change them.
 * @example meetingsByOrganisation(index).get('zdh')?.length // => 3
 */
export function meetingsByOrganisation(index: ArchiveIndex): Map<string, Meeting[]> {
  let groups = meetingsByOrganisationOf.get(index);
  if (!groups) meetingsByOrganisationOf.set(index, (groups = groupMeetings(index, organisationRoles)));
  return groups;
}

/** The organisations with at least one meeting in their frontmatter roles, i.e. those who get a feed (registry order). */
export function organisationsWithMeetings(index: ArchiveIndex): string[] {
  const named = meetingsByOrganisation(index);
  return [...index.registries.organisations.keys()].filter((id) => named.has(id));
}

/** The people with at least one meeting, i.e. those who get a feed (registry order). */
export function peopleWithMeetings(index: ArchiveIndex): string[] {
  const named = meetingsByPerson(index);
  return [...index.registries.people.keys()].filter((id) => named.has(id));
}

/** Topic ids that get a feed: every topic in `content/topics/` and every id used in an agenda. */
export function topicIds(index: ArchiveIndex): string[] {
  const ids = new Set(index.registries.topics?.keys() ?? []);
  for (const meeting of index.meetings) for (const item of meeting.agenda) for (const id of agendaTopics(item)) ids.add(id);
  return [...ids].sort();
}
