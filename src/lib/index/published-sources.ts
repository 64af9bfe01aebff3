/**
 * What the site publishes of each original in `content/sources/`, decided once per
 * build (`publishedOriginal`, src/lib/text/privacy.ts): the `/quellen/` route serves these
 * files, and the meeting page names the original with its kind and size and links
 * what is published of it.
 */
import { publishedOriginal, type PublishedOriginal } from '../text/privacy';
import { listSourceFiles, readSourceFile, sourcesDir } from '../model/sources';

let cache: Promise<Map<string, PublishedOriginal>> | undefined;

/**
 * The published form of every original, by the original's file name
 * (e.g. `(await publishedSources()).get('002_….pdf')?.file` => `'002_….pdf.txt'` when it held contact data).
 */
export function publishedSources(dir: string = sourcesDir): Promise<Map<string, PublishedOriginal>> {
  if (dir !== sourcesDir) return load(dir);
  cache ??= load(dir);
  return cache;
}

async function load(dir: string): Promise<Map<string, PublishedOriginal>> {
  const entries = await Promise.all(listSourceFiles(dir).map(async (name) => [name, await publishedOriginal(name, readSourceFile(name, dir))] as const));
  return new Map(entries);
}

/**
 * A file size as the page shows it: whole kilobytes (1 KB = 1,024 bytes), at least 1
 * (e.g. `63_488` => `'62 KB'`).
 */
export function formatFileSize(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;
}
