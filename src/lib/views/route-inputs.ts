/**
 * Cheap page keys (issue #24, the office's wait): what a route's page is made of, small enough to
 * hash for every one of ~14,800 pages in a warm build, from which its props follow. A route that
 * declares `inputs` (`PageRoute`, `src/lib/views/routes.ts`) is keyed on `pageKey` of these
 * instead of its props, so a warm build computes no props but those of the pages it generates.
 *
 * The rule: **everything the page shows must follow from its inputs** (a function of them, with the
 * site's code, which the build's fingerprint covers). The inputs name
 * - the meetings the page reads, each by its stand-in (frontmatter and the content loader's digest of
 *   the file, which covers the body, its HTML and the registry entries it can mention: `keyAs`,
 *   `registerStandIns`), and each resolution by its id, title and meeting;
 * - the registry entries it shows, by value (`meetingEntries`);
 * - what the page computes from other meetings, as the small result the page shows (a resolution's
 *   status, its later mentions, its related resolutions and their reasons);
 * - list lines many pages share by their key, hashed once per build (`sharedKey`).
 * `test/site/route-inputs.property.test.ts` checks the rule over generated archives: for archives that
 * differ by one edit, equal inputs give equal props; `test/site/incremental-build.test.ts` that a
 * warm `dist/` equals a cold one.
 */
import type { ArchiveIndex, ResolutionInMeeting } from '../index/archive-index';
import type { Meeting } from '../model/model';
import { memoPerIndex } from '../index/memo';
import { resolutionRegister, statusView } from '../index/resolutions';
import { jsonKey, keyAs, pageKey, sharedKey } from './page-key';
import { laterMentionsOfResolution } from './later-mentions';
import { relatedResolutions } from './resolution';
import { previousAndNext } from '../index/meetings';
import type { PublishedOriginal } from '../index/published-sources';
import { announcedBy } from './announced';
import { attachmentLines } from './attachment-view';
import { meetingLink, sourceView } from './meeting';
import type { MeetingGroup } from './resolution';

/**
 * Registers the archive's shared objects for page keys (`keyAs`): a meeting stands for its fields
 * but body and parsed body, plus the content loader's digest of its file
 * (`src/lib/text/protocol-loader.ts`: file, pipeline, mentionable registry entries, attachment
 * links); a resolution for its id, title (which reads matter titles) and meeting, since all else of
 * it (text, kind, TOP, vote) is read from that meeting's body.
 * @param digests the loader's digest by meeting id (`entry.digest`); a meeting without one stands for its whole self
 */
export function registerStandIns(index: ArchiveIndex, digests: ReadonlyMap<string, string | undefined>): void {
  for (const meeting of index.meetings) {
    const digest = digests.get(meeting.id);
    if (digest === undefined) continue;
    keyAs(meeting, () => ({ ...meeting, body: undefined, parsedBody: undefined, digest }));
  }
  for (const resolution of index.resolutions) keyAs(resolution, () => ({ id: resolution.id, title: resolution.title, meeting: resolution.meeting }));
}

/** Registry entries, by value, keyed `<registry>:<id>`. */
type Entries = Record<string, unknown>;

/**
 * The registry entries a meeting's pages can show, by value: every people, organisation, topic or
 * committee id anywhere in its frontmatter (attendees, agenda, representations, announced dates, …),
 * the people and organisations its text mentions (stored by the loader, else found again), and the
 * organisations and people those entries name in turn (a person's organisation). Once per meeting.
 * @example Object.keys(meetingEntries(index, meeting)) // => ['committees:plenum', 'people:annette-icks', 'organisations:ifm-bonn', …]
 */
export const meetingEntries = memoPerIndex((index: ArchiveIndex, meeting: Meeting): Entries => {
  const entries = namedEntries(index, [{ ...meeting, body: undefined, parsedBody: undefined }]);
  const body = index.bodies.get(meeting.id);
  const mentions = body?.mentions ?? (body ? resolutionRegister(index).findMentions(body.text.text, meeting.id) : []);
  return { ...entries, ...namedEntries(index, mentions.map((mention) => mention.id), 1) };
});

/**
 * The registry entries (people, organisations, topics, committees) whose ids occur as strings
 * anywhere in `values`, by value, and the entries those name in turn (a person's organisation),
 * up to two steps from `depth`. `skip(object)` returns the ids to take from an object instead of
 * walking it (a meeting: its committee only).
 */
function namedEntries(index: ArchiveIndex, values: readonly unknown[], depth = 0, skip: (value: object) => string[] | undefined = () => undefined): Entries {
  const { registries } = index;
  const lookups = { people: registries.people, organisations: registries.organisations, topics: registries.topics, committees: registries.committees } as const;
  const entries: Entries = {};
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      for (const [name, registry] of Object.entries(lookups)) {
        const entry = (registry as Map<string, unknown>).get(value);
        if (entry === undefined || `${name}:${value}` in entries) continue;
        entries[`${name}:${value}`] = entry;
        if (depth < 2) visit(entry, depth + 1);
      }
    } else if (Array.isArray(value)) for (const item of value) visit(item, depth);
    else if (value instanceof Set) for (const item of value) visit(item, depth);
    else if (value && typeof value === 'object') {
      const ids = skip(value);
      if (ids) for (const id of ids) visit(id, depth);
      else for (const item of Object.values(value)) visit(item, depth);
    }
  };
  for (const value of values) visit(value, depth);
  return entries;
}

