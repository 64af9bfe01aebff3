/**
 * Only listed files are published, and nothing active (issue #22): the integrity check of the
 * published folders (`checkPublishedFiles`, `symbolicLinks`), what `/quellen/` makes of each
 * kind of original (`publishOriginal`), and that the byte scanner of the built-site tests
 * (src/lib/checks/dist-bytes.ts) finds every datum the corpus hides, so its silence means something.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN, pageTreeBomb } from '../../scripts/fixtures/make-hostile.ts';
import { checkPublishedFiles } from '../../src/lib/checks/integrity';
import { symbolicLinks } from '../../src/lib/model/real-files';
import { loadAttachmentCatalog } from '../../src/lib/text/attachments';
import { isMarkup, ORIGINAL_NOTES, publishOriginal } from '../../src/lib/text/originals';
import { bytesAsText } from '../../src/lib/checks/dist-bytes';
import { astroBuild, copyProject, runInCopy } from './build-copy';
import { meeting } from './helpers';

const HOSTILE = 'test/fixtures/hostile/files';
const hostile = (name: string) => new Uint8Array(readFileSync(join(HOSTILE, name)));

describe('the byte scanner (src/lib/checks/dist-bytes.ts)', () => {
  it('finds every datum the corpus hides in its Word and PDF files', async () => {
    const docx = await bytesAsText(hostile('protokoll-versteckt.docx'));
    const pdf = await bytesAsText(hostile('protokoll-versteckt.pdf'));
    const attachment = await bytesAsText(hostile('anlage-versteckt.pdf'));
    const missing = Object.entries(HIDDEN).filter(([place, datum]) => {
      const where = place.startsWith('docx') ? docx : place.startsWith('pdf') ? pdf : place.startsWith('attachment') ? attachment : undefined;
      return where !== undefined && !place.endsWith('Visible') && !where.includes(datum);
    });
    expect(missing).toEqual([]);
  });
});

describe('publishOriginal', () => {
  it('publishes a Word original only as its masked text, with the reason', async () => {
    const published = await publishOriginal('p.docx', hostile('protokoll-versteckt.docx'));
    expect(published).toMatchObject({ kind: 'Word', file: 'p.docx.txt', form: 'text', note: ORIGINAL_NOTES.word });
    const text = new TextDecoder().decode(published.bytes);
    expect(text).toContain('Oleg Cernavin begrüßt die Teilnehmenden.');
    for (const datum of Object.values(HIDDEN)) expect(text).not.toContain(datum);
  });

  it('publishes a PDF with its pages only: no metadata, annotations or link targets', async () => {
    const published = await publishOriginal('p.pdf', hostile('protokoll-versteckt.pdf'));
    expect(published).toMatchObject({ kind: 'PDF', file: 'p.pdf', form: 'cleaned' });
    const strings = await bytesAsText(published.bytes);
    expect(strings).toContain('Protokoll des Plenums');
    for (const datum of Object.values(HIDDEN)) expect(strings).not.toContain(datum);
  });

  it('publishes HTML, SVG and XML originals as their text, never as markup', async () => {
    const html = await publishOriginal('p.html', hostile('protokoll-word.html'));
    expect(html).toMatchObject({ kind: 'HTML', file: 'p.html.txt', form: 'text', note: ORIGINAL_NOTES.markup });
    const text = new TextDecoder().decode(html.bytes);
    expect(text).toContain('TOP 1: Begrüßung');
    expect(text).not.toMatch(/<|alert|html\.meta/);
    expect(await publishOriginal('a.svg', hostile('anlage-aktiv.svg'))).toMatchObject({ kind: 'SVG', file: 'a.svg.txt', form: 'text' });
    // By bytes: a .txt that is an HTML document keeps its name but loses its markup.
    const disguised = await publishOriginal('p.txt', hostile('protokoll-word.html'));
    expect(disguised).toMatchObject({ kind: 'HTML', file: 'p.txt', form: 'text' });
    expect(new TextDecoder().decode(disguised.bytes)).not.toContain('<');
  });

  it('tells markup by its bytes, not a Word export with <b> in its cells', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(isMarkup(bytes('\uFEFF  <!DOCTYPE html><html>'))).toBe(true);
    expect(isMarkup(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBe(true);
    expect(isMarkup(bytes('<?xml version="1.0"?>'))).toBe(true);
    expect(isMarkup(bytes('Protokoll des Plenums\n1.\t<b>Begrüßung</b>\tOleg Cernavin'))).toBe(false);
  });

  it('publishes a Windows-1252 text as UTF-8 with BOM, so a browser shows its umlauts', async () => {
    const published = await publishOriginal('p.txt', hostile('protokoll-1252.txt'));
    expect(published.form).toBe('masked');
    expect([...published.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(published.bytes)).toContain('TOP 1: Begrüßung');
  });

  it('does not publish a PDF beyond the limits, and says so', async () => {
    const published = await publishOriginal('b.pdf', pageTreeBomb());
    expect(published).toMatchObject({ file: 'b.pdf.txt', form: 'text', note: ORIGINAL_NOTES.unreadable });
    expect(new TextDecoder().decode(published.bytes)).toContain('more than the limit of 500');
  }, 30_000);
});

describe('checkPublishedFiles and symbolicLinks', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'om-published-'));
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'geheim.pdf'), 'x');
    mkdirSync(join(root, 'content/sources'), { recursive: true });
    mkdirSync(join(root, 'content/attachments/2021-11-11-plenum'), { recursive: true });
    symlinkSync(join(elsewhere, 'geheim.pdf'), join(root, 'content/sources/verlinkt.txt'));
    symlinkSync(elsewhere, join(root, 'content/attachments/2021-11-11-strategiekreis'));
    writeFileSync(join(root, 'content/attachments/2021-11-11-plenum/anlage-1.txt'), 'Anlage');
    writeFileSync(join(root, 'content/attachments/2021-11-11-plenum/vergessen.txt'), 'nicht gelistet');
    writeFileSync(join(root, 'content/attachments/2021-11-11-plenum/anlage-2.svg'), readFileSync(join(HOSTILE, 'anlage-aktiv.svg')));
    writeFileSync(join(root, 'content/attachments/2021-11-11-plenum/anlage-3.txt'), '<!DOCTYPE html><script>alert(1)</script>');
    mkdirSync(join(root, 'content/attachments/1999-01-01-niemand'));
    writeFileSync(join(root, 'content/attachments/1999-01-01-niemand/a.txt'), 'x');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names each symbolic link, folder or file, and never follows it', async () => {
    expect(symbolicLinks(['content/sources', 'content/attachments'], root)).toEqual([
      { path: 'content/sources/verlinkt.txt', target: join(root, 'elsewhere/geheim.pdf') },
      { path: 'content/attachments/2021-11-11-strategiekreis', target: join(root, 'elsewhere') },
    ]);
    const catalog = await loadAttachmentCatalog(join(root, 'content/attachments'));
    expect([...catalog.keys()].sort()).toEqual(['1999-01-01-niemand', '2021-11-11-plenum']);
  });

  it('fails on links, orphan originals, folders of no meeting, unlisted and active attachments, naming each file with a Fix', async () => {
    const plenum = meeting({
      date: '2021-11-11',
      committee: 'plenum',
      agenda: [{ number: '1', title: 'Bericht' }],
      attachments: [
        { number: '1', title: 'Bericht', file: 'anlage-1.txt' },
        { number: '2', title: 'Grafik', file: 'anlage-2.svg' },
        { number: '3', title: 'Seite', file: 'anlage-3.txt' },
      ],
      source: { file: '2021-11-11-plenum.txt', sha256: '0'.repeat(64) },
    });
    const problems = checkPublishedFiles([plenum], {
      sources: ['2021-11-11-plenum.txt', 'geloescht.pdf'],
      attachments: await loadAttachmentCatalog(join(root, 'content/attachments')),
      links: symbolicLinks(['content/sources', 'content/attachments'], root),
    });
    expect(problems).toEqual([
      expect.stringMatching(/^content\/sources\/verlinkt\.txt: a symbolic link \(to .*elsewhere\/geheim\.pdf\); the archive publishes only real files inside content\/\. Fix: replace the link/),
      expect.stringMatching(/^content\/attachments\/2021-11-11-strategiekreis: a symbolic link .* Fix: /),
      'content/sources/geloescht.pdf: no protocol names this original as source.file (its protocol was deleted or renamed?). Fix: delete the file, or name it in the protocol\'s source.file (npm run import -- content/sources/geloescht.pdf writes the protocol anew).',
      'content/attachments/1999-01-01-niemand/: a folder of no meeting (there is no content/protocols/1999-01-01-niemand.mdx). Fix: rename it to the id of its meeting (the protocol file name without .mdx), or delete it.',
      expect.stringMatching(/^content\/attachments\/2021-11-11-plenum\/anlage-2\.svg: an active file \(\.svg\), which a browser would run .* Fix: export it as PDF/),
      expect.stringMatching(/^content\/attachments\/2021-11-11-plenum\/anlage-3\.txt: an active file \(\.txt whose content is HTML or XML\).* Fix: export it as PDF/),
      'content/attachments/2021-11-11-plenum/vergessen.txt: no attachment of content/protocols/2021-11-11-plenum.mdx lists this file. Fix: add "file: vergessen.txt" to its entry under attachments in content/protocols/2021-11-11-plenum.mdx, or delete the file.',
    ]);
  });
});

describe('a build whose published folders break the rules', () => {
  it('fails, naming the linked folder, the orphan original, the unlisted and the active attachment', () => {
    const root = copyProject('test/fixtures/site/content');
    const elsewhere = mkdtempSync(join(tmpdir(), 'om-elsewhere-'));
    try {
      writeFileSync(join(elsewhere, 'fremd.txt'), 'Aus einem anderen Ordner.');
      symlinkSync(elsewhere, join(root, 'content/attachments/2021-11-11-strategiekreis'));
      writeFileSync(join(root, 'content/sources/verwaist.txt'), 'Das Protokoll dazu wurde gelöscht.');
      writeFileSync(join(root, 'content/attachments/2021-11-11-plenum/vergessen.txt'), 'Von keinem Protokoll gelistet.');
      cpSync(join(HOSTILE, 'anlage-aktiv.html'), join(root, 'content/attachments/2021-11-11-plenum/anlage-4.html'));
      const mdx = join(root, 'content/protocols/2021-11-11-plenum.mdx');
      writeFileSync(mdx, readFileSync(mdx, 'utf8').replace('    title: Terminübersicht 2022\n', '    title: Terminübersicht 2022\n    file: anlage-4.html\n'));
      const { status, output } = runInCopy(root, astroBuild);
      expect(status).not.toBe(0);
      for (const expected of [
        'content/attachments/2021-11-11-strategiekreis: a symbolic link',
        'content/sources/verwaist.txt: no protocol names this original',
        'content/attachments/2021-11-11-plenum/vergessen.txt: no attachment of content/protocols/2021-11-11-plenum.mdx lists this file',
        'content/attachments/2021-11-11-plenum/anlage-4.html: an active file (.html)',
      ]) expect(output).toContain(expected);
      expect(existsSync(join(root, 'dist/anlagen/2021-11-11-strategiekreis/fremd.txt'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 300_000);
});
