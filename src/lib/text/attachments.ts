/**
 * Attachments (Anlagen) of the meetings: how a protocol refers to them ("siehe
 * Anlage 3", "Anlagen 5 und 6"), where their files live
 * (`content/attachments/<meeting-id>/<file>`), whether a file may be published,
 * and where it is published (`/anlagen/<meeting-id>/<file>`).
 *
 * One grammar for references (`findAttachmentReferences`, `./attachment-references.ts`,
 * re-exported here) serves the importer (`scripts/import/steps/attachments.ts`, which lists
 * the referenced attachments in the frontmatter) and the site
 * (`src/lib/text/rehype-attachment-links.ts`, which links "Anlage N" in the text to the file).
 *
 * Contact-data rule (the same as for the originals under `/quellen/`, see
 * `src/lib/text/originals.ts`): no byte a reader can download shows an e-mail address or
 * a phone number. Text files (`.txt`, `.md`, `.csv`, `.json`) are published with their
 * contact data masked (`.txt`, `.md`, `.csv` as UTF-8 with BOM); a PDF is published with its
 * pages only (`cleanPdf`: no metadata, annotations, link targets) when no string of the
 * result holds contact data, otherwise it is withheld; any other file type cannot be
 * checked and is withheld. A withheld attachment is listed on the meeting page with the
 * reason, without a link.
 *
 * Nothing active: an attachment a browser would run (`.html`, `.svg`, `.xml`, `.js`, …, or a
 * text file whose bytes are markup, `isMarkup`) is refused: integrity fails the build naming
 * it (`refusal`), as a static host cannot force a download.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// Static imports only (pdf-clean imports unpdf statically): the rehype plugin runs from the
// config's module runner, which is closed by the time a dynamic `import('unpdf')` would run.
import { FileLimitError } from '../model/limits.ts';
import { checkFileSize } from './bounded-files.ts';
import { decodeText, isMarkup, utf8WithBom } from './originals.ts';
import { cleanPdf } from './pdf-clean.ts';
import { maskContactData, maskContactDataInBytes } from './privacy.ts';
import type { AttachmentData } from '../model/schema.ts';

export { compareAttachmentNumbers, findAttachmentReferences, type AttachmentReference } from './attachment-references.ts';

// ---------------------------------------------------------------------------
// Files and their publication

/** The attachments folder, `content/attachments/` (resolved from the working directory, like `content/sources/`). */
export const attachmentsDir = resolve(process.cwd(), 'content/attachments');

/** Where a meeting's attachment files live, relative to the project: `content/attachments/<meeting-id>/`. */
export function attachmentFolder(meetingId: string): string {
  return `content/attachments/${meetingId}/`;
}

/**
 * The published URL path of an attachment file (`src/pages/anlagen/[meeting]/[file].ts`).
 * @example attachmentPath('2021-11-11-plenum', 'anlage 1.txt') // => '/anlagen/2021-11-11-plenum/anlage%201.txt'
 */
export function attachmentPath(meetingId: string, file: string): string {
  return `/anlagen/${meetingId}/${encodeURIComponent(file)}`;
}

/** The anchor of an attachment in the meeting page's "Anlagen" section. @example attachmentAnchorId('3') // => 'anlage-3' */
export function attachmentAnchorId(number: string): string {
  return `anlage-${number}`;
}

/** File types published with contact data masked in their text. */
const TEXT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
};

/**
 * File types a browser runs or renders with scripts when the host serves them from the
 * site's origin (HTML, XML with stylesheets, SVG, scripts, Flash): refused as attachments.
 */
const ACTIVE_TYPES = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'mht', 'mhtml', 'xml', 'xsl', 'xslt', 'svg', 'svgz', 'js', 'mjs', 'cjs', 'swf', 'hta', 'wasm']);

