/**
 * Writes a generated archive to disk in the layout of `content/`:
 * `protocols/<id>.mdx`, `people|organisations|committees|topics|matters/<id>.yaml`,
 * `sources/<id>.txt`, and checks everything through the site's real schemas
 * first, so a schema change that the generator does not follow fails here,
 * naming the file and the field.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import * as schema from '../../src/lib/model/schema.ts';
import type { GeneratedArchive } from './generate.ts';

/** The folders the generator owns inside its output directory. */
export const archiveFolders = ['protocols', 'people', 'organisations', 'committees', 'topics', 'matters', 'sources'] as const;

/** Marks a directory as generator output, so that a later run may replace it (and never `content/`). */
const MARKER = '.om-gen.json';

/** The YAML registries and the schema each entry must pass. */
const registries = ['people', 'organisations', 'committees', 'topics', 'matters'] as const;
const registrySchemas: Record<(typeof registries)[number], z.ZodTypeAny> = {
  people: schema.personSchema,
  organisations: schema.organisationSchema,
  committees: schema.committeeSchema,
  topics: schema.topicSchema,
  matters: schema.matterSchema(() => z.string().min(1)),
};

/** Formats zod issues as `file: field: message` lines. */
function issuesOf(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * Checks every protocol's frontmatter and every registry entry against the site's schemas.
 * @returns problems as `file: field: message`, empty when all pass
 */
export function validateArchive(archive: GeneratedArchive): string[] {
  const problems: string[] = [];
  const frontmatter = schema.protocolSchema(() => z.string().min(1));
  for (const protocol of archive.protocols) {
    const result = frontmatter.safeParse(protocol.data);
    if (!result.success) problems.push(...issuesOf(`protocols/${protocol.id}.mdx`, result.error));
  }
  for (const folder of registries) {
    for (const [id, data] of archive[folder]) {
      const result = registrySchemas[folder].safeParse(data);
      if (!result.success) problems.push(...issuesOf(`${folder}/${id}.yaml`, result.error));
    }
  }
  return problems;
}

/**
 * Writes the archive into `dir`, replacing the generator's folders of an earlier run there.
 * @throws when `dir` holds content the generator did not write (e.g. the real `content/`)
 */
export function writeArchive(archive: GeneratedArchive, dir: string, stamp: Record<string, unknown>): void {
  const root = resolve(dir);
  const occupied = archiveFolders.filter((folder) => existsSync(join(root, folder)) && readdirSync(join(root, folder)).length > 0);
  if (occupied.length > 0 && !existsSync(join(root, MARKER))) {
    throw new Error(
      `${root}: already holds ${occupied.join(', ')} not written by the generator. Fix: choose an empty or new --out directory.`,
    );
  }
  for (const folder of archiveFolders) {
    rmSync(join(root, folder), { recursive: true, force: true });
    mkdirSync(join(root, folder), { recursive: true });
  }
  for (const protocol of archive.protocols) {
    writeFileSync(join(root, 'protocols', `${protocol.id}.mdx`), protocol.mdx);
    writeFileSync(join(root, 'sources', protocol.sourceName), protocol.sourceText);
  }
  for (const folder of registries) {
    for (const [id, data] of archive[folder]) writeFileSync(join(root, folder, `${id}.yaml`), stringify(data));
  }
  writeFileSync(join(root, MARKER), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Reads the stamp of an earlier run, or undefined. */
export function readStamp(dir: string): Record<string, unknown> | undefined {
  const file = join(resolve(dir), MARKER);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}
