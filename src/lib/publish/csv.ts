/**
 * CSV after RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): comma-separated,
 * CRLF line breaks, a header row, and a field in double quotes when it holds a
 * comma, a quote, CR or LF (quotes inside doubled). Written by hand because it
 * is twenty lines; `parseCsv` exists so tests can prove the round trip.
 *
 * German Excel splits a double-clicked CSV only at semicolons (its list separator), so each
 * table also comes in the `excelCsv` dialect: the same cells, `;` between them, decimal commas.
 *
 * Two additions for spreadsheet users, documented on `/daten/`:
 * - every file starts with a UTF-8 byte order mark (`csvByteOrderMark`): without it,
 *   German Excel reads a double-clicked CSV as Windows-1252 and garbles the umlauts;
 * - a text cell that begins with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`
 *   (`neutraliseFormula`), so a spreadsheet shows it as text instead of running it as a
 *   formula (CSV injection, https://owasp.org/www-community/attacks/CSV_Injection).
 */

/** U+FEFF, the byte order mark (bytes EF BB BF in UTF-8) every CSV file starts with. */
export const csvByteOrderMark = '\uFEFF';

/** What makes a spreadsheet read a cell as a formula (OWASP: `=`, `+`, `-`, `@`, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: a leading `'` where it would start a formula.
 * Spreadsheets show the text without the `'`; the file (and `parseCsv`) keeps it.
 * @example neutraliseFormula('=HYPERLINK("x")') // => `'=HYPERLINK("x")`
 * @example neutraliseFormula('- Punkt eins') // => `'- Punkt eins`
 * @example neutraliseFormula('Bonn') // => 'Bonn'
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value; `undefined`/`null` become an empty field, `true`/`false` the words. */
export type CsvValue = string | number | boolean | null | undefined;

/** One column of a CSV file: its header, what it means (shown on `/daten/`), and how to get it from a row. */
export interface CsvColumn<T> {
  /** Header, `snake_case` ASCII (`committee_id`). */
  name: string;
  /** German description for the dataset page. */
  description: string;
  /** The cell of a row. */
  value: (row: T) => CsvValue;
}

/** How a file separates fields and writes decimals. */
export interface CsvDialect {
  /** Between two fields: `,` (RFC 4180) or `;` (what German Excel splits at). */
  separator: ',' | ';';
  /** The decimal mark of non-integer numbers: `.` or `,` (German). */
  decimal: '.' | ',';
}

/** RFC 4180: comma-separated, decimal point. */
export const rfc4180Csv: CsvDialect = { separator: ',', decimal: '.' };

/** For German Excel, which opens it in columns on a double-click: semicolon-separated, decimal comma. */
export const excelCsv: CsvDialect = { separator: ';', decimal: ',' };

/**
 * One field, quoted only where RFC 4180 requires it (a quote, CR, LF or the dialect's
 * separator). Text that would start a formula is neutralised (`neutraliseFormula`); numbers
 * and booleans are written as they are, a decimal with the dialect's decimal mark.
 * @example csvField('Bonn, Berlin') // => '"Bonn, Berlin"'
 * @example csvField('Sie sagte "ja"') // => '"Sie sagte ""ja"""'
 * @example csvField(42) // => '42'
 * @example csvField('=1+1') // => `'=1+1`
 * @example csvField(2.5, excelCsv) // => '2,5'
 * @example csvField('a;b', excelCsv) // => '"a;b"'
 */
export function csvField(value: CsvValue, dialect: CsvDialect = rfc4180Csv): string {
  const text =
    value == null
      ? ''
      : typeof value === 'string'
        ? neutraliseFormula(value)
        : typeof value === 'number'
          ? String(value).replace('.', dialect.decimal)
          : String(value);
  const needsQuotes = text.includes(dialect.separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV file: byte order mark, header row, then one record per row, each line ending in CRLF.
 * @param dialect `rfc4180Csv` (default) or `excelCsv`
 * @example toCsv([{ name: 'id', description: '', value: (r) => r.id }], [{ id: 'a' }]) // => '\uFEFFid\r\na\r\n'
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], dialect: CsvDialect = rfc4180Csv): string {
  return toCsvFiles(columns, rows, [dialect])[0];
}

/**
 * The same table in several dialects (`toCsv` for each), each cell's value computed once: a
 * column's `value` masks text and builds URLs, and the dataset writes each table twice (issue #24).
 * @example toCsvFiles(columns, rows, [rfc4180Csv, excelCsv]) // => [toCsv(columns, rows), toCsv(columns, rows, excelCsv)]
 */
export function toCsvFiles<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], dialects: readonly CsvDialect[]): string[] {
  const records: CsvValue[][] = [columns.map((column) => column.name)];
  for (const row of rows) records.push(columns.map((column) => column.value(row)));
  return dialects.map((dialect) => csvByteOrderMark + records.map((values) => `${values.map((value) => csvField(value, dialect)).join(dialect.separator)}\r\n`).join(''));
}

/**
 * Parses RFC 4180 CSV into records of fields (accepts LF as well as CRLF line breaks;
 * skips a leading byte order mark). Neutralised cells keep their leading `'`.
 * @example parseCsv('a,"b ""c"""\r\n1,2\r\n') // => [['a', 'b "c"'], ['1', '2']]
 * @param separator `,` (default) or `;` for the `excelCsv` files
 * @throws if a quoted field is not closed
 */
export function parseCsv(input: string, separator: ',' | ';' = ','): string[][] {
  const text = input.startsWith(csvByteOrderMark) ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === '') {
      const end = closingQuote(text, i + 1);
      field = text.slice(i + 1, end).replaceAll('""', '"');
      i = end + 1;
    } else if (char === separator) {
      record.push(field);
      field = '';
      i += 1;
    } else if (char === '\r' || char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Index of the quote that closes a quoted field starting at `from` (doubled quotes skipped). */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i += 1;
    else return i;
  }
  throw new Error(`parseCsv: quoted field starting at offset ${from - 1} is not closed. Fix: close it with '"'.`);
}
