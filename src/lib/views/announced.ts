/**
 * The meetings the protocols announce ("Angekündigte Termine"), as the home page, the
 * committee pages and the meeting page show them: upcoming ones first; when none is
 * upcoming, the last announced ones, marked as past; a date a protocol announces before
 * its own meeting (a slip in the protocol) shown as written, with "(so im Protokoll)".
 *
 * "Today" is the build's date (`buildDate`): the site is static, so a date turns "past"
 * with the next build, not at midnight. The iCalendar files (`src/lib/publish/calendar.ts`)
 * carry every announced date regardless.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { memoPerIndex } from '../index/memo';
import { formatDate, formatDateWithWeekday, formatTimeRange } from '../model/format';
import { committeeName } from '../model/labels';
import type { Meeting } from '../model/model';
import { committeePath, meetingPath } from '../model/paths';
import { maskContactData } from '../text/privacy';

/** A link with its text (as `Link` in `./meeting.ts`, which imports this module). */
interface Link {
  href: string;
  label: string;
}

/** How many last-announced dates a block shows when none is upcoming. */
const LATEST_SHOWN = 3;

/** One announced meeting, ready to show. */
export interface AnnouncedDate {
  /** ISO date, for `<time datetime>`. */
  date: string;
  /** `"Donnerstag, 9. Juni 2022"` */
  dateLabel: string;
  /** `"09:00–10:30 Uhr"`, when the protocol gives a time. */
  time?: string;
  committee: Link;
  /** The announcement's own words, contact data masked. */
  note?: string;
  /** Before the build's date (`buildDate`): the page marks it as past. */
  past: boolean;
  /** Dated before the meeting whose protocol announces it: shown as written, "(so im Protokoll)". */
  asWritten: boolean;
  /** The protocol that announces it (the newest one, when several do): `"Protokoll vom 11. November 2021"`. */
  announcedIn: Link;
  /** The announced meeting's own protocol, once it is in the archive. */
  protocol?: Link;
}

/** The "Angekündigte Termine" block of the home page or a committee page. */
export interface AnnouncedBlock {
  /** Upcoming dates, soonest first. */
  upcoming: AnnouncedDate[];
  /** When nothing is upcoming: the last announced dates, newest first ("zuletzt angekündigt"); else empty. */
  latest: AnnouncedDate[];
}

/**
 * The build's calendar date in Berlin, the "today" of announced dates: `SOURCE_DATE_EPOCH`
 * (seconds; the reproducible-builds convention, as for OParl's `exportTimestamp`) when set,
 * so a reproducible build marks the same dates as past; else the clock.
 * @example buildDate({ SOURCE_DATE_EPOCH: '1700000000' }) // => '2023-11-14'
 */
export function buildDate(env: { SOURCE_DATE_EPOCH?: string } = process.env, now = new Date()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const instant = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * One meeting's announcements, in the protocol's order, each marked past or as written.
 * @example announcedBy(index, meeting, '2026-12-07')[0] // => { date: '2017-04-12', past: true, asWritten: true, … }
 */
export function announcedBy(index: ArchiveIndex, meeting: Meeting, today: string): AnnouncedDate[] {
  return meeting.nextMeetings.map((next) => announcedDate(index, meeting, next, today));
}

/**
 * The announced dates of the archive, or of one committee, for its "Angekündigte Termine":
 * one per committee and date (a date several protocols announce counts once, with the
 * newest announcement's time and words).
 * @example announcedBlock(index, '2026-12-07', 'plenum') // => { upcoming: [], latest: [{ date: '2018-11-08', past: true, … }] }
 */
export function announcedBlock(index: ArchiveIndex, today: string, committeeId?: string): AnnouncedBlock {
  const byKey = new Map<string, AnnouncedDate>();
  // index.meetings is newest first: the first announcement seen of a date is the newest.
  for (const meeting of index.meetings) {
    for (const next of meeting.nextMeetings) {
      if (committeeId && next.committee !== committeeId) continue;
      const key = `${next.date} ${next.committee}`;
      if (!byKey.has(key)) byKey.set(key, announcedDate(index, meeting, next, today));
    }
  }
  const dates = [...byKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.committee.label.localeCompare(b.committee.label, 'de'));
  const upcoming = dates.filter((date) => !date.past);
  return { upcoming, latest: upcoming.length > 0 ? [] : dates.reverse().slice(0, LATEST_SHOWN) };
}

/**
 * The meeting a committee held on a date, if the archive has its protocol (`"<committee> <date>"`).
 * Once per index: every announcement of 2,000 protocols looked through every meeting (quadratic,
 * 80 ms a committee page, issue #24).
 */
const meetingsByCommitteeAndDate = memoPerIndex((index, _: null) => {
  const held = new Map<string, Meeting>();
  for (const m of index.meetings) if (!held.has(`${m.committee} ${m.date}`)) held.set(`${m.committee} ${m.date}`, m);
  return held;
});

/**
 * The meeting a committee held on a date, when the archive has its protocol (what an announced
 * date links to once it took place).
 * @example heldMeeting(index, 'plenum', '2017-11-09')?.id // => '2017-11-09-plenum'
 */
export function heldMeeting(index: ArchiveIndex, committee: string, date: string): Meeting | undefined {
  return meetingsByCommitteeAndDate(index, null).get(`${committee} ${date}`);
}

/** One announcement of `meeting`'s protocol as shown. */
function announcedDate(index: ArchiveIndex, meeting: Meeting, next: Meeting['nextMeetings'][number], today: string): AnnouncedDate {
  const held = heldMeeting(index, next.committee, next.date);
  return {
    date: next.date,
    dateLabel: formatDateWithWeekday(next.date),
    time: formatTimeRange(next.start, next.end),
    committee: { href: committeePath(next.committee), label: committeeName(index.registries, next.committee) },
    note: next.note && maskContactData(next.note),
    past: next.date < today,
    asWritten: next.date < meeting.date,
    announcedIn: { href: meetingPath(meeting.id), label: `Protokoll vom ${formatDate(meeting.date)}` },
    protocol: held && held.id !== meeting.id ? { href: meetingPath(held.id), label: `Protokoll vom ${formatDate(held.date)}` } : undefined,
  };
}
