/**
 * A PDF as the archive publishes it (originals under `/quellen/`, attachments under
 * `/anlagen/`): only its pages, rewritten with pdf-lib. What a viewer does not show on the
 * page goes: the document information (/Author, /Subject, …), XMP metadata, annotations
 * (sticky notes, link targets such as `mailto:`, form fields), outlines, names, actions,
 * embedded files, page-piece data. Then every string of the rewritten file is read
 * (`pdfStrings`: string objects, names, every stream inflated) with the page text, and the
 * file is published only when none of it holds contact data (`src/lib/text/privacy.ts`).
 *
 * The page tree is never walked by pdf-lib: pdf.js (`openPdf`, bounded) finds each page's
 * object, so a page-tree bomb is refused before pdf-lib sees the file.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRawStream, PDFRef, PDFStream, PDFString, type PDFObject } from 'pdf-lib';
import { extractText } from 'unpdf';
import { inflateSync } from 'node:zlib';
import { FileLimitError, MAX_UNPACKED_BYTES, megabytes } from '../model/limits.ts';
import { openPdf } from './bounded-files.ts';
import { findContactData } from './privacy.ts';

/** The entries of a page that make what it shows (ISO 32000-2, 7.7.3.3); all others are dropped. */
const PAGE_KEYS = new Set(['Type', 'Resources', 'MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Contents', 'Rotate', 'UserUnit', 'Group']);

/** Entries dropped wherever they stand in a copied object: metadata streams and private application data. */
const DROPPED_EVERYWHERE = ['Metadata', 'PieceInfo', 'AA', 'OpenAction'].map((key) => PDFName.of(key));

/** A PDF read for publication: its visible text and the rewritten file. */
export interface CleanPdf {
  /** The pages only, rewritten (see the module comment). */
  bytes: Uint8Array;
  /** The page text as unpdf reads it. */
  text: string;
  /** Contact data found in the rewritten file (page text and every string), as written. */
  contactData: string[];
}

/**
 * Rewrites a PDF with its pages only and checks every string of the result for contact data.
 * @example (await cleanPdf(pdfWithAuthorEmail)).contactData // => [] (the /Author is gone)
 * @throws FileLimitError (too many pages, page-tree bomb, too large) or pdf.js/pdf-lib errors (damaged, encrypted)
 */
export async function cleanPdf(bytes: Uint8Array): Promise<CleanPdf> {
  const pdf = await openPdf(bytes);
  let refs: PDFRef[];
  let text: string;
  try {
    refs = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const { ref } = await pdf.getPage(p);
      if (!ref) throw new Error(`page ${p} has no object of its own`);
      refs.push(PDFRef.of(ref.num, ref.gen));
    }
    const extracted = await extractText(pdf, { mergePages: true });
    text = Array.isArray(extracted.text) ? extracted.text.join('\n') : extracted.text;
  } finally {
    await pdf.loadingTask.destroy();
  }
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const clean = await PDFDocument.create({ updateMetadata: false });
  const copier = PDFObjectCopier.for(source.context, clean.context);
  for (const ref of refs) {
    const leaf = source.context.lookup(ref);
    if (!(leaf instanceof PDFPageLeaf)) throw new Error(`object ${ref.toString()} is not a page`);
    // Inherited entries (MediaBox, Resources) are moved into the copy by the copier; the rest is dropped first.
    const page = leaf.clone();
    for (const key of page.keys()) if (!PAGE_KEYS.has(key.decodeText())) page.delete(key);
    for (const key of PDFPageLeaf.InheritableEntries) {
      const value = leaf.getInheritableAttribute(PDFName.of(key));
      if (value && !page.get(PDFName.of(key))) page.set(PDFName.of(key), value);
    }
    page.delete(PDFName.of('Parent'));
    const copy = copier.copy(page) as PDFPageLeaf;
    clean.addPage(PDFPage.of(copy, clean.context.register(copy), clean));
  }
  for (const [, object] of clean.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    for (const key of DROPPED_EVERYWHERE) dict?.delete(key);
  }
  const cleaned = await clean.save({ useObjectStreams: false });
  const strings = await pdfStrings(cleaned);
  // Phone numbers in the page text and the string objects; in streams (fonts' CMaps are runs
  // of hex digits such as "007400740066") only e-mail addresses, the page text covers the rest.
  const contactData = [...findContactData(`${text}\n${strings.objects}`), ...findContactData(strings.streams).filter((found) => /@|\bat\b/i.test(found))];
  return { bytes: cleaned, text, contactData };
}

/** Printable runs of at least 6 characters in Latin-1: what text a binary stream (a font, an image) can carry. */
function printableRuns(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('latin1').match(/[\x20-\x7e\xa0-\xff]{6,}/g) ?? []).join('\n');
}

/**
 * A stream's content, inflated: FlateDecode (nearly every stream) with zlib, stopping at
 * `budget.left` bytes (a stream can be a deflate bomb), other filters with pdf-lib; the raw
 * bytes when the filter is unknown (images: DCTDecode).
 */
function streamContent(stream: PDFRawStream, budget: { left: number }): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  let content: Uint8Array;
  if (filter === PDFName.of('FlateDecode')) {
    try {
      content = inflateSync(stream.getContents(), { maxOutputLength: Math.max(1, budget.left) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FileLimitError(`the PDF's streams inflate to more than ${megabytes(MAX_UNPACKED_BYTES)}.`, 'export the PDF anew from Word and use that file.');
      content = stream.getContents();
    }
  } else {
    try {
      content = decodePDFRawStream(stream).decode();
    } catch {
      content = stream.getContents();
    }
  }
  budget.left -= content.byteLength;
  return content;
}

/**
 * Every string a PDF holds, one per line: `objects`, the string and hex-string objects
 * (decoded: PDFDocEncoding or UTF-16) and names; `streams`, the printable runs of every
 * stream, inflated (`streamContent`).
 * @throws FileLimitError when the streams inflate beyond `MAX_UNPACKED_BYTES`
 * @example (await pdfStrings(bytes)).streams // => 'BT /F1 11 Tf … (Protokoll des Plenums) Tj ET\n…'
 */
export async function pdfStrings(bytes: Uint8Array): Promise<{ objects: string; streams: string }> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const out: string[] = [];
  const visit = (object: PDFObject | undefined, depth: number): void => {
    if (!object || depth > 64) return;
    if (object instanceof PDFString || object instanceof PDFHexString) out.push(object.decodeText());
    else if (object instanceof PDFName) out.push(object.decodeText());
    else if (object instanceof PDFArray) for (let i = 0; i < object.size(); i++) visit(object.get(i), depth + 1);
    else if (object instanceof PDFDict) for (const [key, value] of object.entries()) visit(key, depth + 1), visit(value, depth + 1);
    else if (object instanceof PDFStream) visit(object.dict, depth + 1);
  };
  const budget = { left: MAX_UNPACKED_BYTES };
  const streams: string[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    visit(object, 0);
    if (object instanceof PDFRawStream) streams.push(printableRuns(streamContent(object, budget)));
  }
  visit(document.context.trailerInfo.Info, 0);
  return { objects: out.join('\n'), streams: streams.join('\n') };
}
