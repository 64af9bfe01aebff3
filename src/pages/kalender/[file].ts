/**
 * The iCalendar files of announced meetings (`calendarFiles`, src/lib/publish/calendar.ts):
 * `/kalender/termine.ics` and `/kalender/<committee-id>.ics`.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/archive';
import { calendarFiles, calendarIcs, type CalendarFile } from '../../lib/publish/calendar';

export async function getStaticPaths() {
  return calendarFiles(await getArchive(), import.meta.env.SITE).map((calendar) => ({ params: { file: calendar.file }, props: { calendar } }));
}

export const GET: APIRoute<{ calendar: CalendarFile }> = async ({ props, site }) =>
  new Response(calendarIcs(await getArchive(), props.calendar.events, props.calendar, site!), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
