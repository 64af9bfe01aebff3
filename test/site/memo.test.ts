/**
 * `memoPerIndex` (src/lib/index/memo.ts): a page's props are computed twice per build (cache key,
 * render) and many pages show the same resolutions, so costly per-item values are computed once
 * per archive index and item, and never leak from one index (one build, one test archive) to another.
 */
import { describe, expect, it } from 'vitest';
import type { ArchiveIndex } from '../../src/lib/index/archive-index';
import { memoPerIndex } from '../../src/lib/index/memo';

describe('memoPerIndex', () => {
  it('computes a value once per index and key, and again for another index', () => {
    const calls: string[] = [];
    const label = memoPerIndex((index, id: string) => {
      calls.push(id);
      return { id, meetings: index.meetings.length };
    });
    const first = { meetings: [1, 2] } as unknown as ArchiveIndex;
    const second = { meetings: [1] } as unknown as ArchiveIndex;
    expect(label(first, 'b1')).toBe(label(first, 'b1'));
    expect(label(first, 'b2')).toEqual({ id: 'b2', meetings: 2 });
    expect(label(second, 'b1')).toEqual({ id: 'b1', meetings: 1 });
    expect(calls).toEqual(['b1', 'b2', 'b1']);
  });

  it('keeps an undefined result instead of computing it again', () => {
    let calls = 0;
    const none = memoPerIndex(() => {
      calls++;
      return undefined;
    });
    const index = { meetings: [] } as unknown as ArchiveIndex;
    none(index, 'x');
    none(index, 'x');
    expect(calls).toBe(1);
  });
});
