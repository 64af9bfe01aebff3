/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs):
 * a static path whose `cacheKey` and code are unchanged since the last build is copied from
 * that build instead of rendered again (https://docs.astro.build/en/reference/experimental-flags/incremental-build/).
 *
 * The rule of the archive: **a keyed page renders nothing but its params and props**. Its route
 * computes everything the page shows from the archive in `getStaticPaths` (`src/lib/views/routes.ts`)
 * and the page's template only lays out `Astro.props`; the key is a hash of params and props. So a
 * change anywhere in the archive (a protocol, a person's alias, a later protocol that changes a
 * resolution's status, a new neighbour in the pager) re-renders exactly the pages whose data changed.
 * Astro itself adds the page's code (its module graph), the config and the lockfile to the key.
 * `test/incremental.test.ts` checks that no keyed route reads the archive outside `getStaticPaths`,
 * and `scripts/incremental-check.ts` that a warm build's dist equals a cold build's.
 */
import { createHash } from 'node:crypto';

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
  if (ArrayBuffer.isView(value)) return { '\u0000bytes': createHash('sha256').update(value).digest('base64url') };
  throw new Error(`pageKey: "${name}" is a ${prototype?.constructor?.name ?? 'class'} instance; page data must be plain values.`);
}

/** A `getStaticPaths` item with its cache key. */
export type KeyedPath<Params, Props> = { params: Params; props: Props; cacheKey: string };

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

/**
 * Adds `cacheKey` (`pageKey` of params and props) to each path.
 * @example keyedPaths([{ params: { id: 'a' }, props: { title: 'A' } }])[0].cacheKey.length // => 43
 */
export function keyedPaths<Params, Props>(paths: readonly { params: Params; props: Props }[], ignore: readonly string[] = []): KeyedPath<Params, Props>[] {
  return paths.map((path) => ({ params: path.params, props: path.props, cacheKey: pageKey({ params: path.params, props: path.props }, ignore) }));
}
