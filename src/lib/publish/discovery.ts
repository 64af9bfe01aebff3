/**
 * How pages announce the site's feeds and calendars (`<link rel="alternate">` in
 * `<head>`, read by feed readers and browsers) and how crawlers find the sitemap
 * (`robots.txt`). Hrefs are site-relative: pages make no absolute-URL requests.
 */
import {
  agendaTopics,
  committeeFeedPath,
  matterFeedPath,
  meetingsFeedPath,
  organisationFeedPath,
  organisationsWithMeetings,
  peopleWithMeetings,
  personFeedPath,
  resolutionsFeedPath,
  topicFeedPath,
  topicIds,
  topicName,
} from './feeds';
import { allMeetingsCalendarPath, committeeCalendarPath } from './calendar';
import type { ArchiveIndex } from '../index/archive-index';
import { committeeName, organisationNames, personName } from '../model/labels';
import type { Meeting } from '../model/model';

/** One `<link rel="alternate" type={type} title={title} href={href}>`. */
export interface Alternate {
  title: string;
  href: string;
  /** `application/rss+xml` or `text/calendar`. */
  type: string;
}

const rss = 'application/rss+xml';
const ics = 'text/calendar';

/** The feeds every page announces: new protocols, new resolutions, all announced meetings. */
export const siteAlternates: readonly Alternate[] = [
  { title: 'Neue Sitzungsprotokolle (RSS)', href: meetingsFeedPath, type: rss },
  { title: 'Neue Beschlüsse und Vereinbarungen (RSS)', href: resolutionsFeedPath, type: rss },
  { title: 'Angekündigte Sitzungen (Kalender)', href: allMeetingsCalendarPath, type: ics },
];

/**
 * A committee's feed and calendar.
 * @example committeeAlternates(index, 'plenum')[0] // => { title: 'Plenum: neue Protokolle (RSS)', href: '/feeds/gremien/plenum.xml', type: 'application/rss+xml' }
 */
export function committeeAlternates(index: ArchiveIndex, committeeId: string): Alternate[] {
  const name = committeeName(index.registries, committeeId);
  return [
    { title: `${name}: neue Protokolle (RSS)`, href: committeeFeedPath(committeeId), type: rss },
    { title: `${name}: angekündigte Sitzungen (Kalender)`, href: committeeCalendarPath(committeeId), type: ics },
  ];
}

/** A meeting page's own feeds: its committee's feed and calendar, and the feeds of the topics on its agenda. */
export function meetingAlternates(index: ArchiveIndex, meeting: Meeting): Alternate[] {
  const topics = [...new Set(meeting.agenda.flatMap((item) => agendaTopics(item)))];
  return [
    ...committeeAlternates(index, meeting.committee),
    ...topics.flatMap((topicId) => topicAlternates(index, topicId)),
  ];
}

/** A person's feed, for their page (`/personen/<id>/`). @example personAlternates(index, 'annette-icks')[0].href // => '/feeds/personen/annette-icks.xml' */
export function personAlternates(index: ArchiveIndex, personId: string): Alternate[] {
  return [{ title: `${personName(index.registries, personId)}: Sitzungen (RSS)`, href: personFeedPath(personId), type: rss }];
}

/** A topic's feed, for its page (`/themen/<id>/`). @example topicAlternates(index, 'digitalisierung')[0].href // => '/feeds/themen/digitalisierung.xml' */
export function topicAlternates(index: ArchiveIndex, topicId: string): Alternate[] {
  return [{ title: `Thema ${topicName(index, topicId)} (RSS)`, href: topicFeedPath(topicId), type: rss }];
}

/** Who has a feed, computed once per index: every person and organisation page asks. */
const withFeeds = new WeakMap<ArchiveIndex, { people: Set<string>; organisations: Set<string> }>();

function feedOwners(index: ArchiveIndex): { people: Set<string>; organisations: Set<string> } {
  let owners = withFeeds.get(index);
  if (!owners) {
    owners = { people: new Set(peopleWithMeetings(index)), organisations: new Set(organisationsWithMeetings(index)) };
    withFeeds.set(index, owners);
  }
  return owners;
}

/**
 * A person's page alternates: their feed, where they have one (people named only in the
 * protocol text have a page but no feed, `peopleWithMeetings`).
 * @example personPageAlternates(index, 'annette-icks')[0].href // => '/feeds/personen/annette-icks.xml'
 */
export function personPageAlternates(index: ArchiveIndex, personId: string): Alternate[] {
  return feedOwners(index).people.has(personId) ? personAlternates(index, personId) : [];
}

/**
 * An organisation's feed for its page (`/organisationen/<id>/`), where it has one
 * (`organisationsWithMeetings`: presented or was represented at a meeting).
 * @example organisationAlternates(index, 'zdh') // => [{ title: 'ZDH: Sitzungen (RSS)', href: '/feeds/organisationen/zdh.xml', type: 'application/rss+xml' }]
 */
export function organisationAlternates(index: ArchiveIndex, organisationId: string): Alternate[] {
  if (!feedOwners(index).organisations.has(organisationId)) return [];
  return [{ title: `${organisationNames(index.registries, organisationId).short}: Sitzungen (RSS)`, href: organisationFeedPath(organisationId), type: rss }];
}

/**
 * A matter's feed for its page (`/vorgaenge/<id>/`); every matter has one.
 * @example matterAlternates(index, 'musternetzwerke')[0].href // => '/feeds/vorgaenge/musternetzwerke.xml'
 */
export function matterAlternates(index: ArchiveIndex, matterId: string): Alternate[] {
  const title = index.registries.matters.get(matterId)?.title ?? matterId;
  return [{ title: `Vorgang ${title}: Beratungen (RSS)`, href: matterFeedPath(matterId), type: rss }];
}

/** Every feed and calendar, grouped for the dataset page (`/daten/`); titles are plain names. */
export interface FeedDirectory {
  /** New protocols, new resolutions, all announced meetings. */
  site: readonly Alternate[];
  /** Per committee: feed and calendar. */
  committees: { name: string; feed: Alternate; calendar: Alternate }[];
  people: Alternate[];
  organisations: Alternate[];
  topics: Alternate[];
  matters: Alternate[];
}

/** Lists every feed and calendar of the site (people with at least one meeting; every topic). */
export function feedDirectory(index: ArchiveIndex): FeedDirectory {
  return {
    site: siteAlternates,
    committees: index.committees.map((committee) => {
      const [feed, calendar] = committeeAlternates(index, committee.id);
      return { name: committee.name, feed, calendar };
    }),
    people: peopleWithMeetings(index).map((personId) => ({ title: personName(index.registries, personId), href: personFeedPath(personId), type: rss })),
    organisations: organisationsWithMeetings(index).map((id) => ({ title: organisationNames(index.registries, id).short, href: organisationFeedPath(id), type: rss })),
    topics: topicIds(index).map((topicId) => ({ title: topicName(index, topicId), href: topicFeedPath(topicId), type: rss })),
    matters: [...index.registries.matters.values()]
      .sort((a, b) => a.title.localeCompare(b.title, 'de'))
      .map((matter) => ({ title: matter.title, href: matterFeedPath(matter.id), type: rss })),
  };
}

/**
 * `robots.txt`: everything may be crawled; the sitemap (written by `@astrojs/sitemap`) is named with the site URL.
 * @example robotsTxt('https://example.org') // => 'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\n'
 */
export function robotsTxt(site: URL | string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`;
}
