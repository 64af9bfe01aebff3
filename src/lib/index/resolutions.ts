/**
 * The resolution register: every `<Resolution>` of every protocol with its own
 * page (`/beschluesse/<id>/`), its status as later protocols state it
 * (`content/matters/*.yaml`, `statuses`), its matters, topics, the people and
 * organisations it names, related resolutions, and the register's facets
 * (year, committee, kind, topic). Pure functions over the `ArchiveIndex`; the
 * derived maps are built once per index (`resolutionRegister`).
 */
import type { ArchiveIndex, ResolutionInMeeting } from './archive-index';
import { absoluteUrl, citationText } from '../views/citation';
import { formatDate } from '../model/format';
import { committeeName, organisationNames, personName } from '../model/labels';
import { createMentionMatcher } from '../text/mention-matcher';
import type { Matter, Meeting } from '../model/model';
import { topAnchorId } from '../model/anchors';
import {
  committeePath,
  matterPath,
  meetingPath,
  organisationPath,
  personPath,
  resolutionFacetPath,
  resolutionPagePath,
  resolutionPath,
} from '../model/paths';
import { maskContactData } from '../text/privacy';
import { excerpt } from '../text/protocol-body';
import { isReviewed } from '../model/review';
import { resolutionKinds, type resolutionStatuses } from '../model/schema';

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
  const register: ResolutionRegister = {
    byId: new Map(index.resolutions.map((r) => [r.id, r])),
    byMeeting,
    byTopic,
    chronological,
    chronologicalPosition: new Map(chronological.map((r, position) => [r.id, position])),
    statuses: currentStatuses(matters, (id) => index.meetingById.get(id)?.date),
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

/** URL slugs and plurals of the resolution kinds. */
export const kindInfo: Record<string, { slug: string; plural: string; article: 'Zum' | 'Zur' }> = {
  Beschluss: { slug: 'beschluss', plural: 'Beschlüsse', article: 'Zum' },
  Vereinbarung: { slug: 'vereinbarung', plural: 'Vereinbarungen', article: 'Zur' },
};

/**
 * The URL slug of a resolution kind.
 * @example kindSlug('Vereinbarung') // => 'vereinbarung'
 */
export function kindSlug(kind: string): string {
  return kindInfo[kind]?.slug ?? kind.toLowerCase();
}

/**
 * A link text leading to a resolution's page, with the right article.
 * @example toResolutionText('Vereinbarung') // => 'Zur Vereinbarung'
 */
export function toResolutionText(kind: string): string {
  return `${kindInfo[kind]?.article ?? 'Zu'} ${kind}`;
}

/**
 * A short name for a resolution within its meeting: kind and TOP, with an
 * ordinal when the TOP has several of that kind.
 * @param siblings the resolutions of the same meeting, in protocol order
 * @example resolutionShortTitle({ id: 'm-b3', kind: 'Beschluss', item: '3' }, siblings) // => '2. Beschluss zu TOP 3'
 * @example resolutionShortTitle({ id: 'm-b1', kind: 'Beschluss', item: '1' }, siblings) // => 'Beschluss zu TOP 1'
 */
export function resolutionShortTitle(
  resolution: { id: string; kind: string; item?: string },
  siblings: readonly { id: string; kind: string; item?: string }[],
): string {
  const same = siblings.filter((other) => other.kind === resolution.kind && other.item === resolution.item);
  const position = same.findIndex((other) => other.id === resolution.id) + 1;
  const ordinal = same.length > 1 && position > 0 ? `${position}. ` : '';
  return `${ordinal}${resolution.kind}${resolution.item ? ` zu TOP ${resolution.item}` : ''}`;
}

/** The resolutions of the same meeting, in protocol order. */
function siblingsOf(index: ArchiveIndex, resolution: ResolutionInMeeting) {
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
            ? `${resolutionShortTitle(replacement, siblingsOf(index, replacement))} vom ${formatDate(replacement.meeting.date)}`
            : statement.supersededBy,
        }
      : undefined,
    note: statement.note,
    matter: { href: matterPath(statement.matterId), label: matter?.title ?? statement.matterId },
  };
}

