/**
 * Small text rules shared by the readers: word sets for comparing a body
 * heading with the agenda, TOP heading shapes, and reading markdown lines
 * (Word exports) into body blocks.
 */
import { LineError } from '../errors.ts';
import { htmlDepth, MAX_HTML_DEPTH, plainFromMarkdown } from './html.ts';
import type { BodyBlock, RawAgendaItem, Section, SourceLine } from '../model.ts';

/**
 * Rejects a line whose HTML tags nest deeper than MAX_HTML_DEPTH (issue #12, class 8: 20,000
 * `<b>` overflowed the stack), in Word exports and PDF text alike: such a line is broken markup
 * whichever reader gets it. @throws LineError naming the line
 */
export function rejectDeepHtml(lines: SourceLine[]): void {
  for (const l of lines) {
    if (l.text.includes('<') && htmlDepth(l.text) > MAX_HTML_DEPTH) {
      throw new LineError(l.n, `HTML tags nested more than ${MAX_HTML_DEPTH} levels deep.`, 'export the document again, or remove the repeated formatting (e.g. <b> inside <b>) in this line.');
    }
  }
}

/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes every item as an
 * argument and overflows the call stack for a long file (issue #22: a PDF of 2,000 pages).
 * @example appendAll([1], [2, 3]) // => [1, 2, 3]
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

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

/** A markdown TOP heading of a Word export: "## TOP 1 Neues aus der Offensive", "## TOP Ö 2: Title", "## 3. Title"; not a sub-item ("### 3.1 …"). */
export function markdownTopHeading(text: string): { number: string; title: string } | null {
  const keyword = topHeading(text);
  if (keyword && /^\s*#{1,6}\s/.test(text)) return keyword;
  // "### 3.1 Fragenkatalog" is a sub-item of TOP 3, no TOP heading of its own.
  const m = /^#{1,6}\s*(?:TOP\s*)?(\d{1,2})(?![.,]\d)\.?\s*[:.–-]?\s*(.*)$/i.exec(text.trim());
  return m ? { number: String(Number(m[1])), title: m[2].trim() } : null;
}

/**
 * A heading that names its TOP with the keyword, in the shapes German bodies use:
 * "TOP 1: Title", "TOP 1 – Title", "TOP 1 Title", "TOP 1." + title, "Zu TOP 1: Title",
 * "Top 0: Regularia", "TOP Ö 1: Title" / "TOP NÖ 2: …" (öffentlicher / nichtöffentlicher
 * Teil), also behind markdown "## " or in bold ("**TOP 1: Title**"). The title may be empty
 * (it then stands on the next line). Sub-items ("TOP 3.1") are no TOP heading; a sentence
 * that only refers to a TOP ("Zu TOP 3 wird auf die Vorlage verwiesen.") is told apart by
 * the reader (it ends with a full stop).
 * @example topHeading('Zu TOP 2: Bebauungsplan Nr. 87') // => { number: '2', title: 'Bebauungsplan Nr. 87' }
 */
export function topHeading(text: string): { number: string; title: string } | null {
  const t = text.trim().replace(/^#{1,6}\s+/, '').replace(/\*\*/g, '').trim();
  const m = /^(?:Zu\s+)?TOP\s*(?:N?Ö\s*)?(\d{1,2})(?![\d.,]\d)\.?\s*(?:[:–—-]\s*|\s+|$)(?!\d)(.*)$/i.exec(t);
  if (!m) return null;
  return { number: String(Number(m[1])), title: m[2].trim() };
}

/**
 * Agenda entries made from the body's TOP headings, for a protocol with TOP headings but no
 * agenda of its own: each numbered section is an item with its heading as title.
 */
export function agendaFromSections(sections: Section[]): RawAgendaItem[] {
  return sections.filter((s) => s.number !== null && s.title !== '').map((s) => ({ number: s.number, title: s.title, rest: '', line: s.line }));
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

/**
 * Plain text of a body block, for recognising sentences and for the frontmatter (an
 * appointment's sentence): markdown emphasis removed; a Word export's markdown read off
 * whole (`plainFromMarkdown`: "mba\\@firma" is "mba@firma", a link its text), since a
 * backslash left there showed on the page.
 * @example plainBlock({ kind: 'paragraph', text: '**Beschluss:** ja', line: 3 }) // => 'Beschluss: ja'
 */
export function plainBlock(b: { text: string; markdown?: boolean }): string {
  return b.markdown ? plainFromMarkdown(b.text).trim() : b.text.replace(/\*\*|__/g, '').trim();
}
