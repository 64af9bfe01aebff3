/**
 * Everything a meeting page shows besides the protocol text, as display-ready
 * strings and links: the page template only lays these out.
 */
import { attachmentLines, attachmentNote, itemAttachmentLinks, type AttachmentLine } from './attachment-view';
import { maskContactData } from '../text/privacy';
import { topAnchorId } from '../model/anchors';
import type { ArchiveIndex } from '../index/archive-index';
import { countLabel, formatDate, formatDateWithWeekday, formatMeetingFormat, formatTimeRange } from '../model/format';
import { committeeName, organisationNames, participation, personName, topicLinks, type Participation } from '../model/labels';
import { previousAndNext } from '../index/meetings';
import type { Meeting } from '../model/model';
import { committeePath, meetingPath, organisationPath, personPath, sourcePath } from '../model/paths';
import type { PublishedOriginal } from '../index/published-sources';
import { formatFileSize } from '../index/published-sources';
import type { Resolution } from '../text/protocol-body';
import { isReviewed } from '../model/review';
import { announcedBy, buildDate, type AnnouncedDate } from './announced';
import { resolutionRegister } from '../index/resolutions';
import { textAfterTitle } from '../index/resolution-title';
import { excerpt } from '../text/protocol-body';

/** A link with its text. */
export interface Link {
  href: string;
  label: string;
}

/** One agenda line. */
export interface AgendaLine {
  /** TOP number as printed (`"7"`), or undefined for unnumbered items ("Pause"). */
  number?: string;
  /** `#top-7` when the protocol text has a `## TOP 7 – …` heading, else undefined (no dead link). */
  href?: string;
  title: string;
  details?: string;
  /** `"11:15"` or `"13:30–14:00"`. */
  time?: string;
  /** Presenter display names (`"Dr. Annette Icks"`). */
  presenters: string[];
  /** The presenters linked to their pages (same order as `presenters`). */
  presenterLinks: Link[];
  /** Organisations named with the presenters, with a link to their page. */
  organisations: { short: string; full: string; href: string }[];
  /** The item's topics, linked to their pages. */
  topics: Link[];
  /** The item's attachments ("Anlage 3"), linked to the file where there is one (`itemAttachmentLinks`). */
  attachments: { href?: string; label: string }[];
}

/** The meeting page's view model. */
export interface MeetingView {
  meeting: Meeting;
  committee: Link;
  /** `"Donnerstag, 22. April 2021"` */
  dateLabel: string;
  /** `"11:00–15:00 Uhr"` */
  timeLabel?: string;
  /** `"Online (Videokonferenz)"` */
  formatLabel?: string;
  participation: Participation;
  moderator?: string;
  minutesBy?: string;
  /** Named attendees linked to their person pages (same order as `participation.named`). */
  attendeeLinks: Link[];
  moderatorLink?: Link;
  minutesByLink?: Link;
  /** The topics of all agenda items, in agenda order, each once. */
  topics: Link[];
  agenda: AgendaLine[];
  resolutions: Resolution[];
  /**
   * The resolutions for the "Beschlüsse" section: each named by what it decides (its `title`,
   * src/lib/index/resolution-title.ts) linking to its place in the text (`href`, whose box links
   * its own page), and the start of what its text says beyond the title (`excerpt`, '' when the
   * title says it all) with what stands between the two (`joiner`): ': ', or ' ' where a title
   * cut with "…" runs on into its text (one ellipsis, no colon).
   */
  resolutionLinks: { label: string; joiner: ': ' | ' '; excerpt: string; href: string }[];
  previous?: Link;
  next?: Link;
  /** The meetings the protocol announces ("Termine"), past ones and slips marked (`src/lib/views/announced.ts`). */
  nextMeetings: AnnouncedDate[];
  /** The jump bar under the title: the page's sections, in page order, only those it has. */
  jumpLinks: Link[];
  /** The attachments (Anlagen), in number order (`src/lib/views/attachment-view.ts`). */
  attachments: AttachmentLine[];
  /** The one note for the attachments without a file (`attachmentNote`). */
  attachmentNote?: string;
  /**
   * The original file as readers meet it: `label` names what it is ("Originalprotokoll
   * (Textfassung, 15 KB)"), linked to `href` when published; `note` says why only its text
   * is published; `name` and `sha256` (the file in `content/sources/`) are for those who check
   * it, behind a `<details>` on the page.
   */
  source: SourceLine;
}

/** The original's line in the facts (`MeetingView['source']`). */
export interface SourceLine {
  label: string;
  href?: string;
  note?: string;
  name: string;
  sha256: string;
}