/** One line of a list of resolutions. */
export interface ResolutionListItem {
  id: string;
  /** The resolution's own page. */
  href: string;
  /** Its anchor on the meeting page. */
  anchorHref: string;
  kind: string;
  /** `"2. Beschluss zu TOP 3"` */
  title: string;
  /** The agenda item's title, if the agenda has it. */
  itemTitle?: string;
  result?: string;
  /** The text shortened to about 220 characters. */
  excerpt: string;
  meetingId: string;
  meetingTitle: string;
  meetingHref: string;
  /** ISO date of the meeting. */
  date: string;
  /** `"11. November 2021"` */
  dateLabel: string;
  committee: string;
  /** Status label where a protocol states one (`"umgesetzt"`, `"ersetzt durch …"`). */
  status?: { code: ResolutionStatusCode; label: string };
  /** True until an editor has reviewed the protocol it comes from (`review.status`). */
  unreviewed: boolean;
}

/**
 * The list line of a resolution.
 * @example resolutionListItem(index, r).href // => '/beschluesse/2021-11-11-strategiekreis-b1/'
 */
export function resolutionListItem(index: ArchiveIndex, resolution: ResolutionInMeeting): ResolutionListItem {
  const status = statusView(index, resolution.id);
  return {
    id: resolution.id,
    href: resolutionPagePath(resolution.id),
    anchorHref: resolutionPath(resolution.meetingId, resolution.id),
    kind: resolution.kind,
    title: resolutionShortTitle(resolution, siblingsOf(index, resolution)),
    itemTitle: topTitle(index, resolution.meeting, resolution.item),
    result: resolution.result,
    excerpt: maskContactData(excerpt(resolution.text)),
    meetingId: resolution.meetingId,
    meetingTitle: resolution.meeting.title,
    meetingHref: meetingPath(resolution.meetingId),
    date: resolution.meeting.date,
    dateLabel: formatDate(resolution.meeting.date),
    committee: committeeName(index.registries, resolution.meeting.committee),
    status: status && {
      code: status.code,
      label: status.supersededBy ? `${status.label} ${status.supersededBy.label}` : status.label,
    },
    unreviewed: !isReviewed(resolution.meeting),
  };
}

/** List lines of several resolutions (order kept). */
export function resolutionListItems(index: ArchiveIndex, resolutions: readonly ResolutionInMeeting[]): ResolutionListItem[] {
  return resolutions.map((resolution) => resolutionListItem(index, resolution));
}

/** The resolutions of one meeting within a list. */
export interface MeetingGroup {
  meetingId: string;
  /** `"Strategiekreis, 11. November 2021"` */
  heading: string;
  href: string;
  date: string;
  items: ResolutionListItem[];
}

/**
 * Groups list lines by meeting, keeping their order (consecutive lines of one meeting form a group).
 * @example groupByMeeting(items).map((g) => g.heading) // => ['Strategiekreis, 11. November 2021', 'Strategiekreis, 22. April 2021']
 */
export function groupByMeeting(items: readonly ResolutionListItem[]): MeetingGroup[] {
  const groups: MeetingGroup[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.meetingId === item.meetingId) last.items.push(item);
    else
      groups.push({
        meetingId: item.meetingId,
        heading: `${item.committee}, ${item.dateLabel}`,
        href: item.meetingHref,
        date: item.date,
        items: [item],
      });
  }
  return groups;
}

/** A related resolution and why it is related. */
export interface RelatedResolution {
  resolution: ResolutionInMeeting;
  /** German reasons, strongest first: `['Gleicher Vorgang: „…“', 'Gleicher TOP']`. */
  reasons: string[];
}

