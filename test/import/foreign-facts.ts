/**
 * The expected facts of the foreign corpus (test/fixtures/foreign/README.md, "Expected
 * facts") and the same facts read from an import, so tests compare like with like.
 * Shapes: `ExpectedFacts` per file number ("01"); `actualFacts(result, registry)` gives the
 * importer's reading in the same shape.
 */
import { readFileSync } from 'node:fs';
import type { ImportResult } from '../../scripts/import/pipeline.ts';
import type { Registry } from '../../scripts/import/registry/registry.ts';

/**
 * One row of the README table. `date: null` means the import must fail (no header date);
 * `refused: 'committee'` that it must fail because the text names no body (a committee cell "FAIL …").
 */
export interface ExpectedFacts {
  date: string | null;
  refused: 'date' | 'committee' | null;
  /** The body as the README names it, e.g. "Gemeinderat Oberhollern" (always a new committee). */
  committee: string;
  number: number | null;
  tops: number;
  resolutions: number;
  minutes: string;
  /** The participant count; `named`: the README derives it from the names listed as present. */
  count: number;
  countNamed: boolean;
}

/** The facts of each fixture by its two-digit number, parsed from the README table. */
export function expectedFacts(readme = 'test/fixtures/foreign/README.md'): Map<string, ExpectedFacts> {
  const text = readFileSync(readme, 'utf8');
  const table = text.slice(text.indexOf('## Expected facts'));
  const rows = new Map<string, ExpectedFacts>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 8 || !/^\d\d$/.test(cells[0])) continue;
    const [file, date, committee, number, tops, resolutions, minutes, count] = cells;
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
    rows.set(file, {
      date: isDate ? date : null,
      refused: !isDate ? 'date' : committee.startsWith('FAIL') ? 'committee' : null,
      committee,
      number: /^\d+$/.test(number) ? Number(number) : null,
      tops: Number(tops),
      resolutions: Number(resolutions),
      minutes,
      count: Number.parseInt(count, 10),
      countNamed: count.includes('named'),
    });
  }
  return rows;
}

/** Announced meetings and appointments by file number (README "Announced meetings and appointments"): ISO dates in order. */
export function expectedAnnouncements(readme = 'test/fixtures/foreign/README.md'): Map<string, { nextMeetings: string[]; appointments: string[] }> {
  const text = readFileSync(readme, 'utf8');
  const at = text.indexOf('## Announced meetings and appointments');
  const rows = new Map<string, { nextMeetings: string[]; appointments: string[] }>();
  if (at < 0) return rows;
  const dates = (cell: string) => cell.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
  for (const line of text.slice(at).split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length === 3 && /^\d\d$/.test(cells[0])) rows.set(cells[0], { nextMeetings: dates(cells[1]), appointments: dates(cells[2]) });
  }
  return rows;
}

/** The importer's reading of the facts the README lists (committee: the new committee's name). */
export function actualFacts(result: ImportResult, registry: Registry): Omit<ExpectedFacts, 'countNamed' | 'refused'> & { committeeIsNew: boolean } {
  const f = result.frontmatter;
  const newCommittee = registry.changes.some((c) => c.kind === 'committee' && c.change === 'new' && c.id === f.committee);
  return {
    date: f.date,
    committee: registry.committees.get(f.committee)?.name ?? f.committee,
    committeeIsNew: newCommittee,
    number: f.number ?? null,
    tops: f.agenda.filter((a) => a.number !== null).length,
    resolutions: result.resolutions.length,
    minutes: f.minutesBy ? (registry.personIndex.get(f.minutesBy)?.name ?? f.minutesBy) : '',
    count: f.participantCount ?? (f.attendees.length || 0),
  };
}
