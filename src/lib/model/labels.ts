/**
 * Display names from the registries. An id that is not in a registry never
 * reaches a page (`src/lib/checks/integrity.ts` fails the build first); the fallbacks
 * here only keep unit tests and half-built data readable.
 */
import { topicPath } from './entity-paths';
import type { Meeting, Organisation, Person, Registries } from './model';

/**
 * A person's name as shown on the site: academic title + name.
 * @example personLabel({ name: 'Annette Icks', academicTitle: 'Dr.', ... }) // => 'Dr. Annette Icks'
 */
export function personLabel(person: Pick<Person, 'name' | 'academicTitle'>): string {
  return [person.academicTitle, person.name].filter(Boolean).join(' ');
}

/**
 * Looks up a person id and returns the display name (the id itself if unknown).
 * @example personName(registries, 'annette-icks') // => 'Dr. Annette Icks'
 */
export function personName(registries: Pick<Registries, 'people'>, personId: string): string {
  const person = registries.people.get(personId);
  return person ? personLabel(person) : personId;
}

/**
 * Looks up an organisation id: short name to show, full name for a tooltip/abbr.
 * @example organisationNames(registries, 'ifm-bonn') // => { short: 'IfM Bonn', full: 'Institut für Mittelstandsforschung Bonn' }
 */
export function organisationNames(
  registries: Pick<Registries, 'organisations'>,
  organisationId: string,
): { short: string; full: string } {
  const organisation: Organisation | undefined = registries.organisations.get(organisationId);
  return organisation ? { short: organisation.shortName, full: organisation.name } : { short: organisationId, full: organisationId };
}

/**
 * A committee's name (the id itself if unknown).
 * @example committeeName(registries, 'strategiekreis') // => 'Strategiekreis'
 */
export function committeeName(registries: Pick<Registries, 'committees'>, committeeId: string): string {
  return registries.committees.get(committeeId)?.name ?? committeeId;
}

/** Who took part in a meeting, as the meeting page shows it. */
export interface Participation {
  /** Total participants: the stated count, else named + unnamed; undefined if nothing is known. */
  count?: number;
  /** Display names of the named attendees, in protocol order. */
  named: string[];
  /** Participants not recorded by name ("+ 11 weitere"). */
  unnamed: number;
}

/**
 * Summarises a meeting's participants.
 * @example participation(registries, { participantCount: 42, attendees: ['annette-icks'], unnamedAttendees: 11 })
 *   // => { count: 42, named: ['Dr. Annette Icks'], unnamed: 11 }
 */
export function participation(
  registries: Pick<Registries, 'people'>,
  meeting: Pick<Meeting, 'participantCount' | 'attendees' | 'unnamedAttendees'>,
): Participation {
  const named = meeting.attendees.map((id) => personName(registries, id));
  const unnamed = meeting.unnamedAttendees ?? 0;
  const derived = named.length + unnamed;
  return { count: meeting.participantCount ?? (derived > 0 ? derived : undefined), named, unnamed };
}

/**
 * Links to topic pages, each topic once, in the given order.
 * @example topicLinks(registries, ['corona', 'corona']) // => [{ href: '/themen/corona/', label: 'Corona' }]
 */
export function topicLinks(registries: Pick<Registries, 'topics'>, topicIds: readonly string[]): { href: string; label: string }[] {
  return [...new Set(topicIds)].map((id) => ({ href: topicPath(id), label: registries.topics.get(id)?.name ?? id }));
}
