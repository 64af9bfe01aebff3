/**
 * Originals in other formats than UTF-8 text: what `/quellen/` serves of a PDF, a
 * Word document and a UTF-16 text that hold contact data, and how the meeting page
 * names an office original. Builds a copy of the archive whose protocol 002 has the
 * PDF made from its Word document as source (test/fixtures/office/).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_MARK } from '../../src/lib/text/privacy';
import { ORIGINAL_NOTES, publishOriginal } from '../../src/lib/text/originals';
import { contactDataInFiles, knownContactData, scanText } from '../e2e/dist-files';
import { buildCopy, type BuiltCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
const OFFICE = join(repo, 'test/fixtures/office');
const P002 = '002_0dc63d0f3f6a9726';

describe('publishOriginal', () => {
  it('publishes a Word original only as its masked text, and a PDF with contact data on its pages too', async () => {
    for (const ext of ['pdf', 'docx']) {
      const published = await publishOriginal(`${P002}.${ext}`, readFileSync(join(OFFICE, `${P002}.${ext}`)));
      expect(published.form).toBe('text');
      expect(published.file).toBe(`${P002}.${ext}.txt`);
      expect(published.note).toBe(ext === 'pdf' ? ORIGINAL_NOTES.contact : ORIGINAL_NOTES.word);
      const text = new TextDecoder().decode(published.bytes);
      expect(text).toContain('Compliance-Regelung');
      expect(text).toContain(EMAIL_MARK);
      expect(text).not.toMatch(/@/);
    }
  });

  it('publishes a PDF original without contact data with its pages only, a Word original as text all the same', async () => {
    const pdf = await publishOriginal('000.pdf', readFileSync(join(OFFICE, '000_b5ee8f8f1d3fbc29.pdf')));
    expect(pdf).toMatchObject({ form: 'cleaned', file: '000.pdf', kind: 'PDF' });
    expect(new TextDecoder('latin1').decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
    const docx = await publishOriginal('000.docx', readFileSync(join(OFFICE, '000_b5ee8f8f1d3fbc29.docx')));
    expect(docx).toMatchObject({ form: 'text', file: '000.docx.txt', kind: 'Word', note: ORIGINAL_NOTES.word });
  });

  it('the dist scan reads contact data in PDF, Word and UTF-16 files', async () => {
    for (const ext of ['pdf', 'docx']) expect(await scanText(readFileSync(join(OFFICE, `${P002}.${ext}`)))).toContain('martin.wittau@bvng.org');
    expect(await scanText(Buffer.from('\uFEFFKontakt: a.b@c.de', 'utf16le'))).toContain('a.b@c.de');
  });
});

/** Makes `bytes` the original `name` of the protocol `mdxName`, with its hash; the protocol's old original goes. */
function swapOriginal(content: string, mdxName: string, name: string, bytes: Uint8Array): void {
  const mdx = join(content, 'protocols', mdxName);
  const text = readFileSync(mdx, 'utf8');
  rmSync(join(content, 'sources', /source:\s*\n\s*file: (\S+)/.exec(text)![1]));
  writeFileSync(join(content, 'sources', name), bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(mdx, text.replace(/(source:\s*\n\s*file: )\S+/, `$1${name}`).replace(/sha256: "?[0-9a-f]{64}"?/, `sha256: "${sha}"`));
}

describe('a build with office and UTF-16 originals', () => {
  let copy: BuiltCopy;
  let content: string;
  beforeAll(() => {
    content = mkdtempSync(join(tmpdir(), 'om-office-content-'));
    cpSync(join(repo, 'content'), content, { recursive: true });
    // Only originals a protocol names are published: protocol 002 as imported from its PDF,
    // 000 from its Word document, 001 from a UTF-16 text.
    swapOriginal(content, '2021-04-22-strategiekreis.mdx', `${P002}.pdf`, readFileSync(join(OFFICE, `${P002}.pdf`)));
    swapOriginal(content, '2020-10-20-ag-transfer.mdx', '000_b5ee8f8f1d3fbc29.docx', readFileSync(join(OFFICE, '000_b5ee8f8f1d3fbc29.docx')));
    const text = readFileSync(join(repo, 'content/sources', `${P002}.txt`), 'utf8');
    swapOriginal(content, '2021-11-11-strategiekreis.mdx', `${P002}-utf16.txt`, Buffer.from(`\uFEFF${text}`, 'utf16le'));
    copy = buildCopy(content);
  }, 300_000);
  afterAll(() => {
    copy?.remove();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it('builds', () => {
    expect(copy.status, copy.output).toBe(0);
  });

  it('serves the masked text instead of a PDF with contact data or a Word original, and masks UTF-16 as UTF-8', async () => {
    expect(existsSync(join(copy.dist, 'quellen', `${P002}.pdf`))).toBe(false);
    expect(existsSync(join(copy.dist, 'quellen', '000_b5ee8f8f1d3fbc29.docx'))).toBe(false);
    expect(readFileSync(join(copy.dist, 'quellen', `${P002}.pdf.txt`), 'utf8')).toContain(EMAIL_MARK);
    expect(readFileSync(join(copy.dist, 'quellen', '000_b5ee8f8f1d3fbc29.docx.txt'), 'utf8')).toContain('Protokoll');
    const utf8 = readFileSync(join(copy.dist, 'quellen', `${P002}-utf16.txt`));
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.toString('utf8')).toContain(EMAIL_MARK);
    expect(utf8.toString('utf8')).not.toContain('martin.wittau@bvng.org');
    const known = await knownContactData(content);
    expect(known).toEqual(expect.arrayContaining(['martin.wittau@bvng.org', 'mba.01@renob.de']));
    expect(await contactDataInFiles(copy.dist, known)).toEqual([]);
  }, 60_000);

  it('names the original with kind and size on the meeting page and links its masked text', () => {
    const page = readFileSync(join(copy.dist, 'sitzungen/2021-04-22-strategiekreis/index.html'), 'utf8');
    const kb = Math.round(readFileSync(join(OFFICE, `${P002}.pdf`)).length / 1024);
    const text = page.replace(/<[^>]+>/g, '');
    expect(text).toContain(`Originalprotokoll (PDF, ${kb} KB): Die Datei enthält Kontaktdaten und wird deshalb nicht veröffentlicht`);
    // The file name is there for whoever checks it, behind "Datei und Prüfsumme".
    expect(page).toMatch(new RegExp(`<details class="source-file">.*${P002}\\.pdf`, 's'));
    expect(page).toContain(`href="/quellen/${P002}.pdf.txt"`);
  });

  it('points the open data and OParl at what is published of the original, never at the withheld PDF', () => {
    const csv = readFileSync(join(copy.dist, 'daten/meetings.csv'), 'utf8');
    const row = csv.split('\n').find((line) => line.startsWith('2021-04-22-strategiekreis,'));
    expect(row).toContain(`/quellen/${P002}.pdf.txt`);
    const json = JSON.parse(readFileSync(join(copy.dist, 'daten/archive.json'), 'utf8'));
    const meeting = json.meetings.find((m: { id: string }) => m.id === '2021-04-22-strategiekreis');
    expect(meeting.source.url).toMatch(new RegExp(`/quellen/${P002}\\.pdf\\.txt$`));
    const oparl = JSON.parse(readFileSync(join(copy.dist, 'oparl/1.1/meeting/2021-04-22-strategiekreis.json'), 'utf8'));
    expect(oparl.resultsProtocol.fileName).toBe(`${P002}.pdf.txt`);
    expect(oparl.resultsProtocol.mimeType).toBe('text/plain');
    expect(oparl.resultsProtocol.accessUrl).toMatch(new RegExp(`/quellen/${P002}\\.pdf\\.txt$`));
  });
});
