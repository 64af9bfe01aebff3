/**
 * iCalendar (RFC 5545) files of the meetings the protocols announce
 * (`nextMeetings`): one calendar for all, `/kalender/termine.ics`, and one per
 * committee, `/kalender/<committee-id>.ics`, to subscribe to in any calendar app.
 * Built with ical-generator; `src/pages/kalender/[file].ts` serves them.
 *
 * - One event per committee and date, however many protocols announce it; its UID
 *   is derived from both (`2022-05-12-plenum@<host>`), so clients never duplicate
 *   it, and its SEQUENCE counts the announcements, so they take up a later one.
 * - Times are Europe/Berlin wall-clock times (`DTSTART;TZID=Europe/Berlin:…`, with
 *   the VTIMEZONE RFC 5545 §3.6.5 requires); without a time the event is all-day.
 * - Once the archive has the protocol of that meeting, the event links to it (URL).
 * - The announcement's words (`note`) are the description, contact data masked.
 */
import ical from 'ical-generator';
import type { ArchiveIndex } from '../index/archive-index';
import { formatDate } from '../model/format';
import { absoluteUrl } from './feeds';
import { committeeName } from '../model/labels';
import type { Meeting } from '../model/model';
import { committeePath, meetingPath } from '../model/paths';
import { maskContactData } from '../text/privacy';
import { heldMeeting } from '../views/announced';

/** `/kalender/termine.ics`: all announced meetings. */
export const allMeetingsCalendarPath = '/kalender/termine.ics';

/** @example committeeCalendarPath('plenum') // => '/kalender/plenum.ics' */
export function committeeCalendarPath(committeeId: string): string {
  return `/kalender/${committeeId}.ics`;
}

/** A meeting announced in one or more protocols. */
export interface AnnouncedEvent {
  /** `"2022-05-12-plenum@protokolle.example.org"`: committee + date, stable across builds. */
  uid: string;
  committee: string;
  /** ISO date. */
  date: string;
  /** `"10:00"`, from the newest announcement that states a time. */
  start?: string;
  end?: string;
  /** The announcements' own words, masked, distinct, oldest announcement first. */
  notes: string[];
  /** The meetings whose protocols announce it, oldest first. */
  announcedIn: Meeting[];
  /** The meeting's own protocol, once it is in the archive. */
  protocol?: Meeting;
}

/**
 * Collects the announced meetings of the archive, one per committee and date, sorted by date.
 * @example announcedEvents(index, 'https://example.org')[0] // => { uid: '2017-04-12-plenum@example.org', committee: 'plenum', … }
 */
export function announcedEvents(index: ArchiveIndex, site: URL | string): AnnouncedEvent[] {
  const host = new URL(site).hostname;
  const events = new Map<string, AnnouncedEvent>();
  for (const meeting of [...index.meetings].reverse()) {
    for (const next of meeting.nextMeetings) {
      const key = `${next.date}-${next.committee}`;
      const event = events.get(key) ?? {
        uid: `${key}@${host}`,
        committee: next.committee,
        date: next.date,
        notes: [],
        announcedIn: [],
        protocol: heldMeeting(index, next.committee, next.date),
      };
      if (!event.announcedIn.includes(meeting)) event.announcedIn.push(meeting);
      if (next.start || next.end) Object.assign(event, { start: next.start, end: next.end });
      const note = next.note && maskContactData(next.note.trim());
      if (note && !event.notes.includes(note)) event.notes.push(note);
      events.set(key, event);
    }
  }
  return [...events.values()].sort((a, b) => a.date.localeCompare(b.date) || a.committee.localeCompare(b.committee));
}

/**
 * Europe/Berlin as a VTIMEZONE (EU daylight-saving rules, in force since 1996), so
 * `TZID=Europe/Berlin` is defined inside the file as RFC 5545 requires; written
 * out here instead of pulling in a time-zone library.
 */
export const berlinVtimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** The day after an ISO date (the exclusive end of an all-day event). @example nextDay('2021-12-31') // => '2022-01-01' */
export function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** What a calendar file is called and where it lives. */
export interface CalendarOptions {
  /** Calendar name shown by clients (`X-WR-CALNAME`). */
  name: string;
  description: string;
  /** Site path of the `.ics` file. */
  path: string;
}

