import { describe, expect, it } from 'vitest';
import { latestResolutions } from '../../src/lib/index/archive-index';
import { meetingListItems, meetingView, resolutionSummary } from '../../src/lib/views/meeting';
import { index, meeting } from './helpers';

const april = meeting(
  {
    date: '2021-04-22',
    committee: 'strategiekreis',
    title: '4. Treffen des Strategiekreises',
    start: '11:00',
    end: '15:00',
    format: 'online',
    participantCount: 42,
    attendees: ['annette-icks', 'oleg-cernavin'],
    unnamedAttendees: 40,
    moderator: 'annette-icks',
    agenda: [
      { number: null, title: 'Begrüßung', time: '11:00' },
      { number: '1', title: 'Neues', presenters: ['annette-icks'], organizations: ['ifm-bonn'], time: '11:15' },
      { number: '2', title: 'Ohne Überschrift im Text' },
    ],
  },
  `## TOP 1 – Neues

<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="1">Erstens.</Resolution>

<Resolution id="2021-04-22-strategiekreis-b2" kind="Vereinbarung" item="1">Zweitens.</Resolution>
`,
);
const november = meeting(
  { date: '2021-11-11', committee: 'strategiekreis' },
  '<Resolution id="2021-11-11-strategiekreis-b1" kind="Beschluss">Neuester.</Resolution>',
);
const plenum = meeting({ date: '2021-12-01', committee: 'plenum' });
const archive = index([april, november, plenum], ['2021-04-22-strategiekreis.txt']);

describe('meetingView', () => {
  const view = meetingView(archive, '2021-04-22-strategiekreis');

  it('shows the facts in German with display names from the registries', () => {
    expect(view.dateLabel).toBe('Donnerstag, 22. April 2021');
    expect(view.timeLabel).toBe('11:00–15:00 Uhr');
    expect(view.formatLabel).toBe('Online (Videokonferenz)');
    expect(view.committee).toEqual({ href: '/gremien/strategiekreis/', label: 'Strategiekreis' });
    expect(view.moderator).toBe('Dr. Annette Icks');
    expect(view.participation).toEqual({ count: 42, named: ['Dr. Annette Icks', 'Oleg Cernavin'], unnamed: 40 });
  });

  it('links agenda items to their TOP heading only when the text has that heading', () => {
    expect(view.agenda.map((item) => item.href)).toEqual([undefined, '#top-1', undefined]);
    expect(view.agenda[1]).toMatchObject({
      presenters: ['Dr. Annette Icks'],
      organisations: [{ short: 'IfM Bonn', full: 'Institut für Mittelstandsforschung Bonn' }],
      time: '11:15',
    });
  });

  it('links the next meeting of the same committee, not the later plenum', () => {
    expect(view.previous).toBeUndefined();
    expect(view.next).toEqual({ href: '/sitzungen/2021-11-11-strategiekreis/', label: '11. November 2021' });
  });

  it('links the original file only when it is in content/sources/', () => {
    expect(view.source.href).toBe('/quellen/2021-04-22-strategiekreis.txt');
    expect(meetingView(archive, '2021-11-11-strategiekreis').source.href).toBeUndefined();
  });

  it('fails loudly for an unknown meeting id', () => {
    expect(() => meetingView(archive, '1999-01-01-plenum')).toThrow('no meeting "1999-01-01-plenum"');
  });
});

describe('resolutions in the index', () => {
  it('lists the newest meeting\'s resolutions first, linking to their anchors', () => {
    expect(latestResolutions(archive, 2).map((r) => r.href)).toEqual([
      '/sitzungen/2021-11-11-strategiekreis/#2021-11-11-strategiekreis-b1',
      '/sitzungen/2021-04-22-strategiekreis/#2021-04-22-strategiekreis-b1',
    ]);
  });

  it('summarises resolutions by kind for meeting lists', () => {
    expect(resolutionSummary([{ kind: 'Beschluss' }, { kind: 'Vereinbarung' }, { kind: 'Beschluss' }])).toBe(
      '2 Beschlüsse, 1 Vereinbarung',
    );
    expect(meetingListItems(archive, [plenum])[0]).toMatchObject({ committee: 'Plenum', resolutionSummary: undefined });
  });
});
