/**
 * The changes a warm rebuild of the benchmark starts from (`npm run bench`, step 4): what the
 * office does between two builds. Both work on a generated archive's `content/` (`scripts/gen`).
 *
 * - `editProtocol`: one protocol gets a paragraph more (a correction after review);
 * - `addProtocol`: one new protocol, as `npm run import` would add it: the next meeting of the
 *   newest protocol's committee, a day later, with one person never seen before (a new registry
 *   entry in `people/`), its source file in `sources/`. It changes what a new protocol changes:
 *   the pager of its neighbours, the lists of its year, committee, people, organisations and
 *   topics, the feeds, the resolution register.
 */
import { addDays, formatISO, parseISO } from 'date-fns';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The protocol files of `contentDir`, sorted by name (= by date, `<YYYY-MM-DD>-<committee>.mdx`). */
function protocolFiles(contentDir: string): string[] {
  return readdirSync(join(contentDir, 'protocols'))
    .filter((name) => name.endsWith('.mdx'))
    .sort();
}

/**
 * Appends a paragraph to the first protocol (by name) and returns its meeting id and the text added.
 * @example editProtocol('/tmp/om-bench-x/archive/content') // => { id: '1996-01-01-koordinierungskreis', mark: 'Nachtrag für den Benchmark 1765…' }
 */
export function editProtocol(contentDir: string): { id: string; mark: string } {
  const name = protocolFiles(contentDir)[0];
  const file = join(contentDir, 'protocols', name);
  const mark = `Nachtrag für den Benchmark ${Date.now()}.`;
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${mark}\n`);
  return { id: name.slice(0, -'.mdx'.length), mark };
}

/** The person `addProtocol` registers: invented, with a family name no generated protocol uses. */
export const NEW_PERSON = { id: 'theda-warmbrunn', data: { name: 'Theda Warmbrunn', givenName: 'Theda', familyName: 'Warmbrunn', aliases: [] } };

/**
 * Adds the next meeting of the newest protocol's committee, one day after it: the newest
 * protocol's text under the new meeting id (its resolutions' ids follow), the meeting number (where
 * it has one) one higher, `NEW_PERSON` registered and among the attendees, the source file copied.
 * Works on a generated archive and on the real `content/` (test/site/incremental-build.test.ts).
 * @returns the new meeting id and the new person's id
 * @throws Error when the newest protocol lacks a quoted `date`, `source.file` or `attendees`
 */
export function addProtocol(contentDir: string): { id: string; person: string } {
  const newest = protocolFiles(contentDir).at(-1)!;
  const oldId = newest.slice(0, -'.mdx'.length);
  const path = join(contentDir, 'protocols', newest);
  const text = readFileSync(path, 'utf8');
  const date = /^date: "(\d{4}-\d{2}-\d{2})"$/m.exec(text)?.[1];
  const source = /^ {2}file: (.+)$/m.exec(text)?.[1];
  if (!date || !source || !/^attendees:/m.test(text)) {
    throw new Error(`${path}: no quoted date, source.file or attendees, as the importer writes them. Fix: run the benchmark on an archive of scripts/gen or the importer.`);
  }
  const newDate = formatISO(addDays(parseISO(date), 1), { representation: 'date' });
  const id = `${newDate}-${oldId.slice(date.length + 1)}`;
  const newSource = source.includes(oldId) ? source.replaceAll(oldId, id) : `${id}-${source}`;
  const number = /^number: (\d+)$/m.exec(text)?.[1];
  let next = text
    .replaceAll(oldId, id)
    .replace(`date: "${date}"`, `date: "${newDate}"`)
    .replace(`  file: ${source}`, `  file: ${newSource}`)
    .replace(/^attendees: \[\]$/m, 'attendees:')
    .replace(/^attendees:$/m, `attendees:\n  - ${NEW_PERSON.id}`);
  if (number) next = next.replace(/^number: \d+$/m, `number: ${Number(number) + 1}`).replaceAll(`${number}. Sitzung`, `${Number(number) + 1}. Sitzung`);
  copyFileSync(join(contentDir, 'sources', source), join(contentDir, 'sources', newSource));
  writeFileSync(join(contentDir, 'people', `${NEW_PERSON.id}.yaml`), stringify(NEW_PERSON.data));
  writeFileSync(join(contentDir, 'protocols', `${id}.mdx`), next);
  return { id, person: NEW_PERSON.id };
}
