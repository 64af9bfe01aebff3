/**
 * The sections of a person page (src/lib/views/person-sections.ts, issue #25): which meetings
 * someone attended, presented in, took the minutes of, is mentioned in — each with its count —
 * and the note where a protocol names no participants.
 */
import { describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../src/lib/index/archive-index';
import { buildPeopleIndex } from '../../src/lib/index/people-index';
import { createMentionMatcher } from '../../src/lib/text/mention-matcher';
import { forOrganisation } from '../../src/lib/views/person-sections';
import { personView } from '../../src/lib/views/person';
import { meeting, registries } from './helpers';

const text = (segments: { text: string }[] | undefined) => (segments ?? []).map((s) => s.text).join('');

function fixture() {
  const r = registries();
  const meetings = [
    // Oleg attends (listed), takes the minutes, represents the ZDH.
    meeting(
      { date: '2021-04-22', committee: 'strategiekreis', attendees: ['oleg-cernavin', 'rolf-papenfuss'], minutesBy: 'oleg-cernavin', memberships: [{ person: 'oleg-cernavin', organization: 'zdh' }] },
      '## TOP 1 – Neues\n\nNichts.',
    ),
    // No attendance list; Oleg presents TOP 2, so he was there.
    meeting(
      { date: '2021-11-11', committee: 'strategiekreis', agenda: [{ number: '2', title: 'Transferbüro', presenters: ['oleg-cernavin'] }] },
      '## TOP 2 – Transferbüro\n\nOleg Cernavin berichtet.',
    ),
    // No attendance list; Oleg only mentioned: whether he was there is unknown.
    meeting({ date: '2022-03-15', committee: 'plenum' }, 'Gruß von Oleg Cernavin.\n\n## TOP 1 – Bericht\n\nOleg Cernavin wird gedankt.'),
    // An attendance list without him: he is mentioned, and not listed.
    meeting({ date: '2022-06-01', committee: 'plenum', attendees: ['rolf-papenfuss'] }, '## TOP 1 – Bericht\n\nOleg Cernavin lässt grüßen.'),
  ];
  const index = buildArchiveIndex(meetings, r);
  return { index, people: buildPeopleIndex(index, createMentionMatcher(r)) };
}

describe('person page sections', () => {
  const { index, people } = fixture();
  const view = personView(index, people, 'oleg-cernavin');
  const section = (id: string) => view.sections.find((s) => s.id === id);

  it('lists attended, presented, minuted and mentioned separately, each with its count', () => {
    expect(view.sections.map((s) => [s.heading, s.count])).toEqual([
      ['Teilgenommen an', '2 Sitzungen'],
      ['Vorgetragen in', '1 Sitzung'],
      ['Protokoll geführt in', '1 Sitzung'],
      ['Erwähnt in', '3 Sitzungen'],
    ]);
    expect(view.lead).toBe('4 Sitzungen, 2021–2022: teilgenommen an 2, vorgetragen in 1, Protokoll geführt in 1, erwähnt in 3');
  });

  it('says on what the attendance rests, and names the organisation in words', () => {
    expect(section('teilgenommen')!.meetings.map((m) => [m.dateLabel, text(m.details)])).toEqual([
      ['11. November 2021', 'Vortrag'],
      ['22. April 2021', 'in der Teilnehmerliste\u00a0· Protokollführung\u00a0· für den Zentralverband des Deutschen Handwerks'],
    ]);
    expect(section('teilgenommen')!.meetings[1].details.find((s) => s.href)).toEqual({ text: 'Zentralverband des Deutschen Handwerks', href: '/organisationen/zdh/' });
    expect(text(view.organisations[0].who)).toBe('Oleg Cernavin für den Zentralverband des Deutschen Handwerks');
  });

  it('links the presented agenda items and the places of the mentions', () => {
    expect(section('vorgetragen')!.meetings.map((m) => [text(m.details), m.details[0].href])).toEqual([
      ['TOP 2 – Transferbüro', '/sitzungen/2021-11-11-strategiekreis/#top-2'],
    ]);
    expect(section('erwaehnt')!.meetings.map((m) => text(m.details))).toEqual(['im Text: TOP 1', 'im Text: Einleitung, TOP 1', 'im Text: TOP 2']);
  });

  it('says where a protocol names no participants, for the meetings he is only mentioned in', () => {
    expect(text(view.attendanceUnknown)).toBe(
      'Das Protokoll einer Sitzung, in der Oleg Cernavin erwähnt ist, nennt keine Teilnehmenden; ob Oleg Cernavin dabei war, steht dort nicht: 15. März 2022.',
    );
    expect(view.attendanceUnknown?.find((s) => s.href)?.href).toBe('/sitzungen/2022-03-15-plenum/');
  });

  it('has no note when every meeting names its participants or shows him there', () => {
    const rolf = personView(index, people, 'rolf-papenfuss');
    expect(rolf.attendanceUnknown).toBeUndefined();
    expect(rolf.sections.map((s) => s.id)).toEqual(['teilgenommen']);
  });
});

describe('forOrganisation', () => {
  it('puts the article a name’s first word asks for, and none where it does not tell', () => {
    expect(forOrganisation({ name: 'Stiftung „Mittelstand – Gesellschaft – Verantwortung“' })).toBe('für die Stiftung „Mittelstand – Gesellschaft – Verantwortung“');
    expect(forOrganisation({ name: 'Bundesministerium für Arbeit und Soziales' })).toBe('für das Bundesministerium für Arbeit und Soziales');
    expect(forOrganisation({ name: 'Institut für Mittelstandsforschung Bonn' })).toBe('für das Institut für Mittelstandsforschung Bonn');
    expect(forOrganisation({ name: 'SAP' })).toBe('für SAP');
  });
});
