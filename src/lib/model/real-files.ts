/**
 * The file folders the site publishes from (`content/sources/`, `content/attachments/`) hold
 * only real folders and files: a symbolic link would publish whatever it points to (another
 * folder of the machine, a file outside the project). `symbolicLinks` finds them; the
 * integrity check fails the build naming each (`src/lib/checks/integrity.ts`), and the
 * loaders never follow one.
 */
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A symbolic link below a published folder: its path relative to the project, and where it points. */
export interface SymbolicLink {
  path: string;
  target: string;
}

/**
 * Every symbolic link at or below `folders` (paths relative to `root`), the folders
 * themselves included; a link is not followed.
 * @example symbolicLinks(['content/sources', 'content/attachments']) // => [{ path: 'content/attachments/2021-11-11-plenum', target: '/tmp/elsewhere' }]
 */
export function symbolicLinks(folders: readonly string[], root: string = process.cwd()): SymbolicLink[] {
  const found: SymbolicLink[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      found.push({ path: relative(root, path).split(sep).join('/'), target: readlinkSync(path) });
      return;
    }
    if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
  };
  for (const folder of folders) {
    const path = join(root, folder);
    // lstat, not existsSync: a dangling link does not "exist" but is a link all the same.
    try {
      lstatSync(path);
    } catch {
      continue;
    }
    visit(path);
  }
  return found;
}