/**
 * Resolutions related to one: replaced by or replacing it, same matter, same
 * agenda item, shared topic of the agenda item. Strongest relation first, then
 * nearest in time. Resolutions related only by topic are capped at `topicLimit`.
 * @example relatedResolutions(index, '2021-04-22-strategiekreis-b3').map((r) => r.reasons[0])
 *   // => ['Gleicher Vorgang: „Vereinbarung der OM-Partner zur regionalen Zusammenarbeit“', …]
 */
export function relatedResolutions(index: ArchiveIndex, resolutionId: string, topicLimit = 5): RelatedResolution[] {
  const register = resolutionRegister(index);
  const self = register.byId.get(resolutionId);
  if (!self) return [];
  /** Candidate id => score of its strong relations, their reasons, and the shared topic names. */
  const found = new Map<string, { score: number; reasons: string[]; topics: string[] }>();
  const entry = (id: string) => {
    const existing = found.get(id) ?? { score: 0, reasons: [], topics: [] };
    found.set(id, existing);
    return existing;
  };
  const add = (id: string, score: number, reason: string) => {
    if (id === resolutionId || !register.byId.has(id)) return;
    const candidate = entry(id);
    if (candidate.reasons.includes(reason)) return;
    candidate.score += score;
    candidate.reasons.push(reason);
  };
  const own = register.statuses.get(resolutionId);
  if (own?.supersededBy) add(own.supersededBy, 8, 'Ersetzt diesen Beschluss');
  for (const [id, statement] of register.statuses) {
    if (statement.supersededBy === resolutionId) add(id, 8, 'Wird durch diesen Beschluss ersetzt');
  }
  for (const matter of register.matters.get(resolutionId) ?? []) {
    for (const id of matter.consultations.flatMap((c) => c.resolutions)) add(id, 4, `Gleicher Vorgang: „${matter.title}“`);
  }
  if (self.item) {
    for (const other of siblingsOf(index, self)) {
      if (other.item === self.item) add(other.id, 2, `Gleicher TOP ${self.item} dieser Sitzung`);
    }
  }
  // Topic neighbours: per shared topic, the resolutions nearest in time (binary search in
  // the topic's timeline), so the work per page does not grow with the archive.
  const ownTopics = register.topics.get(resolutionId) ?? [];
  const selfTime = Date.parse(self.meeting.date);
  const window = topicLimit * 2;
  for (const topic of ownTopics) {
    const list = register.byTopic.get(topic) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].time < selfTime) lo = mid + 1;
      else hi = mid;
    }
    for (const { id } of list.slice(Math.max(0, lo - window), lo + window)) {
      if (id === resolutionId) continue;
      entry(id).topics.push(index.registries.topics.get(topic)?.name ?? topic);
    }
  }
  const times = new Map([...found.keys()].map((id) => [id, Date.parse(register.byId.get(id)!.meeting.date)]));
  const distance = (id: string) => Math.abs(times.get(id)! - selfTime);
  const ranked = [...found]
    .sort(
      ([a, x], [b, y]) =>
        y.score - x.score || y.topics.length - x.topics.length || distance(a) - distance(b) || a.localeCompare(b),
    )
    .map(([id, candidate]) => ({
      resolution: register.byId.get(id)!,
      strong: candidate.score > 0,
      reasons: [
        ...candidate.reasons,
        ...(candidate.topics.length === 0
          ? []
          : [`${candidate.topics.length === 1 ? 'Gemeinsames Thema' : 'Gemeinsame Themen'}: ${candidate.topics.join(', ')}`]),
      ],
    }));
  const strong = ranked.filter((r) => r.strong);
  const topical = ranked.filter((r) => !r.strong).slice(0, topicLimit);
  return [...strong, ...topical].map(({ resolution, reasons }) => ({ resolution, reasons }));
}

