/**
 * The archive index: everything the pages list, derived once from the meetings
 * and registries. Pure; `src/lib/archive.ts` feeds it from the content
 * collections, tests feed it directly.
 */
import type { AttachmentCatalog } from '../text/attachments';
import { groupByYear, meetingsOfCommittee, sortNewestFirst, type YearGroup } from './meetings';
import { maskedMeeting, maskedRegistries } from './masked-meeting';
import type { Committee, Meeting, Registries } from '../model/model';
import { resolutionPath, sourcePath } from '../model/paths';
import { protocolBodyOf, type ProtocolBody, type Resolution } from '../text/protocol-body';
import { resolutionTitles } from './resolution-title';
import { maskContactData } from '../text/privacy';

/** A resolution together with the meeting it was taken in. */
export interface ResolutionInMeeting extends Resolution {
  /** The meeting id. */
  meetingId: string;
  /** The meeting itself. */
  meeting: Meeting;
  /** Link to the resolution's anchor on the meeting page. */
  href: string;
  /**
   * What it decides, in a few words of its own text: the link text wherever it is listed
   * (`resolutionTitles`, src/lib/index/resolution-title.ts). Unique within its meeting.
   */
  title: string;
}

/** The index. */
export interface ArchiveIndex {
  /** The registries, their free text (matters, descriptions) with contact data masked (`src/lib/index/masked-meeting.ts`). */
  registries: Registries;
  /** All meetings, newest first, every text field and the body reading with contact data masked (`maskedMeeting`). */
  meetings: Meeting[];
  meetingById: Map<string, Meeting>;
  /** Meetings grouped by year, newest year first. */
  years: YearGroup<Meeting>[];
  /** Committees in display order: most meetings first, then by name. */
  committees: Committee[];
  /** The parsed body (TOP headings, resolutions) per meeting id. */
  bodies: Map<string, ProtocolBody>;
  /** All resolutions, newest meeting first, in protocol order within a meeting. */
  resolutions: ResolutionInMeeting[];
  /** Names of the files present in `content/sources/`. */
  sourceFiles: Set<string>;
  /**
   * The file each original is published as under `/quellen/`: its own name, or `<name>.txt`
   * when a PDF/Word original held contact data and only its masked text is published
   * (`src/lib/index/published-sources.ts`). Originals not listed are published under their own name.
   */
  publishedSourceFiles: Map<string, string>;
  /** The files in `content/attachments/<meeting-id>/` and their publication (`src/lib/text/attachments.ts`). */
  attachmentFiles: AttachmentCatalog;
}

/**
 * Builds the index.
 * @param meetings all meetings (any order)
 * @param registries people, organisations, committees by id
 * @param sourceFiles names of the files in `content/sources/`
 * @param attachmentFiles the attachment files by meeting (`loadAttachmentCatalog`)
 * @param publishedSourceFiles original name => published file name under `/quellen/`
 */
/**
 * The address of a meeting's original under `/quellen/` as published (its masked text for a
 * PDF/Word original with contact data), or undefined when the file is not in the archive.
 * @example publishedSourcePath(index, '002_….pdf') // => '/quellen/002_….pdf.txt/' when only its text is published
 */
export function publishedSourcePath(index: ArchiveIndex, file: string): string | undefined {
  return index.sourceFiles.has(file) ? sourcePath(index.publishedSourceFiles.get(file) ?? file) : undefined;
}

export function buildArchiveIndex(
  meetings: readonly Meeting[],
  registries: Registries,
  sourceFiles: Iterable<string> = [],
  attachmentFiles: AttachmentCatalog = new Map(),
  publishedSourceFiles: Map<string, string> = new Map(),
): ArchiveIndex {
  // Masked once, here, so nothing made from the index can show an unmasked value (issue #22).
  const sorted = sortNewestFirst(meetings.map(maskedMeeting));
  registries = maskedRegistries(registries);
  const bodies = new Map(sorted.map((meeting) => [meeting.id, protocolBodyOf(meeting)]));
  // A title needs the matter's title only where the text gives none; the first matter in id order.
  const matterTitles = new Map<string, string>();
  for (const matter of [...registries.matters.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const id of matter.consultations.flatMap((c) => c.resolutions)) if (!matterTitles.has(id)) matterTitles.set(id, matter.title);
  }
  const resolutions = sorted.flatMap((meeting) => {
    const body = bodies.get(meeting.id);
    const own = body?.resolutions ?? [];
    const titles = resolutionTitles(
      own.map((r) => ({
        ...r,
        // Titles are shown where the page's masking does not reach (feeds, search results).
        text: maskContactData(r.text),
        matterTitle: matterTitles.get(r.id),
        itemTitle: r.item === undefined ? undefined : body?.topTitles?.[r.item] || meeting.agenda.find((item) => item.number === r.item)?.title,
      })),
    );
    return own.map((resolution) => ({
      ...resolution,
      meetingId: meeting.id,
      meeting,
      href: resolutionPath(meeting.id, resolution.id),
      title: titles.get(resolution.id)!,
    }));
  });
  const count = (id: string) => sorted.filter((meeting) => meeting.committee === id).length;
  const committees = [...registries.committees.values()].sort(
    (a, b) => count(b.id) - count(a.id) || a.name.localeCompare(b.name, 'de'),
  );
  return {
    registries,
    meetings: sorted,
    meetingById: new Map(sorted.map((meeting) => [meeting.id, meeting])),
    years: groupByYear(sorted),
    committees,
    bodies,
    resolutions,
    sourceFiles: new Set(sourceFiles),
    publishedSourceFiles,
    attachmentFiles,
  };
}

/** The meetings of one year, newest first (empty if none). */
export function meetingsOfYear(index: ArchiveIndex, year: string): Meeting[] {
  return index.years.find((group) => group.year === year)?.meetings ?? [];
}

/** The meetings of one committee, newest first. */
export function committeeMeetings(index: ArchiveIndex, committeeId: string): Meeting[] {
  return meetingsOfCommittee(index.meetings, committeeId);
}

/** The year strings that have meetings, newest first (`['2022', '2021']`). */
export function yearList(index: ArchiveIndex): string[] {
  return index.years.map((group) => group.year);
}

/**
 * The `count` newest resolutions, at most `perMeeting` from one meeting (in protocol order),
 * so that a list of the newest shows several meetings, not the first six of the last one.
 * Fewer when the archive has fewer.
 * @example latestResolutions(index, 6).map((r) => r.meetingId) // => ['2021-11-11-strategiekreis', '2021-11-11-strategiekreis', '2021-04-22-strategiekreis', …]
 */
export function latestResolutions(index: ArchiveIndex, count: number, perMeeting = 2): ResolutionInMeeting[] {
  const taken = new Map<string, number>();
  const latest: ResolutionInMeeting[] = [];
  for (const resolution of index.resolutions) {
    if (latest.length === count) break;
    const fromMeeting = taken.get(resolution.meetingId) ?? 0;
    if (fromMeeting >= perMeeting) continue;
    taken.set(resolution.meetingId, fromMeeting + 1);
    latest.push(resolution);
  }
  return latest;
}
