/**
 * Reader for Word documents (.docx): mammoth turns the document into HTML
 * (headings from the paragraph styles, tables, lists, bold, links), and this
 * module writes that HTML in the form of a Word-to-markdown export — markdown
 * headings and paragraphs, one tab-separated line per table row with the cells'
 * HTML — so `readWordExport` (read-word.ts) builds the same structures for both:
 * agenda table → agenda items with presenters and times, a heading per TOP,
 * bullet lists, bold "Beschluss:" labels, links.
 *
 * Line numbers in messages count lines of that text (the MDX review comment
 * shows its header and agenda). Images and embedded objects are not imported;
 * `skipped` says how many there were.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { ImportError } from '../errors.ts';
import { htmlToMarkdown } from './html.ts';
import { checkWordArchive } from './sniff.ts';
import { appendAll } from './text.ts';

/** What a Word document becomes: export-style text, and what was left out. */
export interface OfficeText {
  /** Text in the Word-export form `readWordExport` reads. */
  text: string;
  /** Content that is not protocol text and was not imported, for the summary ("2 images"). */
  skipped: { images: number; objects: number };
  /** Reader notes for the reviewer (mammoth's warnings about unknown styles and the like). */
  notes: string[];
}

/**
 * Reads a .docx file into Word-export text.
 * @param bytes the file's bytes (a ZIP archive; checked by `checkWordArchive`)
 * @param file path shown in messages
 * @throws ImportError for a damaged, encrypted or non-Word ZIP, or a document without text
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<OfficeText> {
  // Within the limits before mammoth inflates the archive again (src/lib/model/limits.ts).
  const parts = await checkWordArchive(bytes, file);
  const documentXml = new TextDecoder().decode(parts.get('word/document.xml'));
  // OLE objects (embedded Excel sheets, equations from old Word): mammoth drops them without a word.
  const objects = (documentXml.match(/<w:object\b/g) ?? []).length;
  let images = 0;
  let result;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: numberOrderedParagraphs(),
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
  } catch (e) {
    throw new ImportError({ file, problem: `the Word document cannot be read (${(e as Error).message}).`, fix: 'open it in Word, save it again as .docx, and import that file.' });
  }
  const text = exportText(result.value);
  if (!text.replace(/[\t#\s]/g, '')) {
    throw new ImportError({ file, line: 1, problem: 'the Word document holds no text.', fix: 'check that this is the protocol (not an empty template), or import the PDF made from it.' });
  }
  // Unmapped styles keep their text (as plain paragraphs and runs): no note needed.
  const notes = result.messages.filter((m) => !/image|Unrecognised (?:paragraph|run|table) style/i.test(m.message)).map((m) => m.message);
  return { text, skipped: { images, objects }, notes };
}

/** A paragraph or run in mammoth's document model (mammoth/lib/documents.js). */
interface DocNode {
  type: string;
  value?: string;
  children?: DocNode[];
  numbering?: { isOrdered: boolean; level: string } | null;
}

/**
 * Word numbers TOP headings, agenda rows and lists itself ("1." is no text in the
 * document, only numbering), and mammoth writes such paragraphs as `<ol><li>` without
 * the number. This transform writes the number into the paragraph's text instead
 * ("1. Neues aus der Offensive"), as it is printed and as the text form has it: one
 * counter per numbering level definition, deeper levels restarting after a higher one.
 * Bulleted lists stay lists.
 */
function numberOrderedParagraphs(): (document: unknown) => unknown {
  const counters = new Map<object, number>();
  const prefix = (node: DocNode, text: string): boolean => {
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        child.value = text + (child.value ?? '');
        return true;
      }
      if (prefix(child, text)) return true;
    }
    return false;
  };
  return (mammoth as unknown as { transforms: { paragraph: (f: (p: DocNode) => DocNode) => (d: unknown) => unknown } }).transforms.paragraph((paragraph) => {
    const level = paragraph.numbering;
    if (!level?.isOrdered) return paragraph;
    const count = (counters.get(level) ?? 0) + 1;
    counters.set(level, count);
    for (const other of counters.keys()) if (Number((other as typeof level).level) > Number(level.level)) counters.delete(other);
    // An empty numbered paragraph (the number cell of an agenda row) gets the number as its text.
    if (!prefix(paragraph, `${count}. `)) paragraph.children = [...(paragraph.children ?? []), { type: 'text', value: `${count}.` }];
    paragraph.numbering = null;
    return paragraph;
  });
}

/** Block elements as export lines: tables row by row, everything else as markdown. */
function exportText(html: string): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  dropImages(tree);
  const out: string[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.length) out.push(htmlToMarkdown(toHtml({ type: 'root', children: run })), '');
    run = [];
  };
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'table') {
      flush();
      appendAll(out, tableRows(node)).push('');
    } else if (node.type === 'element' || node.type === 'text') {
      run.push(node);
    }
  }
  flush();
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** `<img>` is dropped (counted while converting); its alt text is no protocol text either. */
function dropImages(node: Root | Element): void {
  node.children = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'img')) as typeof node.children;
  for (const c of node.children) if (c.type === 'element') dropImages(c);
}

/**
 * One line per table row, cells separated by tabs, each cell's inner HTML on one line
 * with `<strong>` as `<b>` (the export's markup); a cell spanning columns is padded
 * with empty cells, so columns stay aligned ("Tagesordnung\t\t\t").
 */
function tableRows(table: Element): string[] {
  const rows: string[] = [];
  const visitRows = (node: Element) => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(rowLine(c));
      else if (c.tagName !== 'table') visitRows(c);
    }
  };
  visitRows(table);
  return rows;
}

function rowLine(tr: Element): string {
  const cells: string[] = [];
  for (const c of tr.children) {
    if (c.type !== 'element' || (c.tagName !== 'td' && c.tagName !== 'th')) continue;
    // A header cell ("Tagesordnung", "Was | Wer | wann") is a label: plain text, as the export writes it.
    const html = c.tagName === 'th' ? toString(c).trim() : toHtml(c.children)
      .replace(/<(\/?)strong>/g, '<$1b>')
      .replace(/\s*\n\s*/g, ' ');
    cells.push(html);
    const span = Number(c.properties?.colSpan ?? 1);
    for (let i = 1; i < span; i++) cells.push('');
  }
  return cells.join('\t');
}
