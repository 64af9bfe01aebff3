/**
 * No personal contact data is published: `maskContactData` masks e-mail addresses
 * and phone numbers but leaves dates, times, counts and ids alone; the rehype
 * plugin masks protocol text and `mailto:`/`tel:` links; and a real build of the
 * archive (a temporary copy of the project with the real `content/`) contains the
 * addresses of protocol 002 nowhere: not in pages, not in the served originals
 * (`/quellen/`), not in any other file, not even gzipped (Pagefind's index).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_MARK, PHONE_MARK, maskContactData, maskContactDataInBytes } from '../../src/lib/text/privacy';
import { rehypeMaskContact } from '../../src/lib/text/rehype-mask-contact';
import { buildCopy, type BuiltCopy } from './build-copy';
import { contactDataInFiles, knownContactData } from '../e2e/dist-files';

const repo = resolve(import.meta.dirname, '../..');

describe('maskContactData', () => {
  it.each([
    ['martin.wittau@bvng.org', EMAIL_MARK],
    ['(mba.01@renob.de).', `(${EMAIL_MARK}).`],
    ['Vorname.Nachname@bmas.bund.de, bitte', `${EMAIL_MARK}, bitte`],
    ['an info@om-online.de.', `an ${EMAIL_MARK}.`],
    ['jürgen.müller@handwerk.de', EMAIL_MARK],
    ['MAX_2@Firma.DE', EMAIL_MARK],
    ['kontakt(at)firma.de', EMAIL_MARK],
    ['kontakt [at] firma.de', EMAIL_MARK],
  ])('masks the e-mail address in %j', (input, expected) => {
    expect(maskContactData(input)).toBe(expected);
  });

  it.each([
    ['+49 228 123456'],
    ['+49 (0)228 123456'],
    ['+49-228-12345-67'],
    ['+492281234567'],
    ['0049 228 123456'],
    ['0228 123456'],
    ['0228/12345-67'],
    ['0228 / 123 45 67'],
    ['(0228) 1234'],
    ['(0228) 12 34 56'],
    ['0171 1234567'],
    ['0171-1234567'],
    ['02281234567'],
  ])('masks the phone number %j', (input) => {
    expect(maskContactData(`Bitte an ${input} wenden.`)).toBe(`Bitte an ${PHONE_MARK} wenden.`);
  });

  it.each([
    ['Tel. 12345', `Tel. ${PHONE_MARK}`],
    ['Telefon: 0228 123456', `Telefon: ${PHONE_MARK}`],
    ['Fax (0228) 1234-5', `Fax ${PHONE_MARK}`],
    ['tel.: 228 12 34', `tel.: ${PHONE_MARK}`],
    ['Mobil 0171/1234567', `Mobil ${PHONE_MARK}`],
  ])('masks the number after its label in %j', (input, expected) => {
    expect(maskContactData(input)).toBe(expected);
  });

  it.each([
    'am 30.04.2022 um 10:00 Uhr',
    '01.01.2022, 08.11. 2018, 9.12.2020',
    '09:00 - 13:00',
    '11:00-15:00 Uhr',
    '0900-1200 Uhr',
    'von 12-15Uhr',
    '2021-04-22, 2022-06-09 bis 2022-11-10',
    'Sitzung 2021-04-22-strategiekreis-b1',
    '3.500 Betriebe, 12.000 Euro, 1.234.567 EUR',
    'im Jahr 2018 108 Teilnehmende',
    'Protokoll 002, Datei 002_0dc63d0f3f6a9726.txt, 001_527d1badff790000.txt',
    'SHA-256 0dc63d0f3f6a97260424617d1badff79000012345678901234567890abcdef',
    '53113 Bonn, 01067 Dresden',
    'Drucksache 19/12345, § 3 Abs. 2, 0,5 Prozent',
    '01/2022, 01/02/2022, 09-12-2020',
    'ISBN 978-3-16-148410-0',
    'Version 0.9.1 von 2021',
    'TOP 7: 25 + 3 weitere',
    '@Home, E-Mail an alle',
    'Telefonkonferenz am 12.05.',
  ])('leaves %j alone', (input) => {
    expect(maskContactData(input)).toBe(input);
  });

  it('is idempotent and keeps the text around the marks', () => {
    const text = 'Kontakt: mba.01@renob.de, Tel. 0228/12345-67; nächster Termin 28. Mai 2021 von 12-15Uhr.';
    const masked = maskContactData(text);
    expect(masked).toBe(`Kontakt: ${EMAIL_MARK}, Tel. ${PHONE_MARK}; nächster Termin 28. Mai 2021 von 12-15Uhr.`);
    expect(maskContactData(masked)).toBe(masked);
  });
});

describe('maskContactDataInBytes', () => {
  it('masks UTF-8 and keeps every other byte, incl. a byte-order mark', () => {
    const input = new TextEncoder().encode('\uFEFFÄrger: a.b@c.de\r\nEnde');
    const output = maskContactDataInBytes(input as Uint8Array<ArrayBuffer>);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(output)).toBe(`\uFEFFÄrger: ${EMAIL_MARK}\r\nEnde`);
  });

  it('masks Windows-1252 text without touching its other bytes', () => {
    // "Grüße – a@b.de" in Windows-1252: ü = 0xFC, ß = 0xDF, – = 0x96 (not valid UTF-8)
    const input = Uint8Array.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x96, 0x20, ...new TextEncoder().encode('a@b.de')]);
    const output = maskContactDataInBytes(input);
    expect(Array.from(output.slice(0, 8))).toEqual([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x96, 0x20]);
    expect(new TextDecoder('latin1').decode(output.slice(8))).toBe(EMAIL_MARK);
  });

  it('masks UTF-16 text (Word\'s "Unicode text") in its own byte order, not as Latin-1', () => {
    const le = Buffer.from('\uFEFFRückfragen: a.b@c.de, Tel. 0228 123456', 'utf16le');
    expect(new TextDecoder('utf-16le').decode(maskContactDataInBytes(le))).toBe(`Rückfragen: ${EMAIL_MARK}, Tel. ${PHONE_MARK}`);
    const be = Buffer.from(le).swap16();
    expect(new TextDecoder('utf-16be').decode(maskContactDataInBytes(be))).toBe(`Rückfragen: ${EMAIL_MARK}, Tel. ${PHONE_MARK}`);
    const noBom = Buffer.from('Kontakt: a.b@c.de', 'utf16le');
    expect(new TextDecoder('utf-16le').decode(maskContactDataInBytes(noBom))).toBe(`Kontakt: ${EMAIL_MARK}`);
  });

  it('returns the same bytes when there is nothing to mask', () => {
    const input = new TextEncoder().encode('Protokoll vom 30.04.2022') as Uint8Array<ArrayBuffer>;
    expect(maskContactDataInBytes(input)).toBe(input);
  });
});

describe('rehypeMaskContact', () => {
  const render = (html: string) =>
    String(unified().use(rehypeParse, { fragment: true }).use(rehypeMaskContact).use(rehypeStringify).processSync(html));

  it('masks text and replaces mailto:/tel: links by their masked text', () => {
    expect(render('<p>Hinweis (<a href="mailto:martin.wittau@bvng.org">martin.wittau@bvng.org</a>).</p>')).toBe(
      `<p>Hinweis (${EMAIL_MARK}).</p>`,
    );
    expect(render('<p><a href="tel:+49228123456">Anrufen</a> oder <a href="tel:+49228123456">0228 123456</a></p>')).toBe(
      `<p>Anrufen oder ${PHONE_MARK}</p>`,
    );
  });

  it('masks addresses in attributes and keeps other links', () => {
    expect(render('<p><a href="https://example.org/?an=a@b.de" title="a@b.de">Formular</a></p>')).toBe(
      `<p><a href="https://example.org/?an=${EMAIL_MARK}" title="${EMAIL_MARK}">Formular</a></p>`,
    );
    expect(render('<p><a href="/sitzungen/2021-04-22-strategiekreis/">am 22.04.2021</a></p>')).toBe(
      '<p><a href="/sitzungen/2021-04-22-strategiekreis/">am 22.04.2021</a></p>',
    );
  });

  it('masks code blocks too (they are protocol text)', () => {
    expect(render('<pre><code>mail a@b.de</code></pre>')).toBe(`<pre><code>mail ${EMAIL_MARK}</code></pre>`);
  });
});

describe('a build of the real archive', () => {
  let copy: BuiltCopy;
  beforeAll(() => {
    copy = buildCopy(join(repo, 'content'));
  }, 180_000);
  afterAll(() => copy?.remove());

  it('builds', () => {
    expect(copy.status, copy.output).toBe(0);
  });

  it('publishes no e-mail address or phone number in any file, incl. the served originals', async () => {
    const known = await knownContactData(join(repo, 'content'));
    expect(known).toEqual(expect.arrayContaining(['martin.wittau@bvng.org', 'mba.01@renob.de']));
    expect(await contactDataInFiles(copy.dist, known)).toEqual([]);
  });

  it('shows the mark where protocol 002 had the addresses, and the source keeps them', () => {
    const page = readFileSync(join(copy.dist, 'sitzungen/2021-04-22-strategiekreis/index.html'), 'utf8');
    expect(page.split(EMAIL_MARK).length - 1).toBeGreaterThanOrEqual(2);
    expect(page).not.toMatch(/mailto:|tel:/);
    expect(page).toContain('SHA-256: ');
    const served = readFileSync(join(copy.dist, 'quellen/002_0dc63d0f3f6a9726.txt'), 'utf8');
    expect(served.split(EMAIL_MARK).length - 1).toBe(3);
    const original = readFileSync(join(repo, 'content/sources/002_0dc63d0f3f6a9726.txt'), 'utf8');
    expect(original).toContain('martin.wittau@bvng.org');
    expect(original).toContain('mba.01@renob.de');
  });
});
