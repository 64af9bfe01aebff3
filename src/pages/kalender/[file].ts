/**
 * The iCalendar files of announced meetings (`calendarFiles`, src/lib/publish/calendar.ts):
 * `/kalender/termine.ics` and `/kalender/<committee-id>.ics`.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../lib/archive';
import { calendarFiles, calendarIcs } from '../../lib/publish/calendar';
import { keyedPathsFrom } from '../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const archive = await getArchive();
  const site = import.meta.env.SITE;
  // Keyed by what a file is made of (its events, their meetings by stand-in, their committees), made only when that changed.
  const items = calendarFiles(archive, site).map((calendar) => ({
    params: { file: calendar.file },
    input: { calendar, site, committees: new Map(calendar.events.flatMap((event) => (archive.registries.committees.has(event.committee) ? [[event.committee, archive.registries.committees.get(event.committee)!] as const] : []))) },
  }));
  return keyedPathsFrom(routePattern, items, ({ calendar, committees }) => ({ ics: calendarIcs({ registries: { committees } }, calendar.events, calendar, site) }));
}

export const GET: APIRoute<{ ics: string }> = ({ props }) =>
  new Response(props.ics, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
