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
import { LineError } from '../errors.ts';
import { htmlDepth, htmlToMarkdown, MAX_HTML_DEPTH, stripTags } from './html.ts';
import type { BodyBlock, RawAgendaItem, ReadProtocol, Section, SourceLine } from '../model.ts';
import { markdownBlocks, markdownTopHeading, squash } from './text.ts';

/** Markup that Word-to-markdown exports produce; a `<script>` in protocol text is not one. */
const HTML = /<\/?(?:p|b|i|u|em|strong|ul|ol|li|br|a|table|tr|td|th|span|div)(?:\s[^>]*)?\/?>/i;

/** True when the text looks like a Word-to-markdown export (tables, HTML cells, markdown headings). */
export function isWordExport(lines: SourceLine[]): boolean {
  return lines.some((l) => /\t/.test(l.text) || HTML.test(l.text) || /^#{1,6}\s/.test(l.text));
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
  for (const l of lines) {
    if (htmlDepth(l.text) > MAX_HTML_DEPTH) {
      throw new LineError(l.n, `HTML tags nested more than ${MAX_HTML_DEPTH} levels deep.`, 'export the document again, or remove the repeated formatting (e.g. <b> inside <b>) in this line.');
    }
  }
  const isRow = (l: SourceLine) => l.text.includes('\t');
  const firstRow = lines.findIndex((l) => isRow(l) || /^\s*Tagesordnung\b/i.test(l.text));
  // Without an agenda table the header ends at the first TOP heading, else at the first
  // bold paragraph title ("**Begrüßung**"): never is the whole text read as header.
  const topAt = lines.findIndex((l) => /^#{1,6}\s/.test(l.text) && markdownTopHeading(l.text) !== null);
  const boldTitle = lines.findIndex((l, i) => i > 2 && /^\s*\*\*[^*]+\*\*\s*$/.test(l.text));
  const headerEnd = firstRow >= 0 ? firstRow : topAt >= 0 ? topAt : boldTitle >= 0 ? boldTitle : lines.length;
  const header = lines.slice(0, headerEnd).map((l) => ({ n: l.n, text: l.text.replace(/^#{1,6}\s*/, '') }));
  const hasTopHeadings = lines.some((l) => /^#{1,6}\s/.test(l.text) && markdownTopHeading(l.text) !== null);

  if (hasTopHeadings) {
    const bodyStart = lines.findIndex((l, i) => i >= headerEnd && markdownTopHeading(l.text) !== null);
    const agendaLines = lines.slice(headerEnd, bodyStart);
    return {
      style: 'word-export',
      header,
      agendaLines,
      agenda: agendaFromTable(agendaLines.filter(isRow)),
      sections: sectionsFromHeadings(lines.slice(bodyStart)),
      debris: [],
    };
  }
  const rows = lines.slice(headerEnd);
  const { agenda, sections } = sectionsFromRows(rows);
  return { style: 'word-export', header, agendaLines: [], agenda, sections, debris: [] };
}

/** Layout (a): an agenda table of rows `number | title (+details) | presenters | time`. */
function agendaFromTable(rows: SourceLine[]): RawAgendaItem[] {
  const items: RawAgendaItem[] = [];
  for (const row of rows) {
    const c = cells(row.text);
    if (/^\s*Tagesordnung\b/i.test(c[0]) && c.slice(1).every((x) => !x.trim())) continue;
    const number = rowNumber(c[0]);
    const rest = c.slice(1);
    const titleCell = rest.find((x) => x.trim()) ?? '';
    const timeCell = rest.length > 1 ? rest[rest.length - 1] : '';
    const presenterCells = rest.slice(rest.indexOf(titleCell) + 1, rest.length > 1 ? rest.length - 1 : rest.length);
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
  return items;
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
    const top = /^#{1,6}\s/.test(line.text) ? markdownTopHeading(line.text) : null;
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
    if (target) target.blocks.push(...converted);
    else preamble.push(row);
  }
  if (preamble.length) {
    sections.unshift({ number: null, title: '', line: preamble[0].n, blocks: markdownBlocks(preamble) });
  }
  return { agenda, sections };
}
