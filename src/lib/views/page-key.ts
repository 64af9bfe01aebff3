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
import { stringify } from 'devalue';

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

const reducers = {
  K: (value: unknown) => {
    if (typeof value !== 'object' || value === null) return undefined;
    let key = standInKeys.get(value);
    if (key === undefined) {
      const standIn = standIns.get(value);
      if (!standIn) return undefined;
      key = pageKey(standIn());
      standInKeys.set(value, key);
    }
    return key;
  },
};

/** A `getStaticPaths` item with its cache key. */
export type KeyedPath<Params, Props> = { params: Params; props: Props; cacheKey: string };

/**
 * The cache key of a page's data: SHA-256 (base64url, 43 characters) of its devalue serialisation.
 * devalue keeps Map, Set, Date, URL and `undefined` apart (JSON.stringify would turn a Map into
 * `{}`, and a changed Map into the same key) and throws on functions and class instances, which a
 * page's data must not contain.
 * @param value the page's params and props
 * @param ignore strings that are not data but the build's own clock (the OParl and dataset export
 *   time, `exportTimestamp`): removed before hashing, so an unchanged object keeps the file, and with
 *   it the time, of the build that last changed it
 * @example pageKey({ params: { id: 'a' }, props: { n: 1 } }) === pageKey({ params: { id: 'a' }, props: { n: 1 } }) // => true
 * @throws Error (devalue's) naming the path of a value that cannot be serialised
 */
export function pageKey(value: unknown, ignore: readonly string[] = []): string {
  let text = stringify(value, reducers);
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
