/**
 * Orderings and groupings of meetings: newest first, by year, by committee,
 * previous/next of the same committee. Pure functions over `Meeting`-like
 * objects (`{ id, date, committee, start? }`).
 */

/** The fields these helpers read. */
export interface Dated {
  /** Meeting id, `"2021-04-22-strategiekreis"`; breaks ties between meetings on the same day. */
  id: string;
  /** ISO date `"2021-04-22"`. */
  date: string;
  /** Start time `"09:00"`, if known; orders two meetings on one day. */
  start?: string;
  /** Committee id. */
  committee: string;
}

/** Compares oldest first: date, then start time, then id. */
function compareOldestFirst(a: Dated, b: Dated): number {
  return a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? '') || a.id.localeCompare(b.id);
}

/**
 * Returns a new array, newest meeting first.
 * @example sortNewestFirst([{ id: 'a', date: '2020-01-01', committee: 'x' }, { id: 'b', date: '2021-01-01', committee: 'x' }]).map((m) => m.id) // => ['b', 'a']
 */
export function sortNewestFirst<T extends Dated>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) => compareOldestFirst(b, a));
}

/** The calendar year of a meeting, `"2021"`. */
export function yearOf(meeting: Pick<Dated, 'date'>): string {
  return meeting.date.slice(0, 4);
}

/** One year's meetings. */
export interface YearGroup<T> {
  /** `"2021"` */
  year: string;
  /** That year's meetings, newest first. */
  meetings: T[];
}

/**
 * Groups meetings by year, newest year first, newest meeting first inside each year.
 * @example groupByYear(meetings).map((g) => g.year) // => ['2022', '2021']
 */
export function groupByYear<T extends Dated>(meetings: readonly T[]): YearGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const meeting of sortNewestFirst(meetings)) {
    const year = yearOf(meeting);
    groups.set(year, [...(groups.get(year) ?? []), meeting]);
  }
  return [...groups].map(([year, list]) => ({ year, meetings: list }));
}

/**
 * The meetings of one committee, newest first.
 * @example meetingsOfCommittee(meetings, 'plenum')
 */
export function meetingsOfCommittee<T extends Dated>(meetings: readonly T[], committeeId: string): T[] {
  return sortNewestFirst(meetings.filter((meeting) => meeting.committee === committeeId));
}

/**
 * The previous (older) and next (newer) meeting of the same committee, if any.
 * @example previousAndNext(meetings, '2021-04-22-strategiekreis') // => { previous: <2020-… meeting>, next: <2021-11-11 meeting> }
 */
export function previousAndNext<T extends Dated>(
  meetings: readonly T[],
  meetingId: string,
): { previous?: T; next?: T } {
  // Each committee's meetings are ordered once per meetings list (one call per meeting
  // page; sorting every time would grow with the square of the archive).
  let cache = committeeOrder.get(meetings) as Map<string, { ordered: T[]; position: Map<string, number> }> | undefined;
  if (!cache) {
    cache = new Map();
    committeeOrder.set(meetings, cache);
    const committees = new Set(meetings.map((m) => m.committee));
    for (const committee of committees) {
      const ordered = meetingsOfCommittee(meetings, committee).reverse();
      cache.set(committee, { ordered, position: new Map(ordered.map((m, i) => [m.id, i])) });
    }
  }
  for (const { ordered, position } of cache.values()) {
    const index = position.get(meetingId);
    if (index !== undefined) return { previous: ordered[index - 1], next: ordered[index + 1] };
  }
  return {};
}

const committeeOrder = new WeakMap<readonly Dated[], Map<string, unknown>>();

/**
 * The years that have meetings, newest first, with the neighbours of a year.
 * @example yearNeighbours(['2022', '2021', '2019'], '2021') // => { newer: '2022', older: '2019' }
 */
export function yearNeighbours(years: readonly string[], year: string): { newer?: string; older?: string } {
  const index = years.indexOf(year);
  if (index < 0) return {};
  return { newer: years[index - 1], older: years[index + 1] };
}
