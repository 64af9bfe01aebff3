/**
 * The incremental build (src/integrations/incremental-pages.ts, src/lib/views/incremental.ts) must
 * never serve a stale page: after edits to a protocol and to registries, a warm build (dist/ and
 * caches of the previous build kept) must leave exactly the dist/ a cold build of the edited archive
 * writes, while leaving the files whose data did not change untouched. Keys: src/lib/views/page-key.ts,
 * routes: src/lib/views/routes.ts, route-inputs.ts. Two rounds of edits: a protocol, a person and a
 * committee edited; then, on top, the office's case: a new protocol with a new person
 * (`addProtocol`, scripts/bench/warm.ts), and an organisation and a topic changed in their registries.
 * Seven `astro build`s of the real archive, about two minutes (timeouts allow for a machine shared with other builds).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { astroBuild, copyProject, runInCopy } from './build-copy';
import { addProtocol } from '../../scripts/bench/warm.ts';

const repo = resolve(import.meta.dirname, '../..');
const env = { SOURCE_DATE_EPOCH: '1764547200' };

/** `astro build` in a copy with a fixed export time; fails the test with the build's output. */
function build(root: string): string {
  const previous = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = env.SOURCE_DATE_EPOCH;
  try {
    const { status, output } = runInCopy(root, astroBuild);
    if (status !== 0) throw new Error(`astro build failed in ${root}:\n${output.slice(-3000)}`);
    return output;
  } finally {
    if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = previous;
  }
}

/** Every file in `dist` with its modification time (ns), by dist path (`/sitzungen/x/index.html`). */
function modified(dist: string): Map<string, bigint> {
  const times = new Map<string, bigint>();
  for (const entry of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    times.set(`/${relative(dist, file).split(sep).join('/')}`, statSync(file, { bigint: true }).mtimeNs);
  }
  return times;
}

/** The dist paths a build left as they were (`kept`) and those it wrote (`written`), from the files' times before and after. */
function keptAndWritten(before: Map<string, bigint>, after: Map<string, bigint>): { kept: Set<string>; written: Set<string> } {
  const kept = new Set<string>();
  const written = new Set<string>();
  for (const [path, time] of after) (before.get(path) === time ? kept : written).add(path);
  return { kept, written };
}

/** The edits: a person's display name, a paragraph added to a protocol, a committee's description. */
function edit(root: string): { person: string; meeting: string; committee: string } {
  const content = join(root, 'content');
  const protocols = readdirSync(join(content, 'protocols')).filter((f) => f.endsWith('.mdx')).sort();
  const meeting = protocols.at(-1)!.replace(/\.mdx$/, '');
  const protocolText = protocols.map((f) => readFileSync(join(content, 'protocols', f), 'utf8')).join('\n');
  // A person whose family name occurs in a protocol body: their page, and the meetings naming them, change.
  const person = readdirSync(join(content, 'people'))
    .sort()
    .map((f) => f.replace(/\.yaml$/, ''))
    .find((id) => protocolText.includes(`people/${id}`) || protocolText.includes(`/personen/${id}/`) || protocolText.includes(`- ${id}\n`))!;
  const personFile = join(content, 'people', `${person}.yaml`);
  const record = parse(readFileSync(personFile, 'utf8')) as { name: string };
  writeFileSync(personFile, stringify({ ...record, name: `${record.name} (umbenannt)` }));
  const protocolFile = join(content, 'protocols', `${meeting}.mdx`);
  writeFileSync(protocolFile, `${readFileSync(protocolFile, 'utf8').trimEnd()}\n\nNachtrag für den inkrementellen Build: Absatz Wiedervorlagekontrolle.\n`);
  const committee = readdirSync(join(content, 'committees')).sort()[0].replace(/\.yaml$/, '');
  const committeeFile = join(content, 'committees', `${committee}.yaml`);
  const committeeRecord = parse(readFileSync(committeeFile, 'utf8')) as { description?: string };
  writeFileSync(committeeFile, stringify({ ...committeeRecord, description: `${committeeRecord.description ?? ''} Neu beschrieben.`.trim() }));
  return { person, meeting, committee };
}

/** The second round: a new protocol (with a new person), an organisation's short name and a topic's name changed. */
function addAndEdit(root: string): { meeting: string; person: string; organisation: string; topic: string } {
  const content = join(root, 'content');
  const { id, person } = addProtocol(content);
  const newMeeting = readFileSync(join(content, 'protocols', `${id}.mdx`), 'utf8');
  // An organisation and a topic the new protocol's neighbours show: registry entries of pages already built.
  const organisation = readdirSync(join(content, 'organisations')).sort().map((f) => f.replace(/\.yaml$/, '')).find((o) => newMeeting.includes(o))!;
  const organisationFile = join(content, 'organisations', `${organisation}.yaml`);
  const org = parse(readFileSync(organisationFile, 'utf8')) as { shortName: string };
  writeFileSync(organisationFile, stringify({ ...org, shortName: `${org.shortName} Neu` }));
  const topic = readdirSync(join(content, 'topics')).sort()[0].replace(/\.yaml$/, '');
  const topicFile = join(content, 'topics', `${topic}.yaml`);
  const topicRecord = parse(readFileSync(topicFile, 'utf8')) as { name: string };
  writeFileSync(topicFile, stringify({ ...topicRecord, name: `${topicRecord.name} (umbenannt)` }));
  return { meeting: id, person, organisation, topic };
}

