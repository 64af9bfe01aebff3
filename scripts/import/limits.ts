/**
 * The importer's limits on an input file: the numbers and the size check live in
 * `src/lib/model/limits.ts` (the build refuses the same files), the bounded readers in
 * `src/lib/text/bounded-files.ts` (loaded by the .docx and .pdf readers only).
 * Here they become the importer's messages, `file: problem. Fix: …`, within bounded time and
 * memory (`test/import/hostile.test.ts`; peak memory per bomb: `npm run bench -- --hostile`).
 */
import { checkFileSize, FileLimitError, READ_TIMEOUT_MS } from '../../src/lib/model/limits.ts';
import { ImportError } from './errors.ts';

export { READ_TIMEOUT_MS };

/**
 * Runs `read` and turns a `FileLimitError` it throws into an `ImportError` naming `file`.
 * @example await withinLimits('bombe.docx', () => zipParts(bytes)) // throws 'bombe.docx: the ZIP archive's parts … Fix: …'
 */
export async function withinLimits<T>(file: string, read: () => Promise<T> | T): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof FileLimitError) throw new ImportError({ file, problem: e.problem, fix: e.fix });
    throw e;
  }
}

/**
 * Refuses a file over the size limit before it is read at all.
 * @throws ImportError `riesig.pdf: the file has 61 MB, more than the limit of 50 MB. Fix: …`
 */
export function checkInputSize(bytes: Uint8Array, file: string): void {
  try {
    checkFileSize(bytes);
  } catch (e) {
    if (e instanceof FileLimitError) throw new ImportError({ file, problem: e.problem, fix: e.fix });
    throw e;
  }
}

/**
 * Throws when `started` (from `Date.now()`) lies more than `READ_TIMEOUT_MS` back: a reader
 * checks it between pages, so a file that is slow to read as a whole is refused too.
 */
export function checkReadTime(started: number, file: string): void {
  if (Date.now() - started > READ_TIMEOUT_MS) {
    throw new ImportError({ file, problem: `reading the file took longer than ${READ_TIMEOUT_MS / 1000} s.`, fix: 'split the protocol, or export it anew from Word, and import that file.' });
  }
}
