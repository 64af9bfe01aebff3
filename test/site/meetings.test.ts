import { describe, expect, it } from 'vitest';
import {
  groupByYear,
  meetingsOfCommittee,
  previousAndNext,
  sortNewestFirst,
  yearNeighbours,
} from '../../src/lib/index/meetings';
import { meeting } from './helpers';

const plenum2019 = meeting({ date: '2019-06-05', committee: 'plenum' });
const sk2020 = meeting({ date: '2020-10-01', committee: 'strategiekreis' });
const sk2021a = meeting({ date: '2021-04-22', committee: 'strategiekreis' });
const plenum2021 = meeting({ date: '2021-11-11', committee: 'plenum', start: '09:00' });
const sk2021b = meeting({ date: '2021-11-11', committee: 'strategiekreis', start: '14:00' });
const all = [sk2021a, plenum2019, sk2021b, sk2020, plenum2021];

describe('sortNewestFirst', () => {
  it('puts the newest meeting first and, on the same day, the later one first', () => {
    expect(sortNewestFirst(all).map((m) => m.id)).toEqual([
      '2021-11-11-strategiekreis',
      '2021-11-11-plenum',
      '2021-04-22-strategiekreis',
      '2020-10-01-strategiekreis',
      '2019-06-05-plenum',
    ]);
  });

  it('does not reorder the array it was given', () => {
    const copy = [...all];
    sortNewestFirst(all);
    expect(all).toEqual(copy);
  });
});

describe('groupByYear', () => {
  it('groups newest year first, each year newest meeting first', () => {
    const groups = groupByYear(all);
    expect(groups.map((g) => g.year)).toEqual(['2021', '2020', '2019']);
    expect(groups[0].meetings.map((m) => m.id)).toEqual([
      '2021-11-11-strategiekreis',
      '2021-11-11-plenum',
      '2021-04-22-strategiekreis',
    ]);
  });

  it('returns no groups for no meetings', () => {
    expect(groupByYear([])).toEqual([]);
  });
});

describe('meetingsOfCommittee', () => {
  it('lists only that committee, newest first', () => {
    expect(meetingsOfCommittee(all, 'plenum').map((m) => m.id)).toEqual(['2021-11-11-plenum', '2019-06-05-plenum']);
  });
});

describe('previousAndNext', () => {
  it('links to the neighbours of the same committee, skipping other committees', () => {
    const { previous, next } = previousAndNext(all, '2021-04-22-strategiekreis');
    expect(previous?.id).toBe('2020-10-01-strategiekreis');
    expect(next?.id).toBe('2021-11-11-strategiekreis');
  });

  it('has no previous for the first and no next for the last meeting', () => {
    expect(previousAndNext(all, '2020-10-01-strategiekreis').previous).toBeUndefined();
    expect(previousAndNext(all, '2021-11-11-plenum').next).toBeUndefined();
    expect(previousAndNext(all, '2021-11-11-plenum').previous?.id).toBe('2019-06-05-plenum');
  });
});

describe('yearNeighbours', () => {
  it('finds the newer and older year with meetings, skipping empty years', () => {
    expect(yearNeighbours(['2022', '2021', '2019'], '2021')).toEqual({ newer: '2022', older: '2019' });
    expect(yearNeighbours(['2022', '2021', '2019'], '2022')).toEqual({ newer: undefined, older: '2021' });
  });
});
