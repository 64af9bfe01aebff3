/**
 * Test data for the site's `src/lib`, built through the real content schema
 * (`protocolSchema` etc. from `src/lib/schema.ts`), so a test cannot pass on
 * frontmatter the site would reject.
 */
import { buildArchiveIndex, type ArchiveIndex } from '../../src/lib/archive-index';
import { registryMap, toMeeting, type Meeting, type Registries } from '../../src/lib/model';
import { committeeSchema,
  topicSchema, organisationSchema, personSchema, protocolSchema, slugId } from '../../src/lib/schema';

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

/** An index over the given meetings with the test registries. */
export function index(meetings: Meeting[], sourceFiles: string[] = []): ArchiveIndex {
  return buildArchiveIndex(meetings, registries(), sourceFiles);
}
