/**
 * Hand edits are checked (issue #24): a misplaced or misspelled field, an impossible date
 * (quoted or not) and a protocol file named other than its meeting id fail, naming the file,
 * the field path and the fix. The messages are pinned as the editor reads them: through the
 * real schema (src/lib/model/schema.ts, strict-zod.ts) and the real file reading
 * (src/lib/model/content-file.ts), and once as `astro build` prints them (like Starlight's
 * `__tests__/basics/config-errors.test.ts`).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssues, splitFrontmatter } from '../../src/lib/model/content-file';
import * as schemas from '../../src/lib/model/schema';
import { committeeSchema, personSchema, slugId } from '../../src/lib/model/schema';
import { frontmatterProblems } from '../../src/lib/text/protocol-loader';
import { astroBuild, copyProject, runInCopy } from './build-copy';

const fixture = resolve(import.meta.dirname, '../fixtures/site/content');
const protocolFile = 'content/protocols/2021-04-22-strategiekreis.mdx';
const protocolText = readFileSync(join(fixture, 'protocols/2021-04-22-strategiekreis.mdx'), 'utf8');

/** The problems the protocols' loader reports for the fixture protocol with `edit` applied to its text. */
function problemsAfter(edit: (text: string) => string, id = '2021-04-22-strategiekreis'): string[] {
  const file = `content/protocols/${id}.mdx`;
  return frontmatterProblems(file, id, splitFrontmatter(edit(protocolText), file).data);
}

describe('protocol frontmatter', () => {
  it('passes the fixture protocol as it is', () => {
    expect(problemsAfter((text) => text)).toEqual([]);
  });

  it('rejects a field put into the wrong object, naming its path and the fields that belong there', () => {
    expect(problemsAfter((text) => text.replace('\n  - number: "1"\n', '\n  - number: "1"\n    file: anlage-1.pdf\n'))).toMatchInlineSnapshot(`
      [
        "content/protocols/2021-04-22-strategiekreis.mdx: agenda[1].file: unknown field. Fix: remove it, or use one of the fields here: number, title, details, presenters, organizations, topics, time.",
      ]
    `);
  });

  it('names the closest known field of a misspelled one, top-level and nested', () => {
    const edited = problemsAfter((text) => text.replace('\ncommittee:', '\ncomittee:').replace('\n  - number: "1"\n    title:', '\n  - number: "1"\n    titel:'));
    expect(edited).toMatchInlineSnapshot(`
      [
        "content/protocols/2021-04-22-strategiekreis.mdx: committee: missing. Fix: add it (src/lib/model/schema.ts lists every field)",
        "content/protocols/2021-04-22-strategiekreis.mdx: agenda[1].title: missing. Fix: add it (src/lib/model/schema.ts lists every field)",
        "content/protocols/2021-04-22-strategiekreis.mdx: agenda[1].titel: unknown field. Fix: did you mean "title"? (src/lib/model/schema.ts lists every field)",
        "content/protocols/2021-04-22-strategiekreis.mdx: comittee: unknown field. Fix: did you mean "committee"? (src/lib/model/schema.ts lists every field)",
      ]
    `);
  });

  it('rejects impossible dates, unquoted (which YAML 1.1 would roll over to March 2) and quoted', () => {
    expect(problemsAfter((text) => text.replace(/\ndate: .*\n/, '\ndate: 2021-02-30\n'))).toMatchInlineSnapshot(`
      [
        "content/protocols/2021-04-22-strategiekreis.mdx: date: "2021-02-30" is no day of the calendar (months 01–12, days as the month has them). Fix: correct the date, written "YYYY-MM-DD".",
      ]
    `);
    expect(problemsAfter((text) => text.replace(/\ndate: .*\n/, '\ndate: "2020-13-09"\n'))).toEqual([
      `${protocolFile}: date: "2020-13-09" is no day of the calendar (months 01–12, days as the month has them). Fix: correct the date, written "YYYY-MM-DD".`,
    ]);
    expect(problemsAfter((text) => text.replace('\n  - date: 2021-11-11\n', '\n  - date: 2021-11-31\n'))).toEqual([
      `${protocolFile}: nextMeetings[0].date: "2021-11-31" is no day of the calendar (months 01–12, days as the month has them). Fix: correct the date, written "YYYY-MM-DD".`,
    ]);
    // A leap day is a day.
    expect(problemsAfter((text) => text.replace('\n  - date: 2021-11-11\n', '\n  - date: 2024-02-29\n'))).toEqual([]);
  });

  it('rejects a file whose name is not its meeting id, with the name it should have', () => {
    expect(problemsAfter((text) => text, '2021-04-23-strategiekreis')).toMatchInlineSnapshot(`
      [
        "content/protocols/2021-04-23-strategiekreis.mdx: the file name is not the meeting id "2021-04-22-strategiekreis" (date and committee of the frontmatter). Fix: rename the file to content/protocols/2021-04-22-strategiekreis.mdx, or correct date or committee.",
      ]
    `);
  });

  it('names the file line of a YAML syntax error', () => {
    expect(() => problemsAfter((text) => text.replace('\nnumber: 4\n', '\nnumber: 4\nnumber: 5\n'))).toThrowErrorMatchingInlineSnapshot(
      `[ContentError: content/protocols/2021-04-22-strategiekreis.mdx:5: Map keys must be unique. Fix: correct the YAML there (indentation, quotes, one key per line).]`,
    );
  });
});

