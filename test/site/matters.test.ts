/** Matters (src/lib/views/matter.ts): timeline, list, the matters of a meeting. */
import { describe, expect, it } from 'vitest';
import { matterListItems, matterPaths, matterTimeline, matterView, mattersOfMeeting, monthSpan } from '../../src/lib/views/matter';
import { fixtureArchive } from './resolutions-fixture';

const archive = fixtureArchive();

describe('matterTimeline', () => {
  const timeline = matterTimeline(archive, archive.registries.matters.get('vereinbarung')!);

  it('orders consultations oldest first, whatever the file order', () => {
    expect(timeline.map((e) => [e.dateLabel, e.committee.label, e.note])).toEqual([
      ['20. Oktober 2020', 'Plenum', 'Idee.'],
      ['22. April 2021', 'Strategiekreis', 'Auftrag.'],
      ['11. November 2021', 'Strategiekreis', 'Beschlossen.'],
    ]);
  });

  it('links the meeting and the TOP heading, and lists the resolutions with status', () => {
    expect(timeline[1].meeting.href).toBe('/sitzungen/2021-04-22-strategiekreis/');
    expect(timeline[1].agendaItem).toEqual({ number: '3', label: 'TOP 3 – Entwicklungsphase', href: '/sitzungen/2021-04-22-strategiekreis/#top-3' });
    expect(timeline[1].resolutions.map((r) => [r.href, r.status?.label])).toEqual([
      ['/beschluesse/2021-04-22-strategiekreis-b1/', 'ersetzt durch „Die Vereinbarung wird beschlossen“ vom 11. November 2021'],
    ]);
  });
});

describe('matterView and matterListItems', () => {
  it('summarises span, committees and resolutions', () => {
    const view = matterView(archive, 'vereinbarung');
    expect(view.span).toBe('Oktober 2020 – November 2021');
    expect(view.committees.map((c) => c.label)).toEqual(['Plenum', 'Strategiekreis']);
    expect(view.resolutionSummary).toBe('1 Vereinbarung, 2 Beschlüsse');
  });

  it('lists the most recently discussed matter first', () => {
    expect(matterListItems(archive).map((m) => [m.href, m.consultationCount])).toEqual([
      ['/vorgaenge/vereinbarung/', 3],
      ['/vorgaenge/beraterdatenbank/', 1],
    ]);
    expect(matterPaths(archive).map((p) => p.params.id)).toEqual(['beraterdatenbank', 'vereinbarung']);
  });

  it('fails with the file and the fix for an unknown matter', () => {
    expect(() => matterView(archive, 'gibt-es-nicht')).toThrow('matterView: no content/matters/gibt-es-nicht.yaml. Fix: link an existing matter id.');
  });

  it('formats month spans', () => {
    expect(monthSpan('2021-04-22', '2021-04-30')).toBe('April 2021');
    expect(monthSpan('2020-10-20', '2021-11-11')).toBe('Oktober 2020 – November 2021');
  });
});

describe('mattersOfMeeting', () => {
  it('names the matters a meeting dealt with and what happened there', () => {
    expect(mattersOfMeeting(archive, '2021-04-22-strategiekreis')).toEqual([
      { href: '/vorgaenge/beraterdatenbank/', label: 'Beraterdatenbank', notes: ['TOP 5'] },
      { href: '/vorgaenge/vereinbarung/', label: 'Vereinbarung zur regionalen Zusammenarbeit', notes: ['TOP 3: Auftrag.'] },
    ]);
    expect(mattersOfMeeting(archive, '2099-01-01-plenum')).toEqual([]);
  });
});
