/**
 * Reads `content/name-decisions.yaml`: the editors' decisions on ambiguous name
 * mentions (see `npm run check:names`). A missing file means no decisions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { nameDecisionsSchema, type NameDecision } from './schema.ts';

/** Path of the decisions file, relative to the project root. */
export const NAME_DECISIONS_FILE = 'content/name-decisions.yaml';

/**
 * Loads and validates the decisions.
 * @throws Error naming the file and the invalid entry when it does not match the schema
 */
export function loadNameDecisions(path = NAME_DECISIONS_FILE): NameDecision[] {
  if (!existsSync(path)) return [];
  const result = nameDecisionsSchema.safeParse(parse(readFileSync(path, 'utf8')) ?? []);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${path}: [${issue.path.join('.')}]: ${issue.message}. Fix: each entry needs mention, meeting (meeting id) and person (person id or null).`);
  }
  return result.data;
}