/** Everything a resolution page shows. */
export interface ResolutionView {
  resolution: ResolutionInMeeting;
  /** `"Beschluss zu TOP 3: Vereinbarung der OM-Partner …"` (the h1) */
  title: string;
  /** `"Beschluss zu TOP 3"` */
  shortTitle: string;
  /** The text's paragraphs, contact data masked. */
  paragraphs: string[];
  committee: Link;
  /** The meeting: its title, linked. */
  meeting: Link & { date: string; dateLabel: string };
  /** The agenda item: `"TOP 3 – Title"`, linked to its heading on the meeting page when there is one. */
  agendaItem?: { number: string; label: string; href?: string };
  /** The resolution's anchor on the meeting page. */
  anchorHref: string;
  /** The permanent absolute URL of this page. */
  url: string;
  citation: string;
  status?: StatusView;
  matters: Link[];
  /** Topics of the agenda item, linked to the register filtered by topic. */
  topics: Link[];
  /** People and organisations the text names, linked to their pages, in order of first mention. */
  people: Link[];
  organisations: Link[];
  related: (ResolutionListItem & { reasons: string[] })[];
  /** Chronological neighbours in the register. */
  older?: Link;
  newer?: Link;
}

/** Routes for `/beschluesse/<id>/`. @example resolutionPaths(index)[0] // => { params: { id: '2021-11-11-strategiekreis-b1' } } */
export function resolutionPaths(index: ArchiveIndex): { params: { id: string } }[] {
  return index.resolutions.map((resolution) => ({ params: { id: resolution.id } }));
}

/** Deduplicates links by href, keeping the first. */
function uniqueLinks(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.href) && seen.add(link.href));
}

/**
 * Builds the view model of a resolution page.
 * @param site the site's base URL (`Astro.site`), for the absolute permalink
 * @throws if the id is not a resolution in the archive (a route asked for one that does not exist)
 */
export function resolutionView(index: ArchiveIndex, resolutionId: string, site?: URL | string): ResolutionView {
  const register = resolutionRegister(index);
  const resolution = register.byId.get(resolutionId);
  if (!resolution) {
    throw new Error(`resolutionView: no <Resolution id="${resolutionId}"> in content/protocols/. Fix: link an existing resolution id.`);
  }
  const { meeting, registries } = { meeting: resolution.meeting, registries: index.registries };
  const itemTitle = topTitle(index, meeting, resolution.item);
  const shortTitle = resolutionShortTitle(resolution, siblingsOf(index, resolution));
  const hasHeading = resolution.item !== undefined && (index.bodies.get(meeting.id)?.topNumbers ?? []).includes(resolution.item);
  const committee = committeeName(registries, meeting.committee);
  const url = absoluteUrl(resolutionPagePath(resolution.id), site);
  const mentions = register.findMentions(resolution.text, meeting.id);
  const { chronological } = register;
  const position = register.chronologicalPosition.get(resolution.id)!;
  const neighbour = (other: ResolutionInMeeting | undefined): Link | undefined =>
    other && {
      href: resolutionPagePath(other.id),
      label: `${resolutionShortTitle(other, siblingsOf(index, other))}, ${committeeName(registries, other.meeting.committee)}, ${formatDate(other.meeting.date)}`,
    };
  return {
    resolution,
    title: itemTitle ? `${shortTitle}: ${itemTitle}` : shortTitle,
    shortTitle,
    paragraphs: maskContactData(resolution.text).split(/\n{2,}/),
    committee: { href: committeePath(meeting.committee), label: committee },
    meeting: { href: meetingPath(meeting.id), label: meeting.title, date: meeting.date, dateLabel: formatDate(meeting.date) },
    agendaItem: resolution.item
      ? {
          number: resolution.item,
          label: itemTitle ? `TOP ${resolution.item} – ${itemTitle}` : `TOP ${resolution.item}`,
          href: hasHeading ? `${meetingPath(meeting.id)}#${topAnchorId(resolution.item)}` : undefined,
        }
      : undefined,
    anchorHref: resolutionPath(meeting.id, resolution.id),
    url,
    citation: citationText({ committee, date: meeting.date, item: resolution.item, kind: resolution.kind, id: resolution.id, url }),
    status: statusView(index, resolution.id),
    matters: (register.matters.get(resolution.id) ?? []).map((matter) => ({ href: matterPath(matter.id), label: matter.title })),
    topics: (register.topics.get(resolution.id) ?? []).map((id) => ({
      href: resolutionFacetPath('thema', id),
      label: registries.topics.get(id)?.name ?? id,
    })),
    people: uniqueLinks(
      mentions.filter((m) => m.kind === 'person').map((m) => ({ href: personPath(m.id), label: personName(registries, m.id) })),
    ),
    organisations: uniqueLinks(
      mentions
        .filter((m) => m.kind === 'organisation')
        .map((m) => {
          const names = organisationNames(registries, m.id);
          return { href: organisationPath(m.id), label: names.short, title: names.full };
        }),
    ),
    related: relatedResolutions(index, resolution.id).map(({ resolution: other, reasons }) => ({
      ...resolutionListItem(index, other),
      excerpt: maskContactData(excerpt(other.text, 140)),
      reasons,
    })),
    older: neighbour(position > 0 ? chronological[position - 1] : undefined),
    newer: neighbour(chronological[position + 1]),
  };
}

