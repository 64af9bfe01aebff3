/**
 * Topic step: suggests topics (`content/topics/`) for an agenda item from the
 * topics' keywords, and existing matters (`content/matters/`) with similar
 * titles. Both are suggestions for the reviewer: topics are written into the
 * frontmatter (editable), matters are only printed.
 */
import type { TopicData } from '../../../src/lib/model/schema.ts';
import { titleHits } from '../readers/text.ts';

/** Most topics suggested for one agenda item. */
const MAX_TOPICS = 3;

/**
 * Counts the places where any of the keywords occurs at a word start; a place
 * matched by two keywords ("Energieberater", "Energie") counts once. Short
 * keywords ("KI", "2G") must match case and end at a word end.
 */
function countKeywords(text: string, keywords: readonly string[]): number {
  const places = new Set<number>();
  for (const keyword of keywords) {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const short = keyword.length <= 3;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${short ? '(?![\\p{L}\\p{N}])' : ''}`, short ? 'gu' : 'giu');
    for (const m of text.matchAll(re)) places.add(m.index);
  }
  return places.size;
}

/**
 * Topic ids for an agenda item: a keyword in the title counts 3, in the item's
 * protocol text 1; a topic needs a title hit or two text hits. At most three,
 * best first.
 * @example suggestTopics('Zusatzqualifizierung KI', '', topics) // => ['kuenstliche-intelligenz', …]
 */
export function suggestTopics(title: string, text: string, topics: ReadonlyMap<string, TopicData>): string[] {
  const scored: [string, number][] = [];
  for (const [id, topic] of topics) {
    const inTitle = countKeywords(title, topic.keywords);
    const inText = countKeywords(text, topic.keywords);
    if (inTitle > 0 || inText >= 2) scored.push([id, inTitle * 3 + inText]);
  }
  return scored
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_TOPICS)
    .map(([id]) => id);
}

/** A matter as the importer compares it. */
export interface MatterRef {
  id: string;
  title: string;
  /** Titles of the agenda items already in the matter. */
  itemTitles: string[];
}

/**
 * Existing matters whose title or agenda items share at least two title words
 * with the new agenda item ("Zusatzqualifikation KI" ~ "Zusatzqualifizierung KI als Produkt").
 */
export function suggestMatters(title: string, matters: readonly MatterRef[]): string[] {
  return matters
    .map((m) => ({ id: m.id, hits: Math.max(titleHits(title, m.title), ...m.itemTitles.map((t) => titleHits(title, t))) }))
    .filter((m) => m.hits >= 2)
    .sort((a, b) => b.hits - a.hits)
    .map((m) => m.id);
}
