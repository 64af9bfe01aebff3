/**
 * One search result as the search page shows it, from Pagefind's result data:
 * title, kind, date, committee, and the places in the page where the words are
 * (Pagefind's sub-results: the sections between headings with ids — a TOP
 * `top-5`, a resolution `2021-11-11-strategiekreis-b1`), best first. The title
 * links to the best place, so a hit in TOP 5 lands on TOP 5.
 */

/** An element with an id in a page, as Pagefind reports it (`PagefindSearchAnchor`). */
export interface Anchor {
  element: string;
  id: string;
  text?: string;
  /** Word position in the page content where the element starts. */
  location: number;
}

/** A matching word with its weight (`PagefindWordLocation`). */
export interface WordLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** A section of a page with hits (`PagefindSubResult`). */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations?: WordLocation[];
  /** Absent for hits before the first heading with an id (the page itself). */
  anchor?: Anchor;
}

/** The parts of a result's data (`PagefindSearchFragment`) the page uses. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: SubResult[];
  anchors?: Anchor[];
}

/** A place in a page where the words are. */
export interface Place {
  href: string;
  /** `"TOP 5 – Neue Entwicklungen im BMAS"`, `"TOP 1 – Neues aus der Offensive › Beschluss"`; `undefined` for the page itself. */
  label?: string;
  /** HTML: Pagefind's excerpt, entities escaped, hits in `<mark>`. */
  excerpt: string;
}

/** A result ready to render. */
export interface ResultView {
  /** Where the title links: the best place. */
  href: string;
  title: string;
  /** `Sitzung`, `Beschluss`, … */
  kind?: string;
  /** ISO date. */
  date?: string;
  /** `"11. November 2021"` */
  dateLabel?: string;
  committee?: string;
  /** Best first; the first is where `href` points. */
  places: Place[];
}

/**
 * Anchors that span a whole part of a meeting page rather than one item: a hit
 * there is worth less than the same hit in a TOP (the agenda repeats the TOP
 * titles, which the TOP headings carry too). The meeting page no longer gives these
 * headings ids (issue #25: no "Tagesordnung" place in every hit); kept for an index
 * built from older pages.
 */
const broadAnchors = new Set(['tagesordnung', 'protokoll', 'naechste-termine']);

/** Whether an anchor is an agenda item heading (`top-5`, `top-5-2`). */
export function isTopAnchor(id: string): boolean {
  return /^top-\d/.test(id);
}

/**
 * How strongly a section matches: the sum of its hits' scores (title and heading
 * words weigh more), halved for broad sections such as the agenda.
 * @example placeScore({ locations: [3, 9], anchor: { id: 'top-5', … } }) // => 2 (without weighted locations)
 */
export function placeScore(sub: Pick<SubResult, 'locations' | 'weighted_locations' | 'anchor'>): number {
  const hits = sub.weighted_locations?.length
    ? sub.weighted_locations.reduce((sum, word) => sum + word.balanced_score, 0)
    : sub.locations.length;
  return sub.anchor && broadAnchors.has(sub.anchor.id) ? hits / 2 : hits;
}

/**
 * The agenda item a location belongs to: the last `top-…` anchor at or before it.
 * @example enclosingTop([{ id: 'top-1', location: 10, … }, { id: 'top-2', location: 50, … }], 60)?.id // => 'top-2'
 */
export function enclosingTop(anchors: readonly Anchor[], location: number): Anchor | undefined {
  let found: Anchor | undefined;
  for (const anchor of anchors) {
    if (anchor.location > location) break;
    if (isTopAnchor(anchor.id)) found = anchor;
  }
  return found;
}

/**
 * A section's label: its heading, prefixed with its TOP when the heading is
 * inside one (a resolution, a sub-heading); none for the page itself.
 * @example placeLabel({ title: 'Beschluss', anchor: { id: 'x-b1', location: 40, … } }, anchors) // => 'TOP 1 – Neues aus der Offensive › Beschluss'
 */
export function placeLabel(sub: Pick<SubResult, 'title' | 'anchor'>, anchors: readonly Anchor[]): string | undefined {
  if (!sub.anchor) return undefined;
  const title = tidy(sub.title);
  if (isTopAnchor(sub.anchor.id)) return title;
  const top = enclosingTop(anchors, sub.anchor.location);
  const topTitle = top && tidy(top.text ?? '');
  return topTitle && topTitle !== title ? `${topTitle} › ${title}` : title;
}

/** Collapses whitespace (headings may carry line breaks and permalink text). */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Formats an ISO date the German way, in the browser without date libraries.
 * @example dateLabel('2021-11-11') // => '11. November 2021'
 */
export function dateLabel(isoDate: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * Builds the view of one result: places ranked by `placeScore` (at most
 * `maxPlaces`), the title linking to the best one.
 */
export function resultView(data: ResultData, maxPlaces = 3): ResultView {
  const anchors = [...(data.anchors ?? [])].sort((a, b) => a.location - b.location);
  const ranked = data.sub_results
    .map((sub, index) => ({ sub, index, score: placeScore(sub) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, maxPlaces);
  const places: Place[] = ranked.map(({ sub }) => ({
    href: sub.url,
    label: placeLabel(sub, anchors),
    excerpt: sub.excerpt,
  }));
  if (places.length === 0) places.push({ href: data.url, excerpt: data.excerpt });
  const date = data.meta.date;
  return {
    href: places[0].href,
    title: tidy(data.meta.title ?? '') || data.url,
    kind: data.filters.art?.[0],
    date,
    dateLabel: date ? dateLabel(date) : undefined,
    committee: data.filters.gremium?.[0],
    places,
  };
}
