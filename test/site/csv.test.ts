import { describe, expect, it } from 'vitest';
import { csvField, excelCsv, neutraliseFormula, parseCsv, toCsv, type CsvColumn } from '../../src/lib/publish/csv';

interface Row {
  id: string;
  text?: string;
  count?: number;
}

const columns: CsvColumn<Row>[] = [
  { name: 'id', description: 'Kennung', value: (row) => row.id },
  { name: 'text', description: 'Text', value: (row) => row.text },
  { name: 'count', description: 'Zahl', value: (row) => row.count },
];

describe('csvField', () => {
  it('quotes only fields with comma, quote, CR or LF (RFC 4180 §2.6)', () => {
    expect(csvField('Bonn')).toBe('Bonn');
    expect(csvField('Bonn, Berlin')).toBe('"Bonn, Berlin"');
    expect(csvField('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('Semikolon; bleibt')).toBe('Semikolon; bleibt');
  });

  it('doubles quotes inside a quoted field (RFC 4180 §2.7)', () => {
    expect(csvField('Sie sagte "ja"')).toBe('"Sie sagte ""ja"""');
  });

  it('writes empty fields for missing values and numbers as they are', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(false)).toBe('false');
  });
});

describe('toCsv', () => {
  it('writes a byte order mark, a header row and ends every record with CRLF', () => {
    expect(toCsv(columns, [{ id: 'a', count: 1 }])).toBe('\uFEFFid,text,count\r\na,,1\r\n');
  });

  it('writes only the byte order mark and the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFid,text,count\r\n');
  });

  it('starts the file with the UTF-8 bytes EF BB BF, then umlauts as UTF-8, so German Excel reads them', () => {
    const bytes = Buffer.from(toCsv(columns, [{ id: 'fünf', text: 'Größe' }]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('id,text,count\r\nfünf,Größe,\r\n');
    // One BOM only, and the header is the first thing after it.
    expect(bytes.indexOf(Buffer.from([0xef, 0xbb, 0xbf]), 1)).toBe(-1);
  });

  it('neutralises cells that a spreadsheet would run as a formula, and quotes them where RFC 4180 requires', () => {
    const rows: Row[] = [
      { id: 'eq', text: '=HYPERLINK("https://example.org","klick")' },
      { id: 'plus', text: '+49 fällt weg' },
      { id: 'minus', text: '- erster Punkt' },
      { id: 'at', text: '@SUMME(A1)' },
      { id: 'tab', text: '\t=1' },
      { id: 'innen', text: 'a=b, c+d, e-f, g@h' },
    ];
    const lines = toCsv(columns, rows).slice(1).split('\r\n');
    expect(lines.slice(1, -1)).toEqual([
      'eq,"\'=HYPERLINK(""https://example.org"",""klick"")",',
      "plus,'+49 fällt weg,",
      "minus,'- erster Punkt,",
      "at,'@SUMME(A1),",
      "tab,'\t=1,",
      'innen,"a=b, c+d, e-f, g@h",',
    ]);
  });

  it('round-trips quotes, commas, line breaks, empty fields and umlauts through parseCsv', () => {
    const rows: Row[] = [
      { id: '2021-04-22-strategiekreis-b1', text: 'Der „Strategiekreis“ sagt "ja", mit Komma.', count: 7 },
      { id: 'zwei', text: 'Erster Absatz.\n\nZweiter Absatz\r\nmit CRLF.' },
      { id: 'drei', text: '"' },
      { id: 'vier', text: '' },
      { id: 'fünf', text: 'Größe: ÄÖÜ ß – €' },
    ];
    const parsed = parseCsv(toCsv(columns, rows));
    expect(parsed[0]).toEqual(['id', 'text', 'count']);
    expect(parsed.slice(1)).toEqual(rows.map((row) => [row.id, row.text ?? '', row.count === undefined ? '' : String(row.count)]));
  });
});

describe('neutraliseFormula', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes a cell starting with %j with a quote', (start) => {
    expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`);
  });

  it('leaves other text and numbers alone', () => {
    expect(neutraliseFormula('Bonn')).toBe('Bonn');
    expect(neutraliseFormula(" =1")).toBe(' =1');
    expect(csvField(-3)).toBe('-3');
  });
});

describe('parseCsv', () => {
  it('skips the byte order mark toCsv writes', () => {
    expect(parseCsv(toCsv(columns, [{ id: 'a' }]))[0]).toEqual(['id', 'text', 'count']);
  });

  it('reads LF-only files as well', () => {
    expect(parseCsv('a,b\n1,"x\ny"\n')).toEqual([
      ['a', 'b'],
      ['1', 'x\ny'],
    ]);
  });

  it('reads a last record without line break', () => {
    expect(parseCsv('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('names the offset of an unclosed quoted field', () => {
    expect(() => parseCsv('a,"offen\r\n')).toThrowErrorMatchingInlineSnapshot(
      `[Error: parseCsv: quoted field starting at offset 2 is not closed. Fix: close it with '"'.]`,
    );
  });
});

describe('the copy for German Excel', () => {
  it('separates by semicolon, quotes fields holding one, and writes decimals with a comma', () => {
    expect(toCsv(columns, [{ id: 'a', text: 'Bonn, Berlin', count: 2.5 }, { id: 'b', text: 'x; y', count: 3 }], excelCsv)).toBe(
      '\uFEFFid;text;count\r\na;Bonn, Berlin;2,5\r\nb;"x; y";3\r\n',
    );
    expect(csvField(2.5)).toBe('2.5');
  });

  it('keeps formula protection and round-trips the same cells as the RFC 4180 file', () => {
    const rows: Row[] = [
      { id: 'eq', text: '=SUMME(A1)', count: 1 },
      { id: 'zwei', text: 'Erster; "zweiter"\n\nAbsatz' },
      { id: 'drei', text: 'Größe – €' },
    ];
    const excel = parseCsv(toCsv(columns, rows, excelCsv), ';');
    expect(excel).toEqual(parseCsv(toCsv(columns, rows)));
    expect(excel[1][1]).toBe("'=SUMME(A1)");
  });
});

