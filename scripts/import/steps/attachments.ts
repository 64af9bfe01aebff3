/**
 * Importer step: the attachments (Anlagen) a protocol refers to ("siehe Anlage 1",
 * "Anlagen 5 und 6", "Anlage 4 (power-point Präsentation) und 5 (Infoblatt)"),
 * listed for the frontmatter as entries without a file, for the editor to fill in
 * (`file`, relative to `content/attachments/<meeting-id>/`).
 *
 * The grammar of a reference is the site's (`findAttachmentReferences`,
 * `src/lib/text/attachment-references.ts`), so every number listed here is a number the meeting
 * page links. Rules for the entries:
 * - one entry per number, in number order; the first mention decides `item` (the TOP
 *   whose text it is in; none before the first TOP) and the title;
 * - `title`: what the text calls it ("Präsentation", "Infoblatt"); else the title of
 *   the agenda item (the attachment is that TOP's material); else "Anlage N".
 */
import { compareAttachmentNumbers, findAttachmentReferences } from '../../../src/lib/text/attachment-references.ts';
import type { AttachmentData } from '../../../src/lib/model/schema.ts';
import type { Section } from '../model.ts';

/**
 * The attachments referred to in the protocol text.
 * @param sections the body sections (TOP number, blocks)
 * @param itemTitle title of the agenda item with a TOP number, if the agenda has it
 * @example listAttachments([{ number: '2', title: '', line: 9, blocks: [{ kind: 'paragraph', text: 'siehe Präsentation **Anlage 1**', line: 10 }] }], () => undefined)
 *   // => [{ number: '1', title: 'Präsentation', item: '2' }]
 */
export function listAttachments(sections: readonly Section[], itemTitle: (number: string) => string | undefined): AttachmentData[] {
  const found = new Map<string, AttachmentData>();
  for (const section of sections) {
    for (const block of section.blocks) {
      // Emphasis markers would sit between "Präsentation" and "Anlage 1" (`**Anlage 1**`).
      const text = block.text.replace(/\*\*|__/g, '');
      for (const reference of findAttachmentReferences(text)) {
        if (found.has(reference.number)) continue;
        const item = section.number ?? undefined;
        const title = reference.kind ?? (item !== undefined ? itemTitle(item) : undefined) ?? `Anlage ${reference.number}`;
        found.set(reference.number, { number: reference.number, title, ...(item !== undefined && { item }) });
      }
    }
  }
  return [...found.values()].sort((a, b) => compareAttachmentNumbers(a.number, b.number));
}
