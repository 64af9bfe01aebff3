/**
 * `npm run import -- [--out DIR] [--content DIR] [--committee ID [--committee-name NAME]] [--date YYYY-MM-DD] [--force] [--dry-run] FILE...`
 *
 * Imports raw protocols (PDF text, Word export, .docx or .pdf; the kind is told from the
 * bytes): writes `protocols/<meeting-id>.mdx`,
 * copies the source byte for byte to `sources/`, and adds new people, organisations and
 * committees to the registries, all under the content folder (`--content`, default
 * `content/`), or with `--out DIR` all under DIR instead (same layout; the registries are
 * still read from the content folder, which stays untouched: a trial import). `--dry-run`
 * writes nothing. Prints a summary per file. `--committee` and `--date` say what the text
 * does not (which body met, on which day), for every file of the run. With `--out`, each
 * file sees the registry entries the run's earlier files wrote there.
 *
 * All or nothing, per file: everything is written to a staging folder first and moved into
 * place at the end (`write.ts`); a file that fails is reported as
 * `file:line: problem. Fix: …`, leaves the target exactly as it was, and makes the exit
 * code 1.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from './errors.ts';
import type { MeetingOptions } from './steps/meeting-committee.ts';

const USAGE = 'Usage: npm run import -- [--out DIR] [--content DIR] [--committee ID [--committee-name NAME]] [--date YYYY-MM-DD] [--force] [--dry-run] FILE...';

/**
 * The importer's stages, loaded when the first file is imported, not with this file: `--help`
 * and a usage error need none of them, and the compile cache (enabled where this file runs as
 * a script, below) must be on before they are compiled (issue #23). The .docx and .pdf
 * readers load later still, for such a file only (`readers/read-original.ts`).
 */
async function loadStages() {
  const [{ parseDocument }, { importProtocol }, { readOriginal }, { Registry }, { openStaging }] = await Promise.all([
    import('yaml'),
    import('./pipeline.ts'),
    import('./readers/read-original.ts'),
    import('./registry/registry.ts'),
    import('./write/write.ts'),
  ]);
  return { parseDocument, importProtocol, readOriginal, Registry, openStaging };
}

/** What `loadStages` resolves to. */
type Stages = Awaited<ReturnType<typeof loadStages>>;

/**
 * Runs the importer on `argv` (without `node cli.ts`); resolves to the process exit code:
 * 0 all imported, 1 at least one file failed, 2 usage error. Async because readers of
 * binary formats (PDF) are.
 */
export async function main(argv: string[], log = console.log, error = console.error): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        content: { type: 'string', default: 'content' },
        committee: { type: 'string' },
        'committee-name': { type: 'string' },
        date: { type: 'string' },
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
  if (values.date !== undefined && !isIsoDate(values.date)) {
    error(`--date ${values.date} is no date. Fix: write it as YYYY-MM-DD, e.g. --date 2026-04-08.\n${USAGE}`);
    return 2;
  }
  if (values['committee-name'] !== undefined && values.committee === undefined) {
    error(`--committee-name needs --committee ID, the id of the new committee (e.g. --committee vorstand-beispiel-e-v).\n${USAGE}`);
    return 2;
  }
  const content = values.content!;
  const root = values.out ?? content;
  const meeting = { committee: values.committee, committeeName: values['committee-name'], date: values.date };
  const stages = await loadStages();
  let failed = 0;
  for (const file of positionals) {
    try {
      await importFile(stages, file, { content, root, force: values.force!, dryRun: values['dry-run']!, meeting }, log);
    } catch (e) {
      failed++;
      if (e instanceof ImportError) error(e.message);
      else error(`${file}: unexpected importer error: ${(e as Error).stack}`);
    }
  }
  return failed ? 1 : 0;
}

interface ImportOptions {
  /** Folder the registries are read from. */
  content: string;
  /** Folder everything is written to (`content`, or `--out`). */
  root: string;
  force: boolean;
  dryRun: boolean;
  /** `--committee`, `--committee-name`, `--date`. */
  meeting: MeetingOptions;
}

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/**
 * The source file the protocol `<id>.mdx` was imported from (its frontmatter `source.file`),
 * looked up in the target and in the content folder; undefined when neither has it.
 */
