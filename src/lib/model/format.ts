/**
 * German display formats for dates, times and meeting formats (date-fns, `de` locale).
 */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { de } from 'date-fns/locale/de';

/**
 * Formats an ISO date the German way.
 * @example formatDate('2021-11-11') // => '11. November 2021'
 */
export function formatDate(isoDate: string): string {
  return memo(formattedDates, isoDate, () => format(parseISO(isoDate), 'd. MMMM yyyy', { locale: de }));
}

/** Formatted dates by ISO date: every page, feed and list formats the same few thousand dates again and again. */
const formattedDates = new Map<string, string>();
const formattedWeekdays = new Map<string, string>();

/** The cached value of `key`, computed by `compute` the first time. */
function memo(cache: Map<string, string>, key: string, compute: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/**
 * Formats an ISO date with its weekday.
 * @example formatDateWithWeekday('2021-11-11') // => 'Donnerstag, 11. November 2021'
 */
export function formatDateWithWeekday(isoDate: string): string {
  return memo(formattedWeekdays, isoDate, () => format(parseISO(isoDate), 'EEEE, d. MMMM yyyy', { locale: de }));
}

/**
 * Formats a start/end time pair; `undefined` when neither is known.
 * @example formatTimeRange('11:00', '15:00') // => '11:00–15:00 Uhr'
 * @example formatTimeRange('09:30') // => 'ab 09:30 Uhr'
 */
export function formatTimeRange(start?: string, end?: string): string | undefined {
  if (start && end) return `${start}–${end} Uhr`;
  if (start) return `ab ${start} Uhr`;
  if (end) return `bis ${end} Uhr`;
  return undefined;
}

/** German labels of the meeting formats (`src/lib/model/schema.ts` `meetingFormat`). */
export const meetingFormatLabels = {
  online: 'Online (Videokonferenz)',
  'in-person': 'Präsenz',
  hybrid: 'Hybrid',
} as const;

/**
 * The German label of a meeting format.
 * @example formatMeetingFormat('online') // => 'Online (Videokonferenz)'
 */
export function formatMeetingFormat(meetingFormat: keyof typeof meetingFormatLabels): string {
  return meetingFormatLabels[meetingFormat];
}

/**
 * A count with its German noun in singular or plural; thousands grouped with a dot, as German
 * readers write them (`Intl.NumberFormat('de-DE')`: "11.898", not "11898").
 * @example countLabel(1, 'Sitzung', 'Sitzungen') // => '1 Sitzung'
 * @example countLabel(11898, 'Beschluss', 'Beschlüsse') // => '11.898 Beschlüsse'
 */
export function countLabel(count: number, singular: string, plural: string): string {
  return `${count.toLocaleString('de-DE')} ${count === 1 ? singular : plural}`;
}
