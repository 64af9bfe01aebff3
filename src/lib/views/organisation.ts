/**
 * View models of the organisation pages (`/organisationen/`, `/organisationen/<id>/`): the A–Z list, and per organisation the people seen representing it, agenda items it presented, resolutions naming it, meetings by year. Shared blocks: `./entity-page.ts`.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { countLabel } from '../model/format';
import { personLabel, topicLinks } from '../model/labels';
import type { Link } from './meeting';
import type { Organisation, Person } from '../model/model';
import { organisationPath, personPath } from '../model/paths';
import { type AgendaItem, type Appearance, type OrganisationRecord, type PeopleIndex } from '../index/people-index';
import { resolutionListItems, type ResolutionListItem } from './resolution';
import { forOrganisation } from './person-sections';
import { personLink, agendaItemLabel, topHref, meetingDateLink, presentedItems, joined, mentionLine, resolutionsLine, timelineEntry, timeline, appearanceSummary, letterGroups, organisationTitle, statedIn, type Segment, type TimelineYear, type PresentedItem, type LetterGroup, type ListEntry } from './entity-page';

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
  /** The line: the person's name (linked) and `" (Rolle)"`. */
  who: Segment[];
}

/** The organisation page's view model. */
export interface OrganisationView {
  organisation: Organisation;
  /** `"BMAS — Bundesministerium für Arbeit und Soziales"` */
  title: string;
  summary: string;
  /** `"für den Zentralverband des Deutschen Handwerks"` (`forOrganisation`), for the people list's explanation. */
  forName: string;
  people: OrganisationPerson[];
  presented: PresentedItem[];
  /** Resolutions (list lines of `src/lib/views/resolution.ts`). */
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
      const entry = peopleById.get(m.id) ?? { person: personLink(person), meetings: [], statedIn: [], roles: [], who: [] };
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
    forName: forOrganisation(organisation),
    people: [...peopleById.values()].map((entry) => ({
      ...entry,
      statedIn: statedIn(entry.meetings),
      who: [{ text: entry.person.label, href: entry.person.href }, ...(entry.roles.length > 0 ? [{ text: ` (${entry.roles.join(', ')})` }] : [])],
    })),
    presented,
    resolutions: resolutionListItems(index, appearances.flatMap((a) => a.resolutions)),
    topics: topicLinks(registries, topicIds),
    timeline: timeline(entries),
  };
}
/** `/organisationen/<id>/`: one path per organisation that appears in a protocol. */
export function organisationPaths(people: PeopleIndex): { params: { id: string } }[] {
  return [...people.organisations.keys()].map((id) => ({ params: { id } }));
}
