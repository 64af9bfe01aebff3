/**
 * `npm run review` (issue #24) on a temporary copy of content/ with two freshly imported
 * protocols: the listing shows what the office must check; `--approve` changes the `review:`
 * block and not one other byte; mistakes end in a message with a Fix and change nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/review/cli';
import { approveText } from '../../scripts/review/protocol-file';
import { protocolSchema } from '../../src/lib/model/schema';
import { parse } from 'yaml';
import { z } from 'zod';

const repo = resolve(import.meta.dirname, '../..');
const word = join(repo, 'test/fixtures/office/numbered/ag-transfer-2025-06-03.docx');
const ortsbeirat = join(repo, 'test/fixtures/foreign/07-ortsbeirat-kurz-pdf.txt');
let content: string;

/** Runs `npm run review -- …argv` in-process on the copy; returns exit code and output. */
function review(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['--content', content, ...argv], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of the copy's protocols folder with its text. */
function snapshot(): Map<string, string> {
  const dir = join(content, 'protocols');
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** Registry files the import added (`content/people/x.yaml`, …): what the listing must name as new. */
let added: string[];

/** The registry files of the copy, as `content/<kind>/<id>.yaml`. */
function registryFiles(): string[] {
  return ['people', 'organisations', 'committees', 'topics'].flatMap((kind) => readdirSync(join(content, kind)).map((name) => `content/${kind}/${name}`));
}

beforeAll(() => {
  content = join(mkdtempSync(join(tmpdir(), 'om-review-')), 'content');
  cpSync(join(repo, 'content'), content, { recursive: true });
  const before = new Set(registryFiles());
  const imported = spawnSync(process.execPath, [join(repo, 'scripts/import/cli.ts'), '--content', content, word, ortsbeirat], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  added = registryFiles().filter((file) => !before.has(file));
}, 60_000);

afterAll(() => rmSync(resolve(content, '..'), { recursive: true, force: true }));

describe('npm run review', () => {
  it('lists the imported protocols with id, title, date, the import notes and what they register, not the reviewed ones', () => {
    const { code, out } = review();
    expect(code).toBe(0);
    expect(out).toContain('2 protocols waiting for review');
    const mdx = readFileSync(join(content, 'protocols/2025-06-03-ag-transfer.mdx'), 'utf8');
    const data = parse(mdx.split('\n---\n')[0].slice(4)) as { title: string; date: string; attendees: string[] };
    expect(out).toContain(`2025-06-03-ag-transfer: ${data.title} (${data.date})`);
    expect(out).toContain(`people (${data.attendees.length}): ${[...data.attendees].sort().join(', ')}`);
    // What the Ortsbeirat import registered, which no other protocol names: exactly the files it added.
    expect(added.length).toBeGreaterThan(0);
    const named = /named in no other protocol \(new with this import\? check them\): (.+)/.exec(out)![1].split(', ');
    expect(named.sort()).toEqual([...added].sort());
    // The importer's notes in the file: the first line of each comment before the text.
    const notes = [...mdx.matchAll(/\{\/\*\n(.*)\n/g)].map((m) => m[1]);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(out).toContain(note);
    expect(out).toContain('approve: npm run review -- --approve 2025-06-03-ag-transfer --by "Name"');
    expect(out).not.toContain('2021-11-11-strategiekreis');
  });

  it('approves: only the review block changes, the file passes the schema, the listing drops it', () => {
    const before = snapshot();
    const { code, out } = review('--approve', '2025-06-03-ag-transfer', '--by', 'Erika Muster', '--date', '2026-12-07');
    expect(code, out).toBe(0);
    const after = snapshot();
    for (const [name, text] of before) if (name !== '2025-06-03-ag-transfer.mdx') expect(after.get(name), name).toBe(text);
    const old = before.get('2025-06-03-ag-transfer.mdx')!;
    const now = after.get('2025-06-03-ag-transfer.mdx')!;
    const expected = old.replace(/ {2}status: imported\n( {2}importer: "[^"]+"\n)/, '  status: reviewed\n$1  by: Erika Muster\n  date: "2026-12-07"\n');
    expect(expected).not.toBe(old);
    expect(now).toBe(expected);
    const data = protocolSchema(() => z.string()).parse(parse(now.split('\n---\n')[0].slice(4)));
    expect(data.review).toEqual({ status: 'reviewed', importer: expect.any(String), by: 'Erika Muster', date: '2026-12-07' });
    expect(review().out).toContain('1 protocol waiting for review');
  });

  it('approving twice changes nothing and says who approved it', () => {
    const before = snapshot();
    const { code, out } = review('--approve', '2025-06-03-ag-transfer', '--by', 'Max Muster');
    expect(code).toBe(0);
    expect(out).toContain('reviewed already by Erika Muster on 2026-12-07; nothing changed');
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unknown id, naming a similar one, and changes nothing', () => {
    const before = snapshot();
    const { code, err } = review('--approve', '2022-09-12-ortsbeirat', '--by', 'Redaktion');
    expect(code).toBe(1);
    expect(err).toMatch(/2022-09-12-ortsbeirat\.mdx: no such protocol \(similar: 2022-09-12-ortsbeirat-niederwoellstadt-sued\)\. Fix: use an id as `npm run review` lists it/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an approval without --by, or with a date that is none, with a Fix', () => {
    const before = snapshot();
    const missing = review('--approve', '2022-09-12-ortsbeirat-niederwoellstadt-sued');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('--by: missing. Fix: name who reviewed the protocol, e.g. npm run review -- --approve 2022-09-12-ortsbeirat-niederwoellstadt-sued --by "Erika Muster" (or --by Redaktion).');
    const badDate = review('--approve', '2022-09-12-ortsbeirat-niederwoellstadt-sued', '--by', 'Redaktion', '--date', '7.12.2026');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--date: "7.12.2026" is not an ISO date. Fix:');
    expect(snapshot()).toEqual(before);
  });
});

describe('approveText', () => {
  it('keeps comments in the block, flow style, CRLF line ends, and adds a missing block', () => {
    const approval = { by: 'Redaktion', date: '2026-12-07' };
    expect(approveText('x.mdx', '---\ntitle: T\nreview:\n  status: imported # vom Import\nsource: a\n---\nText\n', approval)).toBe(
      '---\ntitle: T\nreview:\n  status: reviewed # vom Import\n  by: Redaktion\n  date: "2026-12-07"\nsource: a\n---\nText\n',
    );
    expect(approveText('x.mdx', '---\r\ntitle: T\r\nreview: { status: imported }\r\n---\r\nText', approval)).toBe(
      '---\r\ntitle: T\r\nreview: { status: reviewed, by: Redaktion, date: "2026-12-07" }\r\n---\r\nText',
    );
    expect(approveText('x.mdx', '---\ntitle: T # Titel\n---\n', approval)).toBe('---\ntitle: T # Titel\nreview:\n  status: reviewed\n  by: Redaktion\n  date: "2026-12-07"\n---\n');
  });

  it('names the file and the fix when the frontmatter cannot be read', () => {
    expect(() => approveText('content/protocols/x.mdx', 'Text ohne Kopf', { by: 'R', date: '2026-12-07' })).toThrow(
      'content/protocols/x.mdx: no frontmatter (the file must start with a "---" line). Fix:',
    );
  });
});
