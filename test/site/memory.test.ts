/**
 * The build's garbage collections (src/lib/memory.ts): what page generation drops is collected at
 * every n-th output (`collectGarbageEvery`, called by src/middleware.ts), not whenever V8 gets to it.
 */
import { setTimeout } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbageEvery } from '../../src/lib/memory';

describe('collectGarbageEvery', () => {
  it('collects what became garbage at its n-th call', async () => {
    const collected: string[] = [];
    const registry = new FinalizationRegistry((name: string) => collected.push(name));
    const collect = collectGarbageEvery(3);
    (() => registry.register({ payload: new Array(1000).fill('x') }, 'page 1'))();
    collect();
    collect();
    collect();
    // Finalizers run as a task after the collection.
    for (let tries = 0; tries < 20 && collected.length === 0; tries++) await setTimeout(5);
    expect(collected).toEqual(['page 1']);
  });
});
