/**
 * Keys for the archive's incremental build (`src/lib/views/incremental.ts`): an output whose key is
 * unchanged since the last build is not generated again; its file stays in `dist/`.
 *
 * The rule of the archive: **a keyed page renders nothing but its params and props**. Its route
 * computes everything the page shows from the archive (`src/lib/views/routes.ts`) and the page's
 * template only lays out those props; the key is a hash of params and props. So a change anywhere in
 * the archive (a protocol, a person's alias, a later protocol that changes a resolution's status, a
 * new neighbour in the pager) generates exactly the pages whose data changed. A change to the site's
 * code, config or lockfile rebuilds everything (`src/integrations/incremental-pages.ts`).
 * `test/site/keyed-routes.test.ts` checks that no keyed route reads the archive outside its props,
 * and `test/site/incremental-build.test.ts` that a warm build's dist equals a cold build's.
 */
import { createHash } from 'node:crypto';
import { incrementalBuild, keepOutput, outputPath } from './incremental';

/** Objects hashed by a compact stand-in instead of their fields (`keyAs`), and the stand-ins' keys once computed. */
const standIns = new WeakMap<object, () => unknown>();
const standInKeys = new WeakMap<object, string>();

/**
 * Hash `object` by `standIn()` wherever it occurs in a page's data: for large shared objects whose
 * content a smaller value determines, e.g. a meeting (frontmatter plus protocol text) by its
 * frontmatter and the content loader's digest of the file. Computed once per object and build.
 * The stand-in must change whenever anything a page could show of the object changes.
 */
export function keyAs(object: object, standIn: () => unknown): void {
  standIns.set(object, standIn);
}

/**
 * JSON.stringify's replacer for keys: Map and Set by their entries (JSON would write `{}` for
 * both, so a changed Map would keep its key), bytes by their SHA-256, registered objects by their
 * stand-in; functions, symbols and other class instances are refused, as no key could cover them.
 * Date and URL arrive as their JSON strings.
 */
function keyReplacer(this: unknown, name: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new Error(`pageKey: "${name}" is a ${typeof value}; page data must be plain values.`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const standIn = standIns.get(value);
    if (!standIn) return value;
    let key = standInKeys.get(value);
    if (key === undefined) {
      key = pageKey(standIn());
      standInKeys.set(value, key);
    }
    return { '\u0000key': key };
  }
  if (value instanceof Map) return { '\u0000Map': [...value] };
  if (value instanceof Set) return { '\u0000Set': [...value] };
  if (ArrayBuffer.isView(value)) return { '\u0000bytes': createHash('sha256').update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)).digest('base64url') };
  throw new Error(`pageKey: "${name}" is a ${prototype?.constructor?.name ?? 'class'} instance; page data must be plain values.`);
}

/**
 * The cache key of a page's data: SHA-256 (base64url, 43 characters) of its JSON, with Map, Set,
 * bytes and stand-ins written out by `keyReplacer` (an `undefined` property counts as absent, as
 * it does for a template).
 * @param value the page's params and props
 * @param ignore strings that are not data but the build's own clock (the OParl and dataset export
 *   time, `exportTimestamp`): removed before hashing, so an unchanged object keeps the file, and with
 *   it the time, of the build that last changed it
 * @example pageKey({ params: { id: 'a' }, props: { n: 1 } }) === pageKey({ params: { id: 'a' }, props: { n: 1 } }) // => true
 * @throws Error naming the property whose value is a function, symbol or class instance
 */
export function pageKey(value: unknown, ignore: readonly string[] = []): string {
  let text = JSON.stringify(value, keyReplacer) ?? '';
  for (const part of ignore) if (part) text = text.replaceAll(part, '');
  return createHash('sha256').update(text).digest('base64url');
}

/** Keys of objects many pages share (`sharedKey`), by object. */
const sharedKeys = new WeakMap<object, string>();

/**
 * The `pageKey` of an object that many pages show (a resolution's list line, memoised per index:
 * `src/lib/views/resolution.ts`), computed once per object and build: a route's `inputs` can put
 * this 43-character key where the object would be hashed on every page that lists it. The object
 * must not change after its first key (the memoised views never do).
 * @example sharedKey(item) === sharedKey(item) // => true, hashed once
 */
export function sharedKey(object: object): string {
  let key = sharedKeys.get(object);
  if (key === undefined) sharedKeys.set(object, (key = pageKey(object)));
  return key;
}

