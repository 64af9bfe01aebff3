/**
 * `npm run check:names [-- --strict] [--content DIR]`
 *
 * Lists, with file and line, the name mentions in the protocols that need an
 * editor's decision: ambiguous ones (a surname that fits several registered
 * people: never linked until decided), unknown people named with an honorific
 * ("Herr Brandes"), and mentions resolved by surname alone (to confirm).
 * Decisions go into `content/name-decisions.yaml` (mention, meeting, person or
 * null) or, for a spelling that always means one person, into that person's
 * `aliases`. With `--strict` the exit code is 1 while ambiguous mentions remain.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMentionMatcher } from '../src/lib/text/mention-matcher.ts';
import { loadNameDecisions } from '../src/lib/model/name-decisions.ts';
import { Registry } from './import/registry/registry.ts';

/** 1-based line of `index` in `text`. */
function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Runs the check; returns the exit code. */
export function checkNames(argv: string[], log = console.log): number {
  const { values } = parseArgs({ args: argv, options: { strict: { type: 'boolean', default: false }, content: { type: 'string', default: 'content' } } });
  const content = values.content!;
  const registry = new Registry(content);
  const withIds = <T extends object>(map: Map<string, T>) => new Map([...map].map(([id, data]) => [id, { ...data, id }]));
  const matcher = createMentionMatcher({
    people: withIds(registry.people),
    organisations: withIds(registry.organisations),
    nameDecisions: loadNameDecisions(join(content, 'name-decisions.yaml')),
  });
  const ambiguous: string[] = [];
  const unknown: string[] = [];
  const bySurname: string[] = [];
  const dir = join(content, 'protocols');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const meeting = file.replace(/\.mdx$/, '');
    const a = matcher.analyse(text, meeting);
    for (const m of a.ambiguous) ambiguous.push(`${path}:${lineAt(text, m.index)}: "${m.text}" could be ${m.ids.join(' or ')}. Fix: add { mention: "${m.text}", meeting: ${meeting}, person: <id> } to ${content}/name-decisions.yaml.`);
    for (const m of a.unknown) {
      const hint = m.ids.length ? ` Similar: ${m.ids.join(', ')} — if the same person, add "${m.text.split(/\s+/).pop()}" to their aliases.` : ' Add the person to content/people/ if they should have a page.';
      unknown.push(`${path}:${lineAt(text, m.index)}: "${m.text}" is not in the registry.${hint}`);
    }
    for (const m of a.found.filter((f) => f.via === 'surname')) bySurname.push(`${path}:${lineAt(text, m.index)}: "${m.text}" → ${m.id}`);
  }
  const section = (title: string, lines: string[]) => {
    log(`${title} (${lines.length})`);
    for (const l of [...new Set(lines)]) log(`  ${l}`);
  };
  section('Ambiguous, not linked: decide in content/name-decisions.yaml', ambiguous);
  section('Unknown people named with Herr/Frau', unknown);
  section('Resolved by surname alone (the only registered person of that name): please confirm', bySurname);
  return values.strict && ambiguous.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(checkNames(process.argv.slice(2)));
