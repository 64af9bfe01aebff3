/**
 * The importer's entry step for any protocol file: tells its kind from the bytes
 * (`sniff.ts`) and turns it into the text a text reader understands. Protocol
 * text is decoded (`decode.ts`); a Word document is read with mammoth
 * (`read-docx.ts`) and a PDF with unpdf (`read-pdf-file.ts`), both into the
 * Word-export form that `readWordExport` reads.
 */
import { decodeSource } from './decode.ts';
import { plainFromMarkdown } from './html.ts';
import { topHeading } from './text.ts';
import { ImportError } from '../errors.ts';
import { isCompoundFile, sniffKind, type SourceKind } from './sniff.ts';
import { checkInputSize } from '../limits.ts';

/** A protocol file as text, with its kind and what its reader left out. */
export interface OriginalText {
  kind: SourceKind;
  text: string;
  /** One line per kind of content not imported ("1 image not imported"), for the summary. */
  skipped: string[];
  /** Reader notes (page furniture dropped, unknown Word styles), for the reviewer. */
  notes: string[];
}

/**
 * Reads a protocol file of any supported kind into text. The text of a Word document or a
 * PDF is in the Word-export form and must be read by `readWordExport` (`kind` says so):
 * the PDF-text reader would escape its markdown a second time (issue #22: `anna\@…`).
 * @throws ImportError for empty, binary, damaged, encrypted or image-only files, and files
 *   beyond a limit of `src/lib/model/limits.ts` (size, zip bomb, page count, page tree)
 */
export async function readOriginal(bytes: Uint8Array, file: string): Promise<OriginalText> {
  checkInputSize(bytes, file);
  if (isCompoundFile(bytes)) {
    throw new ImportError({ file, problem: 'an encrypted Word document or an old Word 97–2003 file (.doc), which the importer does not read.', fix: 'open it in Word, remove any password, save it as .docx (Word document), and import that file.' });
  }
  const kind = sniffKind(bytes);
  if (kind === 'text') return { kind, text: decodeSource(bytes, file), skipped: [], notes: [] };
  // mammoth and unpdf are loaded only for the files that need them: for a text protocol they
  // were half of the importer's start-up (issue #23).
  const read = kind === 'docx' ? await (await import('./docx.ts')).readDocx(bytes, file) : await (await import('./pdf-file.ts')).readPdfFile(bytes, file);
  read.text = boldNumberedHeadings(plainHeader(read.text));
  const skipped: string[] = [];
  const { images, objects } = read.skipped;
  if (images) skipped.push(`${images} ${images === 1 ? 'image' : 'images'} not imported`);
  if (objects) skipped.push(`${objects} embedded ${objects === 1 ? 'object' : 'objects'} not imported`);
  return { kind, text: read.text, skipped, notes: read.notes };
}

/** The header lines a date is read from, at most (README "Importing": the first 8 non-blank lines). */
const HEADER_LINES = 8;

/**
 * The lines before the agenda (title, date, attendance) are read by the header
 * rules as plain text, as a Word export writes them: what the markdown shows, escapes
 * ("11\\. November 2021"), bold ("**Protokoll** der AG", a bold date in a line) and
 * references read off (`plainFromMarkdown`), a heading's `#` kept. The header ends where
 * `readWordExport` ends it: at the first table row or "Tagesordnung" line (whose bold or `#`
 * goes too), or at a TOP or other heading after the title; without any, after the first
 * 8 non-blank lines. The body after it keeps its markdown (bold, links, escapes).
 * @example plainHeader('11\\. **November** 2021\n\nTagesordnung\t\n') // => '11. November 2021\n\nTagesordnung\t\n'
 */
export function plainHeader(text: string): string {
  const lines = text.split('\n');
  const title = lines.findIndex((l) => l.trim());
  const agenda = lines.findIndex((l) => l.includes('\t') || /^\W*Tagesordnung\b/i.test(l.replace(/^#+\s*/, '')));
  const heading = lines.findIndex((l, i) => i > title && (/^#{1,6}\s/.test(l) || topHeading(l) !== null));
  let end = [agenda, heading].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), lines.length);
  if (end === lines.length) {
    let seen = 0;
    end = lines.findIndex((l) => l.trim() && ++seen > HEADER_LINES);
    if (end < 0) end = lines.length;
  }
  for (let i = 0; i < end; i++) lines[i] = plainFromMarkdown(lines[i]);
  // A bold or heading "Tagesordnung" line is the agenda label like any other.
  if (end === agenda) lines[end] = lines[end].replace(/^\*\*(.*)\*\*$/, '$1').replace(/^#+\s*/, '');
  return lines.join('\n');
}

/** A paragraph that is one bold numbered line: "**1\\. Neues aus der Offensive**", "1\\. **Neues …**" (Word's number not bold), "**TOP 3 Bericht**". */
const BOLD_NUMBERED = [/^\*\*((?:TOP\s*)?\d{1,2}\\?\.?)\s+([^*]{1,140}?)\*\*$/, /^((?:TOP\s*)?\d{1,2}\\?\.?)\s+\*\*([^*]{1,140}?)\*\*$/];

/**
 * Many office protocols set the TOP headings in bold body text instead of a heading
 * style ("**1. Neues aus der Offensive**" as a paragraph of its own); such a line, not
 * ending in ":" (a label such as "**1. Beschluss:**" is not a heading), becomes a
 * heading like a styled one, so the TOP sections are found in both cases.
 * @example boldNumberedHeadings('\n**2. Bericht**\n') // => '\n## 2. Bericht\n'
 */
export function boldNumberedHeadings(text: string): string {
  return text
    .split('\n')
    .map((line, i, lines) => {
      const m = BOLD_NUMBERED.map((re) => re.exec(line.trim())).find(Boolean);
      const alone = !lines[i - 1]?.trim() && !lines[i + 1]?.trim();
      return m && alone && !m[2].trim().endsWith(':') ? `## ${m[1].replace('\\.', '.')} ${m[2].trim()}` : line;
    })
    .join('\n');
}
