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
import { EMAIL_MARK, publishedOriginal } from '../../src/lib/text/privacy';
import { contactDataInFiles, knownContactData, scanText } from '../e2e/dist-files';
import { buildCopy, type BuiltCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
const OFFICE = join(repo, 'test/fixtures/office');
const P002 = '002_0dc63d0f3f6a9726';

describe('publishedOriginal', () => {
  it('publishes a PDF or Word original with contact data only as its masked text', async () => {
    for (const ext of ['pdf', 'docx']) {
      const published = await publishedOriginal(`${P002}.${ext}`, readFileSync(join(OFFICE, `${P002}.${ext}`)));
      expect(published.form).toBe('text');
      expect(published.file).toBe(`${P002}.${ext}.txt`);
      const text = new TextDecoder().decode(published.bytes);
      expect(text).toContain('Compliance-Regelung');
      expect(text).toContain(EMAIL_MARK);
      expect(text).not.toMatch(/@/);
    }
  });

  it('publishes a PDF or Word original without contact data as it is', async () => {
    for (const ext of ['pdf', 'docx']) {
      const bytes = readFileSync(join(OFFICE, `000_b5ee8f8f1d3fbc29.${ext}`));
      const published = await publishedOriginal(`000.${ext}`, bytes);
      expect(published.form).toBe('as-is');
      expect(Buffer.from(published.bytes).equals(bytes)).toBe(true);
      expect(published.kind).toBe(ext === 'pdf' ? 'PDF' : 'Word');
    }
  });

  it('the dist scan reads contact data in PDF, Word and UTF-16 files', async () => {
    for (const ext of ['pdf', 'docx']) expect(await scanText(readFileSync(join(OFFICE, `${P002}.${ext}`)))).toContain('martin.wittau@bvng.org');
    expect(await scanText(Buffer.from('\uFEFFKontakt: a.b@c.de', 'utf16le'))).toContain('a.b@c.de');
  });
});

describe('a build with office and UTF-16 originals', () => {
  let copy: BuiltCopy;
  let content: string;
  beforeAll(() => {
    content = mkdtempSync(join(tmpdir(), 'om-office-content-'));
    cpSync(join(repo, 'content'), content, { recursive: true });
    const pdf = readFileSync(join(OFFICE, `${P002}.pdf`));
    cpSync(join(OFFICE, `${P002}.pdf`), join(content, 'sources', `${P002}.pdf`));
    cpSync(join(OFFICE, `${P002}.docx`), join(content, 'sources', `${P002}.docx`));
    const text = readFileSync(join(repo, 'content/sources', `${P002}.txt`), 'utf8');
    writeFileSync(join(content, 'sources', `${P002}-utf16.txt`), Buffer.from(`\uFEFF${text}`, 'utf16le'));
    // Protocol 002 as imported from its PDF.
    const mdx = join(content, 'protocols', '2021-04-22-strategiekreis.mdx');
    const sha = createHash('sha256').update(pdf).digest('hex');
    writeFileSync(mdx, readFileSync(mdx, 'utf8').replace(/file: \S+/, `file: ${P002}.pdf`).replace(/sha256: "?[0-9a-f]{64}"?/, `sha256: "${sha}"`));
    copy = buildCopy(content);
  }, 300_000);
  afterAll(() => {
    copy?.remove();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it('builds', () => {
    expect(copy.status, copy.output).toBe(0);
  });

  it('serves the masked text instead of a PDF/Word original with contact data, and masks UTF-16', async () => {
    expect(existsSync(join(copy.dist, 'quellen', `${P002}.pdf`))).toBe(false);
    expect(existsSync(join(copy.dist, 'quellen', `${P002}.docx`))).toBe(false);
    expect(readFileSync(join(copy.dist, 'quellen', `${P002}.pdf.txt`), 'utf8')).toContain(EMAIL_MARK);
    const utf16 = new TextDecoder('utf-16le').decode(readFileSync(join(copy.dist, 'quellen', `${P002}-utf16.txt`)));
    expect(utf16).toContain(EMAIL_MARK);
    expect(utf16).not.toContain('martin.wittau@bvng.org');
    const known = await knownContactData(content);
    expect(known).toEqual(expect.arrayContaining(['martin.wittau@bvng.org', 'mba.01@renob.de']));
    expect(await contactDataInFiles(copy.dist, known)).toEqual([]);
  });

  it('names the original with kind and size on the meeting page and links its masked text', () => {
    const page = readFileSync(join(copy.dist, 'sitzungen/2021-04-22-strategiekreis/index.html'), 'utf8');
    const kb = Math.round(readFileSync(join(OFFICE, `${P002}.pdf`)).length / 1024);
    const text = page.replace(/<[^>]+>/g, '');
    expect(text).toContain(`Das Originalprotokoll (PDF, ${kb} KB) enthält Kontaktdaten und wird deshalb nicht veröffentlicht`);
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
