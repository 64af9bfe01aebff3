/**
 * All-or-nothing writing for the importer: every file of one import is first written to a
 * staging folder inside the target root, then moved into place; if any move fails, the
 * moves already made are undone, so the target is exactly as before (issue #12: a failed
 * import once left the MDX, the source copy and two registry files behind).
 *
 * Moves are `rename`s within one file system (the staging folder lives in the target
 * root), so each single file appears whole or not at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder } from '../../../src/lib/model/files.ts';

/** Prefix of staging folders; a leftover one (after a killed process) may be deleted. */
export const STAGING_PREFIX = '.import-staging-';

/** A staging folder for one import; `commit()` moves its files into `root`, `discard()` removes it. */
export interface Staging {
  /** Where to write files, mirroring `root` (`<dir>/protocols/x.mdx` lands in `root/protocols/x.mdx`). */
  dir: string;
  /** Moves every staged file into `root`, replacing files there; undoes all on failure and rethrows. Returns the paths written. */
  commit(): string[];
  /** Removes the staging folder (and `root` if this staging created it and it is still empty). */
  discard(): void;
}

/**
 * Opens a staging folder in `root`, creating `root` if needed (removed again by
 * `discard()` when nothing was committed)
 * (e.g. `const s = openStaging('content'); writeFileSync(join(s.dir, 'protocols/x.mdx'), mdx); s.commit()`).
 */
export function openStaging(root: string): Staging {
  const createdRoot = !existsSync(root);
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, STAGING_PREFIX));
  let committed = false;
  return {
    dir,
    commit() {
      const files = filesUnder(dir).filter((rel) => !rel.startsWith(`${BACKUP}/`));
      const done: { dest: string; backup?: string }[] = [];
      const createdDirs: string[] = [];
      try {
        for (const rel of files) {
          const dest = join(root, rel);
          for (const d of missingDirs(root, dirname(dest))) {
            mkdirSync(d);
            createdDirs.push(d);
          }
          let backup: string | undefined;
          if (existsSync(dest)) {
            backup = join(dir, BACKUP, rel);
            mkdirSync(dirname(backup), { recursive: true });
            renameSync(dest, backup);
          }
          try {
            renameSync(join(dir, rel), dest);
          } catch (error) {
            if (backup) renameSync(backup, dest);
            throw error;
          }
          done.push({ dest, backup });
        }
      } catch (error) {
        // Undo in reverse order: the new file goes, the old one comes back.
        for (const { dest, backup } of done.reverse()) {
          rmSync(dest, { force: true });
          if (backup) renameSync(backup, dest);
        }
        for (const d of createdDirs.reverse()) rmSync(d, { recursive: true, force: true });
        throw error;
      }
      committed = true;
      return done.map((d) => d.dest);
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
      if (createdRoot && !committed && existsSync(root) && readdirSync(root).length === 0) rmSync(root, { recursive: true });
    },
  };
}

/** Sub-folder of the staging folder holding the files a commit replaced, until it succeeded. */
const BACKUP = '.replaced';

/** The folders between `root` (exists) and `dir` that do not exist yet, outermost first. */
function missingDirs(root: string, dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; d !== root && !existsSync(d); d = dirname(d)) missing.unshift(d);
  return missing;
}
