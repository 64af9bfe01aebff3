/**
 * Small text rules shared by the readers: word sets for comparing a body
 * heading with the agenda, TOP heading shapes, and reading markdown lines
 * (Word exports) into body blocks.
 */
import type { BodyBlock, SourceLine } from '../model.ts';

/** Lower-cased words of ≥ 3 letters, umlauts kept; used to compare titles. */
export function titleWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\d]{3,}/gu) ?? []).filter((w) => !STOP.has(w));
}

// Function words carry no evidence that a heading repeats an agenda title.
const STOP = new Set(['der', 'die', 'das', 'und', 'des', 'dem', 'den', 'für', 'mit', 'von', 'zur', 'zum', 'aus', 'bei', 'ein', 'eine', 'inkl']);

/**
 * Share of `candidate`'s title words that occur in `reference` (0..1); used to
 * decide whether a numbered body line repeats an agenda item's title.
 * @example titleOverlap('5. Neue Entwicklungen im Bundesministerium', 'Neue Entwicklungen im BMAS') // => 0.67
 */
export function titleOverlap(candidate: string, reference: string): number {
  const words = titleWords(candidate);
  return words.length === 0 ? 0 : titleHits(candidate, reference) / words.length;
}

/** How many of `candidate`'s title words occur in `reference` (prefix matches of ≥ 5 letters count). */
export function titleHits(candidate: string, reference: string): number {
  const ref = titleWords(reference);
  return titleWords(candidate).filter((w) => ref.some((r) => r === w || (w.length >= 5 && (r.startsWith(w) || w.startsWith(r))))).length;
}

/** A numbered line: "1. Title", " 4. Title", "7 Verschiedenes". Returns number and title. */
export function numberedLine(text: string): { number: string; title: string } | null {
  const m = /^\s*(\d{1,2})(?:\.|\s)\s*(\S.*)$/.exec(text);
  if (!m) return null;
  // "09:10 Uhr" and "11. November 2021" are not numbered items.
  if (/^\d/.test(m[2]) || /^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/.test(m[2])) return null;
  return { number: String(Number(m[1])), title: m[2].trim() };
}

/** A markdown TOP heading of a Word export: "## TOP 1 Neues aus der Offensive", "## 3. Title". */
export function markdownTopHeading(text: string): { number: string; title: string } | null {
  const m = /^#{1,6}\s*(?:TOP\s*)?(\d{1,2})\.?\s*[:.–-]?\s*(.*)$/i.exec(text.trim());
  return m ? { number: String(Number(m[1])), title: m[2].trim() } : null;
}

/**
 * Reads markdown lines (a Word export's body, or converted HTML) into blocks:
 * blank lines separate paragraphs; "- "/"* "/"+ " start a bullet, indented ones
 * a sub-bullet; "#" lines are headings.
 */
export function markdownBlocks(lines: SourceLine[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let current: BodyBlock | null = null;
  for (const { n, text } of lines) {
    const line = text.trimEnd();
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line.trim());
    const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', text: heading[1], markdown: true, line: n });
      current = null;
    } else if (bullet) {
      current = { kind: bullet[1].length >= 2 ? 'subbullet' : 'bullet', text: bullet[2], markdown: true, line: n };
      blocks.push(current);
    } else if (current && !LINK_LINE.test(line) && !LINK_LINE.test(current.text)) {
      // A line that is only an address never joins the text around it (issue #12:
      // "Mitschrift Erika Beispiel" + "mailto:…" became one name).
      current.text += ` ${line.trim()}`;
    } else {
      current = { kind: 'paragraph', text: line.trim(), markdown: true, line: n };
      blocks.push(current);
    }
  }
  return blocks;
}

/** A markdown line that is only a web or mail address, bare or as a link. */
const LINK_LINE = /^\s*(?:\[[^\]]*\]\()?(?:<)?(?:https?:\/\/|www\.|mailto:)\S*\s*$/i;

/** Collapses runs of white space to single spaces and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