describe('registries', () => {
  it('reject unknown fields, one line per field', () => {
    const person = personSchema.safeParse({ name: 'Achim Sieker', familyName: 'Sieker', nmae: 'x', alias: ['A. Sieker'] });
    expect(describeIssues('content/people/achim-sieker.yaml', person.error!)).toMatchInlineSnapshot(`
      [
        "content/people/achim-sieker.yaml: nmae: unknown field. Fix: remove it, or use one of the fields here: name, givenName, familyName, academicTitle, aliases.",
        "content/people/achim-sieker.yaml: alias: unknown field. Fix: did you mean "aliases"? (src/lib/model/schema.ts lists every field)",
      ]
    `);
    expect(committeeSchema.safeParse({ name: 'Plenum', description: 'Das Plenum.' }).success).toBe(true);
  });
});

/** Every zod object reachable from `schema`, with the path of properties that leads to it. */
function objectsIn(schema: unknown, at: string, seen = new Set<unknown>()): { at: string; strict: boolean }[] {
  const zod = (schema as { _zod?: { def: Record<string, unknown> } })?._zod;
  if (zod === undefined || seen.has(schema)) return [];
  seen.add(schema);
  const { def } = zod;
  const found: { at: string; strict: boolean }[] = [];
  if (def.type === 'object') {
    const catchall = (def.catchall as { _zod?: { def: { type: string } } } | undefined)?._zod?.def.type;
    found.push({ at, strict: catchall === 'never' });
    for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) found.push(...objectsIn(field, `${at}.${key}`, seen));
  }
  for (const [key, value] of Object.entries(def)) {
    if (key === 'shape' || key === 'catchall') continue;
    for (const inner of Array.isArray(value) ? value : [value]) found.push(...objectsIn(inner, at, seen));
  }
  return found;
}

describe('the content model', () => {
  it('is strict in every object of every exported schema, also those added later', () => {
    const all = Object.entries(schemas).flatMap(([name, value]) => {
      // Schema builders take the id-reference schema (`protocolSchema(idRef)`).
      const schema = typeof value === 'function' ? (value as (idRef: () => unknown) => unknown)(() => slugId) : value;
      return objectsIn(schema, name);
    });
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((o) => !o.strict).map((o) => o.at)).toEqual([]);
  });
});

describe('astro build', () => {
  /** Builds a copy of the site fixture with `edit` applied to its content; returns the lines after "Syncing content". */
  function buildOutput(edit: (content: string) => void): { status: number | null; report: string } {
    const content = mkdtempSync(join(tmpdir(), 'om-content-errors-'));
    cpSync(fixture, content, { recursive: true });
    edit(content);
    const root = copyProject(content);
    try {
      const { status, output } = runInCopy(root, astroBuild);
      const lines = output.split('\n');
      const start = lines.findIndex((line) => /Syncing content/.test(line));
      // Drop log lines (timestamped) and the blank ones: what is left is the error as Astro prints it.
      const report = lines.slice(start + 1).filter((line) => line.trim() !== '' && !/^\d\d:\d\d:\d\d /.test(line));
      return { status, report: report.join('\n') };
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(content, { recursive: true, force: true });
    }
  }

  const edit = (content: string, file: string, change: (text: string) => string) =>
    writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));

  it('fails on broken protocols with one line per problem, and no stack or unrelated hint', () => {
    const { status, report } = buildOutput((content) => {
      edit(content, 'protocols/2021-04-22-strategiekreis.mdx', (text) => text.replace('\n  - number: "1"\n', '\n  - number: "1"\n    file: anlage-1.pdf\n'));
      edit(content, 'protocols/2021-11-11-plenum.mdx', (text) => text.replace(/\ndate: .*\n/, '\ndate: 2021-02-30\n'));
      edit(content, 'protocols/2020-10-01-strategiekreis.mdx', (text) => text.replace(/\ndate: .*\n/, '\ndate: "2020-13-09"\n'));
      renameSync(join(content, 'protocols/2019-06-05-plenum.mdx'), join(content, 'protocols/2019-06-06-plenum.mdx'));
    });
    expect(status).toBe(1);
    expect(report).toMatchInlineSnapshot(`
      "Protocols that cannot be published:
      content/protocols/2019-06-06-plenum.mdx: the file name is not the meeting id "2019-06-05-plenum" (date and committee of the frontmatter). Fix: rename the file to content/protocols/2019-06-05-plenum.mdx, or correct date or committee.
      content/protocols/2020-10-01-strategiekreis.mdx: date: "2020-13-09" is no day of the calendar (months 01–12, days as the month has them). Fix: correct the date, written "YYYY-MM-DD".
      content/protocols/2021-04-22-strategiekreis.mdx: agenda[1].file: unknown field. Fix: remove it, or use one of the fields here: number, title, details, presenters, organizations, topics, time.
      content/protocols/2021-11-11-plenum.mdx: date: "2021-02-30" is no day of the calendar (months 01–12, days as the month has them). Fix: correct the date, written "YYYY-MM-DD"."
    `);
  }, 600_000);

  it('fails on a misspelled registry field, naming the file and the field', () => {
    const { status, report } = buildOutput((content) => edit(content, 'committees/plenum.yaml', (text) => `${text}alias:\n  - Plenums\n`));
    expect(status).toBe(1);
    expect(report).toMatchInlineSnapshot(`"content/committees/plenum.yaml: alias: unknown field. Fix: did you mean "aliases"? (src/lib/model/schema.ts lists every field)"`);
  }, 600_000);
});