/**
 * Renders events as an iCalendar file.
 * @example calendarIcs(index, announcedEvents(index, site), { name: 'Termine', description: '…', path: '/kalender/termine.ics' }, site)
 *   // => 'BEGIN:VCALENDAR\r\n…'
 */
export function calendarIcs(index: { registries: Pick<ArchiveIndex['registries'], 'committees'> }, events: readonly AnnouncedEvent[], options: CalendarOptions, site: URL | string): string {
  const calendar = ical({
    name: options.name,
    description: options.description,
    url: absoluteUrl(options.path, site),
    prodId: { company: 'Offensive Mittelstand', product: 'Protokollarchiv', language: 'DE' },
    // `name: null` keeps DTSTAMP in UTC (a named calendar zone would print it as local
    // time, which RFC 5545 §3.8.7.2 forbids); the generator still adds the VTIMEZONE
    // for the zone the timed events use.
    timezone: { name: null, generator: (zone) => (zone === 'Europe/Berlin' ? berlinVtimezone : null) },
    ttl: 24 * 60 * 60,
    x: [['X-WR-TIMEZONE', 'Europe/Berlin']],
  });
  for (const event of events) {
    const committee = committeeName(index.registries, event.committee);
    const latest = event.announcedIn.at(-1)!;
    const timed = Boolean(event.start);
    const description = [
      ...event.notes,
      event.protocol && `Protokoll der Sitzung: ${absoluteUrl(meetingPath(event.protocol.id), site)}`,
      `Angekündigt im Protokoll: ${event.announcedIn
        .map((meeting) => `${maskContactData(meeting.title)}, ${formatDate(meeting.date)} (${absoluteUrl(meetingPath(meeting.id), site)})`)
        .join('; ')}`,
    ].filter(Boolean);
    calendar.createEvent({
      id: event.uid,
      sequence: event.announcedIn.length - 1,
      // When the latest announcement was made: the same in every build, unlike "now".
      stamp: new Date(`${latest.date}T00:00:00Z`),
      summary: `${committee} der Offensive Mittelstand`,
      description: description.join('\n\n'),
      url: absoluteUrl(event.protocol ? meetingPath(event.protocol.id) : committeePath(event.committee), site),
      // Timed: a wall-clock time without zone, which ical-generator prints as TZID=Europe/Berlin local time.
      ...(timed
        ? {
            start: `${event.date}T${event.start}:00`,
            end: event.end && event.end > event.start! ? `${event.date}T${event.end}:00` : undefined,
            timezone: 'Europe/Berlin',
          }
        : { start: `${event.date}T00:00:00Z`, end: `${nextDay(event.date)}T00:00:00Z`, allDay: true }),
    });
  }
  return calendar.toString();
}

/** One `.ics` file of the site. */
export interface CalendarFile extends CalendarOptions {
  /** File name under `/kalender/`: `termine.ics`, `plenum.ics`. */
  file: string;
  events: AnnouncedEvent[];
}

/**
 * The calendar files: all announced meetings, and one per committee in the registry (empty ones too,
 * so every committee page can link its calendar).
 * @throws if a committee is called `termine` (its calendar would replace the one for all)
 */
export function calendarFiles(index: ArchiveIndex, site: URL | string): CalendarFile[] {
  const events = announcedEvents(index, site);
  const perCommittee = index.committees.map((committee): CalendarFile => {
    if (`/kalender/${committee.id}.ics` === allMeetingsCalendarPath) {
      throw new Error(`calendarFiles: content/committees/${committee.id}.yaml: the id "${committee.id}" is taken by ${allMeetingsCalendarPath}. Fix: rename the committee file.`);
    }
    return {
      file: `${committee.id}.ics`,
      path: committeeCalendarPath(committee.id),
      name: `${committee.name} der Offensive Mittelstand: Termine`,
      description: `Angekündigte Sitzungen des Gremiums ${committee.name}, aus den Protokollen der Offensive Mittelstand.`,
      events: events.filter((event) => event.committee === committee.id),
    };
  });
  return [
    {
      file: 'termine.ics',
      path: allMeetingsCalendarPath,
      name: 'Offensive Mittelstand: Termine',
      description: 'Angekündigte Sitzungen aller Gremien, aus den Protokollen der Offensive Mittelstand.',
      events,
    },
    ...perCommittee,
  ];
}
