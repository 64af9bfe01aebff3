/**
 * The benchmark generator (`scripts/gen`): deterministic for a seed, and what it
 * writes passes the site's real schemas and integrity checks, read back from disk
 * the way the site reads it (so the benchmark never measures an archive the site
 * would reject).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateArchive } from '../../scripts/gen/generate.ts';
import { validateArchive, writeArchive } from '../../scripts/gen/write.ts';
import { checkIntegrity, checkMatters, checkSourceFiles } from '../../src/lib/checks/integrity.ts';
import type { Meeting } from '../../src/lib/model/model.ts';
import { parseProtocolBody } from '../../src/lib/text/protocol-body.ts';
import {
  committeeSchema,
  matterSchema,
  organisationSchema,
  personSchema,
  protocolSchema,
  topicSchema,
} from '../../src/lib/model/schema.ts';
import { sourceFileHashes } from '../../src/lib/model/sources.ts';

const PROTOCOLS = 20;

describe('generateArchive', () => {
  it('gives the same archive for the same seed, a different one for another seed', () => {
    const a = generateArchive({ protocols: PROTOCOLS, seed: 7 });
    const b = generateArchive({ protocols: PROTOCOLS, seed: 7 });
    const c = generateArchive({ protocols: PROTOCOLS, seed: 8 });
    expect(b.protocols.map((p) => p.mdx)).toEqual(a.protocols.map((p) => p.mdx));
    expect(b.protocols.map((p) => p.sourceText)).toEqual(a.protocols.map((p) => p.sourceText));
    expect([...b.people]).toEqual([...a.people]);
    expect([...b.organisations]).toEqual([...a.organisations]);
    expect([...b.matters]).toEqual([...a.matters]);
    expect(c.protocols.map((p) => p.mdx)).not.toEqual(a.protocols.map((p) => p.mdx));
  });

  it('has the shape of the real archive', () => {
    const archive = generateArchive({ protocols: 100, seed: 1 });
    const { protocols } = archive;
    const mean = (f: (p: (typeof protocols)[number]) => number) => protocols.reduce((s, p) => s + f(p), 0) / protocols.length;
    expect(new Set(protocols.map((p) => p.id)).size).toBe(100);
    expect(archive.people.size).toBe(500);
    expect(archive.organisations.size).toBe(100);
    expect(archive.topics.size).toBe(10);
    expect(protocols.every((p) => p.data.attendees.length === 20)).toBe(true);
    expect(mean((p) => p.data.agenda.length)).toBeCloseTo(8, 0);
    expect(mean((p) => p.resolutions.length)).toBeCloseTo(6, 0);
    const years = protocols.map((p) => Number(p.data.date.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThan(1999);
    expect(Math.max(...years)).toBeGreaterThan(2022);
    expect(protocols.some((p) => /[äöüß]/.test(p.mdx))).toBe(true);
    expect(validateArchive(archive)).toEqual([]);
  });
});

// remark-mdx parses each body in about 10 ms; a loaded CI machine can take far longer than the 5 s default.
describe('written archive', { timeout: 30_000 }, () => {
  let dir: string;
  let meetings: Meeting[];
  /** Reads every `<id>.yaml` of a registry folder through a schema. */
  const registry = <S extends z.ZodTypeAny>(folder: string, schema: S) =>
    new Map(
      readdirSync(join(dir, folder)).map((file): [string, z.infer<S>] => [
        file.replace(/\.yaml$/, ''),
        schema.parse(parse(readFileSync(join(dir, folder, file), 'utf8'))),
      ]),
    );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'om-gen-test-'));
    writeArchive(generateArchive({ protocols: PROTOCOLS, seed: 3 }), dir, { test: true });
    const frontmatter = protocolSchema(() => z.string());
    meetings = readdirSync(join(dir, 'protocols')).map((file) => {
      const text = readFileSync(join(dir, 'protocols', file), 'utf8');
      const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      const data = frontmatter.parse(parse(yaml));
      return { ...data, id: file.replace(/\.mdx$/, ''), file: `content/protocols/${file}`, body };
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes protocols whose frontmatter passes the real schema', () => {
    expect(meetings).toHaveLength(PROTOCOLS);
    for (const meeting of meetings) expect(meeting.id).toBe(`${meeting.date}-${meeting.committee}`);
  });

  it('writes registries that pass the real schemas and references that resolve', () => {
    const registries = {
      people: registry('people', personSchema),
      organisations: registry('organisations', organisationSchema),
      committees: registry('committees', committeeSchema),
      topics: registry('topics', topicSchema),
    };
    const matters = [...registry('matters', matterSchema(() => z.string()))].map(([id, data]) => ({ ...data, id }));
    expect(checkIntegrity(meetings, registries)).toEqual([]);
    expect(checkMatters(matters, meetings)).toEqual([]);
  });

  it('writes each source file with the SHA-256 its protocol records', () => {
    expect(checkSourceFiles(meetings, sourceFileHashes(join(dir, 'sources')))).toEqual([]);
    const [first] = meetings;
    const bytes = readFileSync(join(dir, 'sources', first.source.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.source.sha256);
  });

  it('writes bodies in the importer format: a TOP heading per numbered item, numbered resolutions', () => {
    for (const meeting of meetings) {
      const body = parseProtocolBody(meeting.body);
      expect(body.topNumbers).toEqual(meeting.agenda.flatMap((item) => (item.number ? [item.number] : [])));
      expect(body.resolutions.map((r) => r.id)).toEqual(body.resolutions.map((_, i) => `${meeting.id}-b${i + 1}`));
      expect(body.resolutions.every((r) => r.item && body.topNumbers.includes(r.item))).toBe(true);
    }
  });

  it('refuses to overwrite a directory it did not write', () => {
    const other = mkdtempSync(join(tmpdir(), 'om-gen-test-'));
    writeArchive(generateArchive({ protocols: 1, seed: 1 }), join(other, 'first'), {});
    rmSync(join(other, 'first', '.om-gen.json'));
    expect(() => writeArchive(generateArchive({ protocols: 1, seed: 1 }), join(other, 'first'), {})).toThrow(
      /not written by the generator\. Fix: choose an empty or new --out directory/,
    );
    rmSync(other, { recursive: true, force: true });
  });
});
