/**
 * What kind of file a protocol is, told from its bytes, never from its name:
 * a renamed file must not reach the wrong reader. PDF files start with `%PDF-`
 * (ISO 32000-2, 7.5.2); a Word document is a ZIP archive (`PK\x03\x04`) holding
 * `word/document.xml` (ECMA-376 part 2, Open Packaging Conventions); anything
 * else is protocol text (PDF-extracted text or a Word-to-markdown export).
 */
import { ImportError } from '../errors.ts';
import { withinLimits } from '../limits.ts';

/** The kinds of protocol files the importer reads. */
export type SourceKind = 'pdf' | 'docx' | 'text';

/** Display names of the kinds, as the meeting page shows them ("Originalprotokoll (PDF, 62 KB)"). */
export const SOURCE_KIND_LABEL: Record<SourceKind, string> = { pdf: 'PDF', docx: 'Word', text: 'Text' };

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The kind of a protocol file from its first bytes (e.g. bytes `%PDF-1.7…` => `'pdf'`).
 * A ZIP archive is `'docx'` only after `wordDocumentXml` found its main part;
 * this function looks at the magic numbers alone.
 */
export function sniffKind(bytes: Uint8Array): SourceKind {
  // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-2, annex H).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes(PDF_MAGIC)) return 'pdf';
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'docx';
  return 'text';
}

/**
 * Opens a ZIP that should be a Word document and checks that it is one: the
 * archive must be readable (not truncated), unencrypted, within the limits of
 * `src/lib/model/limits.ts` (inflated parts, entries: a zip bomb is refused while it
 * inflates), and hold `word/document.xml`.
 * @returns the archive's parts, inflated, by path
 * @throws ImportError naming the file with the fix (e.g. a ZIP renamed to `.docx`, a zip bomb)
 */
export async function checkWordArchive(bytes: Uint8Array, file: string): Promise<Map<string, Uint8Array>> {
  let parts: Map<string, Uint8Array>;
  // jszip is loaded for a Word document only, not for every protocol that is sniffed (issue #23).
  const { zipParts } = await import('../../../src/lib/text/bounded-files.ts');
  try {
    parts = await withinLimits(file, () => zipParts(bytes));
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const message = (e as Error).message;
    if (/encrypt/i.test(message)) {
      throw new ImportError({ file, problem: 'the Word document is encrypted (password-protected).', fix: 'open it in Word, remove the password (File > Info > Protect Document), save, and import that file.' });
    }
    throw new ImportError({ file, problem: `the ZIP archive cannot be read (${message}); the file is truncated or damaged.`, fix: 'copy the original Word document again, or open it in Word and save it anew.' });
  }
  if (parts.has('EncryptedPackage') || parts.has('EncryptionInfo')) {
    throw new ImportError({ file, problem: 'the Word document is encrypted (password-protected).', fix: 'open it in Word, remove the password (File > Info > Protect Document), save, and import that file.' });
  }
  if (!parts.has('word/document.xml')) {
    const names = [...parts.keys()].slice(0, 3).join(', ');
    throw new ImportError({ file, problem: `a ZIP archive without word/document.xml (holds ${names || 'nothing'}), so not a Word document.`, fix: 'import the Word document (.docx) itself, or unpack the archive and import the protocol in it.' });
  }
  return parts;
}

/**
 * The ZIP-based Office format a CFB (OLE2) file is not: old `.doc` files and
 * encrypted `.docx` files are Compound File Binary containers (`D0 CF 11 E0`).
 */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
