/**
 * Rules for the structure of a protocol (issue #12, FINDINGS classes E, G, D): TOP headings in
 * the shapes other bodies write, the agenda from the headings when there is none, wrapped agenda
 * numbers, preamble text before the first TOP, agenda table columns, and what makes a text a
 * Word export. Invented examples in both styles (PDF text, Word export).
 */
import { describe, expect, it } from 'vitest';
import { readProtocol } from '../../scripts/import/pipeline.ts';
import type { SourceLine } from '../../scripts/import/model.ts';
import { isWordExport } from '../../scripts/import/readers/word-export.ts';
import { topHeading } from '../../scripts/import/readers/text.ts';

const lines = (text: string): SourceLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
const tops = (text: string) => readProtocol(text).sections.filter((s) => s.number !== null).map((s) => `${s.number} ${s.title}`);
const agenda = (text: string) => readProtocol(text).agenda.map((a) => `${a.number ?? '-'} ${a.title}`);
const filler = 'Der Vorstand bespricht die Lage ausführlich und hält fest, dass alle Unterlagen rechtzeitig vorlagen und geprüft sind.';

describe('topHeading: the shapes of a TOP heading', () => {
  it.each([
    ['TOP 1: Begrüßung', '1', 'Begrüßung'],
    ['TOP 2 – Kassenbericht', '2', 'Kassenbericht'],
    ['TOP 3 Verschiedenes', '3', 'Verschiedenes'],
    ['Zu TOP 4: Bauvoranfrage Lindenweg 3', '4', 'Bauvoranfrage Lindenweg 3'],
    ['Top 0: Regularien', '0', 'Regularien'],
    ['TOP Ö 5: Gebühren 2024', '5', 'Gebühren 2024'],
    ['TOP NÖ 6: Grundstücksangelegenheiten', '6', 'Grundstücksangelegenheiten'],
    ['## TOP 7: Anfragen', '7', 'Anfragen'],
    ['**TOP 8: Termine**', '8', 'Termine'],
  ])('%s', (text, number, title) => {
    expect(topHeading(text)).toEqual({ number, title });
  });

  it.each(['TOP 3.1 Unterpunkt', 'Topf 3: Suppe', 'Die TOP 3 wird vertagt', '3. Bericht'])('%s is no TOP heading', (text) => {
    expect(topHeading(text)).toBeNull();
  });
});

describe('PDF text: TOP headings', () => {
  const head = 'Protokoll der Vorstandssitzung des Musikvereins Beispielstadt e. V.\nam 3. März 2023\nAnwesend: Erika Muster, Max Beispiel\n\n';

  it('"TOP n:" headings without an agenda make the TOPs and the agenda', () => {
    const text = `${head}TOP 1: Begrüßung\n\n${filler}\n\nTOP 2: Kassenbericht\n\n${filler}\n\nTOP 3: Verschiedenes\n\n${filler}\n`;
    expect(tops(text)).toEqual(['1 Begrüßung', '2 Kassenbericht', '3 Verschiedenes']);
    expect(agenda(text)).toEqual(['1 Begrüßung', '2 Kassenbericht', '3 Verschiedenes']);
  });

  it('"Zu TOP n:" headings after a labelled agenda agree with it; a wrapped agenda number is one item', () => {
    const text = `${head}Tagesordnung\n1. Eröffnung\n2.\nHaushalt 2023\n\nZu TOP 1: Eröffnung\n\n${filler}\n\nZu TOP 2: Haushalt 2023\n\n${filler}\n`;
    expect(agenda(text)).toEqual(['1 Eröffnung', '2 Haushalt 2023']);
    expect(tops(text)).toEqual(['1 Eröffnung', '2 Haushalt 2023']);
  });

  it('"Top 0" opens the numbering; a sentence referring to a TOP is body text', () => {
    const text = `${head}Top 0: Regularien\n\n${filler}\n\nTop 1: Berichte\n\nZu TOP 0 wird nichts nachgetragen.\n\n${filler}\n`;
    expect(tops(text)).toEqual(['0 Regularien', '1 Berichte']);
    expect(readProtocol(text).sections.at(-1)!.blocks.map((b) => b.text)).toContain('Zu TOP 0 wird nichts nachgetragen.');
  });

  it('a heading hyphenated at its line end is joined ("Beschlussfähig-" / "keit")', () => {
    const text = `${head}Zu TOP 1: Feststellung der Beschlussfähig-\nkeit\n\n${filler}\n\nZu TOP 2: Verschiedenes\n\n${filler}\n`;
    expect(tops(text)).toEqual(['1 Feststellung der Beschlussfähigkeit', '2 Verschiedenes']);
  });

  it('lines that look like markdown ("# 1 der Vorlage", "> 15 m", "| …") keep it PDF text', () => {
    const text = `${head}TOP 1: Bauvoranfrage\n\nDie Vorlage nennt:\n# 1 der Vorlage: Traufhöhe 9 m\n# 2 der Vorlage: Firsthöhe 12 m\n> 15 m gilt als hoch\n| Die Stellplätze liegen in einer Tiefgarage, die unter dem Gebäude ver-\nläuft und über die Gartenstraße erreicht wird, wie die Verwaltung aus-\nführt.\n`;
    expect(isWordExport(lines(text))).toBe(false);
    expect(readProtocol(text).style).toBe('pdf-text');
    expect(tops(text)).toEqual(['1 Bauvoranfrage']);
  });
});

