/**
 * The rule that makes the incremental build safe (src/lib/views/page-key.ts): every route with
 * `getStaticPaths` gives each path a cache key of its props, and outside `getStaticPaths` the
 * route reads nothing but its props and params. A template that read the archive, a collection, a
 * file or the environment could show data its key does not cover: stale after a warm build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyedPaths, keyAs, pageKey } from '../../src/lib/views/page-key';

const pages = resolve(import.meta.dirname, '../../src/pages');

/** Every route file under src/pages. */
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /\.(astro|ts)$/.test(entry.name) && !entry.name.startsWith('_') ? [path] : [];
  });
}

/** The source of `getStaticPaths` (up to its closing brace) and everything else, import lines left out. */
function split(source: string): { paths: string; rest: string } {
  const start = source.indexOf('export async function getStaticPaths()');
  let depth = 0;
  let end = source.indexOf('{', start);
  for (; end < source.length; end++) {
    if (source[end] === '{') depth++;
    if (source[end] === '}' && --depth === 0) break;
  }
  const rest = (source.slice(0, start) + source.slice(end + 1)).replace(/^import .*$/gm, '');
  return { paths: source.slice(start, end + 1), rest };
}

/** What a keyed route must not read outside `getStaticPaths`. */
const outsideReads = /\b(getArchive|getEntry|getCollection|protocolHtml|publishedSources|attachmentCatalog|readFileSync|readFile|process\.env|import\.meta\.env|Astro\.site)\b/;

const keyed = routeFiles(pages).filter((file) => readFileSync(file, 'utf8').includes('getStaticPaths'));

describe('keyed routes', () => {
  it('are all the dynamic routes', () => {
    expect(keyed.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of keyed) {
    const name = relative(pages, file);
    it(`${name}: keys every path and reads only props and params outside getStaticPaths`, () => {
      const { paths, rest } = split(readFileSync(file, 'utf8'));
      expect(paths, 'getStaticPaths returns keyedPaths(…) or a *Pages builder of src/lib/views/routes.ts').toMatch(/\bkeyedPaths\(|\b[a-z]+Pages\(/);
      expect(rest.match(outsideReads)?.[0], `${name} reads this outside getStaticPaths; compute it there and pass it as a prop`).toBeUndefined();
    });
  }
});

describe('pageKey', () => {
  it('tells apart data that JSON would not', () => {
    expect(pageKey({ a: new Map([['x', 1]]) })).not.toBe(pageKey({ a: new Map([['x', 2]]) }));
    expect(pageKey({ a: new Set(['x']) })).not.toBe(pageKey({ a: new Set(['y']) }));
    expect(pageKey({ a: undefined })).not.toBe(pageKey({}));
    expect(pageKey({ a: [1, 2] })).toBe(pageKey({ a: [1, 2] }));
  });

  it('refuses functions, which a page key could not cover', () => {
    expect(() => pageKey({ render: () => 'x' })).toThrow(/function/i);
  });

  it('hashes a registered object by its stand-in, wherever it occurs', () => {
    const meeting = { id: 'm', body: 'long text', digest: 'd1' };
    keyAs(meeting, () => ({ id: meeting.id, digest: meeting.digest }));
    const before = pageKey({ list: [meeting], one: meeting });
    meeting.body = 'other text, same digest';
    expect(pageKey({ list: [meeting], one: meeting })).toBe(before);
    const edited = { ...meeting, digest: 'd2' };
    keyAs(edited, () => ({ id: edited.id, digest: edited.digest }));
    expect(pageKey({ list: [edited], one: edited })).not.toBe(before);
  });

  it('ignores the export time but nothing else', () => {
    const stamp = '2026-12-01T10:00:00Z';
    const [a] = keyedPaths([{ params: { id: 'x' }, props: { modified: stamp, name: 'A' } }], [stamp]);
    const [b] = keyedPaths([{ params: { id: 'x' }, props: { modified: '2026-12-02T10:00:00Z', name: 'A' } }], ['2026-12-02T10:00:00Z']);
    const [c] = keyedPaths([{ params: { id: 'x' }, props: { modified: stamp, name: 'B' } }], [stamp]);
    expect(a.cacheKey).toBe(b.cacheKey);
    expect(a.cacheKey).not.toBe(c.cacheKey);
  });
});
