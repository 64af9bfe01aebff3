/**
 * Text leftovers readers saw on the meeting page (issue #23, point 5): markdown of a title
 * shown as text (stray `**` of bold PDF title lines, `&lt;`, `\(`), and PDF links cut at the
 * first `)`. Each protocol is invented and built in the test, as the office's files are made:
 * a PDF with pdf-lib (bold runs in Helvetica-Bold, link annotations), a Word document with the
 * `docx` package, a Word-to-markdown export as text. The test reads what the importer writes
 * (MDX) and what the site renders of it (`renderPage`).
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { importProtocol, type ImportResult } from '../../scripts/import/pipeline.ts';
import { readOriginal } from '../../scripts/import/readers/read-original.ts';
import { Registry } from '../../scripts/import/registry/registry.ts';
import { renderPage } from './compile.ts';

/** One run of a PDF line: its text, bold or not, and the target of a link annotation over it. */
interface Run {
  text: string;
  bold?: boolean;
  url?: string;
}

/** A PDF line: its runs, font size (pt) and the space above it (pt). */
interface PdfLine {
  runs: (Run | string)[];
  size?: number;
  gap?: number;
}

/** A one-page A4 PDF of the lines, as a word processor exports it: text runs and link annotations. */
async function makePdf(lines: PdfLine[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const annots: unknown[] = [];
  let y = 780;
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= line.gap ?? 0;
    let x = 60;
    for (const r of line.runs) {
      const run = typeof r === 'string' ? { text: r } : r;
      const font: PDFFont = run.bold ? bold : regular;
      page.drawText(run.text, { x, y, size, font });
      const width = font.widthOfTextAtSize(run.text, size);
      // A PDF literal string escapes its brackets and backslashes.
      const uri = run.url?.replace(/[()\\]/g, (c) => `\\${c}`);
      if (uri) annots.push(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [x, y - 2, x + width, y + size], Border: [0, 0, 0], A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri) } })));
      x += width;
    }
    y -= size * 1.6;
  }
  if (annots.length) page.node.set(PDFName.of('Annots'), doc.context.obj(annots as never));
  return doc.save();
}

/** Imports a file's bytes as `npm run import` does (reader by the bytes, then the pipeline). */
async function importFile(bytes: Uint8Array, name: string): Promise<ImportResult> {
  const original = await readOriginal(bytes, name);
  return importProtocol(bytes, name, name, new Registry('content'), original.text, { kind: original.kind });
}

const HEAD: PdfLine[] = [
  { runs: [{ text: 'Protokoll', bold: true }, ' der ', { text: 'AG Transfer', bold: true }], size: 16 },
  { runs: [{ text: '12. März 2024', bold: true }, ', Videokonferenz, 10:00 - 12:00 Uhr'], gap: 4 },
];

describe('titles are text: no markdown of a bold or escaped title line shows', () => {
  it('a PDF with bold parts in its title, date and TOP headings', async () => {
    const result = await importFile(await makePdf([
      ...HEAD,
      { runs: ['TOP 1: ', { text: 'Begrüßung', bold: true }], size: 14, gap: 12 },
      { runs: ['Die Sitzung beginnt.'], gap: 4 },
      { runs: ['TOP 2: Werte < 10 & ', { text: 'mehr', bold: true }], size: 14, gap: 12 },
      { runs: ['Der Wert 3 < 4 gilt.'], gap: 4 },
    ]), 'fett.pdf');
    const f = result.frontmatter;
    expect(f.date).toBe('2024-03-12');
    expect(f.title).not.toContain('*');
    expect(f.agenda.map((a) => `${a.number} ${a.title}`)).toEqual(['1 Begrüßung', '2 Werte < 10 & mehr']);
    expect(result.mdx).toContain('## TOP 1 – Begrüßung\n');
    const page = renderPage(result.mdx);
    expect(page.headings).toEqual(['TOP 1 – Begrüßung', 'TOP 2 – Werte < 10 & mehr']);
    expect(page.text).toContain('Der Wert 3 < 4 gilt.');
  });

  it('a Word export with references, escapes and bold in its TOP headings', () => {
    const text = [
      '# Protokoll der AG Transfer', '', '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr', '',
      'Tagesordnung\t\t', '1.\t<b>Begrüßung</b>\t09:00', '2.\t<b>Werte &lt; 10 &amp; mehr</b>\t09:30', '3.\t<b>Links (Teil 2)</b>\t10:00', '',
      '## 1. **Begrüßung**', '', 'Text.', '',
      '## 2. Werte &lt; 10 &amp; **mehr**', '', 'Umsatz &lt; 10 Mio.', '',
      '## 3. Links \\(Teil 2\\)', '', 'Text.', '',
    ].join('\n');
    const result = importProtocol(new TextEncoder().encode(text), 'export.txt', 'export.txt', new Registry('content'));
    expect(result.mdx).toContain('## TOP 2 – Werte \\< 10 & mehr\n');
    const page = renderPage(result.mdx);
    expect(page.headings).toEqual(['TOP 1 – Begrüßung', 'TOP 2 – Werte < 10 & mehr', 'TOP 3 – Links (Teil 2)']);
    expect(page.text).toContain('Umsatz < 10 Mio.');
    // The agenda (frontmatter, from the table) and the headings say the same.
    expect(result.frontmatter.agenda.map((a) => a.title)).toEqual(['Begrüßung', 'Werte < 10 & mehr', 'Links (Teil 2)']);
  });

  it('a Word document whose TOP headings have a bold run', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: 'Protokoll', bold: true }), new TextRun(' der AG Transfer')] }),
          new Paragraph('12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr'),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('TOP 1: '), new TextRun({ text: 'Begrüßung', bold: true })] }),
          new Paragraph('Text.'),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('TOP 2: Werte < 10 '), new TextRun({ text: '(neu)', bold: true })] }),
          new Paragraph('Text.'),
        ],
      }],
    });
    const result = await importFile(new Uint8Array(await Packer.toBuffer(doc)), 'fett.docx');
    expect(result.frontmatter.title).not.toContain('*');
    expect(renderPage(result.mdx).headings).toEqual(['TOP 1 – Begrüßung', 'TOP 2 – Werte < 10 (neu)']);
  });
});

