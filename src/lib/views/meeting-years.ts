/**
 * How meeting lists by year stay readable on a large archive: whole years, newest first, until
 * `MEETING_LIST_MIN` meetings are listed; `/sitzungen/` links the older years to their year
 * pages (`/jahre/<year>/`), a committee page folds each older year into a `<details>`.
 */

/**
 * The fewest meetings `/sitzungen/` lists before it links the older years instead. Without a
 * limit 2,000 meetings made a page of 870 KB HTML and 340,000 px on a 375 px phone (issue #25).
 */
export const MEETING_LIST_MIN = 100;

/**
 * Splits years (newest first) into those listed in full and the older ones: whole years until
 * at least `min` meetings are listed; `size` says how many meetings a year has.
 * @example splitYears([{ year: '2021', meetings: [a, b] }, { year: '2020', meetings: [c] }], (y) => y.meetings.length, 2) // => { shown: [2021], older: [2020] }
 */
export function splitYears<T>(years: readonly T[], size: (year: T) => number, min = MEETING_LIST_MIN): { shown: T[]; older: T[] } {
  let listed = 0;
  let cut = 0;
  while (cut < years.length && listed < min) listed += size(years[cut++]);
  return { shown: years.slice(0, cut), older: years.slice(cut) };
}
