/**
 * The original protocol files in `content/sources/`, copied byte for byte by
 * the importer. The site serves them at `/quellen/<file>` (`src/pages/quellen/[file].ts`)
 * so every meeting page can link its original.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The sources folder. Resolved from the working directory because `astro build`
 * and `astro dev` run in the project root, while this module's own URL points
 * into a build chunk.
 */
export const sourcesDir = resolve(process.cwd(), 'content/sources');

/**
 * Lists the file names in the sources folder (no sub-folders, no dot files, no symbolic links), sorted.
 * @example listSourceFiles() // => ['002_0dc63d0f3f6a9726.txt', ...]
 */
export function listSourceFiles(dir: string = sourcesDir): string[] {
  // A linked folder is never read (integrity fails the build on it, src/lib/model/real-files.ts).
  if (!existsSync(dir) || lstatSync(dir).isSymbolicLink()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** Reads a source file's bytes. @example readSourceFile('002_0dc63d0f3f6a9726.txt').length // => 5123 */
export function readSourceFile(name: string, dir: string = sourcesDir): Uint8Array<ArrayBuffer> {
  const bytes = readFileSync(join(dir, name));
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as Uint8Array<ArrayBuffer>;
}

/** SHA-256 (hex) of every source file, by name; compared with `source.sha256` of the protocols. */
export function sourceFileHashes(dir: string = sourcesDir): Map<string, string> {
  return new Map(
    listSourceFiles(dir).map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]),
  );
}
