/**
 * How the meeting list (`/sitzungen/`) stays readable on a large archive: it lists whole years,
 * newest first, until it holds `MEETING_LIST_MIN` meetings; the older years are links to their
 * year pages (`/jahre/<year>/`), which list their meetings in full.
 */

/**
 * The fewest meetings `/sitzungen/` lists before it links the older years instead. Without a
 * limit 2,000 meetings made a page of 870 KB HTML and 340,000 px on a 375 px phone (issue #25).
 */
export const MEETING_LIST_MIN = 100;

/**
 * Splits years (newest first) into those listed in full and the older ones, linked: whole years
 * until at least `min` meetings are listed.
 * @example splitYears([{ year: '2021', meetings: [a, b] }, { year: '2020', meetings: [c] }], 2) // => { shown: [2021], older: [2020] }
 */
export function splitYears<T extends { year: string; meetings: readonly unknown[] }>(years: readonly T[], min = MEETING_LIST_MIN): { shown: T[]; older: T[] } {
  let listed = 0;
  let cut = 0;
  while (cut < years.length && listed < min) listed += years[cut++].meetings.length;
  return { shown: years.slice(0, cut), older: years.slice(cut) };
}
