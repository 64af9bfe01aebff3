/**
 * Reads `content/name-decisions.yaml`: the editors' decisions on ambiguous name
 * mentions (see `npm run check:names`). A missing file means no decisions.
 */
import { existsSync } from 'node:fs';
import { ContentError, describeIssues, parseContentYaml, readContentText } from './content-file.ts';
import { nameDecisionsSchema, type NameDecision } from './schema.ts';

/** Path of the decisions file, relative to the project root. */
export const NAME_DECISIONS_FILE = 'content/name-decisions.yaml';

/**
 * Loads and validates the decisions.
 * @throws ContentError naming the file and the invalid entry when it does not match the schema
 */
export function loadNameDecisions(path = NAME_DECISIONS_FILE): NameDecision[] {
  if (!existsSync(path)) return [];
  const result = nameDecisionsSchema.safeParse(parseContentYaml(readContentText(path), path) ?? []);
  if (!result.success) throw new ContentError(describeIssues(path, result.error).map((line) => `${line} (each entry has mention, meeting: a meeting id, and person: a person id or null)`));
  return result.data;
}
