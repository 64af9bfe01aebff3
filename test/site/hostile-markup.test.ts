/**
 * Issue #22, end to end: hand-written hostile protocols (test/fixtures/hostile/markup/: a Word
 * export .md and a PDF-text .txt imported with the real importer, a hand-written .mdx with
 * contact data in every frontmatter text field), plus a hostile link in an editorial page,
 * imported into a copy of the project and built. Nothing of it may be active in `dist/`
 * (script URLs, handlers, inline scripts), and none of its contact data may be in any byte of
 * `dist/`: pages, feeds, CSV, JSON, OParl, ICS, served originals, Pagefind's gzipped fragments.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/import/cli';
import { findContactData } from '../../src/lib/text/privacy';
import { copyProject, runInCopy } from './build-copy';
import { activeContentInDist, contactDataInDist } from './dist-scan';

const repo = resolve(import.meta.dirname, '../..');
const fixtures = join(repo, 'test/fixtures/hostile/markup');
/** The importable fixtures (.md, .txt); `handwritten/` holds an MDX protocol with its source. */
const importable = readdirSync(fixtures).filter((name) => /^\d{4}-\d{2}-\d{2}-.*\.(md|txt)$/.test(name));

/** Every fixture file's text (and the hostile editorial line), for the contact data planted in them. */
function fixtureTexts(): string[] {
  const files = [...importable.map((name) => join(fixtures, name)), join(fixtures, 'handwritten/protocols/2022-08-18-plenum.mdx'), join(fixtures, 'handwritten/sources/2022-08-18-plenum.txt')];
  return files.map((file) => readFileSync(file, 'utf8'));
}

let content: string;
let root: string;
let build: { status: number | null; output: string };
let importLog: { code: number; out: string; err: string };

beforeAll(async () => {
  content = join(mkdtempSync(join(tmpdir(), 'om-hostile-')), 'content');
  cpSync(join(repo, 'test/fixtures/site/content'), content, { recursive: true });
  cpSync(join(repo, 'content/pages'), join(content, 'pages'), { recursive: true });
  writeFileSync(join(content, 'pages/ueber.mdx'), `${readFileSync(join(content, 'pages/ueber.mdx'), 'utf8')}\n[Mehr](javascript:alert(20)) und <a href="vbscript:msgbox(21)">hier</a>.\n`);
  cpSync(join(fixtures, 'handwritten'), content, { recursive: true });
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--content', content, ...importable.map((name) => join(fixtures, name))], (m) => out.push(m), (m) => err.push(m));
  importLog = { code, out: out.join('\n'), err: err.join('\n') };
  root = copyProject(content);
  build = runInCopy(root, ['npm', 'run', '--silent', 'build']);
}, 600_000);

afterAll(() => {
  rmSync(resolve(content, '..'), { recursive: true, force: true });
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('hostile markup, imported and built', () => {
  it('imports every fixture and warns about each link that will not be published', () => {
    expect(importLog.code, importLog.err).toBe(0);
    expect(importLog.out.match(/will not be published/g)?.length).toBeGreaterThanOrEqual(8);
  });

  it('builds, and the build names file and line of each dropped link', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(build.output).toMatch(/content\/protocols\/2022-08-18-plenum\.mdx:\d+: link to "javascript:alert\(11\)" will not be published/);
    expect(build.output).toMatch(/content\/protocols\/2022-08-18-plenum\.mdx:44: link to "javascript:alert\(17\)" will not be published/);
  });

  it('publishes no javascript:, vbscript: or data: URL, no on… attribute and no inline script', () => {
    const dist = join(root, 'dist');
    // The scan must have something to scan: the hostile pages are there.
    expect(readFileSync(join(dist, 'sitzungen/2022-08-18-plenum/index.html'), 'utf8')).toContain('Hier klicken');
    expect(readFileSync(join(dist, 'ueber/index.html'), 'utf8')).toContain('Mehr');
    expect(activeContentInDist(dist)).toEqual([]);
  });

  it('publishes none of the fixtures’ contact data, in any spelling, in any byte', async () => {
    const known = [...new Set(fixtureTexts().flatMap(findContactData))];
    // Every planted address (all name.hostil) and number is recognised, so the scan looks for all of them.
    const planted = [...new Set(fixtureTexts().join('\n').match(/[a-z]+\.hostil/g))];
    for (const name of planted) expect(known.some((k) => k.replace(/[\u00ad\u200b]/g, '').includes(name)), name).toBe(true);
    expect(known.length).toBeGreaterThanOrEqual(planted.length + 15);
    expect(await contactDataInDist(join(root, 'dist'), known)).toEqual([]);
  });
});
