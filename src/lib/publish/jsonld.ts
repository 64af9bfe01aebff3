/**
 * schema.org JSON-LD for meeting pages (https://schema.org/Event), so search
 * engines and other tools read a meeting's name, time, place and format without
 * scraping. Rendered by `src/components/JsonLd.astro`.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { berlinDateTime } from './berlin-time';
import { committeeName } from '../model/labels';
import type { Meeting } from '../model/model';
import { meetingPath } from '../model/paths';
import { maskContactData } from '../text/privacy';

/** schema.org's attendance modes (https://schema.org/EventAttendanceModeEnumeration) per meeting format. */
export const attendanceModes = {
  online: 'https://schema.org/OnlineEventAttendanceMode',
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/**
 * The Event of a meeting. `startDate`/`endDate` carry the time and UTC offset where the
 * protocol states a time, else just the date; `location` is the place as stated (a
 * `Place`), plus a `VirtualLocation` for online and hybrid meetings.
 * @example meetingEvent(index, meeting, 'https://example.org').startDate // => '2021-11-11T09:00:00+01:00'
 */
export function meetingEvent(index: ArchiveIndex, meeting: Meeting, site: URL | string): Record<string, unknown> {
  const place = meeting.location ? { '@type': 'Place', name: maskContactData(meeting.location), address: maskContactData(meeting.location) } : undefined;
  const virtual = meeting.format === 'online' || meeting.format === 'hybrid' ? { '@type': 'VirtualLocation', name: 'Videokonferenz' } : undefined;
  const locations = [place, virtual].filter(Boolean);
  const organizer = { '@type': 'Organization', name: index.registries.organisations.get('om')?.name ?? 'Offensive Mittelstand' };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': new URL(meetingPath(meeting.id), site).href,
    url: new URL(meetingPath(meeting.id), site).href,
    name: maskContactData(meeting.title),
    description: `Protokoll: ${maskContactData(meeting.title)} (${committeeName(index.registries, meeting.committee)}).`,
    startDate: meeting.start ? berlinDateTime(meeting.date, meeting.start) : meeting.date,
    ...(meeting.end && { endDate: berlinDateTime(meeting.date, meeting.end) }),
    eventStatus: 'https://schema.org/EventScheduled',
    ...(meeting.format && { eventAttendanceMode: attendanceModes[meeting.format] }),
    ...(locations.length > 0 && { location: locations.length === 1 ? locations[0] : locations }),
    organizer,
    isAccessibleForFree: true,
    inLanguage: 'de',
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped as `\u003c`, so no
 * text in the data can close the script element early.
 * @example jsonLdScript({ name: '</script>' }) // => '{"name":"\\u003c/script>"}'
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
