/**
 * A seeded pseudo-random source for the generator, so that a seed always
 * yields the same archive. mulberry32 (public domain, Tommy Ettinger,
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c):
 * 32 bits of state, fast, good enough for test data (not for cryptography).
 */

/** Random helpers over one seeded stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. @example random.int(1, 6) // => 4 */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element, the first ones more often (index ~ length * u^skew); skew 1 = uniform. */
  pickSkewed<T>(items: readonly T[], skew: number): T;
  /** `count` distinct elements in random order (all of them if fewer). */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * Creates the mulberry32 stream for a seed.
 * @example createRandom(1).next() // => 0.6270739405881613 (always, for seed 1)
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    pickSkewed: (items, skew) => items[Math.floor(items.length * next() ** skew)],
    sample(items, count) {
      const copy = [...items];
      const n = Math.min(count, copy.length);
      // Partial Fisher–Yates: the first n places get a uniform random selection.
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}
