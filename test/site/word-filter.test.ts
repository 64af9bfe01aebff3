/**
 * The word filter the protocols' loader keeps per protocol (src/lib/text/word-filter.ts): a
 * word that was put in is always "maybe present" (else a registry change would skip a protocol
 * it affects), and absent words are rarely "maybe" (else every registry change reads every file).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWordFilter, mayContain, wordFilter } from '../../src/lib/text/word-filter';

describe('wordFilter', () => {
  it('says "maybe" for every word it holds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 300 }), (words) => {
        const filter = decodeWordFilter(wordFilter(words));
        for (const word of words) expect(mayContain(filter, word)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('says "no" for nearly all words it does not hold', () => {
    const held = Array.from({ length: 800 }, (_, i) => `wname${i}`);
    const filter = decodeWordFilter(wordFilter(held));
    const absent = Array.from({ length: 10_000 }, (_, i) => `wother${i}`);
    const maybe = absent.filter((word) => mayContain(filter, word)).length;
    expect(maybe / absent.length).toBeLessThan(0.02);
  });

  it('treats a missing or broken filter as holding every word', () => {
    expect(mayContain(decodeWordFilter(undefined), 'wx')).toBe(true);
    expect(mayContain(decodeWordFilter(''), 'wx')).toBe(true);
  });
});
