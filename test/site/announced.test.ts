/**
 * "Angekündigte Termine" (src/lib/views/announced.ts): upcoming dates first, the last ones
 * marked as past when none is upcoming, a date announced before its own meeting shown as
 * written ("so im Protokoll"), and "today" from the build (SOURCE_DATE_EPOCH).
 */
import { describe, expect, it } from 'vitest';
import { announcedBlock, announcedBy, buildDate } from '../../src/lib/views/announced';
import { meetingView } from '../../src/lib/views/meeting';
import { index, meeting } from './helpers';

const plenum = meeting({
  date: '2017-11-09',
  committee: 'plenum',
  nextMeetings: [
    // A slip in the protocol: April 2017 for the meeting after November 2017.
    { date: '2017-04-12', committee: 'plenum', note: 'Das nächste Plenum findet am 12.04.2017 statt.' },
    { date: '2018-11-08', committee: 'plenum' },
  ],
});
const strategiekreis = meeting({
  date: '2021-11-11',
  committee: 'strategiekreis',
  nextMeetings: [
    { date: '2022-06-09', committee: 'strategiekreis', start: '10:00', end: '16:00' },
    { date: '2022-11-10', committee: 'strategiekreis' },
  ],
});
// A later protocol announces 2022-11-10 again: one date, the newest announcement.
const later = meeting({ date: '2022-06-09', committee: 'strategiekreis', nextMeetings: [{ date: '2022-11-10', committee: 'strategiekreis', note: 'in Berlin' }] });
const archive = index([later, strategiekreis, plenum]);

describe('announcedBlock', () => {
  it('lists upcoming dates first, soonest first, one per committee and date', () => {
    const block = announcedBlock(archive, '2022-01-01');
    expect(block.upcoming.map((d) => [d.date, d.committee.label, d.past])).toEqual([
      ['2022-06-09', 'Strategiekreis', false],
      ['2022-11-10', 'Strategiekreis', false],
    ]);
    expect(block.upcoming[0].time).toBe('10:00–16:00 Uhr');
    expect(block.upcoming[1]).toMatchObject({ note: 'in Berlin', announcedIn: { href: '/sitzungen/2022-06-09-strategiekreis/', label: 'Protokoll vom 9. Juni 2022' } });
    // The meeting of 2022-06-09 is in the archive: its date links to its protocol.
    expect(block.upcoming[0].protocol).toEqual({ href: '/sitzungen/2022-06-09-strategiekreis/', label: 'Protokoll vom 9. Juni 2022' });
    expect(block.latest).toEqual([]);
  });

  it('counts the build date itself as upcoming', () => {
    expect(announcedBlock(archive, '2022-11-10').upcoming.map((d) => d.date)).toEqual(['2022-11-10']);
  });

  it('shows the last announced dates, newest first and marked as past, when none is upcoming', () => {
    const block = announcedBlock(archive, '2026-12-07');
    expect(block.upcoming).toEqual([]);
    expect(block.latest.map((d) => [d.date, d.past])).toEqual([
      ['2022-11-10', true],
      ['2022-06-09', true],
      ['2018-11-08', true],
    ]);
  });

  it("narrows to one committee's dates", () => {
    const block = announcedBlock(archive, '2026-12-07', 'plenum');
    expect(block.latest.map((d) => [d.date, d.asWritten])).toEqual([
      ['2018-11-08', false],
      ['2017-04-12', true],
    ]);
    expect(announcedBlock(archive, '2026-12-07', 'ag-transfer')).toEqual({ upcoming: [], latest: [] });
  });
});

describe('the meeting page\'s announced dates', () => {
  it('marks a date before the meeting as written in the protocol, and past ones as past', () => {
    expect(announcedBy(archive, plenum, '2017-12-01').map((d) => [d.date, d.asWritten, d.past])).toEqual([
      ['2017-04-12', true, true],
      ['2018-11-08', false, false],
    ]);
    const view = meetingView(archive, plenum.id, undefined, '2026-12-07');
    expect(view.nextMeetings.map((d) => d.dateLabel)).toEqual(['Mittwoch, 12. April 2017', 'Donnerstag, 8. November 2018']);
    expect(view.nextMeetings.every((d) => d.past)).toBe(true);
    expect(view.jumpLinks.map((link) => link.href)).toContain('#termine');
  });
});

describe('buildDate', () => {
  it('is the Berlin date of SOURCE_DATE_EPOCH, so a reproducible build marks the same dates past', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    // 23:30 UTC on 31 December is already New Year in Berlin.
    expect(buildDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2021, 11, 31, 23, 30) / 1000) })).toBe('2022-01-01');
  });

  it('is the clock without it', () => {
    expect(buildDate({}, new Date('2026-12-07T12:00:00Z'))).toBe('2026-12-07');
  });
});
