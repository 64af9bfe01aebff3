/**
 * What a run of `npm run import` decides beyond one file's text (issue #23): `--committee`,
 * `--committee-name` and `--date` for what the text does not say; a second meeting of a
 * committee on the same day gets its own id and never touches the first; several files in
 * one `--out` run see each other's new registry entries.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

let dir: string;
let content: string;
const run = (...args: string[]) => runCli(content, dir, ...args);
const FOREIGN = 'test/fixtures/foreign';

/** The frontmatter of a written MDX file. */
function frontmatter(path: string): Record<string, any> {
  return parseDocument(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'))![1]).toJS();
}

/** A short protocol of the AG Transfer on 12 March 2024 with one resolution. */
const agTransfer = (topic: string) =>
  `Protokoll der AG Transfer\n\n12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr\nTeilnehmende: Erika Neumeister, Paul Beispielmann\n\nTagesordnung\n\n1. ${topic}\n\n1. ${topic}\n\nDie AG Transfer vereinbarte:\n\n${topic} wird überarbeitet.\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-run-'));
  content = join(dir, 'content');
  for (const d of ['committees', 'people', 'organisations', 'topics', 'matters', 'protocols', 'sources']) cpSync(join('content', d), join(content, d), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('--committee and --date', () => {
  it('refuses a meeting of nobody named, and its Fix names --committee', async () => {
    const r = await run(join(FOREIGN, '23-vorstand-no-committee.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/23-vorstand-no-committee\.txt:1: the title names a meeting \("Vorstandssitzung"\) but not the body that met; .* Fix: .*--committee ID .*--committee-name "Name"/);
  });

  it('imports it as the committee the office names, a new one with its name', async () => {
    const out = join(dir, 'out');
    const r = await run('--out', out, '--committee', 'vorstand-heimatverein-fehnhusen', '--committee-name', 'Vorstand des Heimatvereins Fehnhusen', join(FOREIGN, '23-vorstand-no-committee.txt'));
    expect(r.err).toBe('');
    expect(r.out).toContain('new: committee vorstand-heimatverein-fehnhusen (Vorstand des Heimatvereins Fehnhusen)');
    const fm = frontmatter(join(out, 'protocols/2020-04-07-vorstand-heimatverein-fehnhusen.mdx'));
    expect([fm.committee, fm.date, fm.nextMeetings.map((m: { date: string }) => m.date)]).toEqual(['vorstand-heimatverein-fehnhusen', '2020-04-07', ['2020-05-05']]);
  });

  it('names the committees there are when --committee is unknown and has no name', async () => {
    const r = await run('--committee', 'vorstnd', join(FOREIGN, '23-vorstand-no-committee.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--committee vorstnd is no committee in content\/committees\/\. Fix: use one of .*ag-transfer.*, or add --committee-name "Name" to create it\./);
  });

  it('takes the date of --date when the header has none, and refuses a date that is none', async () => {
    writeFileSync(join(dir, 'ohne.txt'), 'Protokoll der AG Transfer\n\nohne Datum\n\nTOP 1: Bericht\n\nEs wird berichtet, was am 3. Mai 2024 geschah.\n');
    const out = join(dir, 'out');
    expect((await run('--out', out, join(dir, 'ohne.txt'))).err).toMatch(/no meeting date found in the header.* Fix: .*--date YYYY-MM-DD/);
    expect((await run('--out', out, '--date', '2024-04-31', join(dir, 'ohne.txt'))).code).toBe(2);
    expect((await run('--out', out, '--date', '2024-04-30', join(dir, 'ohne.txt'))).code).toBe(0);
    expect(frontmatter(join(out, 'protocols/2024-04-30-ag-transfer.mdx')).date).toBe('2024-04-30');
  });
});

describe('two meetings of one committee on one day', () => {
  it('gives the second its own id, and --force leaves the first and its resolution ids alone', async () => {
    writeFileSync(join(dir, 'vormittag.txt'), agTransfer('Vorlage A'));
    writeFileSync(join(dir, 'nachmittag.txt'), agTransfer('Vorlage B'));
    expect((await run(join(dir, 'vormittag.txt'))).code).toBe(0);
    const first = readFileSync(join(content, 'protocols/2024-03-12-ag-transfer.mdx'), 'utf8');
    const second = await run(join(dir, 'nachmittag.txt'));
    expect(second.code).toBe(0);
    expect(second.out).toContain('this meeting is 2024-03-12-ag-transfer-2');
    expect(readFileSync(join(content, 'protocols/2024-03-12-ag-transfer-2.mdx'), 'utf8')).toContain('id="2024-03-12-ag-transfer-2-b1"');
    // Again with --force: the second is overwritten in place, the first stays byte for byte.
    expect((await run('--force', join(dir, 'nachmittag.txt'))).code).toBe(0);
    expect(readFileSync(join(content, 'protocols/2024-03-12-ag-transfer.mdx'), 'utf8')).toBe(first);
    expect(first).toContain('id="2024-03-12-ag-transfer-b1"');
  });

  it('still asks for --force to import the same source again', async () => {
    writeFileSync(join(dir, 'vormittag.txt'), agTransfer('Vorlage A'));
    expect((await run(join(dir, 'vormittag.txt'))).code).toBe(0);
    expect((await run(join(dir, 'vormittag.txt'))).err).toMatch(/2024-03-12-ag-transfer\.mdx exists already .* Fix: .*--force/);
  });
});

describe('several files in one --out run', () => {
  it('sees the new entries of the files before it: one person, one committee', async () => {
    const out = join(dir, 'out');
    const a = 'Protokoll des Vorstands des Heimatvereins Fehnhusen\n\n5. Mai 2024\nAnwesend: Wiebke Thamsen, Okko Janssen\n\nTOP 1: Bericht\n\nText.\n';
    writeFileSync(join(dir, 'a.txt'), a);
    writeFileSync(join(dir, 'b.txt'), a.replace('5. Mai 2024', '9. Juni 2024'));
    const r = await run('--out', out, join(dir, 'a.txt'), join(dir, 'b.txt'));
    expect(r.code).toBe(0);
    // The second file finds Wiebke Thamsen and the committee; it registers nothing new.
    expect(r.out.match(/new: (?:person wiebke-thamsen|committee vorstand-des-heimatvereins-fehnhusen)/g)).toHaveLength(2);
    expect(r.out.split('b.txt →')[1]).not.toContain('new:');
  });
});
