/**
 * The importer's steps one by one, on spellings met in the OM protocols:
 * dates and times, header facts, person mentions, resolution labels.
 */
import { describe, expect, it } from 'vitest';
import { readLabel, renderBody } from '../../scripts/import/steps/body.ts';
import { findDates, findTimes } from '../../scripts/import/readers/dates.ts';
import { readHeader } from '../../scripts/import/steps/header.ts';
import { findMentions, readPresenterText } from '../../scripts/import/steps/mentions.ts';
import type { BodyBlock } from '../../scripts/import/model.ts';

const noOrg = () => false;

describe('dates and times', () => {
  it.each([
    ['A, 20. Oktober 2020', '2020-10-20'],
    ['am 09 Juni 2022 (der Termin', '2022-06-09'],
    ['9.12.2020 von 09:00 Uhr', '2020-12-09'],
    ['findet am 08.11. 2018 statt', '2018-11-08'],
  ])('reads the date in %j', (text, iso) => {
    expect(findDates(text)[0]?.iso).toBe(iso);
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(findDates('am 31. Februar 2021 und am 30.02.2021')).toEqual([]);
  });

  it.each([
    ['Videokonferenz von 11 Uhr bis 16 Uhr', '11:00', '16:00'],
    ['09:00 - 13:00 Uhr', '09:00', '13:00'],
    ['1300Uhr – 13:30Uhr', '13:00', '13:30'],
    ['von 12-15Uhr', '12:00', '15:00'],
    ['11 Uhr 00', '11:00', undefined],
    ['11Uhr15', '11:15', undefined],
  ])('reads the time in %j', (text, start, end) => {
    const [t] = findTimes(text);
    expect([t?.start, t?.end]).toEqual([start, end]);
  });
});

describe('header', () => {
  const committees = [{ id: 'strategiekreis', name: 'Strategiekreis', spellings: ['Strategiekreis', 'Strategiekreises'] }];
  const lines = (text: string) => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));

  it('reads title, number, committee, date, times, format and count', () => {
    const h = readHeader(lines(' Protokoll \n5. Treffen des Strategiekreises der Offensive Mittelstand (OM) \n\n11. November 2021, Videokonferenz, 09:00 - 13:00 Uhr  \n36-Teilnehmerinnen und Teilnehmer \n\nModeration: Dr. Annette Icks (IfM Bonn)'), committees);
    expect(h).toMatchObject({
      title: '5. Treffen des Strategiekreises der Offensive Mittelstand (OM)',
      committee: { id: 'strategiekreis', isNew: false },
      number: 5,
      date: { iso: '2021-11-11' },
      start: '09:00',
      end: '13:00',
      format: 'online',
      participantCount: 36,
      moderator: { text: 'Dr. Annette Icks (IfM Bonn)' },
    });
  });

  it('reads a wrapped attendance list with unnamed attendees, and a new AG', () => {
    const h = readHeader(lines('AG Qualität - Protokoll\n3. Mai 2022, Bonn, IHK\nTeilnehmer: Anna Beispiel, Volker \nJödecke plus 4 weitere Personen\n'), []);
    expect(h.committee).toMatchObject({ name: 'AG Qualität', isNew: true });
    expect(h.attendees.map((a) => a.text)).toEqual(['Anna Beispiel', 'Volker Jödecke']);
    expect(h.unnamedAttendees).toBe(4);
    expect(h.location).toBe('Bonn');
    expect(h.format).toBe('in-person');
  });
});

describe('person mentions', () => {
  it('finds people with their organisation in running text', () => {
    const found = findMentions('Herr Heidbrede (Bundesverband KMU-Berater) und Prof. Dr. Oliver Kruse (Stiftung „Mittelstand – Gesellschaft“) berichten', noOrg);
    expect(found.map((m) => [m.name, m.organisation])).toEqual([
      ['Herr Heidbrede', 'Bundesverband KMU-Berater'],
      ['Prof. Dr. Oliver Kruse', 'Stiftung „Mittelstand – Gesellschaft“'],
    ]);
  });

  it('does not take an organisation with its abbreviation for a person', () => {
    expect(findMentions('der Offensive Mittelstand (OM)', (s) => s === 'Offensive Mittelstand')).toEqual([]);
  });

  it('reads a presenter cell without brackets, keeping the role as details', () => {
    const r = readPresenterText('Thomas Niessen Kompetenznetzwerk Trusted Cloud - Mitglied des Vorstands', noOrg);
    expect(r.mentions.map((m) => [m.name, m.organisation])).toEqual([['Thomas Niessen', 'Kompetenznetzwerk Trusted Cloud']]);
    expect(r.rest).toBe('Mitglied des Vorstands');
  });

  it('does not read a description as a name', () => {
    expect(readPresenterText('Verabschiedung des Vorschlags der AG Transfer', noOrg).mentions).toEqual([]);
  });
});

describe('resolutions', () => {
  const p = (text: string, kind: BodyBlock['kind'] = 'paragraph'): BodyBlock => ({ kind, text, line: 1 });

  it.each([
    ['Beschluss zur Lieferantendatenbank:', 'Beschluss'],
    ['Vereinbarung der AG Transfer', 'Vereinbarung'],
    ['Die AG Transfer vereinbarte:', 'Vereinbarung'],
    ['Beschlüsse:', 'Beschluss'],
  ])('recognises the label %j', (text, kind) => {
    expect(readLabel(p(text))?.kind).toBe(kind);
  });

  it('does not take a sentence about a resolution for a label', () => {
    expect(readLabel(p('Der Beschluss des Strategiekreises, die Selbstbeschreibungen online zu stellen, wird umgesetzt.'))).toBeNull();
  });

  it('makes one resolution per bullet and keeps the result of the label', () => {
    const { resolutions, body } = renderBody(
      [{ number: '3', title: 'Netzwerke', line: 1, blocks: [p('**Beschlüsse:** Folgende Beschlüsse werden jeweils ohne Gegenstimmen beschlossen:'), p('Erstens.', 'bullet'), p('Zweitens.', 'bullet'), p('Danach wurde diskutiert.')] }],
      '2021-04-22-strategiekreis',
    );
    expect(resolutions.map((r) => [r.id, r.item, r.result, r.text])).toEqual([
      ['2021-04-22-strategiekreis-b1', '3', 'ohne Gegenstimmen', 'Erstens.'],
      ['2021-04-22-strategiekreis-b2', '3', 'ohne Gegenstimmen', 'Zweitens.'],
    ]);
    expect(body).toContain('Danach wurde diskutiert.');
    expect(body.indexOf('Danach')).toBeGreaterThan(body.lastIndexOf('</Resolution>'));
  });

  it('ends a singular resolution at a sub-heading', () => {
    const { resolutions } = renderBody(
      [{ number: '4', title: 'Arbeitsweisen', line: 1, blocks: [p('Beschluss zur Arbeitsweise:'), p('Bis April online.'), p('Danach in Präsenz.'), p('Zukünftige Themen der OM'), p('Es gab eine Diskussion.')] }],
      'm',
    );
    expect(resolutions.map((r) => r.text)).toEqual(['Bis April online.\n\nDanach in Präsenz.']);
  });
});