/**
 * The `getStaticPaths` result of an endpoint route whose items carry their props (OParl objects,
 * feeds, open data, calendars, originals, attachments): each item's key (`pageKey` of params and
 * props) is recorded for the incremental build (`src/lib/views/incremental.ts`), and only the items
 * to generate are returned: all of them, or in an incremental build those whose key changed.
 * @param routePattern the route's pattern, as Astro passes it to `getStaticPaths` (`'/feeds/[...feed]'`)
 * @param ignore as for `pageKey`
 * @param options `json`: the props are plain JSON, keyed by `jsonKey` (a Map or Set in them would hash as `{}`: never for other props)
 * @example keyedPaths('/daten/[file]', [{ params: { file: 'a.csv' }, props: { content: 'x' } }]).length // => 1 outside an incremental build
 */
export function keyedPaths<Params extends Record<string, string>, Props>(
  routePattern: string,
  paths: readonly { params: Params; props: Props }[],
  ignore: readonly string[] = [],
  options: { json?: boolean } = {},
): { params: Params; props: Props }[] {
  const state = incrementalBuild();
  if (!state) return [...paths];
  const key = options.json ? jsonKey : pageKey;
  return paths.filter((path) => !keepOutput(outputPath(routePattern, path.params, 'endpoint'), key({ params: path.params, props: path.props }, ignore), state));
}

/**
 * `pageKey` for values that are plain JSON (no Map, Set, bytes or stand-ins: the OParl objects and
 * feeds, `oparlFileKeys` and `feedKey`, and `keyedPathsBy`'s keys): the SHA-256 of `JSON.stringify`
 * without a replacer, about 3.6× faster (BENCHMARKS.md, "#24, fifth pass"). `keyedPaths`' `json` option.
 * @example jsonKey({ a: 1 }) === jsonKey({ a: 1 }) // => true
 */
export function jsonKey(value: unknown, ignore: readonly string[] = []): string {
  let text = JSON.stringify(value) ?? '';
  for (const part of ignore) if (part) text = text.replaceAll(part, '');
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Like `keyedPaths`, for outputs that cost more to make than their input costs to hash (the
 * iCalendar files: ical-generator's `toString` was the largest single cost of a warm build's
 * `getStaticPaths`, issue #24): each item's key is `pageKey` of its params and `input`, and
 * `make(input)` runs only for the items that are generated. So `make` must read nothing but its
 * input (the site's code is covered by the build's fingerprint, `src/integrations/incremental-pages.ts`).
 * @example keyedPathsFrom('/kalender/[file]', [{ params: { file: 'a.ics' }, input: { events: [] } }], (input) => ({ ics: '' })).length // => 1 outside an incremental build
 */
export function keyedPathsFrom<Params extends Record<string, string>, Input, Props>(
  routePattern: string,
  items: readonly { params: Params; input: Input }[],
  make: (input: Input) => Props,
): { params: Params; props: Props }[] {
  const state = incrementalBuild();
  const chosen = state ? items.filter((item) => !keepOutput(outputPath(routePattern, item.params, 'endpoint'), pageKey({ params: item.params, input: item.input }), state)) : items;
  return chosen.map((item) => ({ params: item.params, props: make(item.input) }));
}

/**
 * Like `keyedPaths`, with each item's key given by `keyOf` (for outputs whose key can be composed
 * from keys computed once, e.g. an OParl list page from the keys of the objects it embeds,
 * `oparlFileKeys`). `keyOf` must change whenever the output's bytes could change.
 * @example keyedPathsBy('/oparl/1.1/[...path]', paths, (path) => keys.get(path)!).length // => paths.length outside an incremental build
 */
export function keyedPathsBy<Params extends Record<string, string>, Props>(
  routePattern: string,
  paths: readonly { params: Params; props: Props }[],
  keyOf: (path: { params: Params; props: Props }) => string,
): { params: Params; props: Props }[] {
  const state = incrementalBuild();
  if (!state) return [...paths];
  return paths.filter((path) => !keepOutput(outputPath(routePattern, path.params, 'endpoint'), jsonKey({ params: path.params, key: keyOf(path) }), state));
}

/**
 * The key of an output that is text (a dataset file): SHA-256 (base64url) of its parts, each
 * without the strings of `ignore` (as for `pageKey`), hashed as they are. For a 10 MB CSV it is
 * several times cheaper than `jsonKey`, which escapes every quote into a second copy first.
 * @example textKey(['text/csv', 'a,b\r\n']) === textKey(['text/csv', 'a,b\r\n']) // => true
 */
export function textKey(parts: readonly string[], ignore: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    let text = part;
    for (const word of ignore) if (word) text = text.replaceAll(word, '');
    // The length first: no two lists of parts hash the same text.
    hash.update(`${text.length}:`).update(text);
  }
  return hash.digest('base64url');
}
