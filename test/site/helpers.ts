/**
 * Test data for the site's `src/lib`, built through the real content schema
 * (`protocolSchema` etc. from `src/lib/model/schema.ts`), so a test cannot pass on
 * frontmatter the site would reject.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildArchiveIndex, type ArchiveIndex } from '../../src/lib/index/archive-index';
import type { AttachmentCatalog } from '../../src/lib/text/attachments';
import { registryMap, toMatters, toMeeting, type Matter, type Meeting, type Registries } from '../../src/lib/model/model';
import { committeeSchema,
  topicSchema, organisationSchema, personSchema, protocolSchema, slugId, matterSchema } from '../../src/lib/model/schema';

const protocol = protocolSchema(() => slugId);

/** A zero hash for `source.sha256`. */
export const noHash = '0'.repeat(64);

/**
 * A meeting from partial frontmatter; `id` defaults to `<date>-<committee>`.
 * @example meeting({ date: '2021-04-22', committee: 'strategiekreis' }, '## TOP 1 – A')
 */
export function meeting(frontmatter: Record<string, unknown> & { date: string; committee: string }, body = ''): Meeting {
  const id = (frontmatter.id as string | undefined) ?? `${frontmatter.date}-${frontmatter.committee}`;
  const { id: _ignored, ...rest } = frontmatter;
  const data = protocol.parse({
    title: `Sitzung ${id}`,
    source: { file: `${id}.txt`, sha256: noHash },
    ...rest,
  });
  return toMeeting({ id, filePath: `content/protocols/${id}.mdx`, body, data });
}

/** The registries used by the tests. */
export function registries(): Registries {
  return {
    people: registryMap([
      { id: 'annette-icks', data: personSchema.parse({ name: 'Annette Icks', familyName: 'Icks', academicTitle: 'Dr.' }) },
      { id: 'oleg-cernavin', data: personSchema.parse({ name: 'Oleg Cernavin', familyName: 'Cernavin' }) },
      { id: 'rolf-papenfuss', data: personSchema.parse({ name: 'Rolf Papenfuß', familyName: 'Papenfuß' }) },
    ]),
    organisations: registryMap([
      { id: 'ifm-bonn', data: organisationSchema.parse({ shortName: 'IfM Bonn', name: 'Institut für Mittelstandsforschung Bonn' }) },
      { id: 'zdh', data: organisationSchema.parse({ shortName: 'ZDH', name: 'Zentralverband des Deutschen Handwerks' }) },
    ]),
    committees: registryMap([
      { id: 'plenum', data: committeeSchema.parse({ name: 'Plenum' }) },
      { id: 'strategiekreis', data: committeeSchema.parse({ name: 'Strategiekreis' }) },
    ]),
    topics: registryMap([
      { id: 'digitalisierung', data: topicSchema.parse({ name: 'Digitalisierung', description: 'Digitale Werkzeuge.', keywords: ['Digitalisierung'] }) },
    ]),
    matters: new Map(),
    nameDecisions: [],
  };
}

/** A matter (`content/matters/<id>.yaml`) through the real schema. */
export function matter(id: string, data: Record<string, unknown>): Matter {
  return toMatters([{ id, data: matterSchema(() => slugId).parse({ description: `Vorgang ${id}.`, ...data }) }]).get(id)!;
}

/** An index over the given meetings with the test registries (plus matters and attachment files, if given). */
export function index(
  meetings: Meeting[],
  sourceFiles: string[] = [],
  extra: { matters?: Matter[]; attachmentFiles?: AttachmentCatalog } = {},
): ArchiveIndex {
  const all = registries();
  for (const m of extra.matters ?? []) all.matters.set(m.id, m);
  return buildArchiveIndex(meetings, all, sourceFiles, extra.attachmentFiles);
}

/**
 * Appends a paragraph to a protocol file, as an editor would (one blank line before it).
 * @example appendParagraph('content/protocols/2020-10-20-ag-transfer.mdx', 'Ein neuer Absatz.')
 */
export function appendParagraph(file: string, text: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n*$/, `\n\n${text}\n`));
}
