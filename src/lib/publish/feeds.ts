/**
 * RSS feeds, so people can follow exactly what they care about: new protocols,
 * new resolutions, and one feed per committee, person, organisation, topic and
 * matter. Pure: builds feed definitions from the archive index;
 * `src/pages/feeds/[...feed].ts` renders them with `@astrojs/rss` (`rssOptions`).
 *
 * URLs: `/feeds/sitzungen.xml`, `/feeds/beschluesse.xml`, `/feeds/gremien/<id>.xml`,
 * `/feeds/personen/<id>.xml`, `/feeds/organisationen/<id>.xml`, `/feeds/themen/<id>.xml`,
 * `/feeds/vorgaenge/<id>.xml`.
 *
 * Every text taken from a protocol passes `maskContactData` (src/lib/text/privacy.ts):
 * feed readers show descriptions as they are, outside the page's masking.
 */
import type { ArchiveIndex, ResolutionInMeeting } from '../index/archive-index';
import { topAnchorId } from '../model/anchors';
import { berlinInstant } from './berlin-time';
import { formatDate, formatDateWithWeekday, formatMeetingFormat, formatTimeRange } from '../model/format';
import { committeeName, organisationNames, personLabel, personName } from '../model/labels';
import { resolutionSummary } from '../views/meeting';
import { jsonKey } from '../views/page-key';
import type { Meeting } from '../model/model';
import { meetingPath, resolutionPath } from '../model/paths';
import { maskContactData } from '../text/privacy';
import { licenceNotice, siteConfig, type SiteConfig } from '../../site-config';
import { agendaTopics, meetingsByOrganisation, meetingsByPerson, organisationRoles, organisationsWithMeetings, peopleWithMeetings, personRoles, topicIds, topicName } from './feed-roles';

// Re-exported: the feeds' roles were defined here before `feed-roles.ts` took them.
export { agendaTopics, organisationRoles, organisationsWithMeetings, peopleWithMeetings, personRoles, topicIds, topicName, type OrganisationRole, type PersonRole } from './feed-roles';

/** The site name, first part of every feed title (`src/site-config.ts`). */
const siteName = siteConfig.siteName;

/** At most this many items per feed, newest first (feed readers only need the recent ones). */
export const feedItemLimit = 100;

/** One feed entry. */
export interface FeedItem {
  title: string;
  /** Absolute URL of the meeting page (or the resolution's anchor on it). */
  link: string;
  /** Meeting date and start time (Europe/Berlin); midnight when the protocol states no time. */
  pubDate: Date;
  /** Plain text, contact data masked. */
  description: string;
  /** Committee name, resolution kind, topic. */
  categories: string[];
}

/** A feed: where it is served, what it is called, and its items (newest first). */
export interface Feed {
  /** Site path, `"/feeds/gremien/plenum.xml"`. */
  path: string;
  title: string;
  description: string;
  items: FeedItem[];
}

/** `/feeds/sitzungen.xml`: every new protocol. */
export const meetingsFeedPath = '/feeds/sitzungen.xml';

/** `/feeds/beschluesse.xml`: every new resolution (Beschluss, Vereinbarung). */
export const resolutionsFeedPath = '/feeds/beschluesse.xml';

/** @example committeeFeedPath('plenum') // => '/feeds/gremien/plenum.xml' */
export function committeeFeedPath(committeeId: string): string {
  return `/feeds/gremien/${committeeId}.xml`;
}

/** @example personFeedPath('annette-icks') // => '/feeds/personen/annette-icks.xml' */
export function personFeedPath(personId: string): string {
  return `/feeds/personen/${personId}.xml`;
}

/** @example topicFeedPath('digitalisierung') // => '/feeds/themen/digitalisierung.xml' */
export function topicFeedPath(topicId: string): string {
  return `/feeds/themen/${topicId}.xml`;
}

/** @example organisationFeedPath('zdh') // => '/feeds/organisationen/zdh.xml' */
export function organisationFeedPath(organisationId: string): string {
  return `/feeds/organisationen/${organisationId}.xml`;
}