function meetingSourceIn({ parseDocument }: Stages, folders: string[]): (id: string) => string | undefined {
  return (id) => {
    for (const folder of folders) {
      const path = join(folder, 'protocols', `${id}.mdx`);
      if (!existsSync(path)) continue;
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'));
      const data = front ? (parseDocument(front[1]).toJS() as { source?: { file?: string } } | null) : null;
      // A protocol without a readable source is held by nobody we know: never taken over silently.
      return data?.source?.file ?? `${id}.mdx`;
    }
    return undefined;
  };
}

/** Imports one file with the loaded `stages` and writes its outcome all or nothing. Throws ImportError. */
async function importFile(stages: Stages, file: string, opts: ImportOptions, log: (m: string) => void): Promise<void> {
  const { importProtocol, readOriginal, Registry, openStaging } = stages;
  if (!existsSync(file) || !statSync(file).isFile()) throw new ImportError({ file, problem: 'file not found.', fix: 'check the path.' });
  const bytes = readFileSync(file);
  const sourceName = basename(file);
  // With --out, the run's earlier files wrote their new entries under root: read them over content/.
  const registry = new Registry(opts.content, opts.root);
  const original = await readOriginal(bytes, file);
  const result = importProtocol(bytes, file, sourceName, registry, original.text, { ...opts.meeting, kind: original.kind, meetingSource: meetingSourceIn(stages, [...new Set([opts.root, opts.content])]) });
  const target = join(opts.root, 'protocols', `${result.meetingId}.mdx`);
  if (existsSync(target) && !opts.force) {
    throw new ImportError({ file, problem: `${target} exists already (it may hold hand corrections).`, fix: 'review the differences, then run again with --force to overwrite it.' });
  }
  const sourceCopy = join(opts.root, 'sources', sourceName);
  const sameSource = existsSync(sourceCopy) && statSync(sourceCopy).isFile() && readFileSync(sourceCopy).equals(bytes);
  if (existsSync(sourceCopy) && !sameSource && !opts.force) {
    throw new ImportError({ file, problem: `${sourceCopy} exists with different content.`, fix: 'rename the new source file, or run with --force to replace the stored original.' });
  }
  const f = result.frontmatter;
  log(`${opts.dryRun ? '[dry run] ' : ''}${file} → ${target}`);
  log(`  ${f.title}; ${f.date}; ${f.agenda.length} agenda items; ${result.resolutions.length} resolutions; ${f.attendees.length} named attendees; ${f.nextMeetings.length} announced meetings`);
  for (const c of registry.changes) log(`  ${c.change === 'new' ? 'new' : 'alias'}: ${c.kind} ${c.id} (${c.text})${c.line ? ` from ${file}:${c.line}` : ''}`);
  for (const s of result.matterSuggestions) log(`  suggest: TOP ${s.agendaItem} may belong to matter ${s.matters.join(', ')} (content/matters/)`);
  for (const s of original.skipped) log(`  skipped: ${s}`);
  for (const n of original.notes) log(`  note: ${file}: ${n}`);
  for (const w of result.warnings) log(`  warning: ${w}`);
  if (opts.dryRun) return;

  const staging = openStaging(opts.root);
  try {
    const put = (rel: string, data: string | Uint8Array) => {
      mkdirSync(dirname(join(staging.dir, rel)), { recursive: true });
      writeFileSync(join(staging.dir, rel), data);
    };
    put(join('protocols', `${result.meetingId}.mdx`), result.mdx);
    if (!sameSource) put(join('sources', sourceName), bytes);
    registry.save(staging.dir);
    for (const path of staging.commit()) log(`  wrote ${relative('.', path)}`);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const err = e as NodeJS.ErrnoException & { dest?: string };
    const at = err.dest ?? err.path;
    const where = at ? ` at ${relative(at.startsWith(staging.dir) ? staging.dir : opts.root, at)}` : '';
    throw new ImportError({
      file,
      problem: `could not write the import (${err.code ?? err.message}${where}); nothing was written.`,
      fix: err.code === 'ENAMETOOLONG' ? 'a name read from the protocol is too long for a file name: check the attendance list and name lines, then import again.' : `check that ${opts.root} is writable, then import again.`,
    });
  } finally {
    staging.discard();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Node's compile cache (https://nodejs.org/api/module.html#module-compile-cache; in
  // NODE_COMPILE_CACHE, else the system's temporary folder) keeps the compiled importer
  // between runs: compiling and stripping the types of its ~550 modules was a third of the
  // start-up of a text protocol's import (BENCHMARKS.md, "#23 import start-up"). A stale
  // entry is never used (keyed by the file's content); NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  enableCompileCache();
  process.exit(await main(process.argv.slice(2)));
}
