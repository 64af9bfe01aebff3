/**
 * Which modules a Node process loads: a module hook for `node --import` (Node's synchronous
 * `module.registerHooks`, which sees `import` and `require` alike) that prints every loaded
 * module's URL to a file at exit, and the reading of that file. Used by `npm run bench`
 * (`importModules`, issue #23) and by `test/import/startup.test.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';

/**
 * The hook, as a `data:` URL for `node --import`: at exit it writes the URLs of every loaded
 * module as a JSON array (`["file:///…/cli.ts", "node:fs", …]`) to the file named by the
 * environment variable `LOADED_MODULES_FILE` (a file, not stderr: the list of a run is some
 * 50–100 kB, and the process's own output must not mix into it).
 * @example spawnSync(process.execPath, ['--import', LOADED_MODULES_HOOK, 'scripts/import/cli.ts', '--help'], { env: { ...process.env, LOADED_MODULES_FILE: '/tmp/x.json' } })
 */
export const LOADED_MODULES_HOOK = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const urls = [];
registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });
process.on('exit', () => { if (process.env.LOADED_MODULES_FILE) writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(urls)); });
`)}`;

/** What a process loaded: every module URL, and the npm packages among them by name. */
export interface LoadedModules {
  urls: string[];
  /** Package name => how many of its modules loaded (`{ yaml: 72, zod: 95, … }`). */
  packages: Map<string, number>;
}

/**
 * Reads the list the hook wrote to `file`.
 * @throws Error when the file is missing (the process ran without the hook or died before exit)
 * @example loadedModules('/tmp/x.json').packages // => Map { 'yaml' => 72, 'zod' => 95, … }
 */
export function loadedModules(file: string): LoadedModules {
  if (!existsSync(file)) throw new Error(`${file}: no list of loaded modules; the process ran without the hook (LOADED_MODULES_HOOK) or died before exit.`);
  const urls: string[] = JSON.parse(readFileSync(file, 'utf8'));
  const packages = new Map<string, number>();
  for (const url of urls) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (name) packages.set(name, (packages.get(name) ?? 0) + 1);
  }
  return { urls, packages };
}
