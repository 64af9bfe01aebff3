/**
 * The limits on any file the archive reads: a protocol the importer reads, an original
 * `/quellen/` publishes, an attachment `/anlagen/` publishes. One place for the numbers,
 * so the importer (`scripts/import/limits.ts`) and the build (`src/lib/text/bounded-files.ts`)
 * refuse the same files; README "Limits" names them. A real protocol is far below each:
 * the largest original of the archive is a 300 KB PDF of 12 pages.
 */

/** Largest file read at all, bytes (50 MiB). Checked before anything is parsed. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Largest total of all parts of a ZIP (a .docx) once inflated, bytes (50 MiB). Checked
 * twice: the sizes the central directory declares, and the bytes actually inflated,
 * which stop at the limit (a zip bomb may declare small sizes).
 */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** Most entries of a ZIP (a Word document has about 20). */
export const MAX_ZIP_ENTRIES = 2_000;

/** Most pages of a PDF (a protocol has 2–30). A page tree that claims more is refused before a page is read. */
export const MAX_PDF_PAGES = 500;

/** Longest time for opening a PDF and reading its page count, ms. */
export const PDF_OPEN_TIMEOUT_MS = 10_000;

/** Longest time for reading all of a file (a PDF's pages, a Word document's parts), ms. */
export const READ_TIMEOUT_MS = 25_000;

/**
 * A file beyond one of the limits: `problem` and `fix` as the importer's messages and the
 * build's integrity problems write them (`file: problem. Fix: fix`).
 */
export class FileLimitError extends Error {
  readonly problem: string;
  readonly fix: string;

  constructor(problem: string, fix: string) {
    super(`${problem} Fix: ${fix}`);
    this.name = 'FileLimitError';
    this.problem = problem;
    this.fix = fix;
  }
}

/** Megabytes for messages: `52428800` => `'50 MB'`. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Refuses a file over `MAX_FILE_BYTES`.
 * @throws FileLimitError `the file has 61 MB, more than the limit of 50 MB.`
 */
export function checkFileSize(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new FileLimitError(`the file has ${megabytes(bytes.byteLength)}, more than the limit of ${megabytes(MAX_FILE_BYTES)}.`, 'split the file, or save it without embedded pictures and fonts, and use that file.');
  }
}
