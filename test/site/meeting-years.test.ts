/** The meeting list's split into years listed in full and older years linked (src/lib/views/meeting-years.ts). */
import { describe, expect, it } from 'vitest';
import { MEETING_LIST_MIN, splitYears } from '../../src/lib/views/meeting-years';

const year = (name: string, meetings: number) => ({ year: name, meetings: Array.from({ length: meetings }, (_, n) => `${name}-${n}`) });

describe('splitYears', () => {
  it('lists whole years, newest first, until the minimum is reached, and links the rest', () => {
    const years = [year('2025', 60), year('2024', 50), year('2023', 70), year('2022', 10)];
    const { shown, older } = splitYears(years, (y) => y.meetings.length, MEETING_LIST_MIN);
    // 60 + 50 = 110 meetings reach 100 only with the whole of 2024.
    expect(shown.map((y) => y.year)).toEqual(['2025', '2024']);
    expect(older.map((y) => y.year)).toEqual(['2023', '2022']);
  });

  it('lists everything of a small archive', () => {
    const years = [year('2022', 2), year('2021', 1), year('2017', 2)];
    expect(splitYears(years, (y) => y.meetings.length)).toEqual({ shown: years, older: [] });
    expect(splitYears([], () => 1)).toEqual({ shown: [], older: [] });
  });
});
