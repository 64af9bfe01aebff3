/**
 * The gate for new registry entries (scripts/import/steps/gate.ts): every example of issue #12
 * that became a wrong person or organisation, and the real names beside them that must pass.
 */
import { describe, expect, it } from 'vitest';
import { definesAbbreviation, isOrganisationName, refuseOrganisation, refusePerson, withoutRole } from '../../scripts/import/steps/gate.ts';

describe('refusePerson', () => {
  it.each([
    ['30', /digits/],
    ['23 stimmberechtigte Mitglieder', /digits/],
    ['(...)', /no letters|contains/],
    ['...', /no letters/],
    ['Thema Datenschutzgrundverordnung', /"Thema" is a label word/],
    ['Protokoll Paul', /label word/],
    ['Teilnehmende', /single word|label word/],
    ['Kuhn', /single word/],
    ['Paul', /single word/],
    ['Herr', /no name after/],
    ['Herr Herr', /no name after/],
    ['Erika Beispiel mailto:erika@example.org', /contains ":"/],
    ['Erika Beispiel https://example.org', /contains ":"/],
    ['Anna Beispiel (Versammlungsleitung)', /contains "\("/],
    ['über Zoom', /label word|not shaped/],
    ['vertritt Max', /not shaped like a name word/],
    ['Verabschiedung Referenzinstrument', /noun ending/],
    ['Fahrradstraße Lindenallee', /noun ending/],
    ['Drei Parzellen', /label word/],
    ['Amt Kleebach-Land', /label word/],
    ['Max Meier, Erika Muster, Eda Beispiel, Paul Paulsen, Kim Kimsen, Ole Olsen, Anna Annsen, Tim Timsen, Ute Utsen', /longer than 80|signs|contains ","/],
  ])('refuses %j', (name, reason) => {
    expect(refusePerson(name)).toMatch(reason);
  });

  it('refuses a name longer than the bound, so that no file name can be too long', () => {
    expect(refusePerson(`Erika ${'Muster'.repeat(20)}`)).toMatch(/longer than 80/);
  });

  it.each([
    'Erika Muster',
    'Eda Beispiel',
    'Max Meier',
    'Max Maier',
    'Hans-Joachim Karp',
    'Patrick F. Schneider',
    'H.-J. Karp',
    'Prof. Dr. Oliver Kruse',
    'Frau Laabs',
    'Hr. Weis',
    'Herr Herr Baumgart',
    'Dörte Wilkens-Brandt',
    'Ursula von der Leyen',
    "Sinéad O'Connor",
    'Fatma Aydın',
    'Mustafa Demirtaş',
    'Jürgen Beispiel',
    'Michael Ende',
    'Frau Gast',
  ])('lets %j pass', (name) => {
    expect(refusePerson(name)).toBeNull();
  });
});

describe('refuseOrganisation', () => {
  it.each([
    ['entschuldigt', /note/],
    ['über Zoom', /note/],
    ['(über Zoom)', /note/],
    ['vertritt Max', /note/],
    ['vertritt Frau Okonkwo', /note/],
    ['für Gabriele Henneberger, Urlaub', /note/],
    ['Versammlungsleitung', /role/],
    ['1. Vorsitzende', /role/],
    ['ca. 45.000 EUR', /amount/],
    ['stellv. Vorsitzender', /role|note/],
    ['Vorsitzender', /role/],
    ['Schriftführer', /role/],
    ['Kassiererin', /role/],
    ['Kämmerei', /role/],
    ['Schulleitung', /role/],
    ['Vorstand, beratend', /role/],
    ['Klasse 2b', /number/],
    ['Nr. 12', /number|reference/],
    ['Marc', /single plain word/],
    ['Datenschutz', /single plain word/],
    ['ab 11:30 Uhr', /time/],
    ['mailto:info@example.org', /address/],
    ['...', /placeholder/],
    ['', /empty/],
  ])('refuses %j', (name, reason) => {
    expect(refuseOrganisation(name)).toMatch(reason);
  });

  it.each([
    'BMAS',
    'IfM Bonn',
    'ifaa',
    'itb - Institut für Technik der Betriebsführung im Deutschen Handwerksinstitut',
    'IG BCE',
    'Bundesagentur',
    'Handwerkskammer',
    'OM-Geschäftsstellenleiter/BG RCI',
    'Stiftung „Mittelstand – Gesellschaft – Verantwortung“',
    'Hochschule der Deutschen Bundesbank',
    'Kompetenznetzwerk Trusted Cloud',
  ])('lets %j pass', (name) => {
    expect(refuseOrganisation(name)).toBeNull();
  });
});

describe('definesAbbreviation', () => {
  it.each([
    ['Das Thema Datenschutzgrundverordnung', 'DSGVO'],
    ['Studierendenrat', 'StuRa'],
    ['Hochschulgruppe Kritische Geographie', 'KriGeo'],
    ['Künstliche Intelligenz', 'KI'],
  ])('sees that %j defines %j', (phrase, abbreviation) => {
    expect(definesAbbreviation(phrase, abbreviation)).toBe(true);
  });

  it.each([
    ['Achim Sieker', 'BMAS'],
    ['Oleg Cernavin', 'BC'],
    ['Dr. Annette Icks', 'IfM Bonn'],
    ['Rolf Papenfuß', 'ZDH'],
  ])('does not take %j for the long form of %j', (phrase, abbreviation) => {
    expect(definesAbbreviation(phrase, abbreviation)).toBe(false);
  });
});

describe('withoutRole and isOrganisationName', () => {
  it('drops a function written before a name', () => {
    expect(withoutRole('Ortsvorsteherin Dagmar Heuckeroth')).toBe('Dagmar Heuckeroth');
    expect(withoutRole('Bgm. Anton Greuter')).toBe('Anton Greuter');
    expect(withoutRole('Erika Muster')).toBe('Erika Muster');
  });

  it('recognises an organisation line but not a letterhead or a sentence', () => {
    expect(isOrganisationName('Kleingartenverein Am Sonnenwinkel e. V.')).toBe(true);
    expect(isOrganisationName('Stadt Hallerbeck Der Bürgermeister')).toBe(false);
    expect(isOrganisationName('Die Sitzung wird eröffnet.')).toBe(false);
  });
});
