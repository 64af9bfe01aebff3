/**
 * The attachments (Anlagen) of a meeting as its page shows them: the "Anlagen"
 * section (one line per attachment with its file, or why there is none) and the
 * attachments of each TOP in the agenda. Pure over the `ArchiveIndex`.
 */
import { topAnchorId } from '../model/anchors';
import type { ArchiveIndex } from '../index/archive-index';
import { attachmentAnchorId, attachmentPath, compareAttachmentNumbers, type AttachmentFile } from '../text/attachments';
import type { Meeting } from '../model/model';
import { maskContactData } from '../text/privacy';

/** One line of the "Anlagen" section. */
export interface AttachmentLine {
  number: string;
  /** `"anlage-3"`: the line's id, target of the agenda's and the text's links when there is no file. */
  anchor: string;
  /** `"Anlage 3"` */
  label: string;
  /** What it is ("Präsentation"), contact data masked; undefined when the title only repeats the label ("Anlage 1"). */
  title?: string;
  /** The TOP it belongs to, linked to its heading when the text has one. */
  item?: { number: string; label: string; href?: string };
  /** The published file: link, name, `"PDF, 12 kB"`. */
  file?: { href: string; name: string; description: string };
  /** Why there is no link: `"Datei liegt dem Archiv nicht vor"`, or the contact-data reason. */
  missing?: string;
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
        missing: published ? undefined : (file?.withheldReason ?? 'Datei liegt dem Archiv nicht vor'),
      };
    });
}

/**
 * The attachments of one TOP, for its agenda line: linked to the file where one is
 * published, else to the attachment's line in the "Anlagen" section.
 * @example itemAttachmentLinks(lines, '3') // => [{ href: '/anlagen/…/anlage-2.pdf', label: 'Anlage 2' }]
 */
export function itemAttachmentLinks(lines: readonly AttachmentLine[], itemNumber: string | undefined): { href: string; label: string }[] {
  if (itemNumber === undefined) return [];
  return lines
    .filter((line) => line.item?.number === itemNumber)
    .map((line) => ({ href: line.file?.href ?? `#${line.anchor}`, label: line.label }));
}
