/**
 * The rule of cheap page keys (src/lib/views/route-inputs.ts, routes.ts `inputs`): a page keyed on
 * its inputs must show the same whenever its inputs are the same, or a warm build would keep a stale
 * page. Checked over generated archives (scripts/gen) and one edit each, as the office makes them:
 * a new protocol (`addProtocol`, the benchmark's), a paragraph naming an earlier matter, a
 * resolution's text, a person, organisation, committee, topic or matter changed. For every page of
 * a route with inputs that exists before and after the edit: equal input keys imply equal props
 * (hashed in full, without stand-ins, from a second index of the same files).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { addProtocol } from '../../scripts/bench/warm.ts';
import { generateArchive } from '../../scripts/gen/generate.ts';
import { writeArchive } from '../../scripts/gen/write.ts';
import { buildArchiveIndex } from '../../src/lib/index/archive-index.ts';
import { fillResolutionStatus } from '../../src/lib/index/protocol-html.ts';
import { resolutionRegister } from '../../src/lib/index/resolutions.ts';
import { registryMap, toMatters, toMeeting, type Registries } from '../../src/lib/model/model.ts';
import { committeeSchema, matterSchema, organisationSchema, personSchema, protocolSchema, slugId, topicSchema } from '../../src/lib/model/schema.ts';
import { mentionDigest } from '../../src/lib/text/mention-digest.ts';
import { resolutionStatusMarker } from '../../src/lib/text/protocol-components.ts';
import { parseProtocolBody, type ProtocolBody } from '../../src/lib/text/protocol-body.ts';
import { allFeeds, feedKey } from '../../src/lib/publish/feeds.ts';
import { oparlExport } from '../../src/lib/publish/oparl.ts';
import { oparlFileKeys } from '../../src/lib/publish/oparl-keys.ts';
import { pageKey } from '../../src/lib/views/page-key.ts';
import { registerStandIns } from '../../src/lib/views/route-inputs.ts';
import { facetRoute, meetingRoute, organisationRoute, personRoute, resolutionRoute, routeKey, topicRoute, yearCommitteeRoute, type PageContext, type PageRoute } from '../../src/lib/views/routes.ts';

const PROTOCOLS = 16;
const frontmatter = protocolSchema(() => slugId);
const matters = matterSchema(() => slugId);
/** Parsed bodies by text: remark-mdx takes ~10 ms a body, and most bodies are the same before and after an edit. */
const parsed = new Map<string, ProtocolBody>();
const dirs: string[] = [];

/** Reads every `<id>.yaml` of a registry folder through its schema. */
function registry<T extends object>(dir: string, folder: string, schema: { parse(value: unknown): T }) {
  return registryMap(readdirSync(join(dir, folder)).sort().map((file) => ({ id: file.replace(/\.yaml$/, ''), data: schema.parse(parse(readFileSync(join(dir, folder, file), 'utf8'))) })));
}

/**
 * The page context of a content folder, as `src/lib/archive.ts` builds it. `standIns`: meetings and
 * resolutions registered for keys, each meeting with a digest like the loader's (its file and the
 * registry entries its text can mention); without, props are hashed in full. The body HTML is the
 * body with a status marker per resolution, filled like the real one (`fillResolutionStatus`).
 */
function contextOf(dir: string, standIns: boolean): PageContext {
  const registries: Registries = {
    people: registry(dir, 'people', personSchema) as Registries['people'],
    organisations: registry(dir, 'organisations', organisationSchema) as Registries['organisations'],
    committees: registry(dir, 'committees', committeeSchema) as Registries['committees'],
    topics: registry(dir, 'topics', topicSchema) as Registries['topics'],
    matters: toMatters(readdirSync(join(dir, 'matters')).sort().map((file) => ({ id: file.replace(/\.yaml$/, ''), data: matters.parse(parse(readFileSync(join(dir, 'matters', file), 'utf8'))) }))),
    nameDecisions: [],
  };
  const files = new Map<string, string>();
  const meetings = readdirSync(join(dir, 'protocols')).sort().map((file) => {
    const text = readFileSync(join(dir, 'protocols', file), 'utf8');
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    const id = file.replace(/\.mdx$/, '');
    files.set(id, text);
    if (!parsed.has(body)) parsed.set(body, parseProtocolBody(body));
    return toMeeting({ id, filePath: `content/protocols/${file}`, body, parsedBody: parsed.get(body), data: frontmatter.parse(parse(yaml)) as never });
  });
  const index = buildArchiveIndex(meetings, registries, readdirSync(join(dir, 'sources')));
  if (standIns) {
    const mentions = mentionDigest(registries);
    const digest = (id: string) => createHash('sha256').update(JSON.stringify([files.get(id), mentions.inputFor(files.get(id)!, id)])).digest('base64url');
    registerStandIns(index, new Map(meetings.map((m) => [m.id, digest(m.id)])));
  }
  const register = resolutionRegister(index);
  const html = async (id: string) => fillResolutionStatus(index, `${index.meetingById.get(id)?.body}${(register.byMeeting.get(id) ?? []).map((r) => `<!--${resolutionStatusMarker(r.id)}-->`).join('')}`);
  return { index, published: new Map(), site: 'https://protokolle.example.org/', html, today: '2026-01-15' };
}

