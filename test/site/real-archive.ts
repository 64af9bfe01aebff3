/**
 * The real archive (`content/`) as an `ArchiveIndex`, read straight from the files
 * through the real schemas (no Astro), for tests that check behaviour on the
 * committed protocols and matters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildArchiveIndex, type ArchiveIndex } from '../../src/lib/index/archive-index';
import { registryMap, toMatters, toMeeting } from '../../src/lib/model/model';
import { committeeSchema, matterSchema, organisationSchema, personSchema, protocolSchema, slugId, topicSchema } from '../../src/lib/model/schema';

const content = resolve(import.meta.dirname, '../../content');

/** `{ id, data }` of every YAML file of a registry folder. */
function entries(content: string, folder: string): { id: string; data: unknown }[] {
  return readdirSync(join(content, folder))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({ id: file.replace(/\.yaml$/, ''), data: parse(readFileSync(join(content, folder, file), 'utf8')) }));
}

/** The index over `content/` (or another content folder; attachment files not read: none are committed). */
export function realArchive(dir: string = content): ArchiveIndex {
  const protocol = protocolSchema(() => slugId);
  const meetings = readdirSync(join(dir, 'protocols'))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(dir, 'protocols', file), 'utf8');
      const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      const id = file.replace(/\.mdx$/, '');
      return toMeeting({ id, filePath: `content/protocols/${file}`, body, data: protocol.parse(parse(frontmatter)) });
    });
  const parsed = <T extends object>(folder: string, schema: { parse(v: unknown): T }) => registryMap(entries(dir, folder).map((e) => ({ id: e.id, data: schema.parse(e.data) })));
  return buildArchiveIndex(meetings, {
    people: parsed('people', personSchema),
    organisations: parsed('organisations', organisationSchema),
    committees: parsed('committees', committeeSchema),
    topics: parsed('topics', topicSchema),
    matters: toMatters(entries(dir, 'matters').map((e) => ({ id: e.id, data: matterSchema(() => slugId).parse(e.data) }))),
    nameDecisions: [],
  });
}