/** @example matterFeedPath('musternetzwerke') // => '/feeds/vorgaenge/musternetzwerke.xml' */
export function matterFeedPath(matterId: string): string {
  return `/feeds/vorgaenge/${matterId}.xml`;
}

/** An absolute URL on the site. @example absoluteUrl('/feeds/sitzungen.xml', 'https://example.org') // => 'https://example.org/feeds/sitzungen.xml' */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** When a meeting began, as an instant (for `pubDate`). */
function meetingInstant(meeting: Meeting): Date {
  return berlinInstant(meeting.date, meeting.start ?? '00:00');
}

/** Feed title of a meeting: its title and date. */
function meetingTitle(meeting: Meeting): string {
  return `${maskContactData(meeting.title)} (${formatDate(meeting.date)})`;
}

/** The facts line of a meeting: committee, weekday and date, time, format, place. */
function meetingFacts(index: ArchiveIndex, meeting: Meeting): string {
  return [
    committeeName(index.registries, meeting.committee),
    formatDateWithWeekday(meeting.date),
    formatTimeRange(meeting.start, meeting.end),
    meeting.format && formatMeetingFormat(meeting.format),
    meeting.location && maskContactData(meeting.location),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Plain-text summary of a meeting: facts, agenda, resolutions. */
function meetingDescription(index: ArchiveIndex, meeting: Meeting): string {
  const agenda = meeting.agenda
    .filter((item) => item.number)
    .map((item) => `TOP ${item.number} – ${maskContactData(item.title)}`);
  const resolutions = resolutionSummary(index.bodies.get(meeting.id)?.resolutions ?? []);
  return [
    meetingFacts(index, meeting),
    agenda.length > 0 ? `Tagesordnung: ${agenda.join('; ')}` : undefined,
    resolutions ? `Im Protokoll: ${resolutions}.` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * A meeting's feed item without a lead, by index, site and meeting id: a meeting is an item of
 * about 30 feeds (its committee's, each person's and organisation's in it, its topics'), and its
 * description (masking, dates) was the largest cost of `allFeeds` (issue #24).
 */
const meetingItems = new WeakMap<ArchiveIndex, Map<string, FeedItem>>();

/** Each feed item made from a shared meeting item (`meetingItem`): that item and the lead, for `feedKey`. */
const itemSources = new WeakMap<FeedItem, { base: FeedItem; lead?: string }>();

/** `jsonKey` of each shared meeting item, computed once. */
const baseKeys = new WeakMap<FeedItem, string>();

/** A meeting as a feed item; `lead` goes before the description (e.g. a person's role). */
function meetingItem(index: ArchiveIndex, meeting: Meeting, site: URL | string, lead?: string): FeedItem {
  let items = meetingItems.get(index);
  if (!items) meetingItems.set(index, (items = new Map()));
  const key = `${String(site)}\u0000${meeting.id}`;
  let item = items.get(key);
  if (!item) {
    item = {
      title: meetingTitle(meeting),
      link: absoluteUrl(meetingPath(meeting.id), site),
      pubDate: meetingInstant(meeting),
      description: meetingDescription(index, meeting),
      categories: [committeeName(index.registries, meeting.committee)],
    };
    items.set(key, item);
  }
  const made = { ...item, description: [lead, item.description].filter(Boolean).join('\n\n'), categories: [...item.categories] };
  itemSources.set(made, { base: item, lead });
  return made;
}

/**
 * The cache key of a feed for the incremental build (`src/pages/feeds/[...feed].ts`): `jsonKey` of
 * its JSON (a Date as its ISO string, which fixes `pubDate`), with each item made from a shared
 * meeting item (`meetingItem`) written as that item's key and the lead, which determine it. A
 * meeting is an item of about 30 feeds: its description is hashed once, not in each (issue #24).
 * @example feedKey(meetingsFeed(index, site)) === feedKey(meetingsFeed(index, site)) // => true
 */
export function feedKey(feed: Feed): string {
  const items = feed.items.map((item) => {
    const source = itemSources.get(item);
    if (!source) return item;
    let key = baseKeys.get(source.base);
    if (key === undefined) baseKeys.set(source.base, (key = jsonKey(source.base)));
    return { '\u0000item': key, lead: source.lead };
  });
  return jsonKey({ ...feed, items });
}

/** A resolution as a feed item: what it decides (`ResolutionInMeeting.title`), kind, committee and date as title; the whole text as description. */
function resolutionItem(index: ArchiveIndex, resolution: ResolutionInMeeting, site: URL | string): FeedItem {
  const { meeting } = resolution;
  const committee = committeeName(index.registries, meeting.committee);
  const text = maskContactData(resolution.text);
  const context = [`${resolution.kind} – ${committee}, ${formatDate(meeting.date)}`];
  if (resolution.item) context.push(`TOP ${resolution.item}`);
  if (resolution.result) context.push(maskContactData(resolution.result));
  return {
    title: `${resolution.title} (${resolution.kind}, ${committee}, ${formatDate(meeting.date)})`,
    link: absoluteUrl(resolutionPath(meeting.id, resolution.id), site),
    pubDate: meetingInstant(meeting),
    description: `${context.join(' · ')}\n\n${text}`,
    categories: [resolution.kind, committee],
  };
}

/**
 * The first `feedItemLimit` entries of a newest-first list. Applied before the entries
 * become feed items, so only the items a feed keeps are built (each masks contact data).
 */
function newest<T>(entries: T[]): T[] {
  return entries.slice(0, feedItemLimit);
}

/** `/feeds/sitzungen.xml`: one item per protocol, newest meeting first. */
export function meetingsFeed(index: ArchiveIndex, site: URL | string): Feed {
  return {
    path: meetingsFeedPath,
    title: `${siteName}: neue Sitzungsprotokolle`,
    description: 'Jedes neue Protokoll einer Sitzung von Plenum, Strategiekreis und Arbeitsgruppen der Offensive Mittelstand.',
    items: newest(index.meetings).map((meeting) => meetingItem(index, meeting, site)),
  };
}

/** `/feeds/beschluesse.xml`: one item per resolution, newest meeting first, protocol order within one. */
export function resolutionsFeed(index: ArchiveIndex, site: URL | string): Feed {
  return {
    path: resolutionsFeedPath,
    title: `${siteName}: neue Beschlüsse und Vereinbarungen`,
    description: 'Jeder Beschluss und jede Vereinbarung aus den Protokollen der Offensive Mittelstand, mit Link zum Protokoll.',
    items: newest(index.resolutions).map((resolution) => resolutionItem(index, resolution, site)),
  };
}

/**
 * `/feeds/gremien/<id>.xml`: the protocols of one committee.
 * @throws if the committee is not in `content/committees/`
 */
export function committeeFeed(index: ArchiveIndex, site: URL | string, committeeId: string): Feed {
  const committee = index.registries.committees.get(committeeId);
  if (!committee) throw new Error(`committeeFeed: no committee "${committeeId}". Fix: add content/committees/${committeeId}.yaml or correct the id.`);
  const meetings = index.meetings.filter((meeting) => meeting.committee === committeeId);
  return {
    path: committeeFeedPath(committeeId),
    title: `${siteName}: ${committee.name}`,
    description: `Neue Protokolle des Gremiums ${committee.name} der Offensive Mittelstand.`,
    items: newest(meetings).map((meeting) => meetingItem(index, meeting, site)),
  };
}

/**
 * `/feeds/personen/<id>.xml`: the meetings a person attended, presented at, moderated or took minutes of.
 * @throws if the person is not in `content/people/`
 */
export function personFeed(index: ArchiveIndex, site: URL | string, personId: string): Feed {
  const person = index.registries.people.get(personId);
  if (!person) throw new Error(`personFeed: no person "${personId}". Fix: add content/people/${personId}.yaml or correct the id.`);
  const name = personLabel(person);
  const meetings = meetingsByPerson(index).get(personId) ?? [];
  const items = newest(meetings).map((meeting) => meetingItem(index, meeting, site, `${name}: ${personRoles(meeting).get(personId)!.join(', ')}`));
  return {
    path: personFeedPath(personId),
    title: `${siteName}: ${name}`,
    description: `Sitzungen der Offensive Mittelstand, an denen ${name} teilgenommen, vorgetragen, moderiert oder protokolliert hat.`,
    items,
  };
}

/**
 * `/feeds/organisationen/<id>.xml`: the meetings in which an organisation presented or was represented.
 * @throws if the organisation is not in `content/organisations/`
 */
export function organisationFeed(index: ArchiveIndex, site: URL | string, organisationId: string): Feed {
  if (!index.registries.organisations.has(organisationId)) {
    throw new Error(`organisationFeed: no organisation "${organisationId}". Fix: add content/organisations/${organisationId}.yaml or correct the id.`);
  }
  const { short, full } = organisationNames(index.registries, organisationId);
  const title = short === full ? short : `${full} (${short})`;
  const meetings = meetingsByOrganisation(index).get(organisationId) ?? [];
  const items = newest(meetings).map((meeting) => meetingItem(index, meeting, site, `${short}: ${organisationRoles(meeting).get(organisationId)!.join(', ')}`));
  return {
    path: organisationFeedPath(organisationId),
    title: `${siteName}: ${title}`,
    description: `Sitzungen der Offensive Mittelstand, in denen ${title} einen Tagesordnungspunkt vorgestellt hat oder vertreten war.`,
    items,
  };
}

/**
 * `/feeds/vorgaenge/<id>.xml`: the consultations of a matter (`content/matters/<id>.yaml`),
 * newest first, each with its note and the text of the resolutions taken on it there.
 * Consultations of meetings not in the archive are left out (integrity fails the build on them).
 * @throws if the matter is not in `content/matters/`
 */
export function matterFeed(index: ArchiveIndex, site: URL | string, matterId: string): Feed {
  const matter = index.registries.matters.get(matterId);
  if (!matter) throw new Error(`matterFeed: no matter "${matterId}". Fix: add content/matters/${matterId}.yaml or correct the id.`);
  const consultations = matter.consultations
    .map((consultation) => ({ consultation, meeting: index.meetingById.get(consultation.meeting) }))
    .filter((entry): entry is { consultation: typeof entry.consultation; meeting: Meeting } => entry.meeting !== undefined)
    .sort(
      (a, b) =>
        b.meeting.date.localeCompare(a.meeting.date) ||
        Number.parseFloat(b.consultation.agendaItem ?? '-1') - Number.parseFloat(a.consultation.agendaItem ?? '-1'),
    );
  const items = newest(consultations).map(({ consultation, meeting }): FeedItem => {
    const number = consultation.agendaItem;
    const item = number ? meeting.agenda.find((entry) => entry.number === number) : undefined;
    const hasHeading = number !== undefined && (index.bodies.get(meeting.id)?.topNumbers ?? []).includes(number);
    const taken = (index.bodies.get(meeting.id)?.resolutions ?? []).filter((resolution) => consultation.resolutions.includes(resolution.id));
    const where = number ? `TOP ${number}${item ? ` – ${maskContactData(item.title)}` : ''}` : maskContactData(meeting.title);
    return {
      title: `${maskContactData(matter.title)}: ${where} (${committeeName(index.registries, meeting.committee)}, ${formatDate(meeting.date)})`,
      link: absoluteUrl(`${meetingPath(meeting.id)}${hasHeading ? `#${topAnchorId(number!)}` : ''}`, site),
      pubDate: meetingInstant(meeting),
      description: [
        meetingFacts(index, meeting),
        consultation.note && maskContactData(consultation.note),
        ...taken.map((resolution) => `${resolution.kind}: ${maskContactData(resolution.text)}`),
      ]
        .filter(Boolean)
        .join('\n\n'),
      categories: [committeeName(index.registries, meeting.committee)],
    };
  });
  return {
    path: matterFeedPath(matterId),
    title: `${siteName}: Vorgang ${maskContactData(matter.title)}`,
    description: `Jede Beratung des Vorgangs „${maskContactData(matter.title)}“ in den Gremien der Offensive Mittelstand.`,
    items,
  };
}

/**
 * `/feeds/themen/<id>.xml`: the agenda items (TOPs) tagged with a topic (`agenda[].topics`),
 * newest meeting first, each with the resolutions taken under it.
 */
export function topicFeed(index: ArchiveIndex, site: URL | string, topicId: string): Feed {
  const name = topicName(index, topicId);
  const tagged = index.meetings.flatMap((meeting) =>
    meeting.agenda.filter((item) => agendaTopics(item).includes(topicId)).map((item) => ({ meeting, item })),
  );
  const items = newest(tagged).map(({ meeting, item }): FeedItem => {
    const headings = new Set(index.bodies.get(meeting.id)?.topNumbers ?? []);
    const resolutions = index.bodies.get(meeting.id)?.resolutions ?? [];
    const anchor = item.number && headings.has(item.number) ? `#${topAnchorId(item.number)}` : '';
    const taken = resolutions.filter((resolution) => item.number && resolution.item === item.number);
    const top = `${item.number ? `TOP ${item.number} – ` : ''}${maskContactData(item.title)}`;
    return {
      title: `${top} (${committeeName(index.registries, meeting.committee)}, ${formatDate(meeting.date)})`,
      link: absoluteUrl(`${meetingPath(meeting.id)}${anchor}`, site),
      pubDate: meetingInstant(meeting),
      description: [
        meetingFacts(index, meeting),
        item.details && maskContactData(item.details),
        item.presenters.length > 0 ? `Vortrag: ${item.presenters.map((id) => personName(index.registries, id)).join(', ')}` : undefined,
        ...taken.map((resolution) => `${resolution.kind}: ${maskContactData(resolution.text)}`),
      ]
        .filter(Boolean)
        .join('\n\n'),
      categories: [name, committeeName(index.registries, meeting.committee)],
    };
  });
  return {
    path: topicFeedPath(topicId),
    title: `${siteName}: Thema ${name}`,
    description: `Tagesordnungspunkte der Offensive Mittelstand zum Thema ${name}.`,
    items,
  };
}

/** Every feed of the site: new protocols, new resolutions, per committee, per person with meetings, per topic. */
export function allFeeds(index: ArchiveIndex, site: URL | string): Feed[] {
  return [
    meetingsFeed(index, site),
    resolutionsFeed(index, site),
    ...index.committees.map((committee) => committeeFeed(index, site, committee.id)),
    ...peopleWithMeetings(index).map((personId) => personFeed(index, site, personId)),
    ...organisationsWithMeetings(index).map((organisationId) => organisationFeed(index, site, organisationId)),
    ...topicIds(index).map((topicId) => topicFeed(index, site, topicId)),
    ...[...index.registries.matters.keys()].sort().map((matterId) => matterFeed(index, site, matterId)),
  ];
}

/**
 * The options `@astrojs/rss` renders a feed from (`rss(rssOptions(feed, context.site))`);
 * `config` supplies the data licence for `<copyright>` (default: `src/site-config.ts`).
 * @example rssOptions(meetingsFeed(index, site), site).items[0].link // => 'https://…/sitzungen/2021-11-11-plenum/'
 */
export function rssOptions(feed: Feed, site: URL | string, config: SiteConfig = siteConfig) {
  return {
    title: feed.title,
    description: feed.description,
    site: absoluteUrl('/', site),
    items: feed.items.map((item) => ({ ...item })),
    // `atom:link rel="self"`: feed validators ask for it, readers use it to find the canonical feed URL.
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // `<copyright>`: the data licence from src/site-config.ts, once the OM has decided it (left out until then).
    customData: `<language>de-DE</language>${copyrightElement(config)}<atom:link href="${absoluteUrl(feed.path, site)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  };
}

/** The RSS `<copyright>` element of every feed: the data licence, XML-escaped; `''` while undecided. */
function copyrightElement(config: SiteConfig): string {
  const notice = licenceNotice(config);
  if (!notice) return '';
  const escaped = notice.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<copyright>${escaped}</copyright>`;
}
