/**
 * Builds the site from a temporary copy of the project with a given `content/`
 * folder (sharing node_modules), so tests can check a real `dist/` without
 * touching the working copy's. Runs `npm run build`, i.e. whatever the build
 * script does after `astro build` too (search index, ...). About 4 s.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

/** A finished build of a project copy. */
export interface BuiltCopy {
  /** The copy's root folder. */
  root: string;
  /** Its `dist/`. */
  dist: string;
  /** Exit code of `npm run build`. */
  status: number | null;
  /** All output of the build. */
  output: string;
  /** Deletes the copy. */
  remove(): void;
}

/**
 * Copies the project (without content, dist, caches) to a temporary folder and
 * puts `contentDir` in as its `content/` (with the project's `content/pages/` where it has none); `extra` names more top-level files to
 * copy (e.g. `permalinks.txt`, `redirects.yaml`). Returns the copy's root.
 * @example copyProject(join(repo, 'test/fixtures/site/content')) // => '/tmp/om-site-copy-XXXX'
 */
export function copyProject(contentDir: string, extra: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'om-site-copy-'));
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json', ...extra]) {
    if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  // The editorial pages (Impressum, Datenschutz, …) are part of every site, not test data:
  // a fixture archive without its own `pages/` gets the project's.
  if (!existsSync(join(contentDir, 'pages'))) cpSync(join(repo, 'content/pages'), join(root, 'content/pages'), { recursive: true });
  // Astro caches the content data store in `cacheDir` (default node_modules/.astro), which the
  // symlink would share with the real project: give the copy its own.
  cpSync(join(root, 'astro.config.mjs'), join(root, 'astro.config.base.mjs'));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import config from './astro.config.base.mjs';\nexport default { ...config, cacheDir: './.cache' };\n",
  );
  return root;
}

/**
 * Runs a command in a project copy: `['npm', 'run', 'build']`, or a Node script
 * with its arguments (`[astroBin, 'build']`). Returns exit code and all output.
 */
export function runInCopy(root: string, command: string[]): { status: number | null; output: string } {
  const [program, ...args] = command[0] === 'npm' ? command : [process.execPath, ...command];
  const result = spawnSync(program, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** `astro build` alone (no search index), the fastest real build of a copy. */
export const astroBuild = [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'];

/**
 * Copies the project with `contentDir` as its content and runs `npm run build`
 * (astro build and the search index).
 * @example buildCopy(join(repo, 'content')).dist // => '/tmp/om-site-copy-XXXX/dist'
 */
export function buildCopy(contentDir: string): BuiltCopy {
  const root = copyProject(contentDir);
  const { status, output } = runInCopy(root, ['npm', 'run', '--silent', 'build']);
  return { root, dist: join(root, 'dist'), status, output, remove: () => rmSync(root, { recursive: true, force: true }) };
}
