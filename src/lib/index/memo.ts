/**
 * Memos of per-item computations over one archive index. An incremental build computes every
 * page's props once for its key and the changed pages' again to render (src/lib/views/routes.ts),
 * and every build shows the same items on many pages (a resolution's list line, its later mentions): what is
 * costly to compute and small to keep is computed once per index and item.
 *
 * The values are shared between pages: callers must not change them (the pages only read).
 */
import type { ArchiveIndex } from './archive-index';

/**
 * `compute` memoised by index and key; an index's memo goes with the index.
 * @example const later = memoPerIndex((index, id: string) => slowLaterMentions(index, id)); later(index, 'b1') === later(index, 'b1') // => true
 */
export function memoPerIndex<Key, Value>(compute: (index: ArchiveIndex, key: Key) => Value): (index: ArchiveIndex, key: Key) => Value {
  const memos = new WeakMap<ArchiveIndex, Map<Key, Value>>();
  return (index, key) => {
    let memo = memos.get(index);
    if (!memo) memos.set(index, (memo = new Map()));
    if (memo.has(key)) return memo.get(key) as Value;
    const value = compute(index, key);
    memo.set(key, value);
    return value;
  };
}
