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
 * Copies the project (without content, dist, caches) to a temporary folder, puts
 * `contentDir` in as its `content/`, and builds it.
 * @example buildCopy(join(repo, 'content')).dist // => '/tmp/om-site-copy-XXXX/dist'
 */
export function buildCopy(contentDir: string): BuiltCopy {
  const root = mkdtempSync(join(tmpdir(), 'om-site-copy-'));
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  // Astro caches the content data store in `cacheDir` (default node_modules/.astro), which the
  // symlink would share with the real project: give the copy its own.
  cpSync(join(root, 'astro.config.mjs'), join(root, 'astro.config.base.mjs'));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import config from './astro.config.base.mjs';\nexport default { ...config, cacheDir: './.cache' };\n",
  );
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return {
    root,
    dist: join(root, 'dist'),
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
