/**
 * Protocol dates and times are German wall-clock times ("09:00 Uhr" in Bonn).
 * Feeds, OParl and schema.org want instants with a UTC offset, which in
 * Europe/Berlin is +01:00 in winter and +02:00 in summer. Computed with `Intl`
 * (the tz database in Node), so no date-time library is needed.
 */

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });

/** Offset of Europe/Berlin from UTC at an instant, in minutes (60 or 120). */
function offsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** Wall-clock date and time as milliseconds, as if it were UTC. */
function wallClock(isoDate: string, time = '00:00'): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return Date.UTC(year, month - 1, day, hours, minutes);
}

/** `offsetOfWallClock` by wall-clock time: a build asks for the same meeting times thousands of times (feeds, calendars, OParl). */
const wallClockOffsets = new Map<number, number>();

/**
 * The one offset of a whole wall-clock day (midnight, in ms as if UTC), or `null` on the two days a
 * year the clocks change: a build asks for thousands of distinct agenda times, a few per day (OParl).
 */
const dayOffsets = new Map<number, number | null>();

const DAY = 24 * 60 * 60_000;

/** Offset in minutes at a Berlin wall-clock time, computed at the instant it denotes. */
function computedOffset(wall: number): number {
  const guess = offsetMinutes(wall - 60 * 60_000);
  return offsetMinutes(wall - guess * 60_000);
}

/**
 * Offset in minutes that applies to a Berlin wall-clock time (checked at the instant it denotes).
 * The offset changes at most once a day, so a day whose first and last minute share one offset has
 * it throughout (the EU rule changes it at 02:00/03:00 local time, `berlinVtimezone`).
 */
function offsetOfWallClock(wall: number): number {
  const day = Math.floor(wall / DAY) * DAY;
  let whole = dayOffsets.get(day);
  if (whole === undefined) {
    const first = computedOffset(day);
    whole = first === computedOffset(day + DAY - 60_000) ? first : null;
    dayOffsets.set(day, whole);
  }
  if (whole !== null) return whole;
  let offset = wallClockOffsets.get(wall);
  if (offset === undefined) wallClockOffsets.set(wall, (offset = computedOffset(wall)));
  return offset;
}

/**
 * A Berlin wall-clock date and time as an ISO 8601 / `xsd:dateTime` string with offset.
 * @example berlinDateTime('2021-11-11', '09:00') // => '2021-11-11T09:00:00+01:00'
 * @example berlinDateTime('2021-04-22', '11:00') // => '2021-04-22T11:00:00+02:00'
 * @example berlinDateTime('2021-04-22') // => '2021-04-22T00:00:00+02:00' (midnight)
 */
export function berlinDateTime(isoDate: string, time = '00:00'): string {
  const offset = offsetOfWallClock(wallClock(isoDate, time));
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${isoDate}T${time}:00${sign}${hours}:${minutes}`;
}

/**
 * The instant of a Berlin wall-clock date and time.
 * @example berlinInstant('2021-11-11', '09:00').toISOString() // => '2021-11-11T08:00:00.000Z'
 */
export function berlinInstant(isoDate: string, time = '00:00'): Date {
  const wall = wallClock(isoDate, time);
  return new Date(wall - offsetOfWallClock(wall) * 60_000);
}

/**
 * Splits an agenda time `"13:30–14:00"` (or `"09:10"`) into start and end.
 * @example timeRange('13:30–14:00') // => { start: '13:30', end: '14:00' }
 */
export function timeRange(time: string | undefined): { start?: string; end?: string } {
  if (!time) return {};
  const [start, end] = time.split(/[–-]/);
  return { start, end };
}
