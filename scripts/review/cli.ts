/**
 * `npm run review [-- --content DIR]` lists the protocols no editor has approved yet
 * (`review.status: imported`, or no `review:`): id, title, date, the importer's notes written
 * into the file, and what the protocol registers (committee, people, organisations, topics; those
 * no other protocol names are likely new entries of this import).
 *
 * `npm run review -- --approve ID --by "Name" [--date YYYY-MM-DD]` sets `review.status: reviewed`
 * with `review.by` and `review.date` (default: today in Berlin) in `content/protocols/ID.mdx`,
 * writing only the `review:` block (`approveText`). Until then the site shows "Automatisch
 * importiert, noch nicht redaktionell geprüft" on the protocol's pages.
 *
 * Exit codes: 0 done (also: approved already, nothing changed), 1 unknown id or unreadable
 * file, 2 usage error. A failed approval leaves the file as it was (written to a temporary file,
 * then renamed over it).
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../cli-args.ts';
import { approveText, readProtocol, type ProtocolForReview } from './protocol-file.ts';

const USAGE = 'Usage: npm run review [-- --content DIR]   (list)\n       npm run review -- --approve ID --by "Name" [--date YYYY-MM-DD] [--content DIR]';

/** Today's date in Berlin, ISO (`"2026-12-07"`): the office's calendar day, whatever the machine's time zone. */
export function berlinToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

/** Runs the command on `argv` (without `node cli.ts`); resolves to the exit code. */
export function main(argv: string[], log = console.log, error = console.error): number {
  const values = parseCommand(
    argv,
    USAGE,
    { content: { type: 'string', default: 'content' }, approve: { type: 'string' }, by: { type: 'string' }, date: { type: 'string' } },
    log,
    error,
  );
  if (typeof values === 'number') return values;
  const dir = join(values.content!, 'protocols');
  if (!existsSync(dir)) {
    error(`${dir}: folder not found. Fix: run the command in the project folder, or name the content folder with --content.`);
    return 1;
  }
  try {
    if (values.approve === undefined) {
      if (values.by !== undefined || values.date !== undefined) {
        error(`--by/--date: only with --approve. Fix: npm run review -- --approve ID --by "Name".\n${USAGE}`);
        return 2;
      }
      return list(dir, log);
    }
    return approve(dir, values.approve, values.by, values.date ?? berlinToday(), log, error);
  } catch (e) {
    error((e as Error).message);
    return 1;
  }
}

/** All protocols of `dir`, sorted by id. */
function readAll(dir: string): { file: string; protocol: ProtocolForReview }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      return { file, protocol: readProtocol(file, readFileSync(file, 'utf8')) };
    });
}

/** Prints the protocols waiting for review. */
function list(dir: string, log: (line: string) => void): number {
  const all = readAll(dir);
  const waiting = all.filter(({ protocol }) => protocol.review.status !== 'reviewed');
  if (waiting.length === 0) {
    log(`No protocols waiting for review (${all.length} in ${dir}, all reviewed).`);
    return 0;
  }
  log(`${waiting.length} ${waiting.length === 1 ? 'protocol' : 'protocols'} waiting for review (review.status: imported):`);
  for (const { file, protocol } of waiting) {
    log('');
    log(`${protocol.id}: ${protocol.title} (${protocol.date})`);
    log(`  file: ${file}`);
    if (protocol.review.importer) log(`  imported by: om-import ${protocol.review.importer}`);
    for (const line of registered(protocol, all.map((a) => a.protocol))) log(`  ${line}`);
    if (protocol.comments.length) log('  notes of the import (comments at the top of the file):');
    for (const comment of protocol.comments) for (const line of commentSummary(comment)) log(`    ${line}`);
    log(`  approve: npm run review -- --approve ${protocol.id} --by "Name"`);
  }
  return 0;
}

/** Folder → the word the listing uses. */
const KINDS = { committees: 'committee', people: 'people', organisations: 'organisations', topics: 'topics' } as const;

/**
 * What a protocol registers: the registry entries it refers to, and among them those no other
 * protocol refers to (`content/<kind>/<id>.yaml`, most likely written by this import: check them).
 */
function registered(protocol: ProtocolForReview, all: ProtocolForReview[]): string[] {
  const lines: string[] = [];
  const firstHere: string[] = [];
  for (const [kind, word] of Object.entries(KINDS) as [keyof typeof KINDS, string][]) {
    const ids = protocol.refers[kind];
    if (ids.length) lines.push(`${word} (${ids.length}): ${ids.join(', ')}`);
    const elsewhere = new Set(all.filter((other) => other !== protocol).flatMap((other) => other.refers[kind]));
    firstHere.push(...ids.filter((id) => !elsewhere.has(id)).map((id) => `content/${kind}/${id}.yaml`));
  }
  if (firstHere.length) lines.push(`named in no other protocol (new with this import? check them): ${firstHere.join(', ')}`);
  return lines;
}

/** A comment as the listing shows it: whole when short or when it holds warnings, else its first line and how long it is. */
function commentSummary(lines: string[]): string[] {
  if (lines.length <= 6 || /warn|hinweis|prüfen/i.test(lines[0])) return lines;
  return [lines[0], `  … ${lines.length - 1} more lines in the file`];
}

/** Approves one protocol; see the module comment. */
function approve(dir: string, id: string, by: string | undefined, date: string, log: (line: string) => void, error: (line: string) => void): number {
  if (!by?.trim()) {
    error(`--by: missing. Fix: name who reviewed the protocol, e.g. npm run review -- --approve ${id || 'ID'} --by "Erika Muster" (or --by Redaktion).`);
    return 2;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    error(`--date: "${date}" is not an ISO date. Fix: write it as YYYY-MM-DD, e.g. --date ${berlinToday()}, or leave it out for today.`);
    return 2;
  }
  const file = join(dir, `${id}.mdx`);
  if (!/^[a-z0-9-]+$/.test(id) || !existsSync(file)) {
    const similar = readdirSync(dir)
      .filter((name) => name.endsWith('.mdx') && (name.startsWith(id.slice(0, 10)) || name.includes(id)))
      .map((name) => name.replace(/\.mdx$/, ''));
    error(`${file}: no such protocol${similar.length ? ` (similar: ${similar.join(', ')})` : ''}. Fix: use an id as \`npm run review\` lists it, e.g. 2025-06-03-ag-transfer.`);
    return 1;
  }
  const text = readFileSync(file, 'utf8');
  const result = approveText(file, text, { by: by.trim(), date });
  if (typeof result !== 'string') {
    log(`${file}: reviewed already by ${result.already.by} on ${result.already.date}; nothing changed.`);
    return 0;
  }
  const temporary = join(dir, `.${id}.mdx.review`);
  writeFileSync(temporary, result);
  renameSync(temporary, file);
  log(`${file}: review.status: reviewed, by ${by.trim()}, on ${date}. Next: npm run build, then npm run check:publish.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
