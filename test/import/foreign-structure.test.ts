/**
 * The structure of protocols the importer has never seen (test/fixtures/foreign/): for every
 * fixture the meeting date, a new committee of the right kind, the meeting number and the
 * number of TOPs, against the README's "Expected facts" (`expectedFacts`), read the same way
 * (`actualFacts`). A file the importer still reads wrong is listed in KNOWN with what it
 * reads and why; the test fails when a known difference disappears, so the list stays true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../scripts/import/errors.ts';
import { importProtocol } from '../../scripts/import/pipeline.ts';
import { Registry } from '../../scripts/import/registry/registry.ts';
import { actualFacts, expectedFacts } from './foreign-facts.ts';

const DIR = 'test/fixtures/foreign';
const files = readdirSync(DIR).filter((f) => f !== 'README.md').sort();
const expected = expectedFacts(`${DIR}/README.md`);

/**
 * Differences the importer still makes: `"<file no> <field>"` => the value it reads and the reason.
 * Empty: every fixture's date, committee kind, number and TOP count are read right.
 */
const KNOWN: Record<string, { actual: unknown; reason: string }> = {};

/**
 * The kind of body the README names: its first word ("Vorstand", "Bauausschuss", "Ausschuss"),
 * and the first word of a spelled-out alternative in brackets ("FSR Geoökologie (Fachschaftsrat …)").
 */
function kindWords(committee: string): string[] {
  const words = [committee.split(/[\s,]/)[0]];
  const alt = /\(([^)]+)\)/.exec(committee);
  if (alt) words.push(alt[1].split(/[\s,]/)[0]);
  return words.map((w) => w.toLowerCase());
}

describe('foreign protocols: date, committee, number and TOPs', () => {
  for (const file of files) {
    const no = file.slice(0, 2);
    const want = expected.get(no)!;
    it(`${file}`, () => {
      const registry = new Registry('content');
      const run = () => importProtocol(readFileSync(join(DIR, file)), file, file, registry);
      if (want.refused === 'date') {
        // No date in the header: the import fails naming the header, never takes a body date.
        expect(run).toThrow(ImportError);
        expect(run).toThrow(/no meeting date found in the header/);
        return;
      }
      if (want.refused === 'committee') {
        // A meeting of nobody named ("Vorstandssitzung"): refused, and the Fix names --committee.
        expect(run).toThrow(ImportError);
        expect(run).toThrow(/Fix: .*--committee ID/);
        return;
      }
      const got = actualFacts(run(), registry);
      const kinds = kindWords(want.committee);
      const facts: Record<string, [unknown, unknown]> = {
        date: [got.date, want.date],
        'committee is new': [got.committeeIsNew, true],
        'committee kind': [kinds.some((k) => got.committee.toLowerCase().includes(k)), true],
        number: [got.number, want.number],
        tops: [got.tops, want.tops],
      };
      for (const [field, [actual, wanted]] of Object.entries(facts)) {
        const known = KNOWN[`${no} ${field}`];
        if (known) {
          expect(actual, `${no} ${field} is known to differ (${known.reason}) but reads ${JSON.stringify(actual)} now: update KNOWN`).toEqual(known.actual);
          expect(actual, `${no} ${field} is listed in KNOWN but is right now: remove it`).not.toEqual(wanted);
        } else {
          expect(actual, `${no} ${field} (committee read: "${got.committee}")`).toEqual(wanted);
        }
      }
    });
  }
});