describe('Word export: TOP headings, agenda, preamble', () => {
  const head = '# Protokoll der Sitzung des Fachschaftsrats Beispielkunde\n\n**Datum:** 3. März 2023\n\nProtokoll: Erika Muster\n\n';

  it('"## TOP Ö n:" and "## Top 0:" headings make the TOPs, and the agenda when there is none', () => {
    const text = `${head}## Top 0: Regularien\n\nText null.\n\n## TOP Ö 1: Berichte\n\nText eins.\n`;
    expect(readProtocol(text).style).toBe('word-export');
    expect(tops(text)).toEqual(['0 Regularien', '1 Berichte']);
    expect(agenda(text)).toEqual(['0 Regularien', '1 Berichte']);
  });

  it('a numbered agenda list after "Tagesordnung:" is the agenda; an attendance table before it stays in the header', () => {
    const text = `${head}Name\tFraktion\tanwesend\nErika Muster\tListe A\tja\n\nTagesordnung:\n\n1. Eröffnung\n2. Haushalt\n\n## TOP 1: Eröffnung\n\nText.\n\n## TOP 2: Haushalt\n\nText.\n`;
    const read = readProtocol(text);
    expect(agenda(text)).toEqual(['1 Eröffnung', '2 Haushalt']);
    expect(read.header.map((l) => l.text)).toContain('Erika Muster\tListe A\tja');
  });

  it('paragraphs between the agenda table and the first TOP heading are body text', () => {
    const text = `${head}Tagesordnung\t\t\n1.\t<b>Eröffnung</b>\t10:00 Uhr\n\nZu Beginn wird an die verstorbene Kollegin erinnert.\n\n## TOP 1 Eröffnung\n\nText.\n`;
    const read = readProtocol(text);
    expect(read.sections[0]).toMatchObject({ number: null });
    expect(read.sections[0].blocks.map((b) => b.text)).toEqual(['Zu Beginn wird an die verstorbene Kollegin erinnert.']);
    expect(read.agendaLines.map((l) => l.text).join('\n')).not.toContain('Zu Beginn');
  });

  it('a header row "Was | Wer | wann" is no agenda item; a presenter column is no time', () => {
    const table = `${head}Tagesordnung\t\t\nNr\tWas\tWer\n1.\tEröffnung\tErika Muster\n2.\tHaushalt\tMax Beispiel\n\n## TOP 1 Eröffnung\n\nText.\n\n## TOP 2 Haushalt\n\nText.\n`;
    const read = readProtocol(table);
    expect(read.agenda.map((a) => a.title)).toEqual(['Eröffnung', 'Haushalt']);
    expect(read.agenda.map((a) => a.timeText)).toEqual(['', '']);
    expect(read.agenda.map((a) => a.presenterText)).toEqual(['Erika Muster', 'Max Beispiel']);
    const timed = table.replace('Nr\tWas\tWer', 'Nr\tWas\tWer\twann').replace('\tErika Muster\n', '\tErika Muster\t10:00 Uhr\n').replace('\tMax Beispiel\n', '\tMax Beispiel\t10:30 Uhr\n');
    expect(readProtocol(timed).agenda.map((a) => a.timeText)).toEqual(['10:00 Uhr', '10:30 Uhr']);
  });
});

