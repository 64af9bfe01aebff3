/**
 * Memory of `astro build` (issue #14, peak RSS < 2 GB at 2,000 protocols).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now. For the moments of a build when much has just become garbage
 * and the next step allocates as much again: left to V8, the garbage is still in the heap when
 * the next step's data arrives, and the two together make the build's memory peak
 * (BENCHMARKS.md, "third pass"). Used twice per build: when the content loader has rendered
 * what changed (before Astro serializes the data store; only for a store of 64 entries or more)
 * and when the synced store is released (before page generation reads the store file). Takes a
 * few hundred milliseconds at 2,000 protocols. V8's `gc` is exposed for the call (`--expose-gc` set at run time makes `gc` a
 * global of new contexts only, not of the site's code).
 */
export function collectGarbageNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * A counter that runs `collectGarbageNow` at every `every`-th call; `src/middleware.ts` calls it once
 * per output a build generates. Why: page generation makes garbage fast (each output's text, its
 * response and the buffer written), and V8 collects it late: at 2,000 protocols RSS rose by about
 * 300 MB while the 22,876 OParl files were written, to the build's peak of about 1.9 GB; a full
 * collection every 4,000 outputs kept all of page generation at or below 1.65 GB. Each takes about
 * 0.3 s at that size (BENCHMARKS.md, "fourth pass").
 * @example const collect = collectGarbageEvery(4000); collect(); // collects at the 4,000th call
 */
export function collectGarbageEvery(every: number): () => void {
  let calls = 0;
  return () => {
    if (++calls % every === 0) collectGarbageNow();
  };
}
