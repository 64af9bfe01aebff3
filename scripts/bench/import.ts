/**
 * The importer's start-up (issue #23): `npm run import -- --dry-run` of one text protocol
 * (`content/sources/`, the first `.txt`) against the repository's registries, each run in a
 * fresh process, as the office runs it. Part of every `npm run bench`; on its own
 * `npm run bench -- --import [--runs R]` (a few seconds, no build).
 *
 * The importer keeps its compiled modules in Node's compile cache (`scripts/import/cli.ts`), so
 * a run is measured two ways, each with a cache of the benchmark's own (`NODE_COMPILE_CACHE`):
 * - `importColdSeconds`: the first import after the importer's code changed (empty cache:
 *   every module compiled, and the cache written);
 * - `importSeconds`, `importCpuSeconds`: every later import (the cache filled), best of R runs;
 *   the target is under 1 s.
 * `importModules` counts the modules the import loads (`loaded-modules.ts`), and the table names
 * the packages with the most of them. Wall and CPU seconds: user + system, GNU time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadedModules, LOADED_MODULES_HOOK } from './loaded-modules.ts';
import { measure, type Measured } from './measure.ts';
import { repo } from './projects.ts';

/** What the import of one text protocol costs. Seconds, rounded to 0.01. */
export interface ImportCost {
  importSeconds: number;
  importCpuSeconds: number;
  importColdSeconds: number;
  importModules: number;
}

/** The target of issue #23: one text protocol imported in under a second. */
export const IMPORT_TARGET_SECONDS = 1;

/** The protocol measured: the first text protocol of the repository's `content/sources/`. */
export function importSample(): string {
  const name = readdirSync(join(repo, 'content', 'sources'))
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  if (!name) throw new Error(`no .txt protocol in ${join(repo, 'content', 'sources')}. Fix: the benchmark measures the import of one; commit a text protocol there.`);
  return join(repo, 'content', 'sources', name);
}

/**
 * Measures the import of one text protocol: one run with an empty compile cache, then `runs`
 * runs with it filled, then one run under the module hook (not timed: the hook slows loading).
 * `check` fails the benchmark on a run that did not import (`cli.ts`'s `check`).
 * @param dir a scratch folder of the benchmark (the cache and `--out` go there)
 * @returns the costs, and one line per measurement for the benchmark's log
 */
export async function benchImport(options: { runs: number; dir: string; env: NodeJS.ProcessEnv; check: (what: string, run: Measured) => void }): Promise<ImportCost & { lines: string[] }> {
  const { runs, dir, check } = options;
  const sample = importSample();
  const env: NodeJS.ProcessEnv = { ...options.env, NODE_COMPILE_CACHE: mkdtempSync(join(dir, 'compile-cache-')) };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const args = (run: string) => [join(repo, 'scripts/import/cli.ts'), '--content', join(repo, 'content'), '--out', join(dir, `import-${run}`), '--dry-run', sample];
  const what = 'npm run import -- --dry-run (one text protocol)';

  const cold = await measure(process.execPath, args('cold'), { cwd: repo, env });
  check(what, cold);
  const warm: Measured[] = [];
  for (let run = 1; run <= runs; run++) {
    const measured = await measure(process.execPath, args(String(run)), { cwd: repo, env });
    check(what, measured);
    warm.push(measured);
  }
  const list = join(dir, 'loaded-modules.json');
  const hooked = spawnSync(process.execPath, ['--import', LOADED_MODULES_HOOK, ...args('modules')], { cwd: repo, env: { ...env, LOADED_MODULES_FILE: list }, encoding: 'utf8' });
  check(`${what} with the module hook`, { status: hooked.status, seconds: 0, peakRssMB: 0, cpuSeconds: 0, output: `${hooked.stdout}${hooked.stderr}` });
  const loaded = loadedModules(list);

  const round = (value: number) => Number(value.toFixed(2));
  const cost: ImportCost = {
    importSeconds: round(Math.min(...warm.map((m) => m.seconds))),
    importCpuSeconds: round(Math.min(...warm.map((m) => m.cpuSeconds))),
    importColdSeconds: round(cold.seconds),
    importModules: loaded.urls.length,
  };
  const heaviest = [...loaded.packages]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  const lines = [
    `import of one text protocol (${sample.split('/').pop()}, --dry-run): ${warm.map((m) => `${m.seconds.toFixed(2)} s (CPU ${m.cpuSeconds.toFixed(2)} s)`).join(' / ')}`,
    `  first run after a code change (empty compile cache): ${cold.seconds.toFixed(2)} s (CPU ${cold.cpuSeconds.toFixed(2)} s)`,
    `  ${loaded.urls.length} modules loaded; most from ${heaviest}`,
  ];
  return { ...cost, lines };
}

/** `npm run bench -- --import`: the import's start-up alone; prints its lines and, last, one JSON object. */
export async function benchImportOnly(runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'om-bench-import-'));
  const check = (what: string, run: Measured) => {
    if (run.status === 0) return;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${what} failed (exit ${run.status}):\n${run.output.trim().split('\n').slice(-40).join('\n')}`);
  };
  try {
    const { lines, ...cost } = await benchImport({ runs, dir, env: process.env, check });
    for (const line of lines) console.log(line);
    const met = cost.importSeconds < IMPORT_TARGET_SECONDS;
    console.log(`target: under ${IMPORT_TARGET_SECONDS} s: ${met ? 'ok' : 'MISSED'}`);
    console.log(JSON.stringify(cost));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