/** The edits, each as the office (or an editor) makes it in `content/`. */
const edits = {
  add: (dir: string) => void addProtocol(dir),
  paragraph(dir: string, pick: number) {
    const file = nth(dir, 'protocols', pick);
    const matter = parse(readFileSync(nth(dir, 'matters', pick), 'utf8')) as { title: string };
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nNachtrag: Zum Vorgang „${matter.title}“ wurde weiter beraten.\n`);
  },
  resolution(dir: string, pick: number) {
    const file = nth(dir, 'protocols', pick);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(<Resolution [^>]*>\s*)/, '$1Geändert: '));
  },
  moderator(dir: string, pick: number) {
    // Another attendee moderated: the feeds of both show another role, their meeting item stays.
    const file = nth(dir, 'protocols', pick);
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
    const data = parse(yaml) as { attendees?: string[]; moderator?: string };
    data.moderator = (data.attendees ?? []).find((id) => id !== data.moderator) ?? data.moderator;
    writeFileSync(file, `---\n${stringify(data)}---\n${body}`);
  },
  person: (dir: string, pick: number) => changeYaml(nth(dir, 'people', pick), (p) => ({ ...p, name: `${p.name} Neu`, academicTitle: 'Dr.' })),
  organisation: (dir: string, pick: number) => changeYaml(nth(dir, 'organisations', pick), (o) => ({ ...o, shortName: `${o.shortName} X` })),
  committee: (dir: string, pick: number) => changeYaml(nth(dir, 'committees', pick), (c) => ({ ...c, name: `${c.name} (neu)` })),
  topic: (dir: string, pick: number) => changeYaml(nth(dir, 'topics', pick), (t) => ({ ...t, name: `${t.name} und mehr` })),
  matter: (dir: string, pick: number) => changeYaml(nth(dir, 'matters', pick), (m) => ({ ...m, title: `${m.title} (geändert)` })),
};

/** The `pick`-th file (modulo their number) of a content folder. */
function nth(dir: string, folder: string, pick: number): string {
  const files = readdirSync(join(dir, folder)).sort();
  return join(dir, folder, files[pick % files.length]);
}

function changeYaml(file: string, change: (value: Record<string, string>) => Record<string, unknown>): void {
  writeFileSync(file, stringify(change(parse(readFileSync(file, 'utf8')))));
}

/** Input key and full props key of every page of `route`, by params. */
async function keys<P extends Record<string, string>>(route: PageRoute<P, unknown>, keyed: PageContext, full: PageContext): Promise<Map<string, { input: string; props: string }>> {
  const result = new Map<string, { input: string; props: string }>();
  for (const params of route.paths(keyed)) {
    result.set(JSON.stringify(params), { input: await routeKey(route, keyed, params), props: pageKey({ params, props: await route.props(full, params) }) });
  }
  return result;
}

const routes = { meetingRoute, resolutionRoute, facetRoute, yearCommitteeRoute, personRoute, organisationRoute, topicRoute } as Record<string, PageRoute<Record<string, string>, unknown>>;

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('route inputs', () => {
  it('every route with inputs: equal inputs before and after one edit give equal props', { timeout: 600_000 }, async () => {
    const changed = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(...(Object.keys(edits) as (keyof typeof edits)[])), fc.nat(1000), async (seed, edit, pick) => {
        const dir = mkdtempSync(join(tmpdir(), 'om-route-inputs-'));
        dirs.push(dir);
        writeArchive(generateArchive({ protocols: PROTOCOLS, seed }), dir, { test: true });
        const before = await Promise.all(Object.values(routes).map((route) => keys(route, contextOf(dir, true), contextOf(dir, false))));
        edits[edit](dir, pick);
        const after = await Promise.all(Object.values(routes).map((route) => keys(route, contextOf(dir, true), contextOf(dir, false))));
        Object.keys(routes).forEach((name, i) => {
          for (const [params, { input, props }] of after[i]) {
            const old = before[i].get(params);
            if (!old) continue;
            if (old.input === input) expect(props, `${name} ${params} after edit "${edit}" (seed ${seed}, pick ${pick}): same inputs, other props`).toBe(old.props);
            else changed.set(edit, (changed.get(edit) ?? 0) + 1);
          }
        });
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 16, seed: 24 },
    );
    // The property means something only where edits change inputs: most kinds of edit changed some.
    expect(changed.size).toBeGreaterThanOrEqual(5);
  });

  it('keys a page on inputs that change with what it shows: a new protocol changes its neighbour, not an old meeting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'om-route-inputs-'));
    dirs.push(dir);
    writeArchive(generateArchive({ protocols: PROTOCOLS, seed: 5 }), dir, { test: true });
    const before = await keys(meetingRoute as never, contextOf(dir, true), contextOf(dir, false));
    const newest = readdirSync(join(dir, 'protocols')).sort().at(-1)!.replace(/\.mdx$/, '');
    const oldest = readdirSync(join(dir, 'protocols')).sort()[0].replace(/\.mdx$/, '');
    addProtocol(dir);
    const after = await keys(meetingRoute as never, contextOf(dir, true), contextOf(dir, false));
    expect(after.size).toBe(before.size + 1);
    // The newest meeting of the committee gets a "next" link: its page changes, and its key with it.
    expect(after.get(JSON.stringify({ id: newest }))!.input).not.toBe(before.get(JSON.stringify({ id: newest }))!.input);
    expect(after.get(JSON.stringify({ id: oldest }))!.input).toBe(before.get(JSON.stringify({ id: oldest }))!.input);
  });
});

describe('endpoint keys (oparlFileKeys, feedKey)', () => {
  const stamp = '2026-01-15T10:00:00Z';
  /** Each OParl file's key and served bytes (`src/pages/oparl/1.1/[...path].ts`), by path. */
  function oparlFiles(dir: string, at = stamp): Map<string, { key: string; bytes: string }> {
    const { index, site } = contextOf(dir, false);
    const files = oparlExport(index, site, at);
    const keys = oparlFileKeys(files, [at]);
    return new Map(files.map((file) => [file.path, { key: keys.get(file.data)!, bytes: `${JSON.stringify(file.data, null, 2)}\n` }]));
  }

  /** Each feed's key (`feedKey`) and its whole JSON (what `rssOptions` renders), by path. */
  function feeds(dir: string): Map<string, { key: string; bytes: string }> {
    const { index, site } = contextOf(dir, false);
    return new Map(allFeeds(index, site).map((feed) => [feed.path, { key: feedKey(feed), bytes: JSON.stringify(feed) }]));
  }

  it('a file keyed by the keys of the objects it embeds keeps its key only while its bytes stay (OParl, feeds)', { timeout: 600_000 }, async () => {
    const changed = new Map<string, number>();
    await fc.assert(
      // Every kind of edit on each generated archive.
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.nat(1000), async (seed, pick) => {
        for (const edit of Object.keys(edits) as (keyof typeof edits)[]) {
          const dir = mkdtempSync(join(tmpdir(), 'om-oparl-keys-'));
          dirs.push(dir);
          writeArchive(generateArchive({ protocols: PROTOCOLS, seed }), dir, { test: true });
          const outputs = (at: string) => new Map([...oparlFiles(at), ...feeds(at)]);
          const before = outputs(dir);
          edits[edit](dir, pick);
          for (const [path, { key, bytes }] of outputs(dir)) {
            const old = before.get(path);
            if (!old) continue;
            if (old.bytes !== bytes) {
              expect(key, `${path} after edit "${edit}" (seed ${seed}, pick ${pick}): other bytes, same key`).not.toBe(old.key);
              changed.set(edit, (changed.get(edit) ?? 0) + 1);
            }
          }
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 3, seed: 24 },
    );
    // Meaningful only where edits change files: most kinds of edit changed some.
    expect(changed.size).toBeGreaterThanOrEqual(7);
  });

  it('leaves the export time out: another build time keeps every key, so unchanged files keep their time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'om-oparl-keys-'));
    dirs.push(dir);
    writeArchive(generateArchive({ protocols: PROTOCOLS, seed: 7 }), dir, { test: true });
    const now = oparlFiles(dir);
    const later = oparlFiles(dir, '2026-01-16T08:30:00Z');
    expect([...later].filter(([path, { key }]) => now.get(path)?.key !== key)).toEqual([]);
    // …while the time is in the bytes of most files (the lists' pages carry none of their own).
    expect([...later].filter(([path, { bytes }]) => now.get(path)?.bytes !== bytes).length).toBeGreaterThan(later.size / 2);
  });
});
