/**
 * Reader for PDF files (as Word or LibreOffice export them): unpdf (pdf.js)
 * gives the text items with their positions, fonts and the page's link
 * annotations; this module rebuilds lines, paragraphs, bullet lists and table
 * rows from the positions and writes them in the Word-export form that
 * `readWordExport` (read-word.ts) reads: markdown headings (a font larger than
 * the body's), `**bold**`, `- ` bullets, `[text](url)` links, and one
 * tab-separated line per table row with each cell's text as HTML.
 *
 * Rules (all measured in PDF points, relative to the body font size `fs`):
 * - a line is the items on one baseline (±0.3 fs); items further apart than
 *   0.9 fs belong to different table cells;
 * - a table is a run of lines with text in two or more cells; its columns are
 *   the cells' left edges; a row starts where the gap above is larger than the
 *   usual line pitch and two cells or the first cell start;
 * - a paragraph ends at a larger gap, a shorter line, a bullet or a font change;
 *   a page break does not end one;
 * - running headers and footers (the same text, digits aside, at the top or the
 *   bottom of two or more pages) and page numbers are left out and reported.
 */
import { openPdf, type PdfDocument } from '../../../src/lib/text/bounded-files.ts';
import { ImportError } from '../errors.ts';
import { checkReadTime, withinLimits } from '../limits.ts';
import type { OfficeText } from './docx.ts';
import { markdownDestination } from './html.ts';
import { appendAll } from './text.ts';

/** One text run with its place on the page (PDF points, origin bottom left). */
interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  url?: string;
}

/** One rebuilt line: its items in reading order, split into cells where the gap is wide. */
interface Line {
  page: number;
  y: number;
  size: number;
  cells: Item[][];
  /** True when the line is in the top or bottom band of its page (where headers/footers are). */
  margin: boolean;
}

const BULLET = /^[•·▪◦●○■‣\uF000-\uF0FF–-]$/u;
const PAGE_NUMBER = /^(?:Seite\s*)?\d{1,3}(?:\s*(?:von|\/|of)\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$/i;

/**
 * Reads a PDF into Word-export text.
 * @throws ImportError for a damaged/truncated or encrypted file, or one without a text layer (a scan)
 */
export async function readPdfFile(bytes: Uint8Array, file: string): Promise<OfficeText> {
  const started = Date.now();
  let pdf: PdfDocument;
  try {
    // Page count and page tree checked before any page is read (src/lib/model/limits.ts).
    pdf = await withinLimits(file, () => openPdf(bytes));
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const err = e as Error;
    if (err.name === 'PasswordException' || /password/i.test(err.message)) {
      throw new ImportError({ file, problem: 'the PDF is encrypted (password-protected).', fix: 'export the PDF from Word again without a password, or remove the password (e.g. qpdf --decrypt), and import that file.' });
    }
    throw new ImportError({ file, problem: `the PDF cannot be read (${err.message}); the file is truncated or damaged.`, fix: 'copy the original PDF again, or export it from Word anew.' });
  }
  const lines: Line[] = [];
  let images = 0;
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      checkReadTime(started, file);
      const page = await pdf.getPage(p);
      const [, , , top] = page.view;
      const ops = await page.getOperatorList();
      images += ops.fnArray.filter((f: number) => f === 85 /* OPS.paintImageXObject */ || f === 86 /* paintInlineImageXObject */).length;
      const content = await page.getTextContent();
      const links = (await page.getAnnotations()).filter((a: any) => a.subtype === 'Link' && a.url).map((a: any) => ({ url: String(a.url), rect: a.rect as number[] }));
      const items: Item[] = [];
      for (const it of content.items as any[]) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , , x, y] = it.transform;
        const size = Math.hypot(a, b);
        let fontName = '';
        try {
          fontName = page.commonObjs.get(it.fontName)?.name ?? '';
        } catch {
          fontName = '';
        }
        appendAll(items, splitAtLinks({ str: it.str, x, y, width: it.width, size, bold: /bold|black|heavy|semibold|demi/i.test(fontName) }, links));
      }
      appendAll(lines, pageLines(items, p, top));
    }
  } finally {
    await pdf.loadingTask.destroy();
  }
  if (lines.length === 0) {
    throw new ImportError({ file, line: 1, problem: `no text layer in the PDF (${pdf.numPages} ${pdf.numPages === 1 ? 'page' : 'pages'}${images ? `, ${images} ${images === 1 ? 'image' : 'images'}` : ''}); it is a scan or a picture of the text.`, fix: 'export the PDF from Word, or run OCR first (e.g. ocrmypdf) and import the result.' });
  }
  const { kept, furniture } = dropFurniture(lines);
  const text = exportText(kept);
  // One note per kind of furniture ("Seite 1 von 6" … "Seite 6 von 6" is one).
  const kinds = new Map<string, string[]>();
  for (const t of furniture) kinds.set(t.replace(/\d+/g, '#'), [...(kinds.get(t.replace(/\d+/g, '#')) ?? []), t]);
  const notes = [...kinds.values()].map((all) => `page furniture "${all[0]}"${all.length > 1 ? ` (and ${all.length - 1} more like it)` : ''} left out (running header, footer or page number).`);
  return { text, skipped: { images, objects: 0 }, notes };
}

