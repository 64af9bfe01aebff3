/**
 * The importer's entry step for any protocol file: tells its kind from the bytes
 * (`sniff.ts`) and turns it into the text a text reader understands. Protocol
 * text is decoded (`decode.ts`); a Word document is read with mammoth
 * (`read-docx.ts`) and a PDF with unpdf (`read-pdf-file.ts`), both into the
 * Word-export form that `readWordExport` reads.
 */
import { decodeSource } from './decode.ts';
import { ImportError } from './errors.ts';
import { readDocx } from './read-docx.ts';
import { readPdfFile } from './read-pdf-file.ts';
import { isCompoundFile, sniffKind, type SourceKind } from './sniff.ts';

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
 * Reads a protocol file of any supported kind into text.
 * @throws ImportError for empty, binary, damaged, encrypted or image-only files
 */
export async function readOriginal(bytes: Uint8Array, file: string): Promise<OriginalText> {
  if (isCompoundFile(bytes)) {
    throw new ImportError({ file, problem: 'an encrypted Word document or an old Word 97–2003 file (.doc), which the importer does not read.', fix: 'open it in Word, remove any password, save it as .docx (Word document), and import that file.' });
  }
  const kind = sniffKind(bytes);
  if (kind === 'text') return { kind, text: decodeSource(bytes, file), skipped: [], notes: [] };
  const read = kind === 'docx' ? await readDocx(bytes, file) : await readPdfFile(bytes, file);
  const skipped: string[] = [];
  const { images, objects } = read.skipped;
  if (images) skipped.push(`${images} ${images === 1 ? 'image' : 'images'} not imported`);
  if (objects) skipped.push(`${objects} embedded ${objects === 1 ? 'object' : 'objects'} not imported`);
  return { kind, text: read.text, skipped, notes: read.notes };
}
