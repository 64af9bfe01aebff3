/**
 * Matters (Vorgänge, `content/matters/<id>.yaml`): topics that run across
 * meetings and committees. Their history as a timeline of consultations, the
 * matters of a meeting, and the list of all matters. Pure functions over the
 * `ArchiveIndex`.
 */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { de } from 'date-fns/locale/de';
import { topAnchorId } from '../model/anchors';
import type { ArchiveIndex } from '../index/archive-index';
import { formatDate } from '../model/format';
import { committeeName } from '../model/labels';
import { resolutionSummary } from './meeting';
import type { Matter } from '../model/model';
import { committeePath, matterPath, meetingPath } from '../model/paths';
import { agendaItemOf, resolutionRegister, type Link } from '../index/resolutions';
import { resolutionListItem, type ResolutionListItem } from './resolution';

/** One consultation of a matter, as the timeline shows it. */
export interface TimelineEntry {
  /** ISO date of the meeting. */
  date: string;
  /** `"11. November 2021"` */
  dateLabel: string;
  /** The meeting, labelled with its title. */
  meeting: Link;
  committee: Link;
  /** `"TOP 3 – Title"`, linked to the TOP heading on the meeting page when it has one. */
  agendaItem?: { number: string; label: string; href?: string };
  /** What happened there ("Antrag vorgestellt"). */
  note?: string;
  /** The resolutions taken on the matter there, with their status. */
  resolutions: ResolutionListItem[];
}

/** Orders TOP numbers as numbers ("2" < "10"), unnumbered first. */
function compareItems(a: string | undefined, b: string | undefined): number {
  return (a === undefined ? -1 : Number.parseFloat(a)) - (b === undefined ? -1 : Number.parseFloat(b));
}

/**
 * The consultations of a matter, oldest first (then by TOP number), ready to show.
 * Consultations of meetings not in the archive are left out (integrity fails the build on them anyway).
 * @example matterTimeline(index, matter).map((e) => e.dateLabel) // => ['20. Oktober 2020', '22. April 2021', '11. November 2021']
 */
export function matterTimeline(index: ArchiveIndex, matter: Matter): TimelineEntry[] {
  const register = resolutionRegister(index);
  return matter.consultations
    .map((consultation, order) => ({ consultation, order, meeting: index.meetingById.get(consultation.meeting) }))
    .filter((entry) => entry.meeting !== undefined)
    .sort(
      (a, b) =>
        a.meeting!.date.localeCompare(b.meeting!.date) ||
        compareItems(a.consultation.agendaItem, b.consultation.agendaItem) ||
        a.order - b.order,
    )
    .map(({ consultation, meeting }) => {
      const m = meeting!;
      const number = consultation.agendaItem;
      const item = agendaItemOf(m, number);
      const hasHeading = number !== undefined && (index.bodies.get(m.id)?.topNumbers ?? []).includes(number);
      return {
        date: m.date,
        dateLabel: formatDate(m.date),
        meeting: { href: meetingPath(m.id), label: m.title },
        committee: { href: committeePath(m.committee), label: committeeName(index.registries, m.committee) },
        agendaItem: number
          ? {
              number,
              label: item ? `TOP ${number} – ${item.title}` : `TOP ${number}`,
              href: hasHeading ? `${meetingPath(m.id)}#${topAnchorId(number)}` : undefined,
            }
          : undefined,
        note: consultation.note,
        resolutions: consultation.resolutions
          .map((id) => register.byId.get(id))
          .filter((r) => r !== undefined)
          .map((r) => resolutionListItem(index, r)),
      };
    });
}

/**
 * A month range, `"Oktober 2020 – November 2021"`, or one month when both are the same.
 * @example monthSpan('2020-10-20', '2021-11-11') // => 'Oktober 2020 – November 2021'
 * @example monthSpan('2021-04-22', '2021-04-22') // => 'April 2021'
 */
export function monthSpan(firstIsoDate: string, lastIsoDate: string): string {
  const month = (iso: string) => format(parseISO(iso), 'MMMM yyyy', { locale: de });
  return month(firstIsoDate) === month(lastIsoDate) ? month(firstIsoDate) : `${month(firstIsoDate)} – ${month(lastIsoDate)}`;
}

/** A matter page's view model. */
export interface MatterView {
  matter: Matter;
  timeline: TimelineEntry[];
  /** `"Oktober 2020 – November 2021"`, undefined without consultations in the archive. */
  span?: string;
  /** The committees that dealt with it, in order of first consultation. */
  committees: Link[];
  /** How many resolutions the matter has. */
  resolutionCount: number;
  /** Its resolutions by kind, `"2 Beschlüsse, 1 Vereinbarung"`; undefined if none. */
  resolutionSummary?: string;
  /** ISO date of the last consultation, for search metadata. */
  lastDate?: string;
}

