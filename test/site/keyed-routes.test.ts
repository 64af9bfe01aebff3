/**
 * The rule that makes the incremental build safe (src/lib/views/page-key.ts, routes.ts): every
 * route with `getStaticPaths` gives each path a cache key of what its page shows, and outside
 * `getStaticPaths` the route reads nothing but that: its route's props (`routeProps`, the function
 * the key hashed) or `Astro.props`. A template that read the archive, a collection, a file or the
 * environment itself could show data its key does not cover: stale after a warm build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setIncrementalBuild } from '../../src/lib/views/incremental';
import { jsonKey, keyAs, keyedPathsBy, keyedPathsFrom, pageKey, sharedKey, textKey } from '../../src/lib/views/page-key';

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
  const start = source.search(/export async function getStaticPaths\(/);
  let depth = 0;
  // The body's brace: the first after the parameter list (which destructures `{ routePattern }`).
  let end = source.indexOf('{', source.indexOf(')', start));
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
      const route = /\bkeyedRoute\((\w+),/.exec(paths)?.[1];
      expect(route ?? /\bkeyedPaths(?:From|By)?\(/.exec(paths)?.[0], 'getStaticPaths returns keyedRoute(route, …), keyedPaths(…), keyedPathsFrom(…) or keyedPathsBy(…) (src/lib/views/)').toBeDefined();
      // The output path of each page comes from the route pattern Astro passes in (src/lib/views/incremental.ts).
      expect(paths, 'getStaticPaths({ routePattern }) passes routePattern on').toMatch(/getStaticPaths\(\{ routePattern \}[^)]*\)[\s\S]*\bkeyed(?:Route\(\w+, [^;]*, routePattern\)|Paths(?:From|By)?\(\s*routePattern,)/);
      expect(rest.match(outsideReads)?.[0], `${name} reads this outside getStaticPaths; make it part of the route's props`).toBeUndefined();
      // The template shows what the key hashed: the same route's props, and no other route's.
      if (route) expect([...rest.matchAll(/\brouteProps\((\w+),/g)].map((m) => m[1])).toEqual([route]);
    });
  }
});

describe('pageKey', () => {
  it('tells apart data that JSON would not', () => {
    expect(pageKey({ a: new Map([['x', 1]]) })).not.toBe(pageKey({ a: new Map([['x', 2]]) }));
    expect(pageKey({ a: new Set(['x']) })).not.toBe(pageKey({ a: new Set(['y']) }));
    expect(pageKey({ a: new Uint8Array([1, 2]) })).not.toBe(pageKey({ a: new Uint8Array([1, 3]) }));
    expect(pageKey({ a: [1, 2] })).toBe(pageKey({ a: [1, 2] }));
  });

  it('refuses functions and class instances, which a page key could not cover', () => {
    expect(() => pageKey({ render: () => 'x' })).toThrow(/"render" is a function/);
    class Counter { n = 1; }
    expect(() => pageKey({ counter: new Counter() })).toThrow(/"counter" is a Counter instance/);
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
    const later = '2026-12-02T10:00:00Z';
    const a = pageKey({ params: { id: 'x' }, props: { modified: stamp, name: 'A' } }, [stamp]);
    expect(pageKey({ params: { id: 'x' }, props: { modified: later, name: 'A' } }, [later])).toBe(a);
    expect(pageKey({ params: { id: 'x' }, props: { modified: stamp, name: 'B' } }, [stamp])).not.toBe(a);
  });
});

describe('jsonKey and sharedKey', () => {
  it('jsonKey tells apart what JSON writes differently and ignores the export time', () => {
    const stamp = '2026-12-01T10:00:00Z';
    const a = jsonKey({ params: { path: 'meeting/x.json' }, props: { data: { name: 'A', modified: stamp } } }, [stamp]);
    expect(jsonKey({ params: { path: 'meeting/x.json' }, props: { data: { name: 'A', modified: '2026-12-02T10:00:00Z' } } }, ['2026-12-02T10:00:00Z'])).toBe(a);
    expect(jsonKey({ params: { path: 'meeting/x.json' }, props: { data: { name: 'B', modified: stamp } } }, [stamp])).not.toBe(a);
  });

  it('textKey tells apart texts and where one part ends, and ignores the export time', () => {
    const stamp = '2026-12-01T10:00:00Z';
    const a = textKey(['text/csv', `id,at\r\nx,${stamp}\r\n`], [stamp]);
    expect(textKey(['text/csv', 'id,at\r\nx,2026-12-02T10:00:00Z\r\n'], ['2026-12-02T10:00:00Z'])).toBe(a);
    expect(textKey(['text/csv', `id,at\r\ny,${stamp}\r\n`], [stamp])).not.toBe(a);
    expect(textKey(['ab', 'c'])).not.toBe(textKey(['a', 'bc']));
  });

  it('sharedKey is the pageKey of the object, for any object shared by pages', () => {
    const line = { id: 'b1', title: 'Die Gespräche werden fortgesetzt.' };
    expect(sharedKey(line)).toBe(pageKey(line));
    expect(sharedKey({ ...line, title: 'Anders.' })).not.toBe(sharedKey(line));
  });
});

describe('keyedPathsFrom', () => {
  it('makes the props of every item outside an incremental build, from its input', () => {
    const made: string[] = [];
    const paths = keyedPathsFrom('/kalender/[file]', [{ params: { file: 'a.ics' }, input: { n: 1 } }, { params: { file: 'b.ics' }, input: { n: 2 } }], (input) => {
      made.push(String(input.n));
      return { ics: `n=${input.n}` };
    });
    expect(paths).toEqual([{ params: { file: 'a.ics' }, props: { ics: 'n=1' } }, { params: { file: 'b.ics' }, props: { ics: 'n=2' } }]);
    expect(made).toEqual(['1', '2']);
  });

  it('in an incremental build, makes only the items whose input changed or whose file is missing', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'om-keyed-from-'));
    mkdirSync(join(outDir, 'kalender'));
    for (const file of ['a.ics', 'b.ics']) writeFileSync(join(outDir, 'kalender', file), '');
    const items = [
      { params: { file: 'a.ics' }, input: { n: 1 } },
      { params: { file: 'b.ics' }, input: { n: 2 } },
      { params: { file: 'c.ics' }, input: { n: 3 } },
    ];
    const previous = new Map(items.map((item) => [`/kalender/${item.params.file}`, pageKey({ params: item.params, input: item.input })]));
    setIncrementalBuild({ mode: 'incremental', previous, next: new Map(), kept: new Set(), outDir });
    try {
      const made: number[] = [];
      const paths = keyedPathsFrom('/kalender/[file]', [items[0], { ...items[1], input: { n: 20 } }, items[2]], (input) => (made.push(input.n), { ics: String(input.n) }));
      // a: unchanged and there; b: changed; c: unchanged but its file is missing.
      expect(paths.map((path) => path.params.file)).toEqual(['b.ics', 'c.ics']);
      expect(made).toEqual([20, 3]);
    } finally {
      setIncrementalBuild(undefined);
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('keyedPathsBy', () => {
  it('returns every path outside an incremental build, and in one only those whose given key changed or whose file is missing', () => {
    const paths = ['a.json', 'b.json', 'c.json'].map((file, n) => ({ params: { path: file }, props: { n } }));
    expect(keyedPathsBy('/oparl/1.1/[...path]', paths, ({ props }) => String(props.n))).toEqual(paths);
    const outDir = mkdtempSync(join(tmpdir(), 'om-keyed-by-'));
    mkdirSync(join(outDir, 'oparl', '1.1'), { recursive: true });
    for (const file of ['a.json', 'b.json']) writeFileSync(join(outDir, 'oparl', '1.1', file), '');
    const keyOf = (path: (typeof paths)[number]) => `k${path.props.n}`;
    const previous = new Map(paths.map((path) => [`/oparl/1.1/${path.params.path}`, jsonKey({ params: path.params, key: keyOf(path) })]));
    setIncrementalBuild({ mode: 'incremental', previous, next: new Map(), kept: new Set(), outDir });
    try {
      // a: same key, file there; b: another key; c: same key, file missing.
      const chosen = keyedPathsBy('/oparl/1.1/[...path]', paths, (path) => (path.params.path === 'b.json' ? 'other' : keyOf(path)));
      expect(chosen.map((path) => path.params.path)).toEqual(['b.json', 'c.json']);
    } finally {
      setIncrementalBuild(undefined);
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
