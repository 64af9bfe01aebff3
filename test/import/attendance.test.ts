/** The attendance step (`scripts/import/steps/attendance.ts`): lists, counts, tables, notes. */
import { describe, expect, it } from 'vitest';
import { readAttendance, readAttendanceTable, splitNote, type AttendanceFacts } from '../../scripts/import/steps/attendance.ts';

const read = (...lines: string[]) => {
  const facts: AttendanceFacts = { attendees: [] };
  readAttendance(lines, 4, facts);
  return facts;
};

describe('attendance', () => {
  it.each([
    [['12 Personen vor Ort, 9 online'], 21, 'hybrid'],
    [['8 im Saal und 4 zugeschaltet'], 12, 'hybrid'],
    [['23 stimmberechtigte Mitglieder (siehe Anwesenheitsliste)'], 23, undefined],
  ])('reads %j as %i participants', (lines, count, format) => {
    const facts = read(...lines);
    expect([facts.participantCount, facts.format, facts.attendees]).toEqual([count, format, []]);
  });

  it('reads names with their notes and unnamed attendees, one per line without commas', () => {
    expect(read('Erika Muster (Vorsitzende), Max Meier, plus 3 weitere Gäste')).toEqual({ unnamedAttendees: 3, attendees: [{ text: 'Erika Muster', note: 'Vorsitzende', line: 4 }, { text: 'Max Meier', line: 4 }] });
    expect(read('Max Meier', 'Max Maier').attendees.map((a) => a.text)).toEqual(['Max Meier', 'Max Maier']);
  });

  it('takes the present rows of an attendance table', () => {
    const table = [{ n: 1, text: 'Name\tFraktion\tanwesend\tentschuldigt' }, { n: 2, text: 'Erika Muster\tA\tja\t' }, { n: 3, text: 'Max Meier\tB\t\tx' }];
    expect(readAttendanceTable(table)).toEqual([{ text: 'Erika Muster', line: 2 }]);
  });

  it('splits a note off a name', () => {
    expect(splitNote('Hartmut Kühn – Bürgermeister')).toEqual({ text: 'Hartmut Kühn', note: 'Bürgermeister' });
  });
});