/** What the resolution box on a meeting page shows besides the text. */
export interface ResolutionBoxView {
  /** The resolution's own page. */
  pageHref: string;
  status?: StatusView;
}

/**
 * The extras of a resolution box in the protocol text (`Resolution.astro`).
 * @example resolutionBox(index, '2021-04-22-strategiekreis-b7') // => { pageHref: '/beschluesse/2021-04-22-strategiekreis-b7/', status: { label: 'in Umsetzung', … } }
 */
export function resolutionBox(index: ArchiveIndex, resolutionId: string): ResolutionBoxView {
  return { pageHref: resolutionPagePath(resolutionId), status: statusView(index, resolutionId) };
}

// ---------------------------------------------------------------------------
// The register's facets: /beschluesse/<facet>/<value>/

/** The facets of the register, with their German names. */
export const facetNames = { jahr: 'Jahr', gremium: 'Gremium', art: 'Art', thema: 'Thema' } as const;

/** A facet's URL segment. */
export type Facet = keyof typeof facetNames;

/** One value of a facet, with how many resolutions it has. */
export interface FacetValue {
  facet: Facet;
  /** URL segment: `"2021"`, `"strategiekreis"`, `"vereinbarung"`, `"digitalisierung"`. */
  value: string;
  /** `"2021"`, `"Strategiekreis"`, `"Vereinbarungen"`, `"Digitalisierung"`. */
  label: string;
  href: string;
  count: number;
}

/** The value(s) of a facet that a resolution has. */
function valuesOf(index: ArchiveIndex, resolution: ResolutionInMeeting, facet: Facet): string[] {
  switch (facet) {
    case 'jahr':
      return [resolution.meeting.date.slice(0, 4)];
    case 'gremium':
      return [resolution.meeting.committee];
    case 'art':
      return [kindSlug(resolution.kind)];
    case 'thema':
      return resolutionRegister(index).topics.get(resolution.id) ?? [];
  }
}

/** The display label of a facet value. */
function facetLabel(index: ArchiveIndex, facet: Facet, value: string): string {
  switch (facet) {
    case 'jahr':
      return value;
    case 'gremium':
      return committeeName(index.registries, value);
    case 'art':
      return Object.entries(kindInfo).find(([, info]) => info.slug === value)?.[1].plural ?? value;
    case 'thema':
      return index.registries.topics.get(value)?.name ?? value;
  }
}

/**
 * The values of every facet that have resolutions, with counts: years newest
 * first, committees by count, kinds in schema order, topics by name.
 * @example registerFacets(index).jahr.map((v) => v.label) // => ['2021', '2020', '2017']
 */