/**
 * Builds the view model of `/vorgaenge/<id>/`.
 * @throws if there is no `content/matters/<id>.yaml`
 */
export function matterView(index: ArchiveIndex, matterId: string): MatterView {
  const matter = index.registries.matters.get(matterId);
  if (!matter) throw new Error(`matterView: no content/matters/${matterId}.yaml. Fix: link an existing matter id.`);
  const timeline = matterTimeline(index, matter);
  const committees = new Map(timeline.map((entry) => [entry.committee.href, entry.committee]));
  return {
    matter,
    timeline,
    span: timeline.length > 0 ? monthSpan(timeline[0].date, timeline.at(-1)!.date) : undefined,
    committees: [...committees.values()],
    resolutionCount: timeline.reduce((sum, entry) => sum + entry.resolutions.length, 0),
    resolutionSummary: resolutionSummary(timeline.flatMap((entry) => entry.resolutions)),
    lastDate: timeline.at(-1)?.date,
  };
}

/** One line in the list of matters. */
export interface MatterListItem {
  href: string;
  title: string;
  description: string;
  span?: string;
  committees: string[];
  consultationCount: number;
  resolutionCount: number;
  /** `"2 Beschlüsse, 1 Vereinbarung"`; undefined if none. */
  resolutionSummary?: string;
  /** ISO date of the last consultation. */
  lastDate?: string;
}

/**
 * All matters, the most recently discussed first (then by title).
 * @example matterListItems(index)[0].href // => '/vorgaenge/zukunftskonzept-der-om/'
 */
export function matterListItems(index: ArchiveIndex): MatterListItem[] {
  return [...index.registries.matters.values()]
    .map((matter) => {
      const view = matterView(index, matter.id);
      return {
        href: matterPath(matter.id),
        title: matter.title,
        description: matter.description,
        span: view.span,
        committees: view.committees.map((c) => c.label),
        consultationCount: view.timeline.length,
        resolutionCount: view.resolutionCount,
        resolutionSummary: view.resolutionSummary,
        lastDate: view.lastDate,
      };
    })
    .sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.title.localeCompare(b.title, 'de'));
}

/** Routes for `/vorgaenge/<id>/`. @example matterPaths(index)[0] // => { params: { id: 'arbeitsweise-in-der-pandemie' } } */
export function matterPaths(index: ArchiveIndex): { params: { id: string } }[] {
  return [...index.registries.matters.keys()].sort().map((id) => ({ params: { id } }));
}

/** A matter dealt with in one meeting. */
export interface MeetingMatter extends Link {
  /** What happened in this meeting, one line per consultation (`"TOP 3: Vereinbarung beschlossen."`). */
  notes: string[];
}

/**
 * The matters a meeting dealt with, by title, for the meeting page.
 * @example mattersOfMeeting(index, '2021-11-11-strategiekreis')[0] // => { href: '/vorgaenge/arbeitsweise-in-der-pandemie/', label: 'Arbeitsweise der OM in der Pandemie', notes: ['TOP 4: Veranstaltungen bis 30.04.2022 online, …'] }
 */
export function mattersOfMeeting(index: ArchiveIndex, meetingId: string): MeetingMatter[] {
  return [...index.registries.matters.values()]
    .map((matter) => ({
      matter,
      consultations: matter.consultations.filter((c) => c.meeting === meetingId).sort((a, b) => compareItems(a.agendaItem, b.agendaItem)),
    }))
    .filter(({ consultations }) => consultations.length > 0)
    .sort((a, b) => a.matter.title.localeCompare(b.matter.title, 'de'))
    .map(({ matter, consultations }) => ({
      href: matterPath(matter.id),
      label: matter.title,
      notes: consultations
        .map((c) => [c.agendaItem && `TOP ${c.agendaItem}`, c.note].filter(Boolean).join(': '))
        .filter(Boolean),
    }));
}

/**
 * The search metadata (`SearchMeta.astro` props) of a matter page.
 * @example matterSearchMeta(view) // => { kind: 'Vorgang', title: 'Regionale Musternetzwerke', date: '2021-04-22', committee: undefined }
 */
export function matterSearchMeta(view: MatterView) {
  return {
    kind: 'Vorgang' as const,
    title: view.matter.title,
    date: view.lastDate,
    // One committee filter value only where one committee dealt with the matter.
    committee: view.committees.length === 1 ? view.committees[0].label : undefined,
  };
}
