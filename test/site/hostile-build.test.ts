/**
 * Safe to publish (issue #22): a copy of the fixture archive with the hostile corpus
 * (test/fixtures/hostile/files/, scripts/fixtures/make-hostile.ts) as originals and
 * attachments: the Word original and a Windows-1252 text imported with the importer, a PDF,
 * a Word HTML export and an SVG as the originals of fixture protocols, PDFs with hidden and
 * with visible contact data as attachments. Built, then every byte a reader can download from
 * `dist/` is read (src/lib/checks/dist-bytes.ts: gunzipped, unzipped, PDF streams inflated and strings
 * decoded): no contact datum of the corpus, no active content.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN } from '../../scripts/fixtures/make-hostile.ts';
import { main } from '../../scripts/import/cli.ts';
import { filesUnder } from '../../src/lib/model/files';
import { findContactData } from '../../src/lib/text/privacy';
import { ORIGINAL_NOTES } from '../../src/lib/text/originals';
import { activeContent, bytesAsText } from '../../src/lib/checks/dist-bytes';
import { buildCopy, type BuiltCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
const HOSTILE = join(repo, 'test/fixtures/hostile/files');
const MEETING = '2023-02-14-plenum';

/** Makes `file` (copied from the corpus) the original of a fixture protocol, with its hash; its old original goes. */
function swapOriginal(content: string, protocol: string, file: string): void {
  const mdx = join(content, 'protocols', `${protocol}.mdx`);
  const text = readFileSync(mdx, 'utf8');
  const old = /source:\s*\n\s*file: (\S+)/.exec(text)![1];
  rmSync(join(content, 'sources', old));
  cpSync(join(HOSTILE, file), join(content, 'sources', file));
  const sha = createHash('sha256').update(readFileSync(join(HOSTILE, file))).digest('hex');
  writeFileSync(mdx, text.replace(`file: ${old}`, `file: ${file}`).replace(/sha256: "?[0-9a-f]{64}"?/, `sha256: "${sha}"`));
}

let copy: BuiltCopy;
let content: string;
beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'om-hostile-content-'));
  cpSync(join(repo, 'test/fixtures/site/content'), content, { recursive: true });
  for (const name of ['protokoll-versteckt.docx', 'protokoll-1252.txt']) {
    const errors: string[] = [];
    expect(await main(['--content', content, join(HOSTILE, name)], () => {}, (m) => errors.push(m)), errors.join('\n')).toBe(0);
  }
  swapOriginal(content, '2019-06-05-plenum', 'protokoll-versteckt.pdf');
  swapOriginal(content, '2020-10-01-strategiekreis', 'protokoll-word.html');
  swapOriginal(content, '2022-03-15-ag-transfer', 'anlage-aktiv.svg');
  mkdirSync(join(content, 'attachments', MEETING));
  for (const name of ['anlage-versteckt.pdf', 'anlage-kontakt.pdf']) cpSync(join(HOSTILE, name), join(content, 'attachments', MEETING, name));
  const mdx = join(content, 'protocols', `${MEETING}.mdx`);
  writeFileSync(mdx, readFileSync(mdx, 'utf8').replace(/(attachments:\n  - number: "1"\n    title: [^\n]+\n)/, '$1    file: anlage-versteckt.pdf\n').replace(/(attachments:\n(?:  .*\n)+)/, '$1  - number: "2"\n    title: Teilnehmerliste\n    file: anlage-kontakt.pdf\n'));
  copy = buildCopy(content);
}, 600_000);
afterAll(() => {
  copy?.remove();
  if (content) rmSync(content, { recursive: true, force: true });
});

const dist = (path: string) => join(copy.dist, path);

describe('a build with the hostile corpus', () => {
  it('builds', () => {
    expect(copy.status, copy.output).toBe(0);
  });

  it('publishes no contact datum of the corpus in any byte of dist/ (pages, feeds, data, search index, originals, attachments)', async () => {
    const hidden = Object.values(HIDDEN);
    const found: string[] = [];
    for (const file of filesUnder(copy.dist)) {
      const text = await bytesAsText(readFileSync(dist(file)));
      for (const datum of hidden) if (text.includes(datum)) found.push(`${file}: ${datum}`);
      // Published originals and attachments hold no contact data at all, whoever's.
      if (/^(quellen|anlagen)\//.test(file)) for (const datum of findContactData(text)) found.push(`${file}: ${datum}`);
    }
    expect(found).toEqual([]);
  }, 60_000);

  it('publishes no active content: no on* attribute, no javascript:/vbscript:/data: URL in any HTML, SVG or XML', async () => {
    const found: string[] = [];
    for (const file of filesUnder(copy.dist).filter((f) => /\.(x?html?|svg|xml|txt)$/.test(f))) {
      for (const hit of activeContent(await bytesAsText(readFileSync(dist(file))))) found.push(`${file} ${hit}`);
    }
    expect(found).toEqual([]);
    // Markup originals are served as their text, never as the file.
    expect(existsSync(dist('quellen/protokoll-word.html'))).toBe(false);
    expect(existsSync(dist('quellen/anlage-aktiv.svg'))).toBe(false);
    expect(readFileSync(dist('quellen/protokoll-word.html.txt'), 'utf8')).toContain('Protokoll des Plenums');
  }, 60_000);

  it('publishes a Word original only as its masked text, and the meeting page says why', () => {
    expect(existsSync(dist('quellen/protokoll-versteckt.docx'))).toBe(false);
    const text = readFileSync(dist('quellen/protokoll-versteckt.docx.txt'));
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.toString('utf8')).toContain('Rückfragen an [E-Mail-Adresse entfernt]');
    const page = readFileSync(dist(`sitzungen/${MEETING}/index.html`), 'utf8');
    expect(page).toContain(ORIGINAL_NOTES.word.replace(/^(.{40}).*$/, '$1'));
    expect(page).toContain('href="/quellen/protokoll-versteckt.docx.txt"');
    // Issue #22, 7: the body is read as a Word export, not escaped twice.
    expect(page).not.toMatch(/\\@|\]\(mailto:/);
  });

  it('publishes a PDF original with its pages only, and a text original as UTF-8 with BOM', async () => {
    const pdf = readFileSync(dist('quellen/protokoll-versteckt.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const strings = await bytesAsText(pdf);
    expect(strings).not.toMatch(/\/Author|\/Annots|\/Metadata|\/URI/);
    const text = readFileSync(dist('quellen/protokoll-1252.txt'));
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.toString('utf8')).toContain('TOP 1: Begrüßung');
  });

  it('publishes a cleaned attachment PDF, withholds one that shows contact data, and says why', () => {
    expect(existsSync(dist(`anlagen/${MEETING}/anlage-versteckt.pdf`))).toBe(true);
    expect(existsSync(dist(`anlagen/${MEETING}/anlage-kontakt.pdf`))).toBe(false);
    const page = readFileSync(dist(`sitzungen/${MEETING}/index.html`), 'utf8');
    expect(page).toContain('nicht veröffentlicht: enthält Kontaktdaten');
  });
});
