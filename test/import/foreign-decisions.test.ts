/**
 * The decisions and people facts of the foreign corpus (test/fixtures/foreign/README.md,
 * "Expected facts"): for every fixture that imports, the number of resolutions, the
 * minute-taker and the participant count must be the README's, and every resolution the
 * importer reports must be a `<Resolution>` in the compiled page. Differences not fixed yet
 * are listed in `KNOWN` with the value the importer gives and the reason; the test fails
 * when a known difference disappears, so that the list stays true.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from './helpers.ts';
import { compilePage } from './compile.ts';
import { actualFacts, expectedFacts } from './foreign-facts.ts';

const DIR = 'test/fixtures/foreign';
const expected = expectedFacts(join(DIR, 'README.md'));
const files = readdirSync(DIR).filter((f) => f !== 'README.md').sort();

/** "<file number> <fact>": the importer's value today and why it differs from the README. */
const KNOWN: Record<string, { actual: unknown; reason: string }> = {};

const FACTS = ['resolutions', 'minutes', 'count'] as const;

describe.each(files.filter((f) => expected.get(f.slice(0, 2))?.refused === null))('foreign protocol %s', (name) => {
  const number = name.slice(0, 2);
  const want = expected.get(number)!;
  const { result, registry } = importSource(name, 'content', DIR);
  const got = actualFacts(result, registry);

  it.each(FACTS)('has the README %s', (fact) => {
    const key = `${number} ${fact}`;
    if (KNOWN[key]) {
      expect(got[fact], `${key} is a known difference (${KNOWN[key].reason})`).toEqual(KNOWN[key].actual);
      expect(got[fact], `${key} no longer differs: remove it from KNOWN`).not.toEqual(want[fact]);
    } else {
      expect(got[fact], key).toEqual(want[fact]);
    }
  });

  it('shows every reported resolution as a <Resolution> on the page', async () => {
    const page = await compilePage(result.mdx);
    expect(page.resolutions.map((r) => r.id)).toEqual(result.resolutions.map((r) => r.id));
    for (const [i, r] of page.resolutions.entries()) expect(r.text.trim().length, r.id).toBeGreaterThan(0), expect(result.resolutions[i].text.length).toBeGreaterThan(0);
  });
});

it('lists only known differences of fixtures that exist', () => {
  for (const key of Object.keys(KNOWN)) {
    expect(files.some((f) => f.startsWith(key.slice(0, 2)))).toBe(true);
    expect(FACTS).toContain(key.slice(3));
  }
});
