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

/** The organisations with at least one meeting in their frontmatter roles, i.e. those who get a feed (registry order). */
export function organisationsWithMeetings(index: ArchiveIndex): string[] {
  const named = new Set(index.meetings.flatMap((meeting) => [...organisationRoles(meeting).keys()]));
  return [...index.registries.organisations.keys()].filter((id) => named.has(id));
}

/** The people with at least one meeting, i.e. those who get a feed (registry order). */
export function peopleWithMeetings(index: ArchiveIndex): string[] {
  const named = new Set(index.meetings.flatMap((meeting) => [...personRoles(meeting).keys()]));
  return [...index.registries.people.keys()].filter((id) => named.has(id));
}

/** Topic ids that get a feed: every topic in `content/topics/` and every id used in an agenda. */
export function topicIds(index: ArchiveIndex): string[] {
  const ids = new Set(index.registries.topics?.keys() ?? []);
  for (const meeting of index.meetings) for (const item of meeting.agenda) for (const id of agendaTopics(item)) ids.add(id);
  return [...ids].sort();
}