/** Media type of an attachment file by extension, for OParl `mimeType`. */
const MEDIA_TYPES: Record<string, string> = {
  ...TEXT_TYPES,
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The lower-case extension of a file name (`"Anlage.PDF"` => `"pdf"`). */
function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** The media type of a file name, or undefined when unknown. @example mediaTypeOf('anlage-1.pdf') // => 'application/pdf' */
export function mediaTypeOf(name: string): string | undefined {
  return MEDIA_TYPES[extensionOf(name)];
}

/** One file in `content/attachments/<meeting-id>/` and whether it may be published. */
export interface AttachmentFile {
  name: string;
  /** Size of the file in `content/attachments/`, bytes. */
  size: number;
  /** Size of what is published (masked text and cleaned PDFs differ), bytes; 0 when withheld. */
  publishedSize: number;
  /** SHA-256 (hex) of the file in `content/attachments/`. */
  sha256: string;
  mediaType?: string;
  /** `masked`: text published with contact data masked; `cleaned`: a PDF with its pages only; `withheld`: not published. */
  publication: 'masked' | 'cleaned' | 'withheld';
  /** For `withheld`: why, in German, as the meeting page shows it. */
  withheldReason?: string;
  /** An active file (HTML, SVG, …): the integrity problem that fails the build, `problem. Fix: …`. */
  refusal?: string;
  /** What is published (absent when withheld). */
  bytes?: Uint8Array;
}

/** Meeting id => file name => file. */
export type AttachmentCatalog = Map<string, Map<string, AttachmentFile>>;

/** What `publicationOf` decides: the publication and, when published, the bytes. */
type Publication = Pick<AttachmentFile, 'publication' | 'withheldReason' | 'refusal' | 'bytes'>;

const withheld = (reason: string): Publication => ({ publication: 'withheld', withheldReason: `nicht veröffentlicht: ${reason}` });

/**
 * Decides how a file may be published (the rules above) and makes what is published.
 * @example (await publicationOf('a.txt', bytes)).publication // => 'masked'
 * @example await publicationOf('a.pdf', bytesWithPhoneNumber) // => { publication: 'withheld', withheldReason: 'nicht veröffentlicht: enthält Kontaktdaten' }
 * @example (await publicationOf('a.svg', svg)).refusal // => 'an active file (.svg), which a browser runs from the archive's address. Fix: …'
 */
export async function publicationOf(name: string, bytes: Uint8Array): Promise<Publication> {
  const extension = extensionOf(name);
  if (ACTIVE_TYPES.has(extension) || (TEXT_TYPES[extension] && isMarkup(bytes))) {
    const what = ACTIVE_TYPES.has(extension) ? `.${extension}` : `.${extension} whose content is HTML or XML`;
    return {
      ...withheld('aktiver Inhalt (HTML, SVG, XML, Skript) wird nicht veröffentlicht'),
      refusal: `an active file (${what}), which a browser would run from the archive's address; a static host cannot force a download. Fix: export it as PDF (or save it as plain text), put that file in its place and name it in the protocol's attachments.`,
    };
  }
  try {
    checkFileSize(bytes);
  } catch (e) {
    return withheld(`die Datei ist größer als erlaubt (${(e as FileLimitError).problem})`);
  }
  if (TEXT_TYPES[extension]) {
    const masked = extension === 'json' ? maskContactDataInBytes(bytes) : utf8WithBom(maskContactData(decodeText(bytes).replace(/^\uFEFF/, '')));
    return { publication: 'masked', bytes: masked };
  }
  if (extension === 'pdf') {
    try {
      const clean = await cleanPdf(bytes);
      return clean.contactData.length > 0 ? withheld('enthält Kontaktdaten') : { publication: 'cleaned', bytes: clean.bytes };
    } catch {
      return withheld('die PDF-Datei ließ sich nicht auf Kontaktdaten prüfen');
    }
  }
  return withheld(`Dateityp ${extension ? `.${extension}` : 'ohne Endung'} lässt sich nicht auf Kontaktdaten prüfen`);
}

/**
 * Reads `content/attachments/<meeting-id>/*` and decides each file's publication. Only
 * real folders and files count: a symbolic link is never read (integrity fails the build on
 * it, `src/lib/model/real-files.ts`), nor are dot files and sub-folders. A folder that is no
 * meeting's is read all the same (integrity reports it and files no protocol lists).
 * @example await loadAttachmentCatalog() // => Map { '2021-11-11-plenum' => Map { 'anlage-1.txt' => { publication: 'masked', … } } }
 */
export async function loadAttachmentCatalog(dir: string = attachmentsDir): Promise<AttachmentCatalog> {
  const catalog: AttachmentCatalog = new Map();
  if (!existsSync(dir) || lstatSync(dir).isSymbolicLink()) return catalog;
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'))) {
    const files = new Map<string, AttachmentFile>();
    for (const entry of readdirSync(join(dir, folder.name), { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith('.')) continue;
      const bytes = readFileSync(join(dir, folder.name, entry.name));
      const publication = await publicationOf(entry.name, bytes);
      files.set(entry.name, {
        name: entry.name,
        size: bytes.byteLength,
        publishedSize: publication.bytes?.byteLength ?? 0,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        mediaType: mediaTypeOf(entry.name),
        ...publication,
      });
    }
    catalog.set(folder.name, files);
  }
  return catalog;
}

/** By folder: the catalog is read once per build. */
const catalogs = new Map<string, Promise<AttachmentCatalog>>();

/** `loadAttachmentCatalog`, once per folder and process (the pages, the rehype plugin and the route share it). */
export function attachmentCatalog(dir: string = attachmentsDir): Promise<AttachmentCatalog> {
  let catalog = catalogs.get(dir);
  if (!catalog) {
    catalog = loadAttachmentCatalog(dir);
    catalogs.set(dir, catalog);
  }
  return catalog;
}

/**
 * The bytes to publish for a file: masked text, the cleaned PDF, or undefined when withheld.
 * @example publishedBytes(catalog, '2021-11-11-plenum', 'anlage-1.txt') // => Uint8Array […]
 */
export function publishedBytes(catalog: AttachmentCatalog, meetingId: string, name: string): Uint8Array | undefined {
  const file = catalog.get(meetingId)?.get(name);
  return file && file.publication !== 'withheld' ? file.bytes : undefined;
}

/**
 * The published files a protocol lists (`attachments[].file`), for the route's `getStaticPaths`:
 * a file no protocol lists is never published (integrity fails the build on it, too).
 * @example publishedFiles(catalog, meetings) // => [{ meeting: '2021-11-11-plenum', file: 'anlage-1.txt' }]
 */
export function publishedFiles(catalog: AttachmentCatalog, meetings: readonly { id: string; attachments?: readonly AttachmentData[] }[]): { meeting: string; file: string }[] {
  const listed = new Set(meetings.flatMap((m) => (m.attachments ?? []).flatMap((a) => (a.file ? [`${m.id}/${a.file}`] : []))));
  return [...catalog]
    .flatMap(([meeting, files]) => [...files.values()].filter((f) => f.publication !== 'withheld' && listed.has(`${meeting}/${f.name}`)).map((f) => ({ meeting, file: f.name })))
    .sort((a, b) => a.meeting.localeCompare(b.meeting) || a.file.localeCompare(b.file));
}

/**
 * Where "Anlage N" of a meeting leads: number => the published file's path. Attachments
 * without a file, or with a withheld one, have no entry.
 * @example attachmentTargets('2021-11-11-plenum', [{ number: '1', title: 'Präsentation', file: 'anlage-1.txt' }], catalog) // => Map { '1' => '/anlagen/2021-11-11-plenum/anlage-1.txt' }
 */
export function attachmentTargets(meetingId: string, attachments: readonly AttachmentData[], catalog: AttachmentCatalog): Map<string, string> {
  const targets = new Map<string, string>();
  for (const attachment of attachments) {
    const file = attachment.file && catalog.get(meetingId)?.get(attachment.file);
    if (file && file.publication !== 'withheld') targets.set(attachment.number, attachmentPath(meetingId, file.name));
  }
  return targets;
}
