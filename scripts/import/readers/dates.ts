/**
 * Recognises dates and clock times in German protocol text.
 *
 * Spellings met in protocols (and therefore supported): "20. Oktober 2020",
 * "09 Juni 2022", "9.12.2020", "08.11. 2018", "vom 25.03.2014.", "2014-03-25", "09:00 - 13:00 Uhr",
 * "von 11 Uhr bis 16 Uhr", "11 Uhr 00", "11Uhr15", "1300Uhr", "12-15Uhr",
 * "14:55". Month names come from date-fns' `de` locale and validation of calendar
 * dates is date-fns' (`isExists`), so "31. Februar" is rejected, not rolled over.
 */
// Single-function entry points: the package index, 'date-fns/locale' and `parse`/`format` load
// hundreds of modules, seconds of the importer's start-up (issue #23). `isExists` validates, the
// `de` locale names the months.
import { isExists } from 'date-fns/isExists';
import { de } from 'date-fns/locale/de';

/** A date found in text: ISO value plus where it stood. */
export interface FoundDate {
  /** ISO date, "2021-11-11". */
  iso: string;
  /** The text as written ("11. November 2021"). */
  text: string;
  /** Offset of `text` in the searched string. */
  index: number;
}

/** A time or time range found in text. */
export interface FoundTime {
  /** "09:00" */
  start: string;
  /** "13:00" when a range was written. */
  end?: string;
  text: string;
  index: number;
}

const MONTHS = 'Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';
const LONG_DATE = new RegExp(`(?<![\\d.])(\\d{1,2})\\.?\\s*(${MONTHS})\\s+(\\d{4})(?!\\d)`, 'g');
// A sentence-final dot may follow ("vom 25.03.2014."); a version or decimal ("1.2.2014.5") may not.
const NUMERIC_DATE = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d|\.\d|:)/g;
/** ISO 8601 calendar dates ("2014-03-25"). */
const ISO_DATE = /(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
/** Month number (1–12) by lower-case German name, from date-fns' `de` locale ("märz" => 3). */
const MONTH_NUMBER = new Map(Array.from({ length: 12 }, (_, i) => [String(de.localize.month(i as 0, { width: 'wide' })).toLowerCase(), i + 1]));

/** Day/month/year parts as an ISO date, validated by date-fns (`isExists`); null when not a real date ("31. Februar"). */
function toIso(day: string, month: string, year: string): string | null {
  const y = Number(year.length === 2 ? `20${year}` : year);
  const name = month === 'Maerz' ? 'März' : month === 'Jänner' ? 'Januar' : month;
  const m = /^\d+$/.test(name) ? Number(name) : MONTH_NUMBER.get(name.toLowerCase());
  const d = Number(day);
  if (m === undefined || !isExists(y, m - 1, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Finds every date in `text`, in order of appearance.
 * @example findDates('am 09 Juni 2022 und 9.12.2020') // => [{iso:'2022-06-09',…},{iso:'2020-12-09',…}]
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(LONG_DATE)) {
    const iso = toIso(m[1], m[2], m[3]);
    if (iso) found.push({ iso, text: m[0], index: m.index });
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const iso = toIso(m[1], m[2], m[3]);
    if (iso) found.push({ iso, text: m[0], index: m.index });
  }
  for (const m of text.matchAll(ISO_DATE)) {
    const iso = toIso(m[3], m[2], m[1]);
    if (iso) found.push({ iso, text: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Zero-pads hours and minutes; null when out of range. */
function clock(h: string, m = '00'): string | null {
  const hh = Number(h);
  const mm = Number(m);
  if (hh > 23 || mm > 59) return null;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

// One time: "09:00 [Uhr]", "11 Uhr [00]", "11Uhr15", "1300Uhr".
const ONE_TIME = String.raw`(?:(\d{1,2}):(\d{2})(?:\s*Uhr)?|(\d{1,2})(\d{2})\s*Uhr|(\d{1,2})\s*Uhr(?:\s*(\d{2})(?![\d.:]))?)`;
const TIME = new RegExp(String.raw`(?<![\d.:])${ONE_TIME}`, 'g');
const RANGE = new RegExp(
  String.raw`(?<![\d.:])(?:von\s+)?${ONE_TIME}\s*(?:-|–|bis)\s*${ONE_TIME}|(?<![\d.:])(\d{1,2})\s*(?:-|–)\s*(\d{1,2})\s*Uhr`,
  'g',
);

/** Reads the clock value from one ONE_TIME match group set (6 groups starting at `o`). */
function clockFromGroups(g: (string | undefined)[], o: number): string | null {
  if (g[o] !== undefined) return clock(g[o]!, g[o + 1]);
  if (g[o + 2] !== undefined) return clock(g[o + 2]!, g[o + 3]);
  if (g[o + 4] !== undefined) return clock(g[o + 4]!, g[o + 5]);
  return null;
}

/**
 * Finds clock times and ranges in `text`, in order; a range ("09:00 - 13:00 Uhr",
 * "von 11 Uhr bis 16 Uhr", "12-15Uhr") is one result with `start` and `end`.
 * @example findTimes('Videokonferenz von 11 Uhr bis 16 Uhr') // => [{start:'11:00', end:'16:00', …}]
 */
export function findTimes(text: string): FoundTime[] {
  const found: FoundTime[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(RANGE)) {
    let start: string | null;
    let end: string | null;
    if (m[13] !== undefined) {
      start = clock(m[13]);
      end = clock(m[14]!);
    } else {
      start = clockFromGroups(m, 1);
      end = clockFromGroups(m, 7);
    }
    if (!start || !end) continue;
    found.push({ start, end, text: m[0], index: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(TIME)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const start = clockFromGroups(m, 1);
    if (start) found.push({ start, text: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Formats a found time for the agenda: "09:10" or "13:30–14:00". */
export function agendaTime(t: FoundTime): string {
  return t.end ? `${t.start}–${t.end}` : t.start;
}
