/**
 * The attachments (Anlagen) of a meeting as its page shows them: the "Anlagen"
 * section (one line per attachment, linked to its file where there is one) and the
 * attachments of each TOP in the agenda. Pure over the `ArchiveIndex`.
 *
 * Nothing links to an attachment without a file (issue #25: seven links to seven lines
 * saying "Datei liegt dem Archiv nicht vor" were dead ends): such an attachment is named as
 * plain text, and the section says once for all that their files are not in the archive.
 */
import { topAnchorId } from '../model/anchors';
import type { ArchiveIndex } from '../index/archive-index';
import { attachmentAnchorId, attachmentPath, compareAttachmentNumbers, type AttachmentFile } from '../text/attachments';
import type { Meeting } from '../model/model';
import { maskContactData } from '../text/privacy';

/** One line of the "Anlagen" section. */
export interface AttachmentLine {
  number: string;
  /** `"anlage-3"`: the line's id. */
  anchor: string;
  /** `"Anlage 3"` */
  label: string;
  /** What it is ("Präsentation"), contact data masked; undefined when the title only repeats the label ("Anlage 1"). */
  title?: string;
  /** The TOP it belongs to, linked to its heading when the text has one. */
  item?: { number: string; label: string; href?: string };
  /** The published file: link, name, `"PDF, 12 kB"`. */
  file?: { href: string; name: string; description: string };
  /** Why a file at hand is not published: the contact-data reason (`"nicht veröffentlicht: enthält Kontaktdaten"`). */
  missing?: string;
  /** No file at hand: named as plain text; the section's note (`attachmentNote`) says so once for all. */
  absent: boolean;
}

/** Short type names by media type, as readers know them. */
const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'Text',
  'text/markdown': 'Text',
  'text/csv': 'CSV',
  'text/html': 'HTML',
};

/**
 * A file size the German way: bytes below 1 kB, else kB or MB with one decimal.
 * @example fileSizeLabel(12_345) // => '12,1 kB'
 * @example fileSizeLabel(512) // => '512 Byte'
 */
export function fileSizeLabel(bytes: number): string {
  const number = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} kB`;
  return `${number(bytes / 1024 / 1024)} MB`;
}

/** `"PDF, 12,1 kB"` */
function describe(file: AttachmentFile): string {
  const type = (file.mediaType && typeNames[file.mediaType]) ?? file.name.split('.').pop()?.toUpperCase() ?? 'Datei';
  return `${type}, ${fileSizeLabel(file.publishedSize)}`;
}

/**
 * The attachment lines of a meeting, in number order.
 * @example attachmentLines(index, meeting)[0] // => { number: '1', anchor: 'anlage-1', label: 'Anlage 1', title: 'Präsentation', item: { number: '2', label: 'TOP 2', href: '#top-2' }, file: { href: '/anlagen/…/anlage-1.txt', name: 'anlage-1.txt', description: 'Text, 1,2 kB' } }
 */
export function attachmentLines(index: ArchiveIndex, meeting: Meeting): AttachmentLine[] {
  const headings = new Set(index.bodies.get(meeting.id)?.topNumbers ?? []);
  const files = index.attachmentFiles.get(meeting.id);
  return [...(meeting.attachments ?? [])]
    .sort((a, b) => compareAttachmentNumbers(a.number, b.number))
    .map((attachment) => {
      const file = attachment.file ? files?.get(attachment.file) : undefined;
      const published = file && file.publication !== 'withheld';
      return {
        number: attachment.number,
        anchor: attachmentAnchorId(attachment.number),
        label: `Anlage ${attachment.number}`,
        title: attachment.title.trim() === `Anlage ${attachment.number}` ? undefined : maskContactData(attachment.title),
        item: attachment.item
          ? { number: attachment.item, label: `TOP ${attachment.item}`, href: headings.has(attachment.item) ? `#${topAnchorId(attachment.item)}` : undefined }
          : undefined,
        file: published ? { href: attachmentPath(meeting.id, file.name), name: file.name, description: describe(file) } : undefined,
        missing: file && !published ? file.withheldReason : undefined,
        absent: !file,
      };
    });
}

/**
 * The one note under the "Anlagen" list for the attachments without a file; undefined when every one has its file.
 * @example attachmentNote([{ absent: true }, { absent: true }]) // => 'Die Dateien dieser Anlagen liegen dem Archiv nicht vor.'
 * @example attachmentNote([{ absent: false }, { absent: true }]) // => 'Die Dateien der Anlagen ohne Link liegen dem Archiv nicht vor.'
 */
export function attachmentNote(lines: readonly Pick<AttachmentLine, 'absent'>[]): string | undefined {
  const absent = lines.filter((line) => line.absent).length;
  if (absent === 0) return undefined;
  if (absent === lines.length) return absent === 1 ? 'Die Datei dieser Anlage liegt dem Archiv nicht vor.' : 'Die Dateien dieser Anlagen liegen dem Archiv nicht vor.';
  return absent === 1 ? 'Die Datei der Anlage ohne Link liegt dem Archiv nicht vor.' : 'Die Dateien der Anlagen ohne Link liegen dem Archiv nicht vor.';
}

/**
 * The attachments of one TOP, for its agenda line: linked to the file where one is
 * published, else plain text (no link to a line that only says there is no file).
 * @example itemAttachmentLinks(lines, '3') // => [{ href: '/anlagen/…/anlage-2.pdf', label: 'Anlage 2' }, { label: 'Anlage 3' }]
 */
export function itemAttachmentLinks(lines: readonly AttachmentLine[], itemNumber: string | undefined): { href?: string; label: string }[] {
  if (itemNumber === undefined) return [];
  return lines.filter((line) => line.item?.number === itemNumber).map((line) => (line.file ? { href: line.file.href, label: line.label } : { label: line.label }));
}
