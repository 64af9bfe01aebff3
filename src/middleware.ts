/**
 * Astro middleware. In `astro build` only: a full garbage collection after every 8,000 generated
 * outputs (pages, OParl objects, feeds, files), which keeps the build's memory peak down
 * (`collectGarbageEvery`, src/lib/memory.ts; issue #14). Requests pass through unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { collectGarbageEvery } from './lib/memory';

/** Outputs between two collections: five per build at 2,000 protocols (40,500 outputs), about 0.3 s each. */
const OUTPUTS_PER_COLLECTION = 8000;

const collect = collectGarbageEvery(OUTPUTS_PER_COLLECTION);

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!import.meta.env.DEV && context.isPrerendered) collect();
  return response;
});
