/**
 * Sub-heading step: a short line in a TOP's text that repeats one of the
 * item's sub-points from the agenda ("Zukünftige wichtige Themen der OM" under
 * "4. Zukünftige Arbeitsweisen der OM  Präsenz – hybrid – virtuell …  Zukünftige
 * wichtige Themen der OM …") becomes a `###` heading, so readers and the
 * search index can land on it. So does a line that names a sub-item of the TOP it stands
 * in ("TOP 3.1: Fragenkatalog", "3.1 Fragenkatalog" under TOP 3): a sub-item is no TOP of
 * its own (its resolutions belong to TOP 3), but it gets its own heading.
 */
import type { Section } from '../model.ts';
import { titleHits, titleOverlap } from '../readers/text.ts';

/** Longest line that can be a sub-heading. */
const MAX_LENGTH = 80;

/** A sub-item line: "TOP 3.1: Title", "Zu TOP 3.1 – Title", "3.1 Title" (TOP number, sub-number, title). */
const SUB_ITEM = /^(?:Zu\s+)?(?:TOP\s*)?(\d{1,2})\.(\d{1,2})\.?(?:\s*[:–-]\s*|\s+)(\p{L}.*)$/iu;

/**
 * Whether a block names a sub-item of TOP `number` (see SUB_ITEM; no sentence: no final stop).
 * @example isSubItemLine('TOP 3.1: Fragenkatalog', '3') // => true
 */
export function isSubItemLine(text: string, number: string): boolean {
  const m = SUB_ITEM.exec(text.trim());
  return m !== null && String(Number(m[1])) === number && text.length <= MAX_LENGTH && !/[.;!?:]$/.test(text.trim());
}

/**
 * Marks the sub-heading paragraphs of each numbered section in place.
 * @param agendaText TOP number => the agenda item's title and details
 */
export function markSubheadings(sections: Section[], agendaText: ReadonlyMap<string, string>): void {
  for (const section of sections) {
    const reference = section.number ? agendaText.get(section.number) : undefined;
    if (!reference) continue;
    section.blocks.forEach((block, i) => {
      const text = block.text.replace(/\*\*/g, '').trim();
      const isLast = i === section.blocks.length - 1;
      // A block on the heading's own source line is the agenda entry's text printed with it (Word tables), not a sub-heading.
      if (block.kind === 'paragraph' && isSubItemLine(text, section.number!)) {
        block.kind = 'heading';
        return;
      }
      if (block.kind !== 'paragraph' || isLast || block.line === section.line || text.length > MAX_LENGTH || /[.;!?:]$/.test(text)) return;
      if (titleOverlap(text, section.title) >= 0.6) return;
      if (titleHits(text, reference) >= 2 && titleOverlap(text, reference) >= 0.6) block.kind = 'heading';
    });
  }
}
