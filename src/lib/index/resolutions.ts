/**
 * The resolution register: every `<Resolution>` of every protocol, its status as later
 * protocols state it (`content/matters/*.yaml`, `statuses`), its kind. Its short title and
 * position are `./resolution-title.ts`.
 * Pure functions over the `ArchiveIndex`; the derived maps are built once per index
 * (`resolutionRegister`). The pages' props are in `src/lib/views/resolution.ts` (one
 * resolution, list lines) and `src/lib/views/register.ts` (the register's facets).
 */
import type { ArchiveIndex, ResolutionInMeeting } from './archive-index';
import { formatDate } from '../model/format';
import { createMentionMatcher } from '../text/mention-matcher';
import type { Matter, Meeting } from '../model/model';
import { matterPath, meetingPath, resolutionPagePath } from '../model/paths';
import type { resolutionKinds, resolutionStatuses } from '../model/schema';

/** A link with its text. */
export interface Link {
  href: string;
  label: string;
  /** A longer name for a tooltip (an organisation's full name). */
  title?: string;
}

/** A status a later protocol states for a resolution (`src/lib/model/schema.ts`). */
export type ResolutionStatusCode = (typeof resolutionStatuses)[number];

/** German labels of the statuses, as shown on the site. */
export const statusLabels: Record<ResolutionStatusCode, string> = {
  adopted: 'beschlossen',
  'in-progress': 'in Umsetzung',
  implemented: 'umgesetzt',
  postponed: 'vertagt',
  superseded: 'ersetzt',
  rejected: 'abgelehnt',
};

/** One `statuses` entry of a matter, with the matter it is written in. */
export type StatusStatement = Matter['statuses'][number] & { matterId: string };

/**
 * The current status of each resolution: the last statement wins. "Last" is the
 * latest stating meeting (by date); for statements from the same meeting, the
 * later one in file order (matters taken in id order).
 * @param meetingDate the ISO date of a meeting id (unknown meetings sort first)
 * @example currentStatuses([{ id: 'ki', statuses: [{ resolution: 'x-b1', status: 'adopted', statedIn: 'm1' }, { resolution: 'x-b1', status: 'implemented', statedIn: 'm2' }], … }], dateOf).get('x-b1')?.status // => 'implemented'
 */
export function currentStatuses(
  matters: Iterable<Matter>,
  meetingDate: (meetingId: string) => string | undefined,
): Map<string, StatusStatement> {
  const statements = [...matters]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((matter) => matter.statuses.map((status) => ({ ...status, matterId: matter.id })));
  // Array.prototype.sort is stable: equal dates keep file order.
  statements.sort((a, b) => (meetingDate(a.statedIn) ?? '').localeCompare(meetingDate(b.statedIn) ?? ''));
  const current = new Map<string, StatusStatement>();
  for (const statement of statements) current.set(statement.resolution, statement);
  return current;
}

/** What the register derives once per index. */
export interface ResolutionRegister {
  /** Resolution id => resolution. */
  byId: Map<string, ResolutionInMeeting>;
  /** Meeting id => its resolutions in protocol order; meetings newest first. */
  byMeeting: Map<string, ResolutionInMeeting[]>;
  /** Resolution id => its current status, where a protocol states one. */
  statuses: Map<string, StatusStatement>;
  /** Resolution id => the resolutions whose stated status says they are superseded by it (`statuses` read backwards, ids in `statuses` order). */
  supersedes: Map<string, string[]>;
  /** Resolution id => the matters whose consultations list it (in id order). */
  matters: Map<string, Matter[]>;
  /** Resolution id => the topic ids of its agenda item. */
  topics: Map<string, string[]>;
  /** Topic id => its resolutions oldest first, with the meeting date as epoch ms. */
  byTopic: Map<string, { id: string; time: number }[]>;
  /** All resolutions oldest meeting first, protocol order inside a meeting (for the pages' older/newer links). */
  chronological: ResolutionInMeeting[];
  /** Resolution id => its position in `chronological`. */
  chronologicalPosition: Map<string, number>;
  /** Finds people and organisations named in a text (`src/lib/text/mention-matcher.ts`). */
  findMentions: ReturnType<typeof createMentionMatcher>['find'];
}

const registers = new WeakMap<ArchiveIndex, ResolutionRegister>();

/**
 * The register derived from an index, built on first use and cached per index.
 * @example resolutionRegister(index).byId.get('2021-11-11-strategiekreis-b1')?.kind // => 'Beschluss'
 */
