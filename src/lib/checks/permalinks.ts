/**
 * Permanent links. Every published URL of a meeting, resolution, person,
 * organisation, topic, committee or matter is listed in `permalinks.txt`
 * (committed, one path per line, sorted). A build that no longer has a page for
 * one of them, and no redirect in `redirects.yaml`, fails
 * (`src/integrations/permalinks.ts`): a cited link must work in ten years.
 * `npm run permalinks:update` adds the pages of a fresh build to the list; it
 * never removes one.
 *
 * Plain Node (no Vite, no relative imports), so `scripts/permalinks-update.ts`
 * runs it directly.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';

/** The registry of published paths, at the project root. */
export const registryFile = 'permalinks.txt';

/** Old path => new path, at the project root; the build turns each into a redirect page. */
export const redirectsFile = 'redirects.yaml';

/**
 * Which built pages are permanent: the section pages and one level below them
 * (`/sitzungen/`, `/sitzungen/<id>/`, `/beschluesse/<id>/`, …). Lists filtered
 * by facet (`/beschluesse/jahr/2021/`) are views, not citable records.
 */
export const permanentPathPattern = /^\/(?:sitzungen|beschluesse|personen|organisationen|themen|gremien|vorgaenge)\/(?:[a-z0-9][a-z0-9-]*\/)?$/;

/**
 * Whether a site path is one the registry keeps.
 * @example isPermanentPath('/beschluesse/2021-11-11-strategiekreis-b1/') // => true
 * @example isPermanentPath('/beschluesse/jahr/2021/') // => false
 */
export function isPermanentPath(path: string): boolean {
  return permanentPathPattern.test(path);
}

/**
 * The site path of a built HTML file (relative to `dist/`, `/` separators), or undefined if it is no page.
 * @example pathOfBuiltFile('sitzungen/2021-11-11-strategiekreis/index.html') // => '/sitzungen/2021-11-11-strategiekreis/'
 * @example pathOfBuiltFile('404.html') // => undefined
 */
export function pathOfBuiltFile(file: string): string | undefined {
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : undefined;
}

/**
 * The site paths of all pages in a build output folder (redirect pages included), sorted.
 * @example listBuiltPages('dist') // => ['/', '/beschluesse/', …]
 */
export function listBuiltPages(distDir: string): string[] {
  const files = readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  return files
    .map(pathOfBuiltFile)
    .filter((path) => path !== undefined)
    .sort();
}

/** The comment block at the top of `permalinks.txt`. */
const registryHeader = [
  '# Every published URL of the archive: meetings, resolutions, people, organisations,',
  '# topics, committees, matters. `npm run build` fails when one has no page and no',
  '# redirect (redirects.yaml). Add new pages with `npm run permalinks:update`; never',
  '# delete a line of a URL that was public: add a redirect instead.',
];

/**
 * Reads `permalinks.txt`: one path per line; blank lines and `#` comments are skipped.
 * @returns the paths, and problems as `permalinks.txt:<line>: problem. Fix: ….`
 * @example parsePermalinks('# c\n/sitzungen/\n') // => { paths: ['/sitzungen/'], problems: [] }
 */
export function parsePermalinks(text: string, file = registryFile): { paths: string[]; problems: string[] } {
  const paths: string[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (!line.startsWith('/') || !line.endsWith('/') || /\s/.test(line)) {
      problems.push(`${file}:${i + 1}: "${line}" is not a site path. Fix: write it as "/section/id/" (leading and trailing slash, no spaces).`);
      return;
    }
    paths.push(line);
  });
  return { paths, problems };
}

/**
 * Writes the registry text: header comment, then the paths sorted and without duplicates.
 * @example formatPermalinks(['/b/', '/a/', '/a/']).endsWith('/a/\n/b/\n') // => true
 */
export function formatPermalinks(paths: Iterable<string>): string {
  return `${[...registryHeader, ...[...new Set(paths)].sort()].join('\n')}\n`;
}

/**
 * The registry after a build: the old paths plus the permanent paths of the
 * built pages. Never drops a path.
 * @example updatePermalinks(['/sitzungen/a/'], ['/sitzungen/a/', '/sitzungen/b/', '/jahre/2021/']) // => { paths: ['/sitzungen/a/', '/sitzungen/b/'], added: ['/sitzungen/b/'] }
 */
export function updatePermalinks(registry: readonly string[], builtPages: readonly string[]): { paths: string[]; added: string[] } {
  const known = new Set(registry);
  const added = [...new Set(builtPages.filter((path) => isPermanentPath(path) && !known.has(path)))].sort();
  return { paths: [...new Set([...registry, ...added])].sort(), added };
}

/** A redirect with the line it is written on. */
export interface Redirect {
  from: string;
  to: string;
  line: number;
}

/**
 * Reads `redirects.yaml` (a YAML mapping `old-path: new-path`; empty is fine).
 * @returns the redirects and problems as `redirects.yaml:<line>: problem. Fix: ….`
 * @example parseRedirects('/beschluesse/x-b2/: /sitzungen/x/\n').redirects // => [{ from: '/beschluesse/x-b2/', to: '/sitzungen/x/', line: 1 }]
 */
