/**
 * View models of the topic pages (`/themen/`, `/themen/<id>/`): the topic list, and per topic its agenda items and resolutions across the years. Shared blocks: `./entity-page.ts`.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { topicPath } from '../model/entity-paths';
import { countLabel } from '../model/format';
import { personLabel } from '../model/labels';
import type { Link } from './meeting';
import { organisationPath, personPath, resolutionFacetPath } from '../model/paths';
import { type PeopleIndex, type TopicRecord } from '../index/people-index';
import { personLink, agendaItemLabel, topHref, yearSpan, joined, timelineEntry, timeline, type TimelineYear } from './entity-page';
import { resolutionListItems } from './resolution';

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

/**
 * How many meetings the topic page's timeline lists (the newest); the search filter and the
 * register list all of them. Without a limit a topic taken up in 800 of 2,000 meetings made a
 * page of 1.2 MB HTML (150 KB gzip) and 520,000 px at 375 px (generated archive, issue #25).
 */
export const TOPIC_TIMELINE_MEETINGS = 30;

/**
 * How many presenters and organisations the topic page's facts name (those with most items);
 * the rest are counted ("und 180 weitere"). 200 presenters made 70 lines of links on a phone.
 */
export const TOPIC_FACT_LINKS = 20;

/** The topic page's view model. */
export interface TopicView {
  record: TopicRecord;
  summary: string;
  /** People who presented its agenda items, most items first (all: the search filter; the facts show `TOPIC_FACT_LINKS`). */
  people: Link[];
  organisations: Link[];
  /** The topic's page in the resolution register, when it has resolutions. */
  registerHref?: string;
  /** The newest `TOPIC_TIMELINE_MEETINGS` meetings with its agenda items, by year, newest first. */
  timeline: TimelineYear[];
  /** When `timeline` leaves meetings out: how many meetings took the topic up in all. */
  meetingsInAll?: number;
}

/**
 * Builds the view model of a topic page: the agenda items of the topic in its newest
 * `TOPIC_TIMELINE_MEETINGS` meetings, with the resolutions taken under them, by year.
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
            // The rest of the text after the linked title: a shortened title goes on ("… weiter"), a whole one is followed by ":".
            segments: [{ text: r.title, href: r.href }, ...(r.excerpt ? [{ text: r.excerpt.startsWith('…') ? ` ${r.excerpt}` : `: ${r.excerpt}` }] : [])],
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
    timeline: timeline(entries.slice(0, TOPIC_TIMELINE_MEETINGS)),
    ...(entries.length > TOPIC_TIMELINE_MEETINGS && { meetingsInAll: entries.length }),
  };
}
/** `/themen/<id>/`: one path per topic of the registry. */
export function topicPaths(people: PeopleIndex): { params: { id: string } }[] {
  return [...people.topics.keys()].map((id) => ({ params: { id } }));
}