export function registerFacets(index: ArchiveIndex): Record<Facet, FacetValue[]> {
  const result = {} as Record<Facet, FacetValue[]>;
  for (const facet of Object.keys(facetNames) as Facet[]) {
    const counts = new Map<string, number>();
    for (const resolution of index.resolutions) {
      for (const value of valuesOf(index, resolution, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values = [...counts].map(([value, count]) => ({
      facet,
      value,
      label: facetLabel(index, facet, value),
      href: resolutionFacetPath(facet, value),
      count,
    }));
    const kindOrder = resolutionKinds.map(kindSlug);
    values.sort((a, b) => {
      if (facet === 'jahr') return b.value.localeCompare(a.value);
      if (facet === 'gremium') return b.count - a.count || a.label.localeCompare(b.label, 'de');
      if (facet === 'art') return kindOrder.indexOf(a.value) - kindOrder.indexOf(b.value);
      return a.label.localeCompare(b.label, 'de');
    });
    result[facet] = values;
  }
  return result;
}

/**
 * The resolutions with one facet value, newest first.
 * @example resolutionsInFacet(index, 'art', 'vereinbarung').every((r) => r.kind === 'Vereinbarung') // => true
 */
export function resolutionsInFacet(index: ArchiveIndex, facet: Facet, value: string): ResolutionInMeeting[] {
  return index.resolutions.filter((resolution) => valuesOf(index, resolution, facet).includes(value));
}

/** Routes for `/beschluesse/<facet>/<value>/`: one per facet value that has resolutions. */
export function resolutionFacetPaths(index: ArchiveIndex): { params: { facet: Facet; value: string } }[] {
  const facets = registerFacets(index);
  return (Object.keys(facets) as Facet[]).flatMap((facet) => facets[facet].map(({ value }) => ({ params: { facet, value } })));
}

/** A register page filtered by one facet. */
export interface FacetPageView {
  /** `"Beschlüsse und Vereinbarungen 2021"`, `"Vereinbarungen"`, `"… zum Thema Digitalisierung"` */
  title: string;
  facet: Facet;
  value: string;
  groups: MeetingGroup[];
  count: number;
}

/**
 * The view of one facet page.
 * @throws if the facet value has no resolutions (a route asked for a page that does not exist)
 * @example facetPageView(index, 'gremium', 'plenum').title // => 'Beschlüsse und Vereinbarungen: Plenum'
 */
export function facetPageView(index: ArchiveIndex, facet: Facet, value: string): FacetPageView {
  const resolutions = resolutionsInFacet(index, facet, value);
  if (!(facet in facetNames) || resolutions.length === 0) {
    throw new Error(`facetPageView: no resolutions for ${facet} "${value}". Fix: link a value from registerFacets(index).`);
  }
  const label = facetLabel(index, facet, value);
  const titles: Record<Facet, string> = {
    jahr: `Beschlüsse und Vereinbarungen ${label}`,
    gremium: `Beschlüsse und Vereinbarungen: ${label}`,
    art: label,
    thema: `Beschlüsse und Vereinbarungen zum Thema ${label}`,
  };
  return { title: titles[facet], facet, value, groups: groupByMeeting(resolutionListItems(index, resolutions)), count: resolutions.length };
}

/**
 * The search metadata (`SearchMeta.astro` props) of a resolution page: display names, not ids.
 * @example resolutionSearchMeta(view) // => { kind: 'Beschluss', title: 'Beschluss zu TOP 1: …', date: '2021-11-11', committee: 'Strategiekreis', people: ['Achim Sieker'], … }
 */
export function resolutionSearchMeta(view: ResolutionView) {
  return {
    kind: 'Beschluss' as const,
    title: `${view.title} (${view.committee.label}, ${view.meeting.dateLabel})`,
    date: view.meeting.date,
    committee: view.committee.label,
    people: view.people.map((link) => link.label),
    organisations: view.organisations.map((link) => link.label),
    topics: view.topics.map((link) => link.label),
  };
}
