/**
 * What `/quellen/` publishes of an original protocol file (`content/sources/`), decided from
 * its bytes. The promise (issue #22): no byte a reader can download holds contact data, and
 * nothing published runs in a browser.
 *
 * - A PDF is rewritten with its pages only (`cleanPdf`: no metadata, annotations, link
 *   targets) and published so when no string of the result holds contact data; else only its
 *   masked page text is published, as `<name>.txt`.
 * - A Word document is never published as a file: it carries metadata, comments, tracked
 *   changes, field codes, alt text and custom XML a page does not show. Its text (mammoth),
 *   masked, is published as `<name>.txt`, and the meeting page says so.
 * - Markup (an `.html`/`.htm`/`.xhtml`/`.xml`/`.svg` name, or bytes a browser would sniff as
 *   HTML or XML: WHATWG MIME Sniffing §7.1) is never published as a file either: its text,
 *   tags and scripts removed, masked, as `<name>.txt`. Word's HTML export stays importable.
 * - Text is published masked, as UTF-8 with a byte-order mark, so a browser shows its umlauts
 *   under any host (a host sends `.txt` without a charset): UTF-16 and Windows-1252 are
 *   converted.
 * A file that cannot be read (damaged, beyond a limit of `src/lib/model/limits.ts`) is not
 * published; a note saying so is, as `<name>.txt`.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { FileLimitError } from '../model/limits.ts';
import { checkFileSize, zipParts } from './bounded-files.ts';
import { cleanPdf } from './pdf-clean.ts';
import { maskContactData, utf16Order } from './privacy.ts';

/** How the meeting page names an original's kind ("Originalprotokoll (PDF, 62 KB)"). */
export type OriginalKind = 'PDF' | 'Word' | 'HTML' | 'XML' | 'SVG' | 'Text';

/** What `/quellen/` publishes for one original. */
export interface PublishedOriginal {
  /** The original's file name in `content/sources/`. */
  source: string;
  kind: OriginalKind;
  /** Size of the original in bytes. */
  size: number;
  /** File name under `/quellen/`: the original's, or `<name>.txt` when only its text is published. */
  file: string;
  /** The bytes served. */
  bytes: Uint8Array;
  /**
   * `'as-is'`: the text original byte for byte (already UTF-8 with BOM, nothing to mask);
   * `'masked'`: the text original masked, as UTF-8 with BOM; `'cleaned'`: a PDF with its pages
   * only; `'text'`: only its text (or a note) is published, `note` says why.
   */
  form: 'as-is' | 'masked' | 'cleaned' | 'text';
  /** For `'text'`: why the file itself is not published, in German, as the meeting page says it. */
  note?: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Reasons, as the meeting page words them (followed by the link to the text). */
export const ORIGINAL_NOTES = {
  contact: 'Die Datei enthält Kontaktdaten und wird deshalb nicht veröffentlicht; veröffentlicht ist ihr Text ohne E-Mail-Adressen und Telefonnummern:',
  word: 'Word-Dokumente tragen Angaben, die die Seite nicht zeigt (Metadaten, Kommentare, Änderungen); veröffentlicht ist deshalb nur ihr Text ohne E-Mail-Adressen und Telefonnummern:',
  markup: 'HTML-, XML- und SVG-Dateien können Skripte enthalten und werden deshalb nicht veröffentlicht; veröffentlicht ist ihr Text ohne E-Mail-Adressen und Telefonnummern:',
  unreadable: 'Die Datei ließ sich nicht prüfen und wird deshalb nicht veröffentlicht:',
} as const;

/** File names that are markup whatever their bytes. */
const MARKUP_NAME = /\.(x?html?|xml|svg)$/i;

/**
 * Whether bytes are markup a browser may sniff and run: after whitespace (and a BOM) they open
 * with one of the HTML patterns of WHATWG MIME Sniffing §7.1 ("<!DOCTYPE HTML", "<HTML",
 * "<SCRIPT", "<!--", …), "<?xml", or "<svg". Word's tab-separated export with `<b>` in its cells
 * is not: it starts with the title.
 * @example isMarkup(new TextEncoder().encode('  <html><body>…')) // => true
 */
export function isMarkup(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 512)).replace(/^\uFEFF?\s*/, '').slice(0, 16).toLowerCase();
  return /^(?:<!doctype html|<(?:html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg)[\s>/]|<!--|<\?xml)/.test(head);
}

