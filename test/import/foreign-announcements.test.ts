/**
 * Announced meetings and appointments of the foreign corpus (test/fixtures/foreign/README.md,
 * "Announced meetings and appointments"): a date is a committee's next meeting only when its
 * sentence says that committee meets; every other dated appointment is kept apart and never
 * becomes a meeting of any committee (the calendar and committee pages read `nextMeetings`).
 */
import { describe, expect, it } from 'vitest';
import { importSource } from './helpers.ts';
import { expectedAnnouncements } from './foreign-facts.ts';
import { readdirSync } from 'node:fs';

const DIR = 'test/fixtures/foreign';
const expected = expectedAnnouncements(`${DIR}/README.md`);
const files = readdirSync(DIR).filter((f) => expected.has(f.slice(0, 2)));

describe.each(files)('foreign protocol %s', (name) => {
  const want = expected.get(name.slice(0, 2))!;
  const { result } = importSource(name, 'content', DIR);
  const fm = result.frontmatter;

  it('announces the README next meetings, all of the protocol\'s own committee', () => {
    expect(fm.nextMeetings.map((m) => m.date)).toEqual(want.nextMeetings);
    expect(new Set(fm.nextMeetings.map((m) => m.committee))).toEqual(new Set(want.nextMeetings.length ? [fm.committee] : []));
  });

  it('keeps the other dated appointments as appointments, with their own words', () => {
    expect((fm.appointments ?? []).map((a) => a.date)).toEqual(want.appointments);
    for (const a of fm.appointments ?? []) expect(a.text).toMatch(/\d/);
  });
});

it('covers the fixtures the README lists', () => {
  expect(files.length).toBe(expected.size);
});
