/**
 * The importer's start-up (issue #23): what a run loads decides how long the office waits
 * before anything is read. A text protocol loads neither the .docx/.pdf readers nor their
 * libraries, and no package index that loads hundreds of modules; `--help` loads no stage at
 * all. Checked on the modules a fresh `node scripts/import/cli.ts` process loads (a module
 * hook lists them, `scripts/bench/loaded-modules.ts`); the seconds themselves are measured by
 * `npm run bench` (`importSeconds`; alone: `npm run bench -- --import`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOADED_MODULES_HOOK, loadedModules } from '../../scripts/bench/loaded-modules.ts';

const repo = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'om-startup-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
let runs = 0;

/** The module URLs a fresh importer process loads for `args` (`scripts/bench/loaded-modules.ts`), and its exit code. */
function loaded(...args: string[]): { urls: string[]; packages: Set<string>; status: number } {
  const list = join(out, `modules-${++runs}.json`);
  const { status } = spawnSync(process.execPath, ['--import', LOADED_MODULES_HOOK, 'scripts/import/cli.ts', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, LOADED_MODULES_FILE: list } });
  const { urls, packages } = loadedModules(list);
  return { urls, packages: new Set(packages.keys()), status: status ?? -1 };
}

/** Packages only a .docx or a .pdf needs. */
const OFFICE_PACKAGES = ['mammoth', 'jszip', 'unpdf', 'pdf-lib'];

describe('import start-up', () => {
  it('imports a text protocol without the .docx/.pdf readers, their libraries or the date-fns index', () => {
    const run = loaded('--out', join(out, 'txt'), '--dry-run', 'content/sources/000_b5ee8f8f1d3fbc29.txt');
    expect(run.status).toBe(0);
    expect(OFFICE_PACKAGES.filter((name) => run.packages.has(name))).toEqual([]);
    expect(run.urls.filter((url) => /\/readers\/(docx|pdf-file)\.ts$/.test(url))).toEqual([]);
    // The package index (and `isMatch`, through `parse`) load some 300 modules; single functions a few.
    expect(run.urls.filter((url) => /node_modules\/date-fns\/(index|parse|isMatch)\.js$/.test(url))).toEqual([]);
  }, 30_000);

  it('loads the Word reader and its libraries for a .docx, so the hook sees what a run loads', () => {
    const run = loaded('--out', join(out, 'docx'), '--dry-run', 'test/fixtures/office/000_b5ee8f8f1d3fbc29.docx');
    expect(run.status).toBe(0);
    expect(['mammoth', 'jszip'].filter((name) => run.packages.has(name))).toEqual(['mammoth', 'jszip']);
    expect(run.urls.some((url) => url.endsWith('/scripts/import/readers/docx.ts'))).toBe(true);
  }, 30_000);

  it('answers --help without loading a stage of the importer', () => {
    const run = loaded('--help');
    expect(run.status).toBe(0);
    expect(run.urls.filter((url) => /\/scripts\/import\/(pipeline|registry|readers|steps|write)\b/.test(url))).toEqual([]);
    expect([...run.packages]).toEqual([]);
  }, 30_000);
});
