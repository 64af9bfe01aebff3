/**
 * Reader for protocols exported from Word to markdown: markdown headings,
 * tab-separated table rows, HTML fragments inside cells.
 *
 * Two layouts are met: (a) an agenda table followed by a body with one
 * markdown heading per TOP ("## TOP 1 …"); (b) no TOP headings at all, where
 * each numbered table row holds the TOP's title (first bold text), presenter
 * and its whole protocol text, and rows with an empty number cell continue the
 * previous TOP.
 */
import { htmlToMarkdown, plainFromMarkdown, stripTags } from './html.ts';
import type { BodyBlock, RawAgendaItem, ReadProtocol, Section, SourceLine } from '../model.ts';
import { findTimes } from './dates.ts';
import { isAgendaBreak, readAgenda } from './pdf-text.ts';
import { agendaFromSections, appendAll, markdownBlocks, markdownTopHeading, numberedLine, rejectDeepHtml, squash, topHeading } from './text.ts';

/** Markup that Word-to-markdown exports produce; a `<script>` in protocol text is not one. */
const HTML = /<\/?(?:p|b|i|u|em|strong|ul|ol|li|br|a|table|tr|td|th|span|div)(?:\s[^>]*)?\/?>/i;

/**
 * True when the text is a Word-to-markdown export, not PDF text: decided by several signals,
 * never by one line (issue #12, class G: a PDF line "# 1 der Anfrage" or "> 15 m" is text).
 * Points: tab-separated table rows (2 for two rows or more, 1 for one), the exporter's HTML
 * tags (2 for two lines or more, 1 for one), markdown headings followed by a blank line as an
 * exporter writes them (1), bold `**…**` spans (1); PDF line-end hyphenation (two lines or more
 * ending "Buchsta-" with the next line going on in lower case) takes 1 away. A Word export
 * scores 2 or more. Limit: a Word export that is plain paragraphs with one heading reads as PDF
 * text, which gives the same paragraphs.
 */
export function isWordExport(lines: SourceLine[]): boolean {
  return wordExportScore(lines) >= 2;
}

/** The points of `isWordExport`, for tests and messages. */
export function wordExportScore(lines: SourceLine[]): number {
  let rows = 0;
  let html = 0;
  let headings = 0;
  let bold = 0;
  let hyphenated = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    const next = lines[i + 1]?.text;
    if (/\S\t|\t\S/.test(text)) rows++;
    if (HTML.test(text)) html++;
    if (/^#{1,6}\s+\S/.test(text) && (next === undefined || next.trim() === '')) headings++;
    if (/\*\*[^*\s][^*]*\*\*/.test(text)) bold++;
    if (/\p{Ll}-\s*$/u.test(text) && next !== undefined && /^\s*\p{Ll}/u.test(next)) hyphenated++;
  }
  const points = (count: number) => (count >= 2 ? 2 : count);
  return points(rows) + points(html) + (headings > 0 ? 1 : 0) + (bold > 0 ? 1 : 0) - (hyphenated >= 2 ? 1 : 0);
}

/** Splits a table row into cells (tab-separated). */
function cells(text: string): string[] {
  return text.split('\t');
}

/** A row's number cell ("1.", "<p>4.</p>", "7", "8") as "1"…, else null. */
function rowNumber(cell: string): string | null {
  const m = /^(\d{1,2})\.?$/.exec(stripTags(cell).trim());
  return m ? String(Number(m[1])) : null;
}