/**
 * A link to a meeting, labelled with its date (`"22. April 2021"`).
 * @example meetingLink(meeting) // => { href: '/sitzungen/2021-04-22-strategiekreis/', label: '22. April 2021' }
 */
export function meetingLink(meeting: Pick<Meeting, 'id' | 'date'>): Link {
  return { href: meetingPath(meeting.id), label: formatDate(meeting.date) };
}

/** A link to a person's page, labelled with their display name. */
function personLinkOf(registries: ArchiveIndex['registries'], personId: string): Link {
  return { href: personPath(personId), label: personName(registries, personId) };
}

/**
 * Builds the view model of one meeting page.
 * @throws if the id is not in the index (a route asked for a meeting that does not exist)
 */
export function meetingView(index: ArchiveIndex, meetingId: string, published?: Map<string, PublishedOriginal>, today = buildDate()): MeetingView {
  const meeting = index.meetingById.get(meetingId);
  if (!meeting) throw new Error(`meetingView: no meeting "${meetingId}" in content/protocols/.`);
  const { registries } = index;
  const body = index.bodies.get(meeting.id) ?? { topNumbers: [], resolutions: [] };
  const headings = new Set(body.topNumbers);
  const { previous, next } = previousAndNext(index.meetings, meeting.id);
  const attachments = attachmentLines(index, meeting);
  const nextMeetings = announcedBy(index, meeting, today);
  return {
    meeting,
    committee: { href: committeePath(meeting.committee), label: committeeName(registries, meeting.committee) },
    dateLabel: formatDateWithWeekday(meeting.date),
    timeLabel: formatTimeRange(meeting.start, meeting.end),
    formatLabel: meeting.format && formatMeetingFormat(meeting.format),
    participation: participation(registries, meeting),
    moderator: meeting.moderator && personName(registries, meeting.moderator),
    minutesBy: meeting.minutesBy && personName(registries, meeting.minutesBy),
    attendeeLinks: meeting.attendees.map((id) => personLinkOf(registries, id)),
    moderatorLink: meeting.moderator ? personLinkOf(registries, meeting.moderator) : undefined,
    minutesByLink: meeting.minutesBy ? personLinkOf(registries, meeting.minutesBy) : undefined,
    topics: topicLinks(registries, meeting.agenda.flatMap((item) => item.topics)),
    agenda: meeting.agenda.map((item) => ({
      number: item.number ?? undefined,
      href: item.number && headings.has(item.number) ? `#${topAnchorId(item.number)}` : undefined,
      // Frontmatter text is protocol text too: the rehype masking plugin only sees the MDX body.
      title: maskContactData(item.title),
      details: item.details && maskContactData(item.details),
      time: item.time,
      presenters: item.presenters.map((id) => personName(registries, id)),
      presenterLinks: item.presenters.map((id) => personLinkOf(registries, id)),
      organisations: item.organizations.map((id) => ({ ...organisationNames(registries, id), href: organisationPath(id) })),
      topics: topicLinks(registries, item.topics),
      attachments: itemAttachmentLinks(attachments, item.number ?? undefined),
    })),
    resolutions: body.resolutions,
    resolutionLinks: body.resolutions.map((resolution) => {
      const title = resolutionRegister(index).byId.get(resolution.id)?.title ?? resolution.kind;
      const rest = excerpt(textAfterTitle(title, maskContactData(resolution.text)), 70);
      const runsOn = title.endsWith('…');
      return { label: title, joiner: runsOn ? ' ' : ': ', excerpt: runsOn ? rest.replace(/^… /, '') : rest, href: `#${resolution.id}` };
    }),
    previous: previous && meetingLink(previous),
    next: next && meetingLink(next),
    nextMeetings,
    jumpLinks: jumpLinks({ agenda: meeting.agenda.length > 0, resolutions: body.resolutions.length > 0, nextMeetings: nextMeetings.length > 0, attachments: attachments.length > 0 }),
    attachments,
    attachmentNote: attachmentNote(attachments),
    source: sourceView(meeting.source, index, published?.get(meeting.source.file)),
  };
}

/** How readers call the kinds of original (`originalKind`): a text file is the protocol's text version. */
const originalKindLabels: Record<PublishedOriginal['kind'], string> = { Text: 'Textfassung', Word: 'Word', PDF: 'PDF', HTML: 'HTML', XML: 'XML', SVG: 'SVG' };

/**
 * The original's kind and size as readers meet them, from what `/quellen/` publishes of it.
 * @example originalLabel({ kind: 'Text', size: 15_360 }) // => 'Originalprotokoll (Textfassung, 15 KB)'
 * @example originalLabel({ kind: 'Word', size: 49_152 }) // => 'Originalprotokoll (Word, 48 KB)'
 */
