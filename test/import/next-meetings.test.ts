/** The next-meetings step (`scripts/import/steps/next-meetings.ts`): meetings apart from appointments. */
import { describe, expect, it } from 'vitest';
import { findNextMeetings, whoMeets } from '../../scripts/import/steps/next-meetings.ts';
import type { Section, SourceLine } from '../../scripts/import/model.ts';
import { Registry } from '../../scripts/import/registry/registry.ts';
import { importText } from './helpers.ts';

const registry = new Registry('content');
const ctx = (own: string) => ({ own, meetingDate: '2022-09-15', committees: registry.committeeMatchers(), isOrganisation: registry.isOrganisation, warn: () => {} });

/** One section of paragraphs, one per line, with the source lines they stand on. */
function protocol(...paragraphs: string[]): { sections: Section[]; lines: SourceLine[] } {
  const lines = paragraphs.map((text, i) => ({ n: i + 10, text }));
  return { sections: [{ number: '7', title: 'Verschiedenes', line: 9, blocks: lines.map((l) => ({ kind: 'paragraph' as const, text: l.text, line: l.n })) }], lines };
}

describe('who meets', () => {
  it.each([
    ['Das nächste Treffen der AG Transfer findet statt am 24.11.2022 von 09:00 – 11:00 Uhr.', 'strategiekreis', { committee: 'ag-transfer' }],
    ['Als Termin für das nächste Plenum des Strategiekreises wurde festgelegt: 11. November 2021.', 'plenum', { committee: 'strategiekreis' }],
    ['Die nächste Sitzung findet am 12.05.2022 statt.', 'ag-transfer', { committee: 'ag-transfer' }],
    ['Das nächste Plenum findet am 12.04.2017 bei der DGUV in Berlin statt.', 'strategiekreis', { committee: 'plenum' }],
    ['Der Strategiekreis tagt das nächste Mal am 9. Juni 2022.', 'plenum', { committee: 'strategiekreis' }],
    ['… soll ein One-Pager erarbeitet werden (nächster Termin: 16.09.2022 14-16 Uhr).', 'ag-transfer', { body: undefined }],
    ['Der nächste Termin der AG ist am 28. Mai 2021 von 12-15Uhr.', 'strategiekreis', { body: 'AG' }],
    ['Das nächste Plenum der Evangelischen Jugend Ostkreis ist am 3. Juni 2018.', 'plenum', { body: 'Plenum der Evangelischen Jugend Ostkreis' }],
    ['Die Qualifizierung soll bei der kommenden Strategiekreissitzung am 10.11.2022 vorgestellt werden.', 'ag-transfer', { committee: 'strategiekreis' }],
    ['Das nächste Kurz-Online-Treffen findet am 9.12.2020 statt.', 'ag-transfer', { committee: 'ag-transfer' }],
    ['Die nächste Lenkungskreissitzung ist am 3. Mai 2022.', 'ag-transfer', { body: 'Lenkungskreissitzung' }],
  ])('%j in a protocol of %s', (sentence, own, who) => {
    expect(whoMeets(sentence, ctx(own))).toEqual(who);
  });

  it('announces nothing in a sentence without "nächste" or "Termin"', () => {
    expect(whoMeets('Die Einladung vom 03.02.2023 ging allen zu.', ctx('plenum'))).toBeNull();
  });
});

describe('next meetings and appointments', () => {
  it('keeps a working group\'s date in a paragraph naming the Strategiekreis an appointment (issue #23)', () => {
    const { sections, lines } = protocol('Im Strategiekreis wurde das Thema bearbeitet, zunächst soll ein One-Pager erarbeitet werden (nächster Termin: 16.09.2022 14-16 Uhr).');
    const found = findNextMeetings(sections, lines, ctx('ag-transfer'));
    expect(found.nextMeetings).toEqual([]);
    expect(found.appointments).toEqual([{ date: '2022-09-16', start: '14:00', end: '16:00', text: sections[0].blocks[0].text }]);
  });

  it('reads a "Nächste Termine" list line by line: a committee named, the own body, another body', () => {
    const { sections, lines } = protocol('Nächste Termine', '28. Plenum: Donnerstag, 18.04.2024, 10:00 Uhr, Berlin', 'Di., 04.06.24', 'Vorstandssitzung des Fördervereins: 10.06.2024');
    const found = findNextMeetings(sections, lines, ctx('strategiekreis'));
    expect(found.nextMeetings.map((m) => [m.date, m.committee, m.start, m.note])).toEqual([
      ['2024-04-18', 'plenum', '10:00', '28. Plenum: Donnerstag, 18.04.2024, 10:00 Uhr, Berlin'],
      ['2024-06-04', 'strategiekreis', undefined, 'Di., 04.06.24'],
    ]);
    expect(found.appointments).toEqual([{ date: '2024-06-10', body: 'Vorstandssitzung des Fördervereins', text: 'Vorstandssitzung des Fördervereins: 10.06.2024' }]);
  });

  it('writes appointments to the frontmatter apart from nextMeetings, which alone the calendar reads', () => {
    const r = importText('Protokoll der AG Transfer\n\n15. September 2022, Videokonferenz\n\nTOP 1: Bericht\n\nZunächst soll ein One-Pager erarbeitet werden (nächster Termin: 16.09.2022 14-16 Uhr).\n\nDas nächste Treffen der AG Transfer findet statt am 24.11.2022 von 09:00 – 11:00 Uhr.\n');
    expect(r.frontmatter.nextMeetings.map((m) => [m.date, m.committee])).toEqual([['2022-11-24', 'ag-transfer']]);
    expect(r.frontmatter.appointments?.map((a) => a.date)).toEqual(['2022-09-16']);
    expect(r.mdx).toMatch(/appointments:\n {2}- date: "2022-09-16"/);
  });
});