/** Reads a Word export into header, agenda and sections. */
export function readWordExport(lines: SourceLine[]): ReadProtocol {
  rejectDeepHtml(lines);
  const isRow = (l: SourceLine) => l.text.includes('\t');
  // Without an agenda table the header ends at the first TOP heading, else at the first
  // bold paragraph title ("**Begrüßung**"): never is the whole text read as header.
  const topAt = lines.findIndex((l) => isTopHeading(l.text));
  let firstRow = lines.findIndex((l) => isRow(l) || isAgendaLabel(l.text));
  // A "Tagesordnung" label after a table ends the header there: the tab table before it
  // (attendance: Name | Fraktion | anwesend) belongs to the header, not to the agenda.
  const label = lines.findIndex((l, i) => i > firstRow && isAgendaLabel(l.text));
  // Only a table that is not itself agenda-like (no label of its own, no numbered rows) is moved into the header.
  const tableBefore = firstRow >= 0 && !isAgendaLabel(lines[firstRow].text) ? lines.slice(firstRow, label) : [];
  if (label > firstRow && tableBefore.length && !tableBefore.some((l) => isTopHeading(l.text) || (isRow(l) && rowNumber(cells(l.text)[0]) !== null))) firstRow = label;
  const boldTitle = lines.findIndex((l, i) => i > 2 && /^\s*\*\*[^*]+\*\*\s*$/.test(l.text));
  const headerEnd = firstRow >= 0 ? firstRow : topAt >= 0 ? topAt : boldTitle >= 0 ? boldTitle : lines.length;
  const header = lines.slice(0, headerEnd).map((l) => ({ n: l.n, text: l.text.replace(/^#{1,6}\s*/, '') }));

  // "TOP 1: …" paragraphs under "Tagesordnung" are the agenda when the body repeats them as
  // markdown headings ("## TOP 1: …"): the body starts at the first markdown TOP heading.
  const firstTop = lines.findIndex((l, i) => i >= headerEnd && isTopHeading(l.text));
  const markdownTop = lines.findIndex((l, i) => i > firstTop && /^#{1,6}\s/.test(l.text) && isTopHeading(l.text));
  const bodyStart = firstTop >= 0 && !/^#{1,6}\s/.test(lines[firstTop].text) && markdownTop > firstTop && headingOf(lines[markdownTop].text)?.number === headingOf(lines[firstTop].text)?.number ? markdownTop : firstTop;
  if (bodyStart >= 0) {
    const between = lines.slice(headerEnd, bodyStart);
    // Paragraphs after the agenda and before the first TOP heading are protocol text (a preamble).
    const agendaEnd = agendaListEnd(between);
    const agendaLines = between.slice(0, agendaEnd);
    const preamble = between.slice(agendaEnd);
    const rows = agendaLines.filter(isRow);
    const sections = sectionsFromHeadings(lines.slice(bodyStart));
    if (preamble.some((l) => l.text.trim())) {
      sections.unshift({ number: null, title: '', line: preamble.find((l) => l.text.trim())!.n, blocks: markdownBlocks(preamble) });
    }
    const listed = rows.length ? agendaFromTable(rows) : readAgenda(agendaLines.filter((l) => !isAgendaLabel(l.text)));
    // No agenda, but TOP headings: the headings are the agenda.
    const agenda = listed.some((a) => a.number) ? listed : [...listed, ...agendaFromSections(sections)];
    return { style: 'word-export', header, agendaLines, agenda, sections, debris: [] };
  }
  const rows = lines.slice(headerEnd);
  const { agenda, sections } = sectionsFromRows(rows);
  return { style: 'word-export', header, agendaLines: [], agenda, sections, debris: [] };
}

/** The "Tagesordnung" label line ("Tagesordnung", "Tagesordnung:", "**Tagesordnung**", "## Tagesordnung", a table row). */
function isAgendaLabel(text: string): boolean {
  return /^\s*(?:#{1,6}\s*)?(?:\*\*)?Tagesordnung\b/i.test(text);
}

/**
 * A TOP heading of a Word export: a markdown heading "## TOP 1 …" / "## 3. Title", a
 * paragraph "TOP 1: Title" / "**TOP 1: Title**" (the keyword is the evidence), or a bold
 * numbered paragraph "**1. Begrüßung**".
 */
function isTopHeading(text: string): boolean {
  if (/^#{1,6}\s/.test(text)) return markdownTopHeading(text) !== null;
  const t = text.trim();
  if (t.length > 160 || /[.;!?]\**$/.test(t)) return false;
  return topHeading(t) !== null || /^\*\*\d{1,2}\.\s+[^*]+\*\*$/.test(t);
}

/**
 * The heading's number and title (see isTopHeading). The title is the text a reader sees:
 * markdown read off ("## 2. **Werte** \\< 10" is "Werte < 10"), since the MDX heading and
 * the agenda hold it as text; kept as markdown, "**" and "&lt;" showed on the page.
 */
function headingOf(text: string): { number: string; title: string } | null {
  const top = /^#{1,6}\s/.test(text) ? markdownTopHeading(text) : topHeading(text) ?? numberedLine(text.trim().replace(/\*\*/g, ''));
  return top && { number: top.number, title: plainFromMarkdown(top.title).trim() };
}

/**
 * Where the agenda between the header and the first TOP heading ends: after its last table
 * row or numbered line, and the lines wrapped onto it without a blank line. What follows
 * is protocol text before the first TOP.
 */
function agendaListEnd(lines: SourceLine[]): number {
  let end = 0;
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t.trim()) {
      open = false;
      continue;
    }
    // Also "TOP 3: …" lines and their sub-items ("TOP 3.1: …", "3.1 …").
    if (t.includes('\t') || isAgendaLabel(t) || numberedLine(t) || topHeading(t) || /^\s*(?:TOP\s*)?\d{1,2}\.\d{1,2}\b/i.test(t) || /^\s*\d{1,2}\.\s*$/.test(t) || open) {
      end = i + 1;
      open = !t.includes('\t') && !isAgendaLabel(t);
      continue;
    }
    break;
  }
  return end;
}

/** Words of an agenda table's header row ("Was | Wer | wann", "Nr. | Thema | Zeit"). */
const COLUMN_WORDS = /^(?:Nr\.?|TOP|Was|Wer|Wann|Thema|Inhalt|Zeit|Uhrzeit|Dauer|Referent(?:\*?in(?:nen)?)?|Sprecher(?:\*?in(?:nen)?)?|Verantwortlich(?:e)?|Leitung)$/i;

/** True when every filled cell of a row is a column header word (the table's header row, no agenda item). */
function isColumnHeaderRow(c: string[]): boolean {
  const filled = c.map((x) => stripTags(x).trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((x) => COLUMN_WORDS.test(x));
}

/** A cell that holds a clock time ("11 Uhr 00", "09:10", "12-15Uhr"). */
function looksLikeTime(cell: string): boolean {
  const t = stripTags(cell).trim();
  return findTimes(t).length > 0 || /^\d{1,2}\s*Uhr(?:\s*\d{2})?$/.test(t);
}

/** The paragraphs of a table cell's HTML ("<p>A</p><p>B</p>", "A<br>B") as plain text, empty ones left out. */
function cellParagraphs(html: string): string[] {
  return html.split(/<\/p>|<br\s*\/?>|<\/li>/i).map((p) => squash(stripTags(p))).filter(Boolean);
}

/**
 * A row of an agenda table without presenter and time columns (`number | text`): the office
 * writes title, presenter and time into the one cell ("Neues aus der OM Prof. Dr. Oliver Kruse
 * (Offensive Mittelstand)" / "09:00"), as a line of the agenda's text form has them. The
 * entry is read like that line: the cell's bold text, else its first paragraph, is the title,
 * the other paragraphs its rest, and no presenter or time column is set, so the agenda step
 * finds presenter and time in the text as it does for PDF text (`resolveAgendaItem`). A
 * paragraph that is a break with its time ("Pause 10:50", `isAgendaBreak`) at the cell's end
 * is an entry of its own: a PDF reader joins a row with an empty number cell to the row above.
 * @example textCellItems('4', '<p>Bericht</p><p>Erika Muster (IHK) 10:20</p><p>Pause 10:50</p>', 7) // => [{ number: '4', title: 'Bericht', rest: 'Erika Muster (IHK) 10:20', line: 7 }, { number: null, title: 'Pause 10:50', rest: '', line: 7 }]
 */
function textCellItems(number: string | null, cell: string, line: number): RawAgendaItem[] {
  const paragraphs = cellParagraphs(cell);
  const breaks: RawAgendaItem[] = [];
  while (paragraphs.length > 1 && isAgendaBreak(paragraphs[paragraphs.length - 1])) breaks.unshift({ number: null, title: paragraphs.pop()!, rest: '', line });
  const bold = /<b>(.*?)<\/b>/i.exec(cell);
  const boldTitle = bold ? squash(stripTags(bold[1])) : '';
  const title = boldTitle || (paragraphs[0] ?? '');
  const rest = boldTitle ? squash(cellParagraphs(cell.replace(bold![0], ' ')).filter((p) => !breaks.some((b) => b.title === p)).join(' ')) : paragraphs.slice(1).join(' ');
  return [{ number, title, rest, line }, ...breaks];
}

/**
 * Layout (a): an agenda table of rows `number | title (+details) | presenters | time`. The
 * last column is the time only when its filled cells look like times (most of them);
 * otherwise it is a presenter column ("Nr | Was | Wer"). A header row of column words is
 * skipped. A table whose rows have no filled cell beside the title cell has neither column:
 * its cells are read as text (`textCellItems`).
 */
function agendaFromTable(rows: SourceLine[]): RawAgendaItem[] {
  const items: RawAgendaItem[] = [];
  const table = rows.map((r) => cells(r.text)).filter((c) => !isColumnHeaderRow(c));
  const lastCells = table.filter((c) => c.length > 2).map((c) => c[c.length - 1]).filter((x) => stripTags(x).trim());
  const timeColumn = lastCells.length > 0 && lastCells.filter(looksLikeTime).length * 2 >= lastCells.length;
  const textColumnOnly = table.every((c) => c.slice(1).filter((x) => stripTags(x).trim()).length <= 1);
  for (const row of rows) {
    const c = cells(row.text);
    if (/^\s*Tagesordnung\b/i.test(c[0]) && c.slice(1).every((x) => !x.trim())) continue;
    if (isColumnHeaderRow(c)) continue;
    const number = rowNumber(c[0]);
    const rest = c.slice(1);
    const titleCell = rest.find((x) => x.trim()) ?? '';
    if (textColumnOnly) {
      appendAll(items, textCellItems(number, titleCell, row.n));
      continue;
    }
    const hasTime = rest.length > 1 && (timeColumn || looksLikeTime(rest[rest.length - 1]));
    const timeCell = hasTime ? rest[rest.length - 1] : '';
    const presenterCells = rest.slice(rest.indexOf(titleCell) + 1, hasTime ? rest.length - 1 : rest.length);
    const bold = /<b>(.*?)<\/b>/i.exec(titleCell);
    const title = squash(stripTags(bold ? bold[1] : titleCell));
    const details = squash(stripTags(bold ? titleCell.replace(bold[0], ' ') : ''));
    items.push({
      number,
      title,
      rest: details,
      // Each bold run in the presenter column starts a new person: "<b>A</b> (Org) <b>B</b> - Org".
      presenterText: squash(presenterCells.map((p) => stripTags(p.replace(/<b>/gi, ';<b>'))).join(' ')).replace(/^[;\s]+/, ''),
      timeText: stripTags(timeCell),
      line: row.n,
    });
  }
  return joinSubRows(items);
}

/**
 * An unnumbered row right after a numbered item is a sub-point of that item when it names a
 * presenter or is longer than three words ("Neues aus der Offensive | Prof. Dr. Oliver Kruse |
 * 09:10" under "1. Begrüßung – Organisation"); a short row without presenter ("Pause",
 * "Mittagspause") stays an item of its own, and so does an unnumbered row before the first
 * number. The same rule the PDF-text reader applies to the lines of an agenda
 * (`readers/pdf-text.ts`: only short lines with a time are unnumbered items), so a Word
 * table and its text give one agenda.
 */
function joinSubRows(items: RawAgendaItem[]): RawAgendaItem[] {
  const out: RawAgendaItem[] = [];
  let current: RawAgendaItem | undefined;
  for (const item of items) {
    const subPoint = item.number === null && current !== undefined && (Boolean(item.presenterText) || item.title.split(/\s+/).length > 3);
    if (!subPoint) {
      out.push(item);
      current = item.number === null ? undefined : item;
      continue;
    }
    current!.rest = squash([current!.rest, item.title, item.rest].filter(Boolean).join(' '));
    // Rows read as text (`textCellItems`) have no columns: nothing to join, none to invent.
    if (current!.presenterText !== undefined || item.presenterText !== undefined) current!.presenterText = [current!.presenterText, item.presenterText].filter(Boolean).join('; ');
    if (current!.timeText !== undefined || item.timeText !== undefined) current!.timeText = current!.timeText || item.timeText;
  }
  return out;
}

/** Layout (a) body: sections start at markdown TOP headings. */
function sectionsFromHeadings(lines: SourceLine[]): Section[] {
  const sections: Section[] = [];
  let buffer: SourceLine[] = [];
  let current: Omit<Section, 'blocks'> | null = null;
  const flush = () => {
    if (current) sections.push({ ...current, blocks: markdownBlocks(buffer) });
    buffer = [];
  };
  for (const line of lines) {
    const top = isTopHeading(line.text) ? headingOf(line.text) : null;
    if (top) {
      flush();
      current = { number: top.number, title: top.title, line: line.n };
    } else {
      buffer.push(line);
    }
  }
  flush();
  return sections;
}

/** Layout (b): every numbered row is agenda item and TOP text at once. */
function sectionsFromRows(rows: SourceLine[]): { agenda: RawAgendaItem[]; sections: Section[] } {
  const agenda: RawAgendaItem[] = [];
  const sections: Section[] = [];
  const preamble: SourceLine[] = [];
  for (const row of rows) {
    if (!row.text.trim()) continue;
    const c = row.text.includes('\t') ? cells(row.text) : ['', row.text];
    const number = rowNumber(c[0]);
    const content = c.slice(1).filter((x) => x.trim());
    let html = content.join('\n');
    const blocks: BodyBlock[] = [];
    if (number) {
      // First paragraph: "<b>Title</b> presenter text"; the rest is the TOP's protocol text.
      const first = /^\s*(?:<p>)?\s*<b>([\s\S]*?)<\/b>([\s\S]*?)(?:<\/p>|$)/i.exec(html);
      const title = squash(stripTags(first ? first[1] : html.split(/<\/p>/i)[0]));
      const presenterText = first ? squash(stripTags(first[2])) : '';
      html = first ? html.slice(first[0].length) : html.replace(/^[\s\S]*?<\/p>/i, '');
      agenda.push({ number, title, rest: '', presenterText, line: row.n });
      if (presenterText) blocks.push({ kind: 'paragraph', text: presenterText, line: row.n });
      sections.push({ number, title, line: row.n, blocks });
    }
    const md = htmlToMarkdown(html);
    const converted = markdownBlocks(md.split('\n').map((text) => ({ n: row.n, text })));
    const target = sections.length ? sections[sections.length - 1] : null;
    if (target) appendAll(target.blocks, converted);
    else preamble.push(row);
  }
  if (preamble.length) {
    sections.unshift({ number: null, title: '', line: preamble[0].n, blocks: markdownBlocks(preamble) });
  }
  return { agenda, sections };
}
