/**
 * Which modules a Node process loads: a module hook for `node --import` (Node's synchronous
 * `module.registerHooks`, which sees `import` and `require` alike) that prints every loaded
 * module's URL as one line at exit, and the reading of that line. Used by `npm run bench`
 * (`importModules`, issue #23) and by `test/import/startup.test.ts`.
 */

/** The marker of the hook's line on stderr. */
const MARK = 'LOADED_MODULES ';

/**
 * The hook, as a `data:` URL for `node --import`: at exit it writes
 * `LOADED_MODULES ["file:///…/cli.ts", "node:fs", …]` to stderr.
 * @example spawnSync(process.execPath, ['--import', LOADED_MODULES_HOOK, 'scripts/import/cli.ts', '--help'])
 */
export const LOADED_MODULES_HOOK = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
const urls = [];
registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });
process.on('exit', () => process.stderr.write('\\n${MARK}' + JSON.stringify(urls) + '\\n'));
`)}`;

/** What a process loaded: every module URL, and the npm packages among them by name. */
export interface LoadedModules {
  urls: string[];
  /** Package name => how many of its modules loaded (`{ yaml: 72, zod: 95, … }`). */
  packages: Map<string, number>;
}

/**
 * Reads the hook's line from a process's stderr.
 * @throws Error when the line is missing (the process died before exit, or ran without the hook)
 * @example loadedModules('…\nLOADED_MODULES ["file:///r/node_modules/yaml/dist/index.js"]\n').packages // => Map { 'yaml' => 1 }
 */
export function loadedModules(stderr: string): LoadedModules {
  const line = stderr.split('\n').findLast((l) => l.startsWith(MARK));
  if (!line) throw new Error(`no ${MARK.trim()} line: the process ran without the hook or died before exit.\n${stderr.slice(-2000)}`);
  const urls: string[] = JSON.parse(line.slice(MARK.length));
  const packages = new Map<string, number>();
  for (const url of urls) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (name) packages.set(name, (packages.get(name) ?? 0) + 1);
  }
  return { urls, packages };
}
