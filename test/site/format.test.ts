import { describe, expect, it } from 'vitest';
import {
  countLabel,
  formatDate,
  formatDateWithWeekday,
  formatMeetingFormat,
  formatTimeRange,
} from '../../src/lib/model/format';

describe('German dates', () => {
  it('writes day, month name and year', () => {
    expect(formatDate('2021-11-11')).toBe('11. November 2021');
    expect(formatDate('2022-03-01')).toBe('1. März 2022');
  });

  it('adds the German weekday', () => {
    expect(formatDateWithWeekday('2021-04-22')).toBe('Donnerstag, 22. April 2021');
  });
});

describe('formatTimeRange', () => {
  it('joins start and end with an en dash', () => {
    expect(formatTimeRange('11:00', '15:00')).toBe('11:00–15:00 Uhr');
  });

  it('says "ab"/"bis" when only one end is known, nothing when neither is', () => {
    expect(formatTimeRange('09:30')).toBe('ab 09:30 Uhr');
    expect(formatTimeRange(undefined, '16:00')).toBe('bis 16:00 Uhr');
    expect(formatTimeRange()).toBeUndefined();
  });
});

describe('labels', () => {
  it('names the meeting formats in German', () => {
    expect(formatMeetingFormat('online')).toBe('Online (Videokonferenz)');
    expect(formatMeetingFormat('in-person')).toBe('Präsenz');
    expect(formatMeetingFormat('hybrid')).toBe('Hybrid');
  });

  it('uses singular for one', () => {
    expect(countLabel(1, 'Sitzung', 'Sitzungen')).toBe('1 Sitzung');
    expect(countLabel(0, 'Sitzung', 'Sitzungen')).toBe('0 Sitzungen');
    // Thousands grouped as German readers write them (a 2,000-protocol archive has 11,898 resolutions).
    expect(countLabel(11898, 'Beschluss', 'Beschlüsse')).toBe('11.898 Beschlüsse');
    expect(countLabel(2000, 'Sitzung', 'Sitzungen')).toBe('2.000 Sitzungen');
  });
});
