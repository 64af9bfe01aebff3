/**
 * All or nothing (issue #12): an import that fails leaves the content folder exactly as it
 * was, `--out DIR` writes only under DIR, `--dry-run` writes nothing.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tree } from './helpers.ts';

let dir: string;
let content: string;

/** Runs the CLI against this test's content folder. */
const run = (...args: string[]) => runCli(content, dir, ...args);

const PROTOCOL = `Protokoll der AG Transfer\n\n12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr\nTeilnehmende: Erika Neumeister (Musterverband), Paul Beispielmann\n\nTagesordnung\n\n1. Begrüßung\n2. Prüfung der Vorlage\n\n1. Begrüßung\n\nDie Sitzung beginnt pünktlich.\n\n2. Prüfung der Vorlage\n\nDie AG Transfer vereinbarte:\n\nDie Vorlage wird überarbeitet.\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-atomic-'));
  content = join(dir, 'content');
  for (const d of ['committees', 'people', 'organisations', 'topics', 'matters', 'protocols', 'sources']) cpSync(join('content', d), join(content, d), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('all or nothing', () => {
  it('writes MDX, source copy and new registry entries together', async () => {
    const before = tree(content);
    writeFileSync(join(dir, 'neu.txt'), PROTOCOL);
    const r = await run(join(dir, 'neu.txt'));
    expect(r.code).toBe(0);
    const added = Object.keys(tree(content)).filter((p) => !(p in before));
    expect(added).toEqual(expect.arrayContaining(['protocols/2024-03-12-ag-transfer.mdx', 'sources/neu.txt', 'people/erika-neumeister.yaml', 'people/paul-beispielmann.yaml']));
    expect(added.some((p) => p.includes('.import-staging-'))).toBe(false);
  });

  it('leaves content/ exactly as it was when writing fails half-way', async () => {
    // The sources folder is a file: the MDX and the registry entries could be moved into
    // place, the source copy cannot, so all of them must be taken back.
    rmSync(join(content, 'sources'), { recursive: true });
    writeFileSync(join(content, 'sources'), 'not a folder\n');
    const before = tree(content);
    writeFileSync(join(dir, 'neu.txt'), PROTOCOL);
    const r = await run(join(dir, 'neu.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^<tmp>\/neu\.txt: could not write the import \(ENOTDIR at sources\/neu\.txt\); nothing was written\. Fix: check that <tmp>\/content is writable, then import again\.$/);
    expect(tree(content)).toEqual(before);
    expect(readdirSync(content).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('writes a trial import under --out only, in the content layout', async () => {
    const before = tree(content);
    const out = join(dir, 'probe');
    writeFileSync(join(dir, 'neu.txt'), PROTOCOL);
    const r = await run('--out', out, join(dir, 'neu.txt'));
    expect(r.code).toBe(0);
    expect(tree(content)).toEqual(before);
    expect(Object.keys(tree(out)).sort()).toEqual(['people/erika-neumeister.yaml', 'people/paul-beispielmann.yaml', 'protocols/2024-03-12-ag-transfer.mdx', 'sources/neu.txt', ...Object.keys(tree(out)).filter((p) => p.startsWith('organisations/'))].sort());
    expect(readFileSync(join(out, 'protocols/2024-03-12-ag-transfer.mdx'), 'utf8')).toMatch(/review:\n  status: imported\n  importer: "\d+\.\d+\.\d+"/);
  });

  it('creates no --out folder when the import fails', async () => {
    const out = join(dir, 'probe');
    writeFileSync(join(dir, 'kaputt.txt'), 'Protokoll der AG Transfer\n\nohne Datum\n');
    expect((await run('--out', out, join(dir, 'kaputt.txt'))).code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['content', 'kaputt.txt']);
  });

  it('writes nothing at all in a dry run', async () => {
    const before = tree(content);
    writeFileSync(join(dir, 'neu.txt'), PROTOCOL);
    const r = await run('--dry-run', join(dir, 'neu.txt'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('new: person erika-neumeister');
    expect(tree(content)).toEqual(before);
  });
});
