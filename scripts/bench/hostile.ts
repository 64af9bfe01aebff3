/**
 * `npm run bench -- --hostile`: the peak memory and time of importing each bomb of the hostile
 * corpus (issue #22, `scripts/fixtures/make-hostile.ts`), each in its own process through the
 * importer's CLI (`--dry-run`, against the fixture registries). Every import must be refused
 * (exit code 1) with its limit's message; the targets are the issue's: within 30 s and 1 GB RSS.
 * `normal.txt` is the baseline, a protocol that imports. Prints a table and, as the last line,
 * one JSON object. MB = 10^6 bytes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manyPagesPdf, pageTreeBomb, zipBomb } from '../fixtures/make-hostile.ts';
import { MAX_FILE_BYTES } from '../../src/lib/model/limits.ts';
import { measure } from './measure.ts';
import { repo } from './projects.ts';

/** The issue's bounds for refusing a hostile file. */
const targets = { seconds: 30, peakRssMB: 1000 };

/** Measures the refusal of each bomb; resolves to the JSON summary printed last. */
export async function benchHostile(): Promise<Record<string, { seconds: number; peakRssMB: number; refused: boolean }>> {
  const dir = mkdtempSync(join(tmpdir(), 'om-bench-hostile-'));
  const bombs: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    // The baseline: a protocol that imports (exit code 0), what the CLI costs anyway.
    ['normal.txt', () => readFileSync('test/fixtures/hostile/files/protokoll-1252.txt')],
    ['seitenbaum-bombe.pdf', () => pageTreeBomb()],
    ['2100-seiten.pdf', () => manyPagesPdf(2_100)],
    ['zip-bombe.docx', () => zipBomb(60)],
    ['zip-bombe-gelogen.docx', () => zipBomb(60, true)],
    ['zu-gross.txt', () => new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41)],
  ];
  const results: Record<string, { seconds: number; peakRssMB: number; refused: boolean }> = {};
  try {
    for (const [name, make] of bombs) {
      const file = join(dir, name);
      writeFileSync(file, await make());
      const run = await measure(process.execPath, ['scripts/import/cli.ts', '--content', 'test/fixtures/site/content', '--dry-run', file], { cwd: repo });
      const refused = name === 'normal.txt' ? run.status === 0 : run.status === 1 && run.output.includes(`${file}: `) && run.output.includes(' Fix: ');
      results[name] = { seconds: Math.round(run.seconds * 10) / 10, peakRssMB: Math.round(run.peakRssMB), refused };
      console.log(`${name.padEnd(24)} ${String(results[name].seconds).padStart(6)} s ${String(results[name].peakRssMB).padStart(6)} MB  ${name === 'normal.txt' ? (refused ? 'imported (baseline)' : `FAILED (exit ${run.status})`) : refused ? 'refused' : `NOT REFUSED (exit ${run.status})`}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const within = Object.values(results).every((r) => r.refused && r.seconds <= targets.seconds && r.peakRssMB <= targets.peakRssMB);
  console.log(`targets: each refused within ${targets.seconds} s and ${targets.peakRssMB} MB: ${within ? 'met' : 'NOT met'}`);
  console.log(JSON.stringify({ hostile: results, targets, within }));
  return results;
}
