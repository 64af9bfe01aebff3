/**
 * The iCalendar files of announced meetings (`calendarFiles`, src/lib/publish/calendar.ts):
 * `/kalender/termine.ics` and `/kalender/<committee-id>.ics`.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../lib/archive';
import { calendarFiles, calendarIcs } from '../../lib/publish/calendar';
import { keyedPaths } from '../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const archive = await getArchive();
  const site = import.meta.env.SITE;
  return keyedPaths(routePattern, calendarFiles(archive, site).map((calendar) => ({ params: { file: calendar.file }, props: { ics: calendarIcs(archive, calendar.events, calendar, site) } })));
}

export const GET: APIRoute<{ ics: string }> = ({ props }) =>
  new Response(props.ics, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