/**
 * The key of a resolution as a list line or link reads it: itself (stand-in), its status, and the
 * registry entries its meeting can show. Once per resolution and build: a resolution is the related
 * resolution or neighbour of a dozen others.
 */
const resolutionLine = memoPerIndex((index: ArchiveIndex, resolution: ResolutionInMeeting): string =>
  pageKey({ resolution, status: statusView(index, resolution.id), entries: sharedKey(meetingEntries(index, resolution.meeting)) }),
);

/**
 * The inputs of a resolution page (`resolutionRoute`): the resolution with its status, matters and
 * topics; its related resolutions with their reasons and its chronological neighbours, each as a
 * list line; its later mentions (computed: they read the text of every later meeting); the site.
 * All of it is plain JSON once lines and entries are keys, so it is returned as its `jsonKey`
 * (`JSON.stringify` without a replacer, which costs a third of `pageKey`'s: 11,898 pages at
 * 2,000 protocols).
 */
export function resolutionInputs(index: ArchiveIndex, site: string, id: string): string {
  const register = resolutionRegister(index);
  const resolution = register.byId.get(id);
  if (!resolution) return jsonKey({ missing: id });
  const position = register.chronologicalPosition.get(id)!;
  const older = position > 0 ? register.chronological[position - 1] : undefined;
  const newer = register.chronological[position + 1];
  return jsonKey({
    site,
    own: resolutionLine(index, resolution),
    matters: (register.matters.get(id) ?? []).map(sharedKey),
    topics: (register.topics.get(id) ?? []).map((topic) => {
      const entry = index.registries.topics.get(topic);
      return [topic, entry && sharedKey(entry)];
    }),
    related: relatedResolutions(index, id).map(({ resolution: other, reasons }) => [resolutionLine(index, other), reasons]),
    older: older && resolutionLine(index, older),
    newer: newer && resolutionLine(index, newer),
    later: laterMentionsOfResolution(index, id),
  });
}

/**
 * Meeting groups of a register page with each list line by its shared key (`sharedKey`): the lines
 * are memoised per index (`resolutionListItem`), so each is hashed once per build, not once per
 * page that lists it (a committee's page lists a thousand).
 */
export function groupsByKey(groups: readonly MeetingGroup[]): unknown[] {
  return groups.map(({ items, ...group }) => ({ ...group, items: items.map(sharedKey) }));
}

/** Whether `value` is one of the index's meetings (hashed by its stand-in). */
function isMeeting(index: ArchiveIndex, value: object): value is Meeting {
  return index.meetingById.get((value as { id?: string }).id ?? '') === value;
}

/** Whether `value` is one of the index's resolutions (a list line of its own in `entityInputs`). */
function isResolution(index: ArchiveIndex, value: object): value is ResolutionInMeeting {
  return resolutionRegister(index).byId.get((value as { id?: string }).id ?? '') === value;
}

/**
 * The inputs of an entity page (person, organisation, topic) whose view follows from its record
 * in the people index (`src/lib/index/people-index.ts`: the entry, and per meeting how it appears
 * there, each meeting by its stand-in): the record, the registry entries it names with the
 * committees of its meetings, and each of its resolutions as a list line (with its status).
 * `record` must be what the view reads; its other arguments go in `extra` (feeds, the search link).
 * @example entityInputs(index, record, record.appearances.flatMap((a) => a.resolutions), { feeds })
 */
export function entityInputs(index: ArchiveIndex, record: object | undefined, resolutions: readonly ResolutionInMeeting[], extra: Record<string, unknown>): unknown {
  return {
    record,
    // What the record names (presenters, organisations, topics), and each meeting's committee: not
    // all a meeting could show (`meetingEntries`), so an organisation renamed in a meeting's agenda
    // leaves the pages of its attendees as they are.
    entries: record && namedEntries(index, [record], 0, (value) => (isMeeting(index, value) ? [value.committee] : isResolution(index, value) ? [] : undefined)),
    resolutions: resolutions.map((resolution) => resolutionLine(index, resolution)),
    ...extra,
  };
}

/**
 * The inputs of a meeting page (`meetingRoute`), without computing its view: the meeting (its
 * stand-in covers frontmatter, body and the body's HTML), the registry entries it can show
 * (`meetingEntries`), its resolutions (stand-ins: their titles read matter titles) with their
 * statuses, and what the view reads from elsewhere, computed: the neighbours of the pager, the
 * announcements as of `today`, the attachment files, the published original; `rest`: the page's
 * other props but its view and body HTML (matters, statements, feeds, JSON-LD, search metadata).
 */
export function meetingInputs(index: ArchiveIndex, meeting: Meeting, today: string, published: PublishedOriginal | undefined, rest: Record<string, unknown>): unknown {
  const { previous, next } = previousAndNext(index.meetings, meeting.id);
  const resolutions = resolutionRegister(index).byMeeting.get(meeting.id) ?? [];
  return {
    meeting,
    entries: sharedKey(meetingEntries(index, meeting)),
    resolutions: resolutions.map((resolution) => [resolution, statusView(index, resolution.id)]),
    previous: previous && meetingLink(previous),
    next: next && meetingLink(next),
    nextMeetings: announcedBy(index, meeting, today),
    attachments: attachmentLines(index, meeting),
    source: sourceView(meeting.source, index, published),
    ...rest,
  };
}