const OPEN = /[\s([„"'«‚]/u;
const CLOSE = /[\s)\].,;:!?“"'»‘]/u;

/** How many more `(` than `)` a text holds: above 0, a bracket it opened is still open. */
function openBrackets(text: string): number {
  let open = 0;
  for (const c of text) if (c === '(') open++;
  else if (c === ')' && open > 0) open--;
  return open;
}

/**
 * Splits an item where a link annotation covers part of it: pdf.js gives a whole
 * line as one item, the annotation only a rectangle. Character positions are
 * estimated from the width and moved to the nearest word edge. A closing bracket
 * belongs to the link when the link text opened it ("Mittelstand_(Deutschland)",
 * "Lexikon (Teil 2)"): the link ends after it, never at the first `)`.
 */
function splitAtLinks(item: Item, links: { url: string; rect: number[] }[]): Item[] {
  const link = links.find((l) => item.y + item.size / 3 >= l.rect[1] && item.y + item.size / 3 <= l.rect[3] && l.rect[0] < item.x + item.width && l.rect[2] > item.x);
  if (!link || !item.width) return [item];
  const n = item.str.length;
  const at = (px: number) => Math.max(0, Math.min(n, Math.round(((px - item.x) / item.width) * n)));
  const snap = (i: number, edge: (k: number) => boolean) => {
    for (let d = 0; d <= 3; d++) for (const k of [i - d, i + d]) if (k >= 0 && k <= n && edge(k)) return k;
    return i;
  };
  const start = snap(at(link.rect[0]), (k) => k === 0 || (OPEN.test(item.str[k - 1]) && !OPEN.test(item.str[k] ?? ' ')));
  const closesOwn = (k: number) => item.str[k - 1] === ')' && openBrackets(item.str.slice(start, k - 1)) > 0;
  const end = snap(at(link.rect[2]), (k) => k > start && openBrackets(item.str.slice(start, k)) === 0 && (k === n || (CLOSE.test(item.str[k]) && (!CLOSE.test(item.str[k - 1] ?? ' ') || closesOwn(k)))));
  if (end <= start) return [item];
  const piece = (a: number, b: number, url?: string): Item => ({ ...item, str: item.str.slice(a, b), x: item.x + (item.width * a) / n, width: (item.width * (b - a)) / n, url });
  return [piece(0, start), piece(start, end, link.url), piece(end, n)].filter((p) => p.str);
}

/** Groups a page's items into lines (top to bottom) and each line into cells (left to right). */
function pageLines(items: Item[], page: number, top: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows.find((r) => Math.abs(r[0].y - it.y) <= Math.max(r[0].size, it.size) * 0.3);
    if (row) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = maxOf(row.map((i) => i.size));
    const cells: Item[][] = [];
    for (const it of row) {
      const cell = cells[cells.length - 1];
      const last = cell?.[cell.length - 1];
      // A bullet glyph and its text are one cell, however wide the indent between them.
      if (last && (it.x - (last.x + last.width) < size * 0.9 || (cell.length === 1 && BULLET.test(last.str.trim())))) cell.push(it);
      else cells.push([it]);
    }
    const y = row[0].y;
    return { page, y, size, cells, margin: y > top - 80 || y < 70 };
  });
}