/** `diff -rq` of two dist folders: '' when they are the same. */
function distDiff(a: string, b: string): string {
  try {
    execFileSync('diff', ['-rq', a, b], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error);
  }
}

describe('incremental build', () => {
  let warmRoot = '';
  let coldRoot = '';
  let warmLog = '';
  let edits: ReturnType<typeof edit>;
  let outputs: ReturnType<typeof keptAndWritten>;
  let firstWarmDiff = '';
  let added: ReturnType<typeof addAndEdit>;
  let addLog = '';
  let addOutputs: ReturnType<typeof keptAndWritten>;
  let addedColdRoot = '';

  beforeAll(() => {
    warmRoot = copyProject(join(repo, 'content'));
    build(warmRoot);
    const before = modified(join(warmRoot, 'dist'));
    edits = edit(warmRoot);
    warmLog = build(warmRoot);
    outputs = keptAndWritten(before, modified(join(warmRoot, 'dist')));
    // The same edited archive, built cold: a fresh copy without caches.
    coldRoot = copyProject(join(warmRoot, 'content'));
    build(coldRoot);
    firstWarmDiff = distDiff(join(warmRoot, 'dist'), join(coldRoot, 'dist'));
    // Second round, on the warm copy: the office's new protocol and two registry entries.
    const beforeAdd = modified(join(warmRoot, 'dist'));
    added = addAndEdit(warmRoot);
    addLog = build(warmRoot);
    addOutputs = keptAndWritten(beforeAdd, modified(join(warmRoot, 'dist')));
    addedColdRoot = copyProject(join(warmRoot, 'content'));
    build(addedColdRoot);
  }, 1_500_000);

  afterAll(() => {
    for (const root of [warmRoot, coldRoot, addedColdRoot]) if (root) rmSync(root, { recursive: true, force: true });
  });

  it('writes the same dist/ as a cold build of the edited archive', () => {
    expect(firstWarmDiff).toBe('');
  });

  it('after a new protocol and changed registry entries, writes the same dist/ as a cold build', () => {
    expect(distDiff(join(warmRoot, 'dist'), join(addedColdRoot, 'dist'))).toBe('');
    expect(addLog).toMatch(/incremental build: pages whose data is unchanged/);
    const { kept, written } = addOutputs;
    expect(written).toContain(`/sitzungen/${added.meeting}/index.html`);
    expect(written).toContain(`/personen/${added.person}/index.html`);
    expect(written).toContain(`/organisationen/${added.organisation}/index.html`);
    expect(readFileSync(join(warmRoot, 'dist/personen', added.person, 'index.html'), 'utf8')).toContain('Theda Warmbrunn');
    // Meetings of other committees, before the new one and naming neither changed entry: untouched.
    expect([...kept].some((path) => path.startsWith('/sitzungen/'))).toBe(true);
    expect(kept.size).toBeGreaterThan(written.size);
  });

  it('leaves the unchanged pages as they were and writes the edited ones', () => {
    const { kept, written } = outputs;
    expect(warmLog).toMatch(/incremental build: pages whose data is unchanged/);
    expect(kept.size).toBeGreaterThan(written.size);
    expect(written).toContain(`/personen/${edits.person}/index.html`);
    expect(written).toContain(`/sitzungen/${edits.meeting}/index.html`);
    expect(written).toContain(`/gremien/${edits.committee}/index.html`);
    expect(kept).not.toContain(`/sitzungen/${edits.meeting}/index.html`);
    // A resolution of another meeting that names nobody renamed: untouched.
    expect([...kept].some((path) => path.startsWith('/beschluesse/') && !path.includes(edits.meeting))).toBe(true);
    const counts = /outputs: (\d+) generated, (\d+) kept, (\d+) removed/.exec(warmLog);
    expect(counts, 'the build log counts generated and kept outputs').not.toBeNull();
    expect(Number(counts![2])).toBeGreaterThan(Number(counts![1]));
  });

  it('builds everything again when the code changes', () => {
    const root = copyProject(join(warmRoot, 'content'));
    try {
      build(root);
      writeFileSync(join(root, 'src/styles/global.css'), `${readFileSync(join(root, 'src/styles/global.css'), 'utf8')}\n/* changed */\n`);
      const log = build(root);
      expect(log).toMatch(/full build \(code or settings changed\)/);
      expect(log).toMatch(/outputs: \d+ generated, 0 kept/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 600_000);

  it('shows the edits on the pages', () => {
    const meetingPage = readFileSync(join(warmRoot, 'dist/sitzungen', edits.meeting, 'index.html'), 'utf8');
    expect(meetingPage).toContain('Wiedervorlagekontrolle');
    expect(readFileSync(join(warmRoot, 'dist/personen', edits.person, 'index.html'), 'utf8')).toContain('(umbenannt)');
    expect(readFileSync(join(warmRoot, 'dist/gremien', edits.committee, 'index.html'), 'utf8')).toContain('Neu beschrieben.');
  });
});
