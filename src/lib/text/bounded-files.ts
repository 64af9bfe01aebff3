/**
 * Opening a file of unknown origin within bounded time and memory: a ZIP (a .docx) whose
 * parts inflate beyond `MAX_UNPACKED_BYTES`, a PDF whose page tree claims more than
 * `MAX_PDF_PAGES` pages or does not resolve, any file over `MAX_FILE_BYTES`. The importer's
 * readers (`scripts/import/limits.ts`) and the build (originals, attachments) open files
 * only through these functions; each throws `FileLimitError` (`src/lib/model/limits.ts`)
 * before the work grows, never a heap crash or a stack.
 */
import JSZip from 'jszip';
import { getDocumentProxy } from 'unpdf';
import {
  checkFileSize,
  FileLimitError,
  MAX_PDF_PAGES,
  MAX_UNPACKED_BYTES,
  MAX_ZIP_ENTRIES,
  PDF_OPEN_TIMEOUT_MS,
  megabytes,
} from '../model/limits.ts';

/** The PDF document pdf.js (through unpdf) opens. */
export type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

// The size check needs no library: it lives with the numbers, so the importer checks a text
// protocol without loading jszip and unpdf (issue #23).
export { checkFileSize };

/**
 * Resolves like `promise`, or rejects with `FileLimitError` after `ms` milliseconds.
 * pdf.js answers through messages, so a timer gets its turn between them.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FileLimitError(`${what} took longer than ${ms / 1000} s.`, 'the file is damaged or built to stall readers: export it anew from Word and use that file.')), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** JSZip's stream of one entry's inflated bytes (`ZipObject#internalStream`, documented, not in its typings). */
interface EntryStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): EntryStream;
  on(event: 'error', listener: (error: Error) => void): EntryStream;
  on(event: 'end', listener: () => void): EntryStream;
  pause(): EntryStream;
  resume(): EntryStream;
}

const tooLarge = (what: string) =>
  new FileLimitError(`the ZIP archive's parts ${what} more than the limit of ${megabytes(MAX_UNPACKED_BYTES)} unpacked (a zip bomb or a document full of embedded files).`, 'open it in Word, remove embedded files and large pictures, save it, and use that file.');

/** Inflates one entry, counting every chunk against `budget`; stops inflating where the budget ends. */
function inflate(entry: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): EntryStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        budget.left -= chunk.byteLength;
        if (budget.left < 0) {
          stream.pause();
          reject(tooLarge('inflate to'));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(chunks)))
      .resume();
  });
}

/**
 * Every file in a ZIP archive, inflated, by path: refused when it has more than
 * `MAX_ZIP_ENTRIES` entries, when its central directory declares more than
 * `MAX_UNPACKED_BYTES` in total, and when inflating passes that limit whatever was declared.
 * Errors of the archive itself (truncated, encrypted) pass through as JSZip throws them.
 * @example [...(await zipParts(docxBytes)).keys()] // => ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', …]
 * @throws FileLimitError beyond a limit
 */
export async function zipParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  checkFileSize(bytes);
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw new FileLimitError(`the ZIP archive has ${entries.length} entries, more than the limit of ${MAX_ZIP_ENTRIES}.`, 'open it in Word, save it anew, and use that file.');
  }
  // The sizes the central directory declares (JSZip reads them into each entry's `_data`).
  let declared = 0;
  for (const entry of entries) declared += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > MAX_UNPACKED_BYTES) throw tooLarge(`declare ${megabytes(declared)},`);
  const budget = { left: MAX_UNPACKED_BYTES };
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) parts.set(entry.name, await inflate(entry, budget));
  return parts;
}

/**
 * Opens a PDF with pdf.js and checks its page tree before any page is read: at most
 * `MAX_PDF_PAGES` pages, the last page reachable, within `PDF_OPEN_TIMEOUT_MS`. A page tree
 * bomb (a few KB whose tree claims billions of pages) or a cyclic tree is refused here.
 * Errors of the file itself (encrypted, damaged) pass through as pdf.js throws them.
 * @example (await openPdf(bytes)).numPages // => 4
 * @throws FileLimitError beyond a limit
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  checkFileSize(bytes);
  const pdf = await withTimeout(getDocumentProxy(new Uint8Array(bytes)), PDF_OPEN_TIMEOUT_MS, 'opening the PDF');
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new FileLimitError(`the PDF has ${pdf.numPages.toLocaleString('en')} pages, more than the limit of ${MAX_PDF_PAGES} (or its page tree is built to claim so).`, `split it into protocols of at most ${MAX_PDF_PAGES} pages, or export it anew from Word, and use that file.`);
    }
    // The last page resolves only when the page tree does (pdf.js stops at cycles).
    await withTimeout(pdf.getPage(pdf.numPages), PDF_OPEN_TIMEOUT_MS, 'reading the PDF page tree');
    return pdf;
  } catch (e) {
    await pdf.loadingTask.destroy();
    throw e;
  }
}