export function resolutionRegister(index: ArchiveIndex): ResolutionRegister {
  const cached = registers.get(index);
  if (cached) return cached;
  const matters = [...index.registries.matters.values()].sort((a, b) => a.id.localeCompare(b.id));
  const mattersOf = new Map<string, Matter[]>();
  for (const matter of matters) {
    for (const id of new Set(matter.consultations.flatMap((c) => c.resolutions))) {
      mattersOf.set(id, [...(mattersOf.get(id) ?? []), matter]);
    }
  }
  // One pass each: per-meeting lists and per-topic timelines (a filter per meeting or
  // a scan per resolution page would grow with the square of the archive; see BENCHMARKS.md).
  const byMeeting = new Map<string, ResolutionInMeeting[]>(index.meetings.map((m) => [m.id, []]));
  for (const r of index.resolutions) byMeeting.get(r.meetingId)?.push(r);
  const topicsOf = new Map(index.resolutions.map((r) => [r.id, agendaItemOf(r.meeting, r.item)?.topics ?? []]));
  const byTopic = new Map<string, { id: string; time: number }[]>();
  for (const r of index.resolutions) {
    for (const topic of topicsOf.get(r.id)!) {
      const list = byTopic.get(topic) ?? [];
      list.push({ id: r.id, time: Date.parse(r.meeting.date) });
      byTopic.set(topic, list);
    }
  }
  for (const list of byTopic.values()) list.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  // Oldest meeting first, protocol order inside a meeting (index.resolutions is newest meeting first).
  const chronological = [...byMeeting.values()].reverse().flat();
  const statuses = currentStatuses(matters, (id) => index.meetingById.get(id)?.date);
  const supersedes = new Map<string, string[]>();
  for (const [id, statement] of statuses) {
    if (statement.supersededBy) supersedes.set(statement.supersededBy, [...(supersedes.get(statement.supersededBy) ?? []), id]);
  }
  const register: ResolutionRegister = {
    byId: new Map(index.resolutions.map((r) => [r.id, r])),
    byMeeting,
    byTopic,
    chronological,
    chronologicalPosition: new Map(chronological.map((r, position) => [r.id, position])),
    statuses,
    supersedes,
    matters: mattersOf,
    topics: topicsOf,
    findMentions: createMentionMatcher(index.registries).find,
  };
  registers.set(index, register);
  return register;
}

/**
 * The title of TOP `number` as readers see it above the resolution: the body's
 * heading (the protocol text may word it differently from the agenda), else the
 * agenda item's title.
 * @example topTitle(index, meeting, '1') // => 'Neues aus der Offensive'
 */
export function topTitle(index: ArchiveIndex, meeting: Meeting, number: string | undefined): string | undefined {
  if (number === undefined) return undefined;
  return index.bodies.get(meeting.id)?.topTitles?.[number] || agendaItemOf(meeting, number)?.title;
}

/**
 * The agenda item with the given TOP number, if the meeting's agenda has it.
 * @example agendaItemOf(meeting, '3')?.title // => 'Vereinbarung der OM-Partner zur regionalen Zusammenarbeit …'
 */
export function agendaItemOf(meeting: Pick<Meeting, 'agenda'>, number: string | undefined): Meeting['agenda'][number] | undefined {
  return number === undefined ? undefined : meeting.agenda.find((item) => item.number === number);
}

/** URL slugs and plurals of the resolution kinds: one entry per kind of the schema (a kind without one would show as its slug). */
export const kindInfo: Record<string, KindInfo> = {
  Beschluss: { slug: 'beschluss', plural: 'Beschlüsse', article: 'Zum' },
  Vereinbarung: { slug: 'vereinbarung', plural: 'Vereinbarungen', article: 'Zur' },
  Wahl: { slug: 'wahl', plural: 'Wahlen', article: 'Zur' },
  Entlastung: { slug: 'entlastung', plural: 'Entlastungen', article: 'Zur' },
  Vertagung: { slug: 'vertagung', plural: 'Vertagungen', article: 'Zur' },
} satisfies Record<(typeof resolutionKinds)[number], KindInfo>;

/** A resolution kind's URL slug, plural and the article of "Zum Beschluss"/"Zur Vereinbarung". */
interface KindInfo {
  slug: string;
  plural: string;
  article: 'Zum' | 'Zur';
}

/**
 * The URL slug of a resolution kind.
 * @example kindSlug('Vereinbarung') // => 'vereinbarung'
 */
export function kindSlug(kind: string): string {
  return kindInfo[kind]?.slug ?? kind.toLowerCase();
}

/** The resolutions of the same meeting, in protocol order. */
export function siblingsOf(index: ArchiveIndex, resolution: ResolutionInMeeting) {
  return index.bodies.get(resolution.meetingId)?.resolutions ?? [resolution];
}

/** A resolution's status as displayed. */
export interface StatusView {
  code: ResolutionStatusCode;
  /** `"umgesetzt"`, `"ersetzt durch"` (then `supersededBy` follows). */
  label: string;
  /** The meeting whose protocol states the status, labelled with its date. */
  statedIn: Link;
  /** For `superseded`: the replacing resolution. */
  supersededBy?: Link;
  note?: string;
  /** The matter the statement is recorded in. */
  matter: Link;
}

/**
 * The current status of a resolution as displayed, or undefined if no protocol states one.
 * @example statusView(index, '2021-04-22-strategiekreis-b3') // => { code: 'implemented', label: 'umgesetzt', statedIn: { href: '/sitzungen/2021-11-11-strategiekreis/', label: '11. November 2021' }, … }
 */
export function statusView(index: ArchiveIndex, resolutionId: string): StatusView | undefined {
  const register = resolutionRegister(index);
  const statement = register.statuses.get(resolutionId);
  if (!statement) return undefined;
  const stating = index.meetingById.get(statement.statedIn);
  const replacement = statement.supersededBy ? register.byId.get(statement.supersededBy) : undefined;
  const matter = index.registries.matters.get(statement.matterId);
  return {
    code: statement.status,
    label: statement.status === 'superseded' && statement.supersededBy ? 'ersetzt durch' : statusLabels[statement.status],
    statedIn: {
      href: meetingPath(statement.statedIn),
      label: stating ? formatDate(stating.date) : statement.statedIn,
    },
    supersededBy: statement.supersededBy
      ? {
          href: resolutionPagePath(statement.supersededBy),
          label: replacement
            ? `„${replacement.title}“ vom ${formatDate(replacement.meeting.date)}`
            : statement.supersededBy,
        }
      : undefined,
    note: statement.note,
    matter: { href: matterPath(statement.matterId), label: matter?.title ?? statement.matterId },
  };
}