export function parseRedirects(text: string, file = redirectsFile): { redirects: Redirect[]; problems: string[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const problems = doc.errors.map((error) => `${file}:${error.linePos?.[0].line ?? 1}: ${error.message.split('\n')[0]}. Fix: write one "old-path: new-path" per line.`);
  const redirects: Redirect[] = [];
  if (problems.length > 0 || doc.contents === null) return { redirects, problems };
  if (!isMap(doc.contents)) {
    return { redirects, problems: [`${file}:1: expected a mapping of paths. Fix: write one "/old/path/: /new/path/" per line.`] };
  }
  for (const pair of doc.contents.items) {
    const from = isScalar(pair.key) ? String(pair.key.value) : '';
    const to = isScalar(pair.value) ? String(pair.value.value) : '';
    const line = lineCounter.linePos(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0).line;
    for (const path of [from, to]) {
      if (!/^\/(?:[^\s/]+\/)*$/.test(path)) {
        problems.push(`${file}:${line}: "${path}" is not a site path. Fix: write it with a leading and trailing slash, e.g. "/sitzungen/2021-11-11-strategiekreis/".`);
      }
    }
    if (from === to) problems.push(`${file}:${line}: "${from}" redirects to itself. Fix: remove the line or give the new path.`);
    redirects.push({ from, to, line });
  }
  const sources = new Map(redirects.map((r) => [r.from, r]));
  for (const redirect of redirects) {
    const next = sources.get(redirect.to);
    if (next && next !== redirect) {
      problems.push(`${file}:${redirect.line}: "${redirect.to}" is itself redirected (line ${next.line}). Fix: point "${redirect.from}" straight at "${next.to}".`);
    }
  }
  return { redirects, problems };
}

/**
 * The redirects of a project as Astro's `redirects` config wants them
 * (`{ '/old/path': '/new/path/' }`: Astro matches the source route without its trailing slash).
 * @example astroRedirects([{ from: '/a/', to: '/b/', line: 1 }]) // => { '/a': '/b/' }
 */
export function astroRedirects(redirects: readonly Redirect[]): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [r.from.length > 1 ? r.from.replace(/\/$/, '') : r.from, r.to]));
}

/**
 * Where a vanished URL could point: a resolution's meeting, else the section.
 * @example suggestTarget('/beschluesse/2021-11-11-plenum-b2/', new Set(['/sitzungen/2021-11-11-plenum/'])) // => '/sitzungen/2021-11-11-plenum/'
 * @example suggestTarget('/personen/anna-x/', new Set()) // => '/personen/'
 */
export function suggestTarget(path: string, pages: ReadonlySet<string>): string {
  const resolution = /^\/beschluesse\/(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)-b\d+\/$/.exec(path);
  if (resolution && pages.has(`/sitzungen/${resolution[1]}/`)) return `/sitzungen/${resolution[1]}/`;
  return path.replace(/^(\/[^/]+\/).*$/, '$1');
}

/** What a build is checked against. */
export interface PermalinkCheckInput {
  /** Paths from `permalinks.txt`. */
  registry: readonly string[];
  /** Paths of the pages built, redirect pages included. */
  pages: ReadonlySet<string>;
  redirects: readonly Redirect[];
}

/**
 * Checks a build: every registered path has a page or a redirect, and every redirect leads to a page.
 * @returns problem messages; empty when every published URL still works
 * @example checkPermalinks({ registry: ['/sitzungen/a/'], pages: new Set(), redirects: [] })
 *   // => ['permalinks.txt: "/sitzungen/a/" was published but this build has no page for it. Fix: …']
 */
export function checkPermalinks({ registry, pages, redirects }: PermalinkCheckInput): string[] {
  const problems: string[] = [];
  const redirected = new Set(redirects.map((r) => r.from));
  for (const path of registry) {
    if (redirected.has(path) || pages.has(path)) continue;
    problems.push(
      `${registryFile}: "${path}" was published but this build has no page for it. ` +
        `Fix: restore the page, or add a redirect to the page that replaces it as a line in ${redirectsFile}:\n` +
        `      ${path}: ${suggestTarget(path, pages)}`,
    );
  }
  for (const redirect of redirects) {
    if (!pages.has(redirect.to)) {
      problems.push(
        `${redirectsFile}:${redirect.line}: "${redirect.from}" redirects to "${redirect.to}", which has no page. Fix: point it at an existing page.`,
      );
    }
  }
  return problems;
}

/**
 * The error that fails the build, one problem per line, with how to proceed.
 * @example permalinkError(['permalinks.txt: "/x/" was published …']).message.split('\n')[0] // => 'Permanent links are broken: 1 problem (src/integrations/permalinks.ts):'
 */
export function permalinkError(problems: readonly string[]): Error {
  return new Error(
    [
      `Permanent links are broken: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} (src/integrations/permalinks.ts):`,
      ...problems.map((p) => `  ${p}`),
      `A URL in ${registryFile} has been public and may be cited or linked; it must keep working. ` +
        `Delete a line from ${registryFile} only if that URL was never published.`,
    ].join('\n'),
  );
}

/**
 * Reads the project's `redirects.yaml` (none = no redirects).
 * @throws listing the file's problems
 */
export function loadRedirects(root: string): Redirect[] {
  const file = join(root, redirectsFile);
  if (!existsSync(file)) return [];
  const { redirects, problems } = parseRedirects(readFileSync(file, 'utf8'));
  if (problems.length > 0) throw permalinkError(problems);
  return redirects;
}

/**
 * Reads the project's `permalinks.txt`, or undefined if there is none.
 * @throws listing the file's problems
 */
export function loadPermalinks(root: string): string[] | undefined {
  const file = join(root, registryFile);
  if (!existsSync(file)) return undefined;
  const { paths, problems } = parsePermalinks(readFileSync(file, 'utf8'));
  if (problems.length > 0) throw permalinkError(problems);
  return paths;
}