/** Running headers, footers and page numbers: repeated (digits aside) in the page margins, or a bare page number there. */
function dropFurniture(lines: Line[]): { kept: Line[]; furniture: string[] } {
  const key = (l: Line) => lineText(l).replace(/\d+/g, '#');
  const pages = new Map<string, Set<number>>();
  for (const l of lines) if (l.margin) pages.set(key(l), (pages.get(key(l)) ?? new Set()).add(l.page));
  const pageCount = new Set(lines.map((l) => l.page)).size;
  const furniture: string[] = [];
  const kept = lines.filter((l) => {
    if (!l.margin) return true;
    const repeated = pageCount > 1 && (pages.get(key(l))?.size ?? 0) >= 2;
    if (repeated || PAGE_NUMBER.test(lineText(l))) {
      furniture.push(lineText(l));
      return false;
    }
    return true;
  });
  return { kept, furniture };
}

function lineText(l: Line): string {
  return l.cells.map((c) => c.map((i) => i.str).join('')).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The largest of `values` (`empty` when there are none), in a loop: `Math.max(...values)`
 * passes every value as an argument and overflows the stack for a long PDF (issue #22).
 * @example maxOf([3, 9, 4]) // => 9
 */
function maxOf(values: readonly number[], empty = -Infinity): number {
  let max = empty;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The most common value (rounded to 0.5 pt), e.g. the body font size or line pitch. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v * 2) / 2, (counts.get(Math.round(v * 2) / 2) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Inline markdown of items: bold runs as `**…**`, linked runs as `[…](url)`. */
function inline(items: Item[], html = false): string {
  let out = '';
  let i = 0;
  while (i < items.length) {
    const start = items[i];
    let j = i;
    let text = '';
    while (j < items.length && items[j].bold === start.bold && items[j].url === start.url) {
      const prev = items[j - 1];
      if (j > i && prev && needsSpace(prev, items[j]) && !/\s$/.test(text) && !/^\s/.test(items[j].str)) text += ' ';
      text += items[j].str;
      j++;
    }
    const prev = items[i - 1];
    if (prev && needsSpace(prev, start) && !/\s$/.test(out) && !/^\s/.test(text)) out += ' ';
    const lead = /^\s*/.exec(text)![0];
    const trail = /\s*$/.exec(text)![0];
    let core = text.trim();
    if (core) {
      core = html ? escapeHtml(core) : escapeMarkdown(core);
      if (start.url) core = html ? `<a href="${escapeHtml(start.url)}">${core}</a>` : `[${core}](${markdownDestination(start.url)})`;
      if (start.bold) core = html ? `<b>${core}</b>` : `**${core}**`;
    }
    out += lead + core + trail;
    i = j;
  }
  return out.replace(/\*\*(\s*)\*\*/g, '$1').replace(/<\/b>(\s*)<b>/g, '$1');
}

/**
 * Whether two neighbouring items are separate words: a visible gap on one line, or a
 * line break (the next item starts left of the previous one), except after a word
 * broken at a hyphen ("Stiftungs-" / "Vorstandes").
 */
function needsSpace(prev: Item, next: Item): boolean {
  if (Math.abs(prev.y - next.y) > prev.size * 0.3 || next.x < prev.x) return !/\p{L}-$/u.test(prev.str);
  return next.x - (prev.x + prev.width) > 0.15 * next.size;
}

/** Plain text as markdown text: "Berater*innen" must not become emphasis, nor `{` an MDX expression. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\*_[\]<>{}`]/g, '\\$&');
}

/** Text or an attribute value as HTML: `"` too, so a link target with a quote keeps its `href` whole. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A paragraph being built: its items, kind and where it started. */
interface Para {
  kind: 'p' | 'bullet' | 'heading';
  level: number;
  items: Item[];
  x: number;
}

/**
 * Joins lines into paragraphs. A new paragraph starts at a gap above 1.3 × the
 * usual pitch (not at a page break), after a line the next line's first word would have fitted on,
 * at a bullet glyph, or where the font size changes.
 */
function paragraphs(lines: { line: Line; items: Item[] }[], body: number, pitch: number, right: number): Para[] {
  const out: Para[] = [];
  let prev: { line: Line; items: Item[] } | undefined;
  for (const entry of lines) {
    const items = entry.items;
    if (!items.length) continue;
    const first = items[0];
    const bullet = BULLET.test(first.str.trim()) && items.length > 1;
    const text = bullet ? items.slice(1) : items;
    const heading = entry.line.size > body * 1.15;
    const lastItem = prev?.items[prev.items.length - 1];
    const gap = prev && prev.line.page === entry.line.page ? prev.line.y - entry.line.y : pitch;
    // A line ends its paragraph when the next line's first word would have fitted after it.
    const firstWord = /^\S*/.exec(text[0].str.trimStart())![0];
    const firstWidth = text[0].str.length ? (text[0].width * firstWord.length) / text[0].str.length : 0;
    const short = lastItem ? lastItem.x + lastItem.width + body * 0.3 + firstWidth < right : false;
    const current = out[out.length - 1];
    // A heading wraps like any line, but its lines sit further apart and may end short.
    const continues = heading
      ? current?.kind === 'heading' && prev && gap <= entry.line.size * 1.6 && Math.abs(prev.line.size - entry.line.size) < 0.5
      : current && current.kind !== 'heading' && !bullet && prev && gap <= pitch * 1.3 && Math.abs(prev.line.size - entry.line.size) < 0.5 &&
        // A line indented like the bullet text above continues the item even after a short line.
        (!short || (current.kind === 'bullet' && Math.abs(first.x - current.x) < body * 0.3));
    if (continues) appendAll(current.items, text);
    else out.push({ kind: heading ? 'heading' : bullet ? 'bullet' : 'p', level: 0, items: [...text], x: (bullet ? items[1] : first).x });
    prev = entry;
  }
  // Nested bullets: indented further than the first bullets of the run.
  let base: number | undefined;
  for (const p of out) {
    if (p.kind !== 'bullet') { base = undefined; continue; }
    base ??= p.x;
    p.level = p.x > base + body ? 1 : 0;
  }
  return out;
}

/** Markdown lines of paragraphs. */
function markdown(paras: Para[], titleSize: number): string[] {
  const out: string[] = [];
  for (const p of paras) {
    // A paragraph "1. Finanzen absichern: …" or "# 3" is text, not a list or heading. A heading's
    // bold is its style, not emphasis: "**Protokoll** der **AG Transfer**" lost only its outer
    // `**` to a regex and showed "Protokoll** der **AG Transfer".
    const raw = inline(p.kind === 'heading' ? p.items.map((it) => ({ ...it, bold: false })) : p.items).trim();
    const text = p.kind === 'heading' ? raw : raw.replace(/^(\d+)([.)])(?=\s)/, '$1\\$2').replace(/^([#+-])(?=\s)/, '\\$1');
    // A list ends with a blank line, or the paragraph after it would continue its last item.
    if (p.kind !== 'bullet' && out.length && out[out.length - 1] !== '') out.push('');
    if (p.kind === 'heading') out.push(`${p.items[0].size >= titleSize ? '#' : '##'} ${text}`, '');
    else if (p.kind === 'bullet') out.push(`${p.level ? '  ' : ''}- ${text}`);
    else out.push(text, '');
  }
  return out;
}

/** A cell's paragraphs as the export's HTML (`<p>`, `<ul><li>`, `<b>`, `<a>`). */
function cellHtml(paras: Para[]): string {
  let html = '';
  let inList = false;
  for (const p of paras) {
    const text = inline(p.items, true).trim();
    if (p.kind === 'bullet') {
      if (!inList) html += '<ul>';
      inList = true;
      html += `<li>${text}</li>`;
    } else {
      if (inList) html += '</ul>';
      inList = false;
      html += `<p>${text}</p>`;
    }
  }
  return inList ? `${html}</ul>` : html;
}

/** All lines as export text: tables as tab-separated rows, the rest as markdown. */
function exportText(lines: Line[]): string {
  const body = mode(lines.flatMap((l) => l.cells.flat().map((i) => i.size)));
  // The line pitch of wrapped lines: gaps up to 1.5 × the font size (paragraph spacing makes larger ones).
  const pitches = lines.slice(1).map((l, i) => (l.page === lines[i].page ? lines[i].y - l.y : 0)).filter((g) => g > body * 0.9 && g < body * 1.5);
  const pitch = mode(pitches) || body * 1.2;
  const right = maxOf(lines.map((l) => { const c = l.cells[l.cells.length - 1]; const i = c[c.length - 1]; return i.x + i.width; }));
  const titleSize = maxOf(lines.map((l) => l.size));
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].cells.length < 2) {
      // A run of body lines up to the next table line.
      const start = i;
      while (i < lines.length && lines[i].cells.length < 2) i++;
      appendAll(out, markdown(paragraphs(lines.slice(start, i).map((line) => ({ line, items: line.cells[0] })), body, pitch, right), titleSize));
      continue;
    }
    // A table: lines with several cells, and the single-cell lines inside its columns.
    const columns: number[] = [];
    const addColumns = (l: Line) => {
      for (const c of l.cells) if (!columns.some((x) => Math.abs(x - c[0].x) < body)) columns.push(c[0].x);
      columns.sort((a, b) => a - b);
    };
    const start = i;
    addColumns(lines[i]);
    i++;
    while (i < lines.length) {
      const l = lines[i];
      // A single cell right of the first column, close below the line above, is a wrapped cell (or a bullet in one);
      const prev = lines[i - 1];
      const close = prev.page !== l.page || prev.y - l.y <= pitch * 1.3;
      // After a paragraph gap only a line starting at a column's edge, or a bullet inside a column, stays in the table.
      const x = l.cells[0][0].x;
      const bulletInCell = BULLET.test(l.cells[0][0].str.trim()) && columns.length > 1 && x > columns[1];
      const inColumn = l.cells.length === 1 && (close ? x > columns[0] + body : bulletInCell || columns.slice(1).some((c) => Math.abs(x - c) < body * 0.5));
      if (l.cells.length < 2 && !inColumn) break;
      if (l.cells.length >= 2) addColumns(l);
      i++;
    }
    appendAll(out, tableLines(lines.slice(start, i), columns, body, pitch)).push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** The column a cell belongs to: the last column starting at or left of it. */
function columnOf(x: number, columns: number[], body: number): number {
  let k = 0;
  for (let c = 0; c < columns.length; c++) if (x >= columns[c] - body * 0.5) k = c;
  return k;
}

/** Table lines as rows: a row starts after a wider gap where two cells or the first cell start. */
function tableLines(lines: Line[], columns: number[], body: number, pitch: number): string[] {
  const rows: Line[][] = [];
  let prev: Line | undefined;
  for (const l of lines) {
    const cols = new Set(l.cells.map((c) => columnOf(c[0].x, columns, body)));
    const gap = prev && prev.page === l.page ? prev.y - l.y : Infinity;
    const starts = !prev || ((gap > pitch * 1.3 || prev.page !== l.page) && (cols.size >= 2 || cols.has(0)));
    if (starts) rows.push([l]);
    else rows[rows.length - 1].push(l);
    prev = l;
  }
  // A column's text edge: the furthest any of its lines reaches.
  const edges = columns.map((_, k) => maxOf(lines.flatMap((l) => l.cells.flat().filter((it) => columnOf(it.x, columns, body) === k).map((it) => it.x + it.width)), 0));
  return rows.map((row) => {
    const perColumn: { line: Line; items: Item[] }[][] = columns.map(() => []);
    // Items go to the column they start in: text filling its cell leaves no gap before the next one.
    for (const l of row) {
      const byColumn = new Map<number, Item[]>();
      for (const it of l.cells.flat()) {
        const k = columnOf(it.x, columns, body);
        byColumn.set(k, [...(byColumn.get(k) ?? []), it]);
      }
      for (const [k, items] of byColumn) perColumn[k].push({ line: l, items });
    }
    return perColumn.map((entries, k) => {
      return cellHtml(paragraphs(entries, body, pitch, edges[k]));
    }).join('\t');
  });
}
