/**
 * Astro's incremental build (astro.config.mjs `experimental.incrementalBuild`) must never serve a
 * stale page: after edits to a protocol and to registries, a warm build (caches of the previous
 * build kept) must write exactly the dist/ a cold build of the edited archive writes, while
 * copying the pages whose data did not change. Keys: src/lib/views/page-key.ts, routes:
 * src/lib/views/routes.ts. Three `astro build`s of the real archive, about 40 s.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { astroBuild, copyProject, runInCopy } from './build-copy';

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

/** The pages a build log lists as copied from the cache (`(cached)` / `(restored)`), as dist paths. */
function reused(log: string): Set<string> {
  return new Set([...log.matchAll(/[├└]─ (\/\S*?) \((?:cached|restored)\)/g)].map((m) => m[1]));
}

/** The pages a build log lists as rendered: every listed path not copied (with concurrent rendering, a path's log line may run into the next one's time stamp). */
function rendered(log: string): Set<string> {
  const copied = reused(log);
  return new Set([...log.matchAll(/[├└]─ (\/\S*?)(?=\d\d:\d\d:\d\d|\s|$)/g)].map((m) => m[1]).filter((path) => !copied.has(path)));
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

describe('incremental build', () => {
  let warmRoot = '';
  let coldRoot = '';
  let warmLog = '';
  let edits: ReturnType<typeof edit>;

  beforeAll(() => {
    warmRoot = copyProject(join(repo, 'content'));
    build(warmRoot);
    edits = edit(warmRoot);
    warmLog = build(warmRoot);
    // The same edited archive, built cold: a fresh copy without caches.
    coldRoot = copyProject(join(warmRoot, 'content'));
    build(coldRoot);
  }, 300_000);

  afterAll(() => {
    for (const root of [warmRoot, coldRoot]) if (root) rmSync(root, { recursive: true, force: true });
  });

  it('writes the same dist/ as a cold build of the edited archive', () => {
    let differences = '';
    try {
      execFileSync('diff', ['-rq', join(warmRoot, 'dist'), join(coldRoot, 'dist')], { encoding: 'utf8' });
    } catch (error) {
      differences = (error as { stdout?: string }).stdout ?? String(error);
    }
    expect(differences).toBe('');
  });

  it('copies the unchanged pages and renders the edited ones', () => {
    const copied = reused(warmLog);
    const again = rendered(warmLog);
    expect(copied.size).toBeGreaterThan(again.size);
    expect(again).toContain(`/personen/${edits.person}/index.html`);
    expect(again).toContain(`/sitzungen/${edits.meeting}/index.html`);
    expect(again).toContain(`/gremien/${edits.committee}/index.html`);
    expect(copied).not.toContain(`/sitzungen/${edits.meeting}/index.html`);
  });

  it('shows the edits on the pages', () => {
    const meetingPage = readFileSync(join(warmRoot, 'dist/sitzungen', edits.meeting, 'index.html'), 'utf8');
    expect(meetingPage).toContain('Wiedervorlagekontrolle');
    expect(readFileSync(join(warmRoot, 'dist/personen', edits.person, 'index.html'), 'utf8')).toContain('(umbenannt)');
    expect(readFileSync(join(warmRoot, 'dist/gremien', edits.committee, 'index.html'), 'utf8')).toContain('Neu beschrieben.');
  });
});
