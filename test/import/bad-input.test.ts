/**
 * What office staff see when an import goes wrong: a message naming file and
 * line with a fix, a non-zero exit, and nothing written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

let dir: string;
let content: string;

/** Runs the CLI against this test's content folder. */
const run = (...args: string[]) => runCli(content, dir, ...args);

function file(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const MINIMAL = `Protokoll der AG Transfer\n\n12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr\n\nTagesordnung\n\n1. Begrüßung\n2. Prüfung der Vorlage\n\n1. Begrüßung\n\nDie Sitzung beginnt pünktlich.\n\n2. Prüfung der Vorlage\n\nDie AG Transfer vereinbarte:\n\nDie Vorlage wird überarbeitet.\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-import-'));
  content = join(dir, 'content');
  cpSync('content/committees', join(content, 'committees'), { recursive: true });
});

/** Everything under the temporary content folder except the committees copied in. */
function written(): string[] {
  return ['protocols', 'sources', 'people', 'organisations'].flatMap((d) => (existsSync(join(content, d)) ? readdirSync(join(content, d)) : []));
}

describe('bad input', () => {
  it('rejects an empty file', async () => {
    const r = await run(file('leer.txt', '  \n\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatchInlineSnapshot(`"<tmp>/leer.txt: file is empty. Fix: Check that the export wrote the protocol text into this file, or remove the file."`);
    expect(written()).toEqual([]);
  });

  it('rejects a binary file', async () => {
    const r = await run(file('scan.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7])));
    expect(r.code).toBe(1);
    expect(r.err).toMatchInlineSnapshot(`"<tmp>/scan.pdf: looks like a binary file, not protocol text. Fix: Export the protocol as plain text (e.g. PDF "Save as text") or convert the Word document to markdown, and import that file."`);
    expect(written()).toEqual([]);
  });

  it('rejects a text without a recognisable date', async () => {
    const r = await run(file('ohne-datum.txt', 'Protokoll der AG Transfer\n\nEs wurde lange diskutiert.\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatchInlineSnapshot(`"<tmp>/ohne-datum.txt:1: no meeting date found in the header (lines 1–3) or the opening sentence; dates later in the text are not taken for the meeting date. Fix: write the meeting date on the title line or the line after it, e.g. "11. November 2021", "11.11.2021" or "2021-11-11", or run the import again with --date YYYY-MM-DD."`);
    expect(written()).toEqual([]);
  });

  it('rejects a text without a recognisable committee', async () => {
    const r = await run(file('ohne-gremium.txt', 'Protokoll\n\n11. November 2021\n\n1. Begrüßung\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatchInlineSnapshot(`"<tmp>/ohne-gremium.txt:1: no committee found in the title lines (lines 1–4). Fix: name the committee in the title (e.g. "Protokoll des Strategiekreises"), add its spelling to content/committees/<id>.yaml under aliases, or run the import again with --committee ID (an existing committee in content/committees/), or --committee ID --committee-name "Name" for a new one."`);
    expect(written()).toEqual([]);
  });

  it('names a missing file', async () => {
    const r = await run(join(dir, 'gibt-es-nicht.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatchInlineSnapshot(`"<tmp>/gibt-es-nicht.txt: file not found. Fix: check the path."`);
  });

  it('never overwrites an existing MDX without --force, and does with it', async () => {
    const source = file('ag.txt', MINIMAL);
    expect((await run(source)).code).toBe(0);
    const target = join(content, 'protocols', '2024-03-12-ag-transfer.mdx');
    writeFileSync(target, readFileSync(target, 'utf8') + '\nHandkorrektur\n');
    const again = await run(source);
    expect(again.code).toBe(1);
    expect(again.err).toMatchInlineSnapshot(`"<tmp>/ag.txt: <tmp>/content/protocols/2024-03-12-ag-transfer.mdx exists already (it may hold hand corrections). Fix: review the differences, then run again with --force to overwrite it."`);
    expect(readFileSync(target, 'utf8')).toContain('Handkorrektur');
    expect((await run('--force', source)).code).toBe(0);
    expect(readFileSync(target, 'utf8')).not.toContain('Handkorrektur');
  });

  it('writes nothing in a dry run', async () => {
    const r = await run('--dry-run', file('ag.txt', MINIMAL));
    expect(r.code).toBe(0);
    expect(r.out).toContain('[dry run]');
    expect(written()).toEqual([]);
  });

  it('decodes Windows-1252 text instead of rejecting it', async () => {
    const cp1252 = Uint8Array.from([...MINIMAL].map((c) => ({ ä: 0xe4, ü: 0xfc, ö: 0xf6, ß: 0xdf })[c as 'ä'] ?? c.charCodeAt(0)));
    const r = await run(file('ansi.txt', cp1252));
    expect(r.code).toBe(0);
    const mdx = readFileSync(join(content, 'protocols', '2024-03-12-ag-transfer.mdx'), 'utf8');
    expect(mdx).toContain('## TOP 2 – Prüfung der Vorlage');
    expect(readFileSync(join(content, 'sources', 'ansi.txt'))).toEqual(Buffer.from(cp1252));
  });
});

describe('registry updates', () => {
  it('adds a newly met spelling as alias and keeps the editor’s comments', async () => {
    mkdirSync(join(content, 'people'), { recursive: true });
    const person = join(content, 'people', 'anna-beispiel.yaml');
    writeFileSync(person, '# Geprüft am 1. März\nname: Jürgen Beispiel\ngivenName: Jürgen\nfamilyName: Beispiel # laut Teilnehmerliste\naliases: []\n');
    const text = MINIMAL.replace('Die Sitzung beginnt pünktlich.', 'Juergen Beispiel (IfM Bonn) eröffnet die Sitzung.');
    expect((await run(file('ag.txt', text))).code).toBe(0);
    const yaml = readFileSync(person, 'utf8');
    expect(yaml).toContain('# Geprüft am 1. März');
    expect(yaml).toContain('# laut Teilnehmerliste');
    // ü = ue is a merge rule (README "Importing"); a one-letter difference ("Anette"/"Annette") would be a new person.
    expect(yaml).toMatch(/aliases:\n\s+- Juergen Beispiel/);
  });
});
