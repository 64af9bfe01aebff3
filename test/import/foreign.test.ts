/**
 * Protocols of other German bodies (test/fixtures/foreign/, written by us; their expected
 * facts are in its README): the importer has never seen these styles. For each file:
 * success or an ImportError with `file:line: … Fix: …` (never a crash), nothing written
 * when it fails, no new registry entry the gate would refuse, and at least 98 % of the
 * source's words in the MDX.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/import/cli.ts';
import { ImportError } from '../../scripts/import/errors.ts';
import { refuseOrganisation, refusePerson } from '../../scripts/import/steps/gate.ts';
import { importProtocol, type ImportResult } from '../../scripts/import/pipeline.ts';
import { Registry } from '../../scripts/import/registry/registry.ts';

const DIR = 'test/fixtures/foreign';
const files = readdirSync(DIR).filter((f) => f !== 'README.md').sort();
/** Files whose header states no meeting date or no body: the import must fail (README "Expected facts"). */
const NO_HEADER_DATE = new Set(files.filter((f) => f.includes('no-header-date') || f.includes('no-committee')));

/** Words (letters and digits) of a text, lower-cased, as test/import/fidelity.test.ts counts them. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The source's words, each line decoded on its own (UTF-8 where valid, else Windows-1252:
 * the fixture with mixed encodings must not pass by being mojibake on both sides), HTML
 * tags and entity names of Word exports removed.
 */
function sourceWords(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    try {
      lines.push(new TextDecoder('utf-8', { fatal: true }).decode(line));
    } catch {
      lines.push(new TextDecoder('windows-1252').decode(line));
    }
    start = i + 1;
  }
  return words(lines.join('\n').replace(/<\/?[a-zA-Z][^>]*>/g, ' ').replace(/&[a-z]+;/g, ' '));
}

/** Share of the source's words found in the MDX (as a word, or joined with a neighbour by de-hyphenation). */
function keptShare(bytes: Uint8Array, mdx: string): number {
  const lower = mdx.toLowerCase();
  const present = new Set(words(lower));
  const source = sourceWords(bytes);
  return source.filter((w) => present.has(w) || lower.includes(w)).length / source.length;
}

/** Every file under `dir` with its size and bytes, to see that a failed import wrote nothing. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(path, readFileSync(path).toString('base64'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function importFixture(name: string): { result?: ImportResult; error?: unknown; registry: Registry } {
  const registry = new Registry('content');
  try {
    return { result: importProtocol(readFileSync(join(DIR, name)), join(DIR, name), name, registry), registry };
  } catch (error) {
    return { error, registry };
  }
}

const temp = mkdtempSync(join(tmpdir(), 'om-foreign-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.each(files)('foreign protocol %s', (name) => {
  it('ends in success or an ImportError naming the line and the fix', () => {
    const { error } = importFixture(name);
    if (error === undefined) return;
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(new RegExp(`^${join(DIR, name).replace(/[.]/g, '\\.')}:\\d+: .+ Fix: .+`, 's'));
  });

  it(NO_HEADER_DATE.has(name) ? 'fails, as its header has no date, and writes nothing' : 'imports, or writes nothing when it fails', async () => {
    const content = join(temp, name, 'content');
    cpSync('content', content, { recursive: true, filter: (src) => !src.includes('/protocols/') && !src.includes('/sources/') });
    const out = join(temp, name, 'out');
    const before = tree(join(temp, name));
    const errors: string[] = [];
    const code = await main(['--content', content, '--out', out, join(DIR, name)], () => {}, (s: string) => errors.push(s));
    if (NO_HEADER_DATE.has(name)) expect(code).toBe(1);
    if (code !== 0) {
      expect(errors.join('\n')).not.toMatch(/unexpected importer error|\n\s+at /);
      expect(tree(join(temp, name))).toEqual(before);
    } else {
      expect(readdirSync(join(out, 'protocols')).filter((f) => f.endsWith('.mdx'))).toHaveLength(1);
    }
  });

  it('creates no registry entry the gate would refuse', () => {
    const { registry, result } = importFixture(name);
    for (const c of registry.changes.filter((c) => c.change === 'new')) {
      // The minute-taker of a label may be named by given name alone ("Protokoll: Paul", gate.ts rule 3).
      const givenNameOnly = c.id === result?.frontmatter.minutesBy;
      if (c.kind === 'person') expect(refusePerson(registry.personIndex.get(c.id)!.name, { givenNameOnly }), `${c.id} from line ${c.line}`).toBeNull();
      if (c.kind === 'organisation') expect(refuseOrganisation(registry.organisationIndex.get(c.id)!.name), `${c.id} from line ${c.line}`).toBeNull();
      if (c.kind === 'committee') expect(['plenum', 'strategiekreis', 'ag-transfer']).not.toContain(c.id);
    }
  });

  it.skipIf(NO_HEADER_DATE.has(name))('keeps at least 98 % of the words', () => {
    const { result, error } = importFixture(name);
    expect(error, String(error)).toBeUndefined();
    expect(keptShare(readFileSync(join(DIR, name)), result!.mdx)).toBeGreaterThanOrEqual(0.98);
  });
});

describe('foreign protocols: what the README asks of names', () => {
  it('keeps Max Meier / Max Maier and Hartmut Kühn / Claudia Kuhn as four people', () => {
    const { registry } = importFixture('05-gemeindevertretung-niederschrift-pdf.txt');
    const people = registry.changes.filter((c) => c.change === 'new' && c.kind === 'person').map((c) => c.id);
    expect(people).toEqual(expect.arrayContaining(['max-meier', 'max-maier', 'hartmut-kuehn', 'claudia-kuhn']));
  });

  it('never makes a person one letter off an alias of a registered one ("Tanja Cordes" is not Anja Cordes)', () => {
    const { registry } = importFixture('15-sportverein-jhv-300-teilnehmer-pdf.txt');
    expect(registry.changes.filter((c) => c.change === 'alias')).toEqual([]);
    expect(registry.changes.some((c) => c.change === 'new' && c.id === 'tanja-cordes')).toBe(true);
  });

  it('registers people named without title and resolves later mentions to them', () => {
    const { registry, result } = importFixture('18-imkerverein-mitgliederversammlung-word.md');
    const people = registry.changes.filter((c) => c.change === 'new' && c.kind === 'person').map((c) => c.id);
    expect(people).toEqual(expect.arrayContaining(['eda-kaminski', 'ruth-vollmer', 'jakob-eisentraeger']));
    expect(registry.personIndex.resolve('Ruth Vollmer')).toMatchObject({ kind: 'match', id: 'ruth-vollmer' });
    expect(result!.frontmatter.minutesBy).toBe('waltraud-gombert');
  });

  it('takes the minute-taker of a closing "Mitschrift" line without the mail lines after it', () => {
    expect(importFixture('07-ortsbeirat-kurz-pdf.txt').result!.frontmatter.minutesBy).toBe('konstantin-ebersbach');
  });

  it('files another body\'s plenum under no OM committee', () => {
    const { result } = importFixture('17-kirchengemeinderat-pdf.txt');
    expect(result!.frontmatter.committee).not.toBe('plenum');
    expect(result!.frontmatter.nextMeetings.map((m) => m.committee)).not.toContain('plenum');
  });
});
