/**
 * The resolution pages (`/beschluesse/<id>/`) and the list lines other pages show of
 * resolutions: title, status, matters, topics, the people and organisations a resolution
 * names, related resolutions, citation and search metadata. The register itself (statuses,
 * kinds) is `src/lib/index/resolutions.ts`.
 */
import type { ArchiveIndex, ResolutionInMeeting } from '../index/archive-index';
import { absoluteUrl, citationText } from './citation';
import { formatDate } from '../model/format';
import { committeeName, organisationNames, personName } from '../model/labels';
import { topAnchorId } from '../model/anchors';
import { committeePath, matterPath, meetingPath, organisationPath, personPath, resolutionFacetPath, resolutionPagePath, resolutionPath } from '../model/paths';
import { maskContactData } from '../text/privacy';
import { excerpt } from '../text/protocol-body';
import { isReviewed } from '../model/review';
import { voteLabel } from '../model/votes';
import { memoPerIndex } from '../index/memo';
import { type Link, type ResolutionStatusCode, resolutionRegister, topTitle, siblingsOf, type StatusView, statusView } from '../index/resolutions';
import { resolutionPosition, textAfterTitle } from '../index/resolution-title';

/** One line of a list of resolutions. */
export interface ResolutionListItem {
  id: string;
  /** The resolution's own page. */
  href: string;
  /** Its anchor on the meeting page. */
  anchorHref: string;
  kind: string;
  /** What it decides, the link text: `"Die Gespräche mit den großen OM-Transferorganisationen werden fortgesetzt …"` */
  title: string;
  /** Where it stands in its meeting, for the meta line: `"TOP 3, 2. Beschluss"` */
  position: string;
  /** The agenda item's title, if the agenda has it. */
  itemTitle?: string;
  result?: string;
  /** What the text says beyond the title (`textAfterTitle`), shortened to about 220 characters; `''` when the title says it all. */
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
  return listItemOf(index, resolution);
}

/** `resolutionListItem`, once per index and resolution: many pages list the same resolutions. */
const listItemOf = memoPerIndex((index, resolution: ResolutionInMeeting): ResolutionListItem => {
  const status = statusView(index, resolution.id);
  return {
    id: resolution.id,
    href: resolutionPagePath(resolution.id),
    anchorHref: resolutionPath(resolution.meetingId, resolution.id),
    kind: resolution.kind,
    title: resolution.title,
    position: resolutionPosition(resolution, siblingsOf(index, resolution)),
    itemTitle: topTitle(index, resolution.meeting, resolution.item),
    result: resolution.result,
    excerpt: excerpt(textAfterTitle(resolution.title, maskContactData(resolution.text))),
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
});

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
  return topicLimit === 5 ? relatedOf(index, resolutionId) : computeRelated(index, resolutionId, topicLimit);
}

/** `relatedResolutions` with the pages' limit, once per index and resolution (a page's key and its render both ask). */
const relatedOf = memoPerIndex((index, resolutionId: string) => computeRelated(index, resolutionId, 5));

function computeRelated(index: ArchiveIndex, resolutionId: string, topicLimit: number): RelatedResolution[] {
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
  for (const id of register.supersedes.get(resolutionId) ?? []) add(id, 8, 'Wird durch diesen Beschluss ersetzt');
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

/** The people and organisations a resolution's text names, once per index and resolution. */
const mentionsOf = memoPerIndex((index, resolution: ResolutionInMeeting) => resolutionRegister(index).findMentions(resolution.text, resolution.meetingId));

/** Everything a resolution page shows. */
export interface ResolutionView {
  resolution: ResolutionInMeeting;
  /** What it decides (the h1): `"Die „Vereinbarung der OM-Partner zur regionalen Zusammenarbeit“ …"` */
  title: string;
  /** Where it stands in its meeting: `"TOP 3, 2. Beschluss"` */
  position: string;
  /** The agenda item's title (`"Prävention 4.0"`), if the agenda has it: shown and indexed with the position, so a search for the TOP finds the resolution. */
  itemTitle?: string;
  /** The text's paragraphs, contact data masked. */
  paragraphs: string[];
  /** The vote in German where the protocol gives one (`"7 Ja, 0 Nein, 4 Enthaltungen"`, `"einstimmig"`). */
  vote?: string;
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
  /** The closest related resolutions (`relatedShown` at most), strongest relation first. */
  related: (ResolutionListItem & { reasons: string[] })[];
  /** The other related resolutions, for a `<details>`: a page ends a few entries after its text, not a dozen. */
  moreRelated: (ResolutionListItem & { reasons: string[] })[];
  /** Chronological neighbours in the register. */
  older?: Link;
  newer?: Link;
}

/** How many related resolutions a resolution page lists before "Weitere verwandte Beschlüsse". */
export const relatedShown = 5;

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
  const placeInMeeting = resolutionPosition(resolution, siblingsOf(index, resolution));
  const hasHeading = resolution.item !== undefined && (index.bodies.get(meeting.id)?.topNumbers ?? []).includes(resolution.item);
  const committee = committeeName(registries, meeting.committee);
  const url = absoluteUrl(resolutionPagePath(resolution.id), site);
  const mentions = mentionsOf(index, resolution);
  const related = relatedResolutions(index, resolution.id).map(({ resolution: other, reasons }) => ({
    ...resolutionListItem(index, other),
    excerpt: excerpt(textAfterTitle(other.title, maskContactData(other.text)), 140),
    reasons,
  }));
  const { chronological } = register;
  const position = register.chronologicalPosition.get(resolution.id)!;
  const neighbour = (other: ResolutionInMeeting | undefined): Link | undefined =>
    other && {
      href: resolutionPagePath(other.id),
      label: `${other.title}, ${committeeName(registries, other.meeting.committee)}, ${formatDate(other.meeting.date)}`,
    };
  return {
    resolution,
    title: resolution.title,
    position: placeInMeeting,
    itemTitle: itemTitle && maskContactData(itemTitle),
    paragraphs: maskContactData(resolution.text).split(/\n{2,}/),
    ...(resolution.vote && { vote: voteLabel(resolution.vote) }),
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
    citation: citationText({ committee, date: meeting.date, item: resolution.item, kind: resolution.kind, title: resolution.title, url }),
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
    related: related.slice(0, relatedShown),
    moreRelated: related.slice(relatedShown),
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

/**
 * The search metadata (`SearchMeta.astro` props) of a resolution page: display names, not ids.
 * @example resolutionSearchMeta(view) // => { kind: 'Beschluss', title: 'Der Strategiekreis beauftragt Ralf Angerstein, … (Strategiekreis, 11. November 2021)', date: '2021-11-11', committee: 'Strategiekreis', people: ['Achim Sieker'], … }
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