export function originalLabel(original: Pick<PublishedOriginal, 'kind' | 'size'>): string {
  return `Originalprotokoll (${originalKindLabels[original.kind]}, ${formatFileSize(original.size)})`;
}

/**
 * The original's line in the facts, from what `/quellen/` publishes of it (`publishedSources`):
 * the original itself (a PDF cleaned of metadata and annotations), or only its masked text, with
 * the reason `/quellen/` gives (`ORIGINAL_NOTES`: contact data, a Word or markup file).
 * @example sourceView({ file: '001_527d.txt', sha256 }, index, { kind: 'Text', size: 15_360, form: 'as-is', … }).label // => 'Originalprotokoll (Textfassung, 15 KB)'
 */
export function sourceView(source: { file: string; sha256: string }, index: ArchiveIndex, published: PublishedOriginal | undefined): SourceLine {
  const file = { name: source.file, sha256: source.sha256 };
  if (!published) {
    const inArchive = index.sourceFiles.has(source.file);
    return inArchive ? { ...file, label: 'Originalprotokoll', href: sourcePath(source.file) } : { ...file, label: 'Originalprotokoll: im Archiv nicht abgelegt' };
  }
  if (published.form !== 'text') return { ...file, label: originalLabel(published), href: sourcePath(published.file) };
  return {
    ...file,
    label: `Text des Originalprotokolls (${formatFileSize(published.bytes.length)})`,
    href: sourcePath(published.file),
    note: `${originalLabel(published)}: ${(published.note ?? '').replace(/:$/, '.')}`,
  };
}

/**
 * The jump bar's links: the sections a meeting page has, in page order.
 * @example jumpLinks({ agenda: true, resolutions: false, nextMeetings: true, attachments: false }) // => [{ href: '#tagesordnung', label: 'Tagesordnung' }, { href: '#protokoll', label: 'Protokoll' }, { href: '#termine', label: 'Termine' }]
 */
export function jumpLinks(has: { agenda: boolean; resolutions: boolean; nextMeetings: boolean; attachments: boolean }): Link[] {
  return [
    has.agenda && { href: '#tagesordnung', label: 'Tagesordnung' },
    has.resolutions && { href: '#beschluesse', label: 'Beschlüsse' },
    { href: '#protokoll', label: 'Protokoll' },
    has.nextMeetings && { href: '#termine', label: 'Termine' },
    has.attachments && { href: '#anlagen', label: 'Anlagen' },
  ].filter((link): link is Link => Boolean(link));
}

/** One line in a list of meetings. */
export interface MeetingListItem {
  href: string;
  title: string;
  /** ISO date for `<time datetime>`. */
  date: string;
  /** `"22. April 2021"` */
  dateLabel: string;
  /** Committee name (`"Strategiekreis"`). */
  committee: string;
  /** `"Online (Videokonferenz)"`, if known. */
  formatLabel?: string;
  /** What the protocol resolved, `"2 Beschlüsse, 1 Vereinbarung"`; undefined if nothing. */
  resolutionSummary?: string;
  /** True until an editor has reviewed the imported protocol (`review.status`). */
  unreviewed: boolean;
}

/**
 * Builds the list lines for some meetings (order kept).
 * @example meetingListItems(index, index.meetings.slice(0, 5))[0].href // => '/sitzungen/2021-11-11-strategiekreis/'
 */
export function meetingListItems(index: ArchiveIndex, meetings: readonly Meeting[]): MeetingListItem[] {
  return meetings.map((meeting) => ({
    href: meetingPath(meeting.id),
    title: meeting.title,
    date: meeting.date,
    dateLabel: formatDate(meeting.date),
    committee: committeeName(index.registries, meeting.committee),
    formatLabel: meeting.format && formatMeetingFormat(meeting.format),
    resolutionSummary: resolutionSummary(index.bodies.get(meeting.id)?.resolutions ?? []),
    unreviewed: !isReviewed(meeting),
  }));
}

/** German plurals of the resolution kinds. */
const kindPlurals: Record<string, string> = { Beschluss: 'Beschlüsse', Vereinbarung: 'Vereinbarungen' };

/**
 * Counts resolutions by kind, in first-seen order; undefined when there are none.
 * @example resolutionSummary([{ kind: 'Beschluss' }, { kind: 'Beschluss' }, { kind: 'Vereinbarung' }]) // => '2 Beschlüsse, 1 Vereinbarung'
 */
export function resolutionSummary(resolutions: readonly Pick<Resolution, 'kind'>[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { kind } of resolutions) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  return [...counts].map(([kind, n]) => countLabel(n, kind, kindPlurals[kind] ?? kind)).join(', ');
}
