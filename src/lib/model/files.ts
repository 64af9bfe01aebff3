/**
 * Walking a folder: the one directory walk the site, the importer, the benchmarks and the
 * browser suite share.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file below `dir` (symbolic links not followed), as paths relative to it with `/`
 * separators, sorted by code unit. Throws when `dir` does not exist.
 * @example filesUnder('dist').slice(0, 2) // => ['404.html', 'beschluesse/2017-11-09-plenum-b1/index.html']
 */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