/**
 * The kind of an original from its bytes (and, for markup, its name): `%PDF-` in the first
 * 1024 bytes, a ZIP, markup, or text.
 * @example originalKindOf('a.svg', bytes) // => 'SVG'
 */
export function originalKindOf(name: string, bytes: Uint8Array): OriginalKind {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) return 'PDF';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'Word';
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'svg') return 'SVG';
  if (extension === 'xml') return 'XML';
  if (MARKUP_NAME.test(name) || isMarkup(bytes)) return 'HTML';
  return 'Text';
}

/**
 * Text bytes as a string: UTF-16 (by byte-order mark or NUL pattern), UTF-8, else Windows-1252.
 * @example decodeText(Buffer.from('Begr\xfc\xdfung', 'latin1')) // => 'Begrüßung'
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Order(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A text as UTF-8 with a byte-order mark. */
export function utf8WithBom(text: string): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(new ArrayBuffer(body.length + 3));
  out.set(UTF8_BOM);
  out.set(body, 3);
  return out;
}

/** Elements whose content is no text a reader sees. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head']);
/** Elements after which a line ends. */
const BLOCK = /^(?:p|div|br|li|tr|h[1-6]|table|ul|ol|section|article|text|tspan|title|desc)$/;

/**
 * The text of HTML, XML or SVG, as a reader sees it: scripts, styles and attributes gone,
 * a line per block.
 * @example markupText('<body onload="x()"><p>Hallo</p><script>x()</script></body>') // => 'Hallo'
 */
export function markupText(markup: string): string {
  const out: string[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') out.push(node.value);
      else if (node.type === 'element' && !NOT_TEXT.has(node.tagName)) {
        walk((node as Element).children);
        if (BLOCK.test(node.tagName)) out.push('\n');
      }
    }
  };
  walk((fromHtml(markup) as Root).children);
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The body text of a Word document, read with mammoth after the archive is checked against the limits. */
async function wordText(bytes: Uint8Array): Promise<string> {
  await zipParts(bytes);
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return value;
}

/**
 * What `/quellen/` publishes for an original (the rules of the module comment).
 * @example await publishOriginal('a.docx', docx) // => { file: 'a.docx.txt', form: 'text', kind: 'Word', note: ORIGINAL_NOTES.word, … }
 * @example await publishOriginal('a.pdf', pdfWithAuthorEmail) // => { file: 'a.pdf', form: 'cleaned', … }
 */
export async function publishOriginal(source: string, bytes: Uint8Array): Promise<PublishedOriginal> {
  const kind = originalKindOf(source, bytes);
  const base = { source, kind, size: bytes.length };
  const asText = (text: string, note: string): PublishedOriginal => ({ ...base, file: /\.txt$/i.test(source) ? source : `${source}.txt`, bytes: utf8WithBom(maskContactData(text)), form: 'text', note });
  try {
    checkFileSize(bytes);
    if (kind === 'PDF') {
      const clean = await cleanPdf(bytes);
      return clean.contactData.length === 0 ? { ...base, file: source, bytes: clean.bytes, form: 'cleaned' } : asText(clean.text, ORIGINAL_NOTES.contact);
    }
    if (kind === 'Word') return asText(await wordText(bytes), ORIGINAL_NOTES.word);
  } catch (e) {
    const why = e instanceof FileLimitError ? e.problem : (e as Error).message;
    return asText(`Die Originaldatei ${source} ließ sich nicht lesen (${why}); sie wird nicht veröffentlicht.`, ORIGINAL_NOTES.unreadable);
  }
  if (kind !== 'Text') return asText(markupText(decodeText(bytes)), ORIGINAL_NOTES.markup);
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  const published = utf8WithBom(maskContactData(text));
  const same = published.length === bytes.length && published.every((byte, i) => byte === bytes[i]);
  return { ...base, file: source, bytes: same ? bytes : published, form: same ? 'as-is' : 'masked' };
}
