/**
 * `npm run import -- [--out DIR] [--force] [--dry-run] FILE...`
 *
 * Imports raw protocols (PDF text, Word export, .docx or .pdf; the kind is told from
 * the bytes) into `DIR/<meeting-id>.mdx`
 * (default `content/protocols/`), copies each source byte for byte to
 * `content/sources/`, adds new people, organisations and committees to the
 * registries under `content/`, and prints a summary per file. A file that
 * fails is reported as `file:line: problem. Fix: …`, nothing is written for
 * it, and the exit code is 1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from './errors.ts';
import { importProtocol } from './pipeline.ts';
import { readOriginal } from './read-original.ts';
import { Registry } from './registry.ts';

const USAGE = 'Usage: npm run import -- [--out DIR] [--content DIR] [--force] [--dry-run] FILE...';

/** Runs the importer; returns the process exit code. */
export async function main(argv: string[], log = console.log, error = console.error): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        content: { type: 'string', default: 'content' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length === 0) {
    (values.help ? log : error)(USAGE);
    return values.help ? 0 : 2;
  }
  const content = values.content!;
  const out = values.out ?? join(content, 'protocols');
  const sources = join(content, 'sources');
  let failed = 0;
  for (const file of positionals) {
    try {
      if (!existsSync(file)) throw new ImportError({ file, problem: 'file not found.', fix: 'check the path.' });
      const bytes = readFileSync(file);
      const sourceName = basename(file);
      const registry = new Registry(content);
      const original = await readOriginal(bytes, file);
      const result = importProtocol(bytes, file, sourceName, registry, original.text);
      const target = join(out, `${result.meetingId}.mdx`);
      if (existsSync(target) && !values.force) {
        throw new ImportError({ file, problem: `${target} exists already (it may hold hand corrections).`, fix: 'review the differences, then run again with --force to overwrite it.' });
      }
      const sourceCopy = join(sources, sourceName);
      if (existsSync(sourceCopy) && !readFileSync(sourceCopy).equals(bytes) && !values.force) {
        throw new ImportError({ file, problem: `${sourceCopy} exists with different content.`, fix: 'rename the new source file, or run with --force to replace the stored original.' });
      }
      const f = result.frontmatter;
      log(`${values['dry-run'] ? '[dry run] ' : ''}${file} → ${target}`);
      log(`  ${f.title}; ${f.date}; ${f.agenda.length} agenda items; ${result.resolutions.length} resolutions; ${f.attendees.length} named attendees; ${f.nextMeetings.length} announced meetings`);
      for (const c of registry.changes) log(`  ${c.change === 'new' ? 'new' : 'alias'}: ${c.kind} ${c.id} (${c.text})${c.line ? ` from ${file}:${c.line}` : ''}`);
      for (const s of result.matterSuggestions) log(`  suggest: TOP ${s.agendaItem} may belong to matter ${s.matters.join(', ')} (content/matters/)`);
      for (const s of original.skipped) log(`  skipped: ${s}`);
      for (const n of original.notes) log(`  note: ${file}: ${n}`);
      for (const w of result.warnings) log(`  warning: ${w}`);
      if (values['dry-run']) continue;
      mkdirSync(out, { recursive: true });
      mkdirSync(sources, { recursive: true });
      writeFileSync(target, result.mdx);
      copyFileSync(file, sourceCopy);
      for (const path of registry.save()) log(`  wrote ${relative('.', path)}`);
    } catch (e) {
      failed++;
      if (e instanceof ImportError) error(e.message);
      else error(`${file}: unexpected importer error: ${(e as Error).stack}`);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main(process.argv.slice(2)));