describe('what makes a Word export: several signals, never one line', () => {
  it.each([
    ['# Protokoll\n\nDer Vorstand tagt.', false],
    ['> Hinweis\nDer Vorstand tagt.', false],
    ['| Spalte\n* Punkt\nDer Vorstand tagt.', false],
    ['## Protokoll\n\n**Datum:** 3. März 2023', true],
    ['Tagesordnung\t\t\n1.\tEröffnung\t10 Uhr', true],
    ['<p><b>Eröffnung</b></p>\n<p>Text</p>', true],
  ])('%j => %s', (text, word) => {
    expect(isWordExport(lines(text))).toBe(word);
  });
});

describe('PDF text: running page headers and line-end hyphenation (class N)', () => {
  const head = 'Niederschrift über die 4. Sitzung des Kulturausschusses der Gemeinde Beispielheim\nam 3. März 2023\nAnwesend: Erika Muster, Max Beispiel\n\n';
  const long = 'Die Verwaltung berichtet über den Stand der Planungen für das Gemeindehaus und die Gemeinde-';

  it('a header/footer line with its page number is page furniture, reported, not body text', () => {
    const text = `${head}TOP 1: Bericht\n\n${long}\nvertretung nimmt den Bericht zur Kenntnis, wie es Erika Wilkens-\nBrandt vorgeschlagen hat.\nNiederschrift Kulturausschuss 03.03.2023                         Seite 1 von 2\n\nWeitere Punkte werden nicht besprochen, wie auf Seite 2 von 2\n`;
    const read = readProtocol(text);
    const body = read.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(read.debris.map((d) => d.text)).toEqual(['Niederschrift Kulturausschuss 03.03.2023 Seite 1 von 2']);
    expect(body).not.toContain('Niederschrift Kulturausschuss');
    // Prose naming a page keeps it: no wide gap before "Seite".
    expect(body).toContain('wie auf Seite 2 von 2');
    // Lower-case continuation: the hyphen was the line break's; capitalised: a real hyphen.
    expect(body).toContain('die Gemeindevertretung nimmt');
    expect(body).toContain('Erika Wilkens-Brandt vorgeschlagen');
  });

  it('an agenda title hyphenated at its line end is joined the same way', () => {
    const text = `${head}Tagesordnung\n1. Feststellung der Beschlussfähig-\nkeit\n2. Bericht der Wilkens-\nBrandt-Stiftung\n\nZu TOP 1: Feststellung der Beschlussfähigkeit\n\n${filler}\n\nZu TOP 2: Bericht der Wilkens-Brandt-Stiftung\n\n${filler}\n`;
    expect(agenda(text)).toEqual(['1 Feststellung der Beschlussfähigkeit', '2 Bericht der Wilkens-Brandt-Stiftung']);
  });
});

describe('PDF text: agenda parts and heading ends', () => {
  const head = 'Niederschrift über die 2. Sitzung des Werkausschusses der Gemeinde Beispielheim\nam 3. März 2023\nAnwesend: Erika Muster, Max Beispiel\n\n';

  it('"Öffentlicher Teil" labels a part of the agenda and is no agenda item', () => {
    const text = `${head}Tagesordnung:\nÖffentlicher Teil\n1. Eröffnung\n2. Wasserpreise\nNichtöffentlicher Teil\n3. Personalsachen\n\nZu TOP 1: Eröffnung\n\n${filler}\n\nZu TOP 2: Wasserpreise\n\n${filler}\n\nZu TOP 3: Personalsachen\n\n${filler}\n`;
    expect(agenda(text)).toEqual(['1 Eröffnung', '2 Wasserpreise', '3 Personalsachen']);
  });

  it('a line that ends with a colon under a numbered heading is text, not the heading\'s second line', () => {
    const text = `${head}Tagesordnung\n1. Bericht des Bürgermeisters\n2. Verschiedenes\n\n1. Bericht des Bürgermeisters\nDer Bürgermeister berichtet:\n- die Straße ist fertig\n\n2. Verschiedenes\n\n${filler}\n`;
    expect(tops(text)).toEqual(['1 Bericht des Bürgermeisters', '2 Verschiedenes']);
  });
});

