/**
 * What the site publishes of each original in `content/sources/`, decided once per
 * build (`publishOriginal`, src/lib/text/originals.ts: a PDF cleaned, a Word or markup file
 * only as its masked text, text masked as UTF-8): the `/quellen/` route serves these files
 * (only those a protocol references, `referencedSources`), and the meeting page names the
 * original with its kind and size and links what is published of it.
 */
import type { Meeting } from '../model/model';
import { publishOriginal, type PublishedOriginal } from '../text/originals';
import { listSourceFiles, readSourceFile, sourcesDir } from '../model/sources';

export type { PublishedOriginal };

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
  // One at a time: each PDF or Word file is opened within the limits of src/lib/model/limits.ts,
  // and a build should hold one such file in memory, not all of them.
  const entries = new Map<string, PublishedOriginal>();
  for (const name of listSourceFiles(dir)) entries.set(name, await publishOriginal(name, readSourceFile(name, dir)));
  return entries;
}

/**
 * The published originals a protocol references (`source.file`), for the `/quellen/` route:
 * a file no protocol names is never published (integrity fails the build on it, too).
 * @example referencedSources(published, meetings).map((p) => p.file) // => ['002_….txt', …]
 */
export function referencedSources(published: ReadonlyMap<string, PublishedOriginal>, meetings: readonly Pick<Meeting, 'source'>[]): PublishedOriginal[] {
  const referenced = new Set(meetings.map((meeting) => meeting.source.file));
  return [...published.values()].filter((original) => referenced.has(original.source));
}

/**
 * A file size as the page shows it: whole kilobytes (1 KB = 1,024 bytes), at least 1
 * (e.g. `63_488` => `'62 KB'`).
 */
export function formatFileSize(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;
}
