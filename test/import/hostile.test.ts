/**
 * Hostile input files (issue #22, test/fixtures/hostile/, written by
 * scripts/fixtures/make-hostile.ts): each limit of src/lib/model/limits.ts refuses its bomb
 * with `file: problem. Fix: …` well within the test timeout of 30 s and leaves the content
 * folder untouched; the hostile Word and PDF originals import, read as Word exports.
 * Peak memory per bomb: `npm run bench -- --hostile`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cyclicPageTree, manyPagesPdf, pageTreeBomb, zipBomb } from '../../scripts/fixtures/make-hostile.ts';
import { main } from '../../scripts/import/cli.ts';
import { importProtocol } from '../../scripts/import/pipeline.ts';
import { readOriginal } from '../../scripts/import/readers/read-original.ts';
import { Registry } from '../../scripts/import/registry/registry.ts';
import { filesUnder } from '../../src/lib/model/files.ts';
import { MAX_FILE_BYTES, MAX_PDF_PAGES } from '../../src/lib/model/limits.ts';

const HOSTILE = 'test/fixtures/hostile/files';
const SITE = 'test/fixtures/site/content';

let dir: string;
let content: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-hostile-'));
  content = join(dir, 'content');
  cpSync(SITE, content, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports `bytes` as `name` with the CLI into the temporary content folder: exit code, errors, and whether content changed. */
async function importBytes(name: string, bytes: Uint8Array): Promise<{ code: number; errors: string[]; changed: boolean }> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const before = filesUnder(content);
  const errors: string[] = [];
  const code = await main(['--content', content, file], () => {}, (m) => errors.push(m));
  return { code, errors, changed: filesUnder(content).join('\n') !== before.join('\n') };
}

describe('limits: a hostile file is refused with file: problem. Fix, in bounded time', () => {
  it('a page-tree bomb (2 KB claiming 10^10 pages)', async () => {
    const { code, errors, changed } = await importBytes('seitenbaum-bombe.pdf', pageTreeBomb());
    expect(code).toBe(1);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`seitenbaum-bombe\\.pdf: the PDF has 10,000,000,000 pages, more than the limit of ${MAX_PDF_PAGES} .* Fix: `))]);
    expect(changed).toBe(false);
  }, 30_000);

  it('a page tree that is a cycle', async () => {
    const { code, errors } = await importBytes('zyklus.pdf', cyclicPageTree());
    expect(code).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/zyklus\.pdf: the PDF cannot be read \(Pages tree contains circular reference\.\).* Fix: /)]);
  }, 30_000);

  it('a PDF of 2,100 pages', async () => {
    const { code, errors } = await importBytes('lang.pdf', await manyPagesPdf(2_100));
    expect(code).toBe(1);
    expect(errors[0]).toMatch(/lang\.pdf: the PDF has 2,100 pages, more than the limit of 500 .* Fix: split it/);
    expect(errors[0]).not.toMatch(/call stack|RangeError|\n\s+at /);
  }, 30_000);

  it('a .docx zip bomb whose central directory declares its size', async () => {
    const { code, errors, changed } = await importBytes('bombe.docx', await zipBomb(60));
    expect(code).toBe(1);
    expect(errors[0]).toMatch(/bombe\.docx: the ZIP archive's parts declare 60 MB, more than the limit of 50 MB unpacked .* Fix: /);
    expect(changed).toBe(false);
  }, 30_000);

  it('a .docx zip bomb that declares 1 KB: inflating stops at the limit', async () => {
    const { code, errors } = await importBytes('bombe-gelogen.docx', await zipBomb(60, true));
    expect(code).toBe(1);
    expect(errors[0]).toMatch(/bombe-gelogen\.docx: the ZIP archive's parts inflate to more than the limit of 50 MB unpacked .* Fix: /);
    expect(errors[0]).not.toMatch(/Invalid string length|\n\s+at /);
  }, 30_000);

  it('any file over the size limit, before it is read', async () => {
    const { code, errors } = await importBytes('riesig.txt', new Uint8Array(MAX_FILE_BYTES + 1024 * 1024).fill(0x41));
    expect(code).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/riesig\.txt: the file has 51 MB, more than the limit of 50 MB\. Fix: /)]);
  }, 30_000);
});

describe('hostile originals that should import', () => {
  it('reads a short .docx as a Word export: no doubled escapes, links stay links (issue #22, 7)', async () => {
    const path = join(HOSTILE, 'protokoll-versteckt.docx');
    const bytes = readFileSync(path);
    const original = await readOriginal(bytes, path);
    expect(original.kind).toBe('docx');
    const { mdx } = importProtocol(bytes, path, 'protokoll-versteckt.docx', new Registry(SITE), original.text, { kind: original.kind });
    expect(mdx).toContain('Rückfragen an anna.kontakt\\@example.org oder [per Mail](mailto:anna.kontakt@example.org).');
    expect(mdx).not.toContain('\\\\@');
    expect(mdx).not.toContain('\\[per Mail]');
  });

  it('imports the hostile Word, PDF, HTML and Windows-1252 originals', async () => {
    for (const name of ['protokoll-versteckt.docx', 'protokoll-versteckt.pdf', 'protokoll-word.html', 'protokoll-1252.txt']) {
      const errors: string[] = [];
      const code = await main(['--content', content, '--force', join(HOSTILE, name)], () => {}, (m) => errors.push(m));
      expect({ name, code, errors }).toEqual({ name, code: 0, errors: [] });
    }
  }, 30_000);
});