describe('Word export: bold numbered paragraphs are TOP headings', () => {
  it('"**1. Begrüßung**" paragraphs make the TOPs and the agenda', () => {
    const text = '## Protokoll der Sitzung des Elternrats Beispielschule\n\n3. März 2023\n\n**1. Begrüßung**\n\nText eins.\n\n**2. Schulfest**\n\nText zwei.\n';
    expect(readProtocol(text).style).toBe('word-export');
    expect(tops(text)).toEqual(['1 Begrüßung', '2 Schulfest']);
    expect(agenda(text)).toEqual(['1 Begrüßung', '2 Schulfest']);
  });
});

describe('PDF text: a running header without page number, repeated at page breaks (class N)', () => {
  const head = 'Protokoll der Mitgliederversammlung des Kegelclubs Alle Neune e. V.\nam 3. März 2023\nAnwesend: Erika Muster, Max Beispiel\n\n';
  const running = ' Kegelclub Alle Neune e. V. – Mitgliederversammlung 03.03.2023';

  it('is page furniture at every page break; a sentence repeated in the text stays', () => {
    const text = `${head}TOP 1: Bericht\n\nDer Vorstand beschließt:\nDie Bahn wird gemietet.\n\n\nSeite 1 von 2\n\n${running}\n\nDer Vorstand beschließt:\nDie Kugeln werden erneuert.\n\n\nSeite 2 von 2\n\n${running}\n\nEnde der Sitzung.\n`;
    const read = readProtocol(text);
    const body = read.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(read.debris.map((d) => d.text)).toEqual(['Seite 1 von 2', running.trim(), 'Seite 2 von 2', running.trim()]);
    expect(body).not.toContain('Kegelclub Alle Neune');
    expect(body.match(/Der Vorstand beschließt:/g)).toHaveLength(2);
  });

  it('a line repeated away from page breaks is text', () => {
    const text = `${head}TOP 1: Bericht\n\n${running}\n\n${filler}\n\n${running}\n\n${filler}\n`;
    expect(readProtocol(text).debris).toEqual([]);
  });
});

describe('Word agenda tables: unnumbered rows', () => {
  const table = (rows: string[]) =>
    readProtocol(
      [
        '## Protokoll',
        '',
        '### 3. Sitzung des Beirats',
        '',
        '12. März 2024, Videokonferenz',
        '',
        'Tagesordnung\t\t\t',
        ...rows,
        '',
        '## TOP 1 Begrüßung',
        '',
        'Text.',
        '',
        '## TOP 2 Haushalt',
        '',
        'Text.',
        '',
      ].join('\n'),
    ).agenda.map((a) => ({ number: a.number, title: a.title, rest: a.rest, presenterText: a.presenterText, timeText: a.timeText }));

  it('joins a row with a presenter under the numbered item before it, as the text form reads it', () => {
    const agenda = table(['1.\t<b>Begrüßung</b>\tVorsitz\t09:00 Uhr', '\t<b>Neues aus dem Verband</b>\t<b>Erika Beispiel</b> (ABC)\t09:10 Uhr', '2.\t<b>Haushalt</b>\t<b>Max Muster</b>\t09:30 Uhr']);
    expect(agenda.map((a) => a.number)).toEqual(['1', '2']);
    expect(agenda[0]).toMatchObject({ title: 'Begrüßung', rest: 'Neues aus dem Verband', timeText: '09:00 Uhr' });
    expect(agenda[0].presenterText).toContain('Erika Beispiel');
  });

  it('keeps a short row without presenter ("Pause") and a row before the first number as items of their own', () => {
    const agenda = table(['\t<b>Begrüßung</b>\t\t09:00 Uhr', '1.\t<b>Bericht</b>\t<b>Max Muster</b>\t09:10 Uhr', '\tPause\t\t10:00 Uhr', '2.\t<b>Haushalt</b>\t<b>Max Muster</b>\t10:15 Uhr']);
    expect(agenda.map((a) => [a.number, a.title])).toEqual([
      [null, 'Begrüßung'],
      ['1', 'Bericht'],
      [null, 'Pause'],
      ['2', 'Haushalt'],
    ]);
  });
});
