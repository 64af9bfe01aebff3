/**
 * Global setup of the end-to-end suite: checks that `dist/` and Chromium are
 * there, serves `dist/` with `astro preview` on 127.0.0.1 (a free port), and
 * hands the tests its URL (`inject('baseUrl')`) and the `dist/` folder
 * (`inject('dist')`). Stops the server when the suite is done.
 *
 * `E2E_ROOT=<dir>` serves another project's `dist/` (a copy built elsewhere, e.g.
 * while someone else rebuilds this one); default: this project.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { preview } from 'astro';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `astro preview` serves `dist/`, without a trailing slash: `http://127.0.0.1:43123`. */
    baseUrl: string;
    /** The absolute path of the served `dist/`. */
    dist: string;
  }
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const root = resolve(process.env.E2E_ROOT ?? resolve(import.meta.dirname, '../..'));
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`test:e2e: ${dist}/index.html not found. Fix: run \`npm run build\` first.`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`test:e2e: ${chromiumPath} not found. Fix: apt-get update && apt-get install -y chromium`);
  }
  const port = await freePort();
  const server = await preview({ root, logLevel: 'warn', server: { host: '127.0.0.1', port } });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('dist', dist);
  return async () => {
    await server.stop();
  };
}
