/**
 * The Word form of a protocol read as its text form is read (issue #23, found on the fifth
 * seed's .docx/.pdf): an agenda table with one text cell per row, where title, presenter and
 * time share the cell, and a decision label written as a list item. Invented protocols of the
 * AG Transfer: Word documents made here with the `docx` package, beside the same protocol as
 * PDF text, imported through `importProtocol` against the committed registries (in memory).
 */
import { describe, expect, it } from 'vitest';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { importProtocol, type ImportResult } from '../../scripts/import/pipeline.ts';
import { readOriginal } from '../../scripts/import/readers/read-original.ts';
import { Registry } from '../../scripts/import/registry/registry.ts';
import { importText } from './helpers.ts';

type Block = Paragraph | Table;

/** A Word document: title, date line, the given agenda blocks, then the TOPs with their body blocks. */
async function docx(agenda: Block[], tops: [string, Block[]][]): Promise<ImportResult> {
  const doc = new Document({
    numbering: { config: [{ reference: 'bullets', levels: [0, 1].map((level) => ({ level, format: LevelFormat.BULLET, text: level ? '◦' : '•' })) }] },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Protokoll AG Transfer')] }),
        new Paragraph('am Donnerstag, 12.03.2026 von 10:00-12:00 Uhr'),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Tagesordnung')] }),
        ...agenda,
        ...tops.flatMap(([title, body], i) => [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${i + 1}. ${title}`)] }), ...body]),
      ],
    }],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const original = await readOriginal(bytes, 'protokoll.docx');
  return importProtocol(bytes, 'protokoll.docx', 'protokoll.docx', new Registry('content'), original.text, { kind: original.kind });
}

/** A paragraph, a list item (level 0) and a list item one level deeper. */
const p = (text: string) => new Paragraph(text);
const item = (text: string, level = 0) => new Paragraph({ numbering: { reference: 'bullets', level }, children: [new TextRun(text)] });

/** An agenda table row `number | cell`, the cell's paragraphs given; `bold` sets the first in bold. */
function row(number: string, paragraphs: string[], bold = false): TableRow {
  return new TableRow({
    children: [
      new TableCell({ children: [p(number)] }),
      new TableCell({ children: paragraphs.map((t, i) => new Paragraph({ children: [new TextRun({ text: t, bold: bold && i === 0 })] })) }),
    ],
  });
}

/** The agenda as a reader of the meeting page sees it. */
const agendaOf = (r: ImportResult) => r.frontmatter.agenda.map((a) => `${a.number ?? '-'} ${a.title} | ${a.presenters.join(', ')} | ${a.time ?? ''} | ${a.details ?? ''}`);
const resolutionsOf = (r: ImportResult) => r.resolutions.map((x) => `${x.kind} TOP ${x.item}: ${x.text.replace(/[\\*]/g, '')}`);

const TOPS: [string, Block[]][] = [
  ['Begrüßung', [p('Die Sitzung beginnt pünktlich.')]],
  ['Bericht aus den Netzwerken', [p('Anja Cordes berichtet.')]],
  ['Verschiedenes', [p('Keine Wortmeldungen.')]],
];

/** The same protocol as PDF text: the agenda table flattened into lines, as in content/sources/. */
const PDF_TEXT = [
  'Protokoll AG Transfer', '', 'am Donnerstag, 12.03.2026 von 10:00-12:00 Uhr', '', 'Tagesordnung', '',
  '1. Begrüßung Oleg Cernavin (Offensive', 'Mittelstand)', '', '10:00', '',
  '2. Bericht aus den Netzwerken', '', 'Anja Cordes (Offensive Mittelstand) 10:15', '',
  'Pause 10:45', '',
  '3. Verschiedenes Alle 11:30', '', 'Ende 12:00', '',
  '1. Begrüßung', '', 'Die Sitzung beginnt pünktlich.', '',
  '2. Bericht aus den Netzwerken', '', 'Anja Cordes berichtet.', '',
  '3. Verschiedenes', '', 'Keine Wortmeldungen.', '',
].join('\n');

describe('an agenda table with one text cell per row (no presenter or time column)', () => {
  it('splits presenter and time off the title as in the text form', async () => {
    const table = new Table({
      rows: [
        row('1.', ['Begrüßung Oleg Cernavin (Offensive Mittelstand)', '10:00']),
        row('2.', ['Bericht aus den Netzwerken', 'Anja Cordes (Offensive Mittelstand) 10:15']),
        row('', ['Pause 10:45']),
        row('3.', ['Verschiedenes Alle 11:30']),
        row('', ['Ende 12:00']),
      ],
    });
    const word = await docx([table], TOPS);
    expect(agendaOf(word)).toEqual([
      '1 Begrüßung | oleg-cernavin | 10:00 | ',
      '2 Bericht aus den Netzwerken | anja-cordes | 10:15 | ',
      '- Pause |  | 10:45 | ',
      '3 Verschiedenes |  | 11:30 | ',
      '- Ende |  | 12:00 | ',
    ]);
    expect(agendaOf(word)).toEqual(agendaOf(importText(PDF_TEXT, 'protokoll.txt')));
  });

  it('makes a break written at the end of the cell above ("Pause 10:45", as a PDF joins the rows) an entry of its own', async () => {
    const table = new Table({
      rows: [
        row('1.', ['Begrüßung', 'Oleg Cernavin (Offensive Mittelstand) 10:00', 'Pause 10:45']),
        row('2.', ['Bericht aus den Netzwerken', 'Anja Cordes (Offensive Mittelstand) 11:00']),
        row('3.', ['Verschiedenes Alle 11:30', 'Ende 12:00']),
      ],
    });
    expect(agendaOf(await docx([table], TOPS))).toEqual([
      '1 Begrüßung | oleg-cernavin | 10:00 | ',
      '- Pause |  | 10:45 | ',
      '2 Bericht aus den Netzwerken | anja-cordes | 11:00 | ',
      '3 Verschiedenes |  | 11:30 | ',
      '- Ende |  | 12:00 | ',
    ]);
  });

  it('keeps a bold title and the paragraphs under it as details, and a break word inside a title', async () => {
    const table = new Table({
      rows: [
        row('1.', ['Begrüßung', 'Rückblick auf die Pause im Sommer'], true),
        row('2.', ['Bericht aus den Netzwerken', 'mit Aussprache'], true),
        row('3.', ['Verschiedenes'], true),
      ],
    });
    expect(agendaOf(await docx([table], TOPS))).toEqual([
      '1 Begrüßung |  |  | Rückblick auf die Pause im Sommer',
      '2 Bericht aus den Netzwerken |  |  | mit Aussprache',
      '3 Verschiedenes |  |  | ',
    ]);
  });

  it('still reads presenter and time from their own columns where the table has them', async () => {
    const table = new Table({
      rows: TOPS.map(([title], i) => new TableRow({
        children: [`${i + 1}.`, title, ['Oleg Cernavin', 'Anja Cordes', ''][i], ['10:00 Uhr', '10:15 Uhr', '11:30 Uhr'][i]].map((t) => new TableCell({ children: [p(t)] })),
      })),
    });
    expect(agendaOf(await docx([table], TOPS))).toEqual([
      '1 Begrüßung | oleg-cernavin | 10:00 | ',
      '2 Bericht aus den Netzwerken | anja-cordes | 10:15 | ',
      '3 Verschiedenes |  | 11:30 | ',
    ]);
  });
});

describe('a decision label written as a list item', () => {
  const agenda = [new Table({ rows: TOPS.map(([title], i) => row(`${i + 1}.`, [title])) })];
  const withTop2 = (body: Block[]): [string, Block[]][] => [TOPS[0], [TOPS[1][0], body], TOPS[2]];

  it('"- Die AG Transfer vereinbart:" after a list opens the resolution of the paragraph below, as in the text form', async () => {
    const word = await docx(agenda, withTop2([
      p('Anja Cordes berichtet über zwei Netzwerke:'),
      item('Das Netzwerk Rheinland wächst.'),
      item('Die AG Transfer vereinbart:'),
      p('Die Geschäftsstelle lädt die Netzwerke zu einem Austausch im Mai ein.'),
      p('Die Teilnehmenden berichten von weiteren Treffen.'),
      p('Ausblick'),
      p('Das Netzwerk Weser plant ein Treffen.'),
    ]));
    const text = importText(PDF_TEXT.replace('Anja Cordes berichtet.', [
      'Anja Cordes berichtet über zwei Netzwerke:', '', '• Das Netzwerk Rheinland wächst.', '',
      'Die AG Transfer vereinbart:', '', 'Die Geschäftsstelle lädt die Netzwerke zu einem Austausch im Mai ein.', '',
      'Die Teilnehmenden berichten von weiteren Treffen.', '', 'Ausblick', '', 'Das Netzwerk Weser plant ein Treffen.',
    ].join('\n')), 'protokoll.txt');
    expect(resolutionsOf(word)).toEqual([
      'Vereinbarung TOP 2: Die Geschäftsstelle lädt die Netzwerke zu einem Austausch im Mai ein.\n\nDie Teilnehmenden berichten von weiteren Treffen.',
    ]);
    expect(resolutionsOf(word)).toEqual(resolutionsOf(text));
    // The label is kept on the page, as a paragraph before the resolution.
    expect(word.mdx).toMatch(/\nDie AG Transfer vereinbart:\n\n<Resolution /);
  });

  it('"- Beschluss:" with its items one level deeper makes one resolution per item', async () => {
    const word = await docx(agenda, withTop2([
      item('Beschluss:'),
      item('Die Netzwerke erhalten eine eigene Website.', 1),
      item('Die Kriterien gelten ab Juli.', 1),
      p('Anja Cordes dankt allen.'),
    ]));
    expect(resolutionsOf(word)).toEqual(['Beschluss TOP 2: Die Netzwerke erhalten eine eigene Website.', 'Beschluss TOP 2: Die Kriterien gelten ab Juli.']);
  });

  it('"- Beschluss: text" is that resolution', async () => {
    const word = await docx(agenda, withTop2([item('Beschluss: Die Netzwerke erhalten eine eigene Website.'), item('Anja Cordes dankt allen.')]));
    expect(resolutionsOf(word)).toEqual(['Beschluss TOP 2: Die Netzwerke erhalten eine eigene Website.']);
  });

  it('opens none where a list item only mentions a label word or is no label', async () => {
    const word = await docx(agenda, withTop2([
      item('Vereinbarung der Termine: siehe Rundmail'),
      item('Die Beschlüsse der letzten Sitzung werden vorgestellt.'),
      item('Offene Punkte aus der Vereinbarung:'),
      item('Beschluss'),
      p('Die Geschäftsstelle versendet die Unterlagen.'),
    ]));
    expect(resolutionsOf(word)).toEqual([]);
    expect(word.mdx).toContain('- Vereinbarung der Termine: siehe Rundmail');
  });
});
