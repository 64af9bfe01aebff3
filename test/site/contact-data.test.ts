/**
 * Issue #22: the spellings of contact data the masking used to miss
 * (src/lib/text/contact-data.ts), and what must stay although it looks like a number.
 * The older cases live in test/site/privacy.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EMAIL_MARK, PHONE_MARK, findContactData, maskContactData } from '../../src/lib/text/privacy';

describe('maskContactData: e-mail addresses in disguise', () => {
  it.each([
    ['anna(at)example(punkt)org', 'brackets, German "punkt"'],
    ['anna (at) example (dot) org', 'brackets with spaces'],
    ['anna at example dot org', 'bare words'],
    ['anna.beispiel at mail punkt example punkt org', 'bare words, German'],
    ['anna @ example.org', 'spaces around the @'],
    ['anna＠example.org', 'fullwidth @'],
    ['anna﹫example.org', 'small @'],
    ['an\u00adna@exam\u00adple.org', 'soft hyphens inside'],
    ['anna@\u200bexample.org', 'zero-width space'],
    ['anna\u2060@example\u200c.org', 'word joiner, zero-width non-joiner'],
    ['anna%40example.org', 'percent-encoded @'],
    ['anna&#64;example.org', 'decimal entity'],
    ['anna&#x40;example.org', 'hex entity'],
    ['anna&commat;example.org', 'named entity'],
    ['mailto:anna@example.org', 'mailto'],
    ['ａｎｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ', 'fullwidth throughout'],
  ])('masks %j (%s)', (address) => {
    expect(maskContactData(`Rückfragen an ${address}, danke.`)).toBe(`Rückfragen an ${EMAIL_MARK}, danke.`);
  });
});

describe('maskContactData: phone numbers in other shapes', () => {
  it.each([
    ['+49 (0) 30 / 123 456', 'international, (0), slash'],
    ['+49 (30) 1234567', 'international, area code in brackets'],
    ['030.1234567', 'dot after the area code'],
    ['030\u20111234567', 'non-breaking hyphen'],
    ['030\u20131234567', 'en dash'],
    ['030\u00a0123\u00a04567', 'no-break spaces'],
    ['(0 30) 12 34 56', 'spaced area code in brackets'],
    ['０３０ １２３４５６７', 'fullwidth digits'],
    ['0 30\u200b1234567'.replace(' ', ''), 'zero-width space inside'],
    ['tel:+49301234567', 'tel: as text'],
  ])('masks %j (%s)', (number) => {
    expect(maskContactData(`Erreichbar unter ${number} ab Montag.`)).toMatch(new RegExp(`^Erreichbar unter (tel:)?\\${PHONE_MARK.slice(0, -1)}\\] ab Montag\\.$`));
  });

  it.each([
    ['Telefonnummer: 7654321', `Telefonnummer: ${PHONE_MARK}`],
    ['Tel.-Nr. 7654321', `Tel.-Nr. ${PHONE_MARK}`],
    ['Rufnummer 7654321', `Rufnummer ${PHONE_MARK}`],
    ['Durchwahl: 4711', `Durchwahl: ${PHONE_MARK}`],
    ['Telefax 0228 12345', `Telefax ${PHONE_MARK}`],
  ])('masks the number after its label in %j', (input, expected) => {
    expect(maskContactData(input)).toBe(expected);
  });
});

describe('maskContactData: what only looks like contact data', () => {
  it.each([
    'Sitzung am 09.12.2020 von 09:00 bis 10:30 Uhr, Pause 12.15–12.45',
    '§ 3 Abs. 2 Satz 1, § 12a',
    'Kosten 1.500,00 EUR, 45.000 €, 2.345.678 Euro',
    'Abstimmung 7/0/1, 21 Ja 0 Nein 2 Enthaltungen, (7/1/1)',
    'seit 2017, 2018–2021, im Jahr 2020',
    'Seite 2 von 4, S. 12, Anlage 3',
    'Postleitzahl 53113 Bonn',
    'Wir treffen uns at home',
    'Punkt 3 der Tagesordnung, Tagesordnungspunkt 2 at',
    'Stand 01.2021, Version 2.0.1',
    '10 % mehr, 100%ig',
    '& Co. KG (at least)',
  ])('leaves %j alone', (text) => {
    expect(maskContactData(text)).toBe(text);
  });

  it('keeps every character outside the mark as written (soft hyphens, no-break spaces, dashes)', () => {
    const text = 'Gemein\u00addevertretung\u00a0– Kontakt: an\u00adna@example.org\u00a0– Ende';
    expect(maskContactData(text)).toBe(`Gemein\u00addevertretung\u00a0– Kontakt: ${EMAIL_MARK}\u00a0– Ende`);
  });

  it('finds the data as written, invisible characters included', () => {
    expect(findContactData('a: an\u00adna＠example.org, b: 030\u20111234567')).toEqual(['an\u00adna＠example.org', '030\u20111234567']);
  });

  it('is idempotent on every new spelling', () => {
    const text = 'anna(at)example(punkt)org, anna at example dot org, +49 (0) 30 / 123 456, (0 30) 12 34 56';
    const masked = maskContactData(text);
    expect(masked).toBe(`${EMAIL_MARK}, ${EMAIL_MARK}, ${PHONE_MARK}, ${PHONE_MARK}`);
    expect(maskContactData(masked)).toBe(masked);
  });
});