describe('PDF links keep their whole target and text', () => {
  const wiki = 'https://de.wikipedia.org/wiki/Mittelstand_(Deutschland)';
  const pdf = () => makePdf([
    ...HEAD,
    { runs: ['TOP 1: Links'], size: 14, gap: 12 },
    { runs: ['Mehr unter ', { text: wiki, url: wiki }, ' und weiter.'], gap: 4 },
    { runs: ['Siehe ', { text: 'Mittelstand (Deutschland)', url: wiki }, ' im Lexikon.'] },
    { runs: ['Eine Liste: ', { text: 'Beispiel', url: 'https://example.org/a)b' }, '.'] },
    { runs: [{ text: 'Beschluss:', bold: true }, ' Die AG nimmt ', { text: 'den Bericht (Fassung 2)', url: 'https://example.org/bericht_(2).pdf' }, ' an.'], gap: 6 },
  ]);

  it('a target with brackets is written so that its first ")" does not end the link', async () => {
    const result = await importFile(await pdf(), 'links.pdf');
    expect(result.mdx).toContain('[Mittelstand (Deutschland)](https://de.wikipedia.org/wiki/Mittelstand_\\(Deutschland\\))');
    expect(result.mdx).toContain('[Beispiel](https://example.org/a\\)b).');
  });

  it('the page links each text, bracket included, to its whole target', async () => {
    const page = renderPage((await importFile(await pdf(), 'links.pdf')).mdx);
    expect(page.links).toEqual([
      { href: wiki, text: wiki },
      { href: wiki, text: 'Mittelstand (Deutschland)' },
      { href: 'https://example.org/a)b', text: 'Beispiel' },
      { href: 'https://example.org/bericht_(2).pdf', text: 'den Bericht (Fassung 2)' },
    ]);
    expect(page.text).toContain(`Mehr unter ${wiki} und weiter.`);
    expect(page.text).toContain('Eine Liste: Beispiel.');
  });
});

describe('a TOP heading of PDF text wrapped after a blank line', () => {
  const protocol = (next: string) => [
    'Protokoll der AG Transfer', '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr', '',
    'Tagesordnung', '1. Begrüßung', '2. Landesprogramm Pflege – Ein Thema für die KMU-Beratung?', '',
    '1. Begrüßung', '', 'Text.', '',
    ' 2. Landesprogramm Pflege – Ein Thema für die ', '', next, '', 'Erika Muster stellt das Programm vor.', '',
  ].join('\n');

  it('takes the line that completes the agenda title into the heading, whatever it ends with', () => {
    const { mdx } = importProtocol(new TextEncoder().encode(protocol('KMU-Beratung? ')), 'p.txt', 'p.txt', new Registry('content'));
    expect(mdx).toContain('## TOP 2 – Landesprogramm Pflege – Ein Thema für die KMU-Beratung?\n\nErika Muster');
    expect(renderPage(mdx).headings).toContain('TOP 2 – Landesprogramm Pflege – Ein Thema für die KMU-Beratung?');
  });

  it('leaves a sentence after the heading in the text when it is not the rest of the title', () => {
    const { mdx } = importProtocol(new TextEncoder().encode(protocol('Wer berät?')), 'p.txt', 'p.txt', new Registry('content'));
    expect(mdx).toContain('## TOP 2 – Landesprogramm Pflege – Ein Thema für die\n\nWer berät?');
  });
});

describe('text the frontmatter keeps from a Word export', () => {
  it('an appointment\'s sentence is what the page shows, without the export\'s escapes', () => {
    const text = [
      '# Protokoll der AG Transfer', '', '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr', '',
      '## TOP 1 Verschiedenes', '', 'Der nächste Termin der AG Klima ist am 28. Mai 2024 von 12-15 Uhr; wer mitmachen will, meldet sich bei **Erika Muster** (erika.muster\\@beispiel.de).', '',
    ].join('\n');
    const { appointments } = importProtocol(new TextEncoder().encode(text), 'export.txt', 'export.txt', new Registry('content')).frontmatter;
    expect(appointments?.map((a) => a.text)).toEqual(['Der nächste Termin der AG Klima ist am 28. Mai 2024 von 12-15 Uhr; wer mitmachen will, meldet sich bei Erika Muster (erika.muster@beispiel.de).']);
  });
});
