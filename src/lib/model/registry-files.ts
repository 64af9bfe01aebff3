/**
 * Reads the people and organisation registries straight from `content/` (YAML
 * files, validated with the same zod schemas as the content collections), for
 * code that runs outside Astro's content layer: the rehype plugin that links
 * mentions in protocol text (`src/lib/text/rehype-mention-links.ts`) runs inside the
 * Markdown pipeline, where `astro:content` cannot be imported. Files are read as
 * `content-file.ts` reads them (CRLF, byte order mark, YAML core schema).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { ContentError, describeIssues, parseContentYaml, readContentText } from './content-file.ts';
import type { Organisation, Person, Registries } from './model.ts';
import { loadNameDecisions } from './name-decisions.ts';
import { organisationSchema, personSchema } from './schema.ts';

/** What the mention matcher needs. */
export type MentionRegistries = Pick<Registries, 'people' | 'organisations' | 'nameDecisions'>;

/** Reads every `<id>.yaml` of one registry folder through its schema. */
function readRegistry<T extends z.ZodTypeAny>(folder: string, schema: T, root: string): Map<string, z.infer<T> & { id: string }> {
  const entries = new Map<string, z.infer<T> & { id: string }>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.yaml')).sort()) {
    const path = join(folder, name);
    const file = relative(root, path) || path;
    const result = schema.safeParse(parseContentYaml(readContentText(path, file), file));
    if (!result.success) throw new ContentError(describeIssues(file, result.error));
    const id = name.slice(0, -'.yaml'.length);
    entries.set(id, Object.assign({}, result.data as object, { id }) as z.infer<T> & { id: string });
  }
  return entries;
}

/**
 * Loads `content/people/`, `content/organisations/` and `content/name-decisions.yaml`.
 * @param contentDir the `content/` folder (absolute or relative to the working directory)
 * @throws ContentError naming the file and the field of an entry the schema rejects (`content/people/x.yaml: familyNmae: unknown field. Fix: …`)
 * @example loadMentionRegistries('content').people.get('rolf-papenfuss')?.aliases // => ['Rolf Papenfuss', 'Ralph Papenfuß']
 */
export function loadMentionRegistries(contentDir: string): MentionRegistries {
  const root = join(contentDir, '..');
  return {
    people: readRegistry(join(contentDir, 'people'), personSchema, root) as Map<string, Person>,
    organisations: readRegistry(join(contentDir, 'organisations'), organisationSchema, root) as Map<string, Organisation>,
    nameDecisions: loadNameDecisions(join(contentDir, 'name-decisions.yaml')),
  };
}
