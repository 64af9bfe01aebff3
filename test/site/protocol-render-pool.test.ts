/**
 * The protocols' content loader rendering in worker threads (src/lib/text/protocol-render-pool.ts,
 * issue #14): the store gets exactly the entries in-process rendering gives, for the real
 * protocols and for generated ones; protocols that cannot be published still fail the sync
 * together, each with its file and line; and no worker thread outlives a sync.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateArchive } from '../../scripts/gen/generate.ts';
import { writeArchive } from '../../scripts/gen/write.ts';
import { protocolSchema } from '../../src/lib/model/schema.ts';
import { protocolLoader, type ProtocolLoaderContext, type ProtocolLoaderOptions } from '../../src/lib/text/protocol-loader.ts';
import type { MentionRegistries } from '../../src/lib/model/registry-files.ts';
import { createProtocolRenderer, RenderPoolError, runningRenderWorkers } from '../../src/lib/text/protocol-render-pool.ts';
import { appendParagraph } from './helpers.ts';

const repoContent = join(import.meta.dirname, '../../content');
const schema = protocolSchema(() => z.string());

/** Two worker threads from the second protocol on: the pool, even for the real protocols. */
const pooled: ProtocolLoaderOptions['workers'] = { maxWorkers: 2, workersFrom: 2 };
const inProcess: ProtocolLoaderOptions['workers'] = { maxWorkers: 0 };

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project root with a copy of the real `content/` registries and protocols. */
function realProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'om-pool-'));
  roots.push(root);
  for (const folder of ['protocols', 'people', 'organisations']) cpSync(join(repoContent, folder), join(root, 'content', folder), { recursive: true });
  return root;
}

/** A project root whose `content/` is a generated archive of `protocols` protocols (`scripts/gen`). */
function generatedProject(protocols: number): string {
  const root = mkdtempSync(join(tmpdir(), 'om-pool-gen-'));
  roots.push(root);
  writeArchive(generateArchive({ protocols, seed: 3 }), join(root, 'content'), { generator: 'test' });
  return root;
}

/** One load of `root`'s protocols into a fresh store, through the real schema; the store's entries and the log. */
async function load(root: string, workers: ProtocolLoaderOptions['workers']) {
  const entries = new Map<string, unknown>();
  const logged: string[] = [];
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string }) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
    },
    config: { root: pathToFileURL(`${root}/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => schema.parseAsync(data),
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex'),
    logger: { info: (line: string) => logged.push(line), warn() {}, error() {} },
  } as unknown as ProtocolLoaderContext;
  const loading = protocolLoader({ base: './content/protocols', workers }).load(context as never);
  return { loading, entries, logged };
}

describe('protocolLoader in worker threads', () => {
  it('stores the same entries for the real protocols as rendering in-process', async () => {
    const root = realProject();
    const here = await load(root, inProcess);
    await here.loading;
    const there = await load(root, pooled);
    await there.loading;
    expect(here.logged.join('\n')).not.toMatch(/worker threads/);
    expect(there.logged.join('\n')).toMatch(new RegExp(`protocols: ${readdirSync('content/protocols').filter((f) => f.endsWith('.mdx')).length} rendered, 0 unchanged; 2 worker threads`));
    expect([...there.entries.keys()]).toEqual([...here.entries.keys()]);
    expect(there.entries).toStrictEqual(here.entries);
    expect(runningRenderWorkers()).toBe(0);
  }, 60_000);

  it('stores the same entries for 40 generated protocols, in the same order', async () => {
    const root = generatedProject(40);
    const here = await load(root, inProcess);
    await here.loading;
    const there = await load(root, pooled);
    await there.loading;
    expect(there.entries.size).toBe(40);
    expect([...there.entries.keys()]).toEqual([...here.entries.keys()].sort());
    expect(there.entries).toStrictEqual(here.entries);
    expect(runningRenderWorkers()).toBe(0);
  }, 120_000);

  it('fails naming every protocol that cannot be published, with its line, keeps the others and stops its workers', async () => {
    const root = generatedProject(30);
    const folder = join(root, 'content/protocols');
    const names = readdirSync(folder).sort();
    const append = (name: string, text: string) => appendParagraph(join(folder, name), text);
    // Two bodies with code (rendering fails in a worker), one frontmatter the schema rejects (fails on the main thread).
    append(names[3], 'export const x = 1');
    append(names[17], 'Summe: {1 + 1} Euro.');
    writeFileSync(join(folder, names[25]), readFileSync(join(folder, names[25]), 'utf8').replace(/^committee: .*$/m, 'committee: 42'));

    const there = await load(root, pooled);
    const error = await there.loading.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(new RegExp(`content/protocols/${names[3]}:\\d+: an import/export \\(ESM\\)`));
    expect(error?.message).toMatch(new RegExp(`content/protocols/${names[17]}:\\d+: a JavaScript expression \\{1 \\+ 1\\}`));
    expect(error?.message).toContain(`content/protocols/${names[25]}`);
    // In file order, as the in-process sync reports them.
    const here = await load(root, inProcess);
    const inProcessError = await here.loading.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(inProcessError?.message);
    expect(there.entries.size).toBe(27);
    expect(there.entries).toStrictEqual(here.entries);
    expect(runningRenderWorkers()).toBe(0);
  }, 120_000);

  it('fails every protocol with one error saying the workers did not start, instead of hanging', async () => {
    // Registries a worker cannot receive (a function is not structured-cloneable).
    const registries = { people: new Map([['x', { id: 'x', name: 'X Y', familyName: 'Y', aliases: [], greet() {} }]]), organisations: new Map(), nameDecisions: [] } as unknown as MentionRegistries;
    const renderer = createProtocolRenderer(registries, { maxWorkers: 2, workersFrom: 1 });
    const results = await Promise.allSettled(['a', 'b', 'c'].map((id) => renderer.render({ path: `content/protocols/${id}.mdx`, content: 'Text.' })));
    renderer.finish();
    await renderer.close();
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const reason = (results[0] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(RenderPoolError);
    expect(reason.message).toMatch(/^The protocol render worker \(src\/lib\/text\/protocol-render-worker\.ts\) did not start: .*could not be cloned.*Fix: /);
    expect(runningRenderWorkers()).toBe(0);
  });
});
