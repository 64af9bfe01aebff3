/**
 * The publish check (`npm run check:publish`, issue #24): what must be true before a built
 * `dist/` goes online, each problem with its file and field and how to fix it:
 * - a public base URL (`publicUrl` in src/site-config.ts or `SITE`) that is set, not local, and the
 *   root of its host, and a `dist/` built for it (no `http://localhost` links);
 * - no "[noch festzulegen: …]": every fact the editorial pages show is decided in src/site-config.ts,
 *   and no page text holds the placeholder;
 * - every protocol reviewed (a warning; an error with `strict`);
 * - every URL of `permalinks.txt` still has a page or a redirect (`checkPermalinks`);
 * - no e-mail address or phone number in `dist/` but the OM's own published contact (`contactDataInFiles`).
 *
 * Plain Node (`.ts` imports), so `scripts/check-publish.ts` runs it directly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { factLabels, placeholderText, publishedContacts, siteFact, type FactName, type SiteConfig } from '../../site-config.ts';
import { frontmatterText } from '../model/frontmatter.ts';
import { filesUnder } from '../model/files.ts';
import { contactDataInFiles, knownContactData } from './dist-contacts.ts';
import { checkPermalinks, listBuiltPages, loadPermalinks, loadRedirects, registryFile, updatePermalinks } from './permalinks.ts';

/** One finding: `error` stops publishing, `warning` is reported and lets it pass. */
export interface PublishProblem {
  level: 'error' | 'warning';
  /** File, and field or line: `src/site-config.ts: publicUrl`, `content/pages/impressum.mdx:12`. */
  where: string;
  problem: string;
  fix: string;
}

/**
 * A problem as the command prints it.
 * @example formatProblem({ level: 'error', where: 'SITE', problem: 'not set', fix: 'set it' }) // => 'error: SITE: not set. Fix: set it.'
 */
export function formatProblem(p: PublishProblem): string {
  return `${p.level}: ${p.where}: ${p.problem}. Fix: ${p.fix}.`;
}

/** Where the README says what to fill in before going live. */
const README_SECTION = 'README, "Veröffentlichen"';

/** Host names that only the machine that built the site can reach. */
const LOCAL_HOST = /^(?:localhost|.*\.localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1?\]|.*\.local)$/i;

/**
 * The base URL: set, not a local address, the root of its host, https.
 * @param site `siteUrl()` of src/site-config.ts; `fromEnv` whether `SITE` set it
 * @example baseUrlProblems('http://localhost:4321', true)[0].problem // => '"http://localhost:4321" is a local address: …'
 */
export function baseUrlProblems(site: string | undefined, fromEnv: boolean): PublishProblem[] {
  const where = fromEnv ? 'SITE' : 'src/site-config.ts: publicUrl';
  const fix = `set publicUrl in src/site-config.ts to the archive's public address (e.g. "https://protokolle.offensive-mittelstand.de"), or build with SITE=<address> npm run build (${README_SECTION})`;
  if (!site) {
    return [{ level: 'error', where, problem: 'no public base URL is set: permanent links, canonical URLs, the sitemap, feeds, calendars and OParl would point at http://localhost:4321/', fix }];
  }
  const url = new URL(site);
  if (LOCAL_HOST.test(url.hostname)) {
    return [{ level: 'error', where, problem: `"${site}" is a local address: readers' links would lead to their own machine`, fix }];
  }
  const problems: PublishProblem[] = [];
  if (url.pathname !== '/') {
    problems.push({ level: 'error', where, problem: `"${site}" has a path (${url.pathname}): the archive links from the root of its host, so every link would miss it`, fix: 'publish at the root of a domain or subdomain (e.g. a custom domain for GitHub or GitLab Pages) and set that address' });
  }
  if (url.protocol !== 'https:') problems.push({ level: 'warning', where, problem: `"${site}" is not https`, fix: 'use the https address of the host' });
  return problems;
}

/**
 * The placeholders a build would publish: each `<Fact name="…" />` of the editorial pages whose
 * value src/site-config.ts leaves `null` (with the page's line), every other undecided fact, and
 * "[noch festzulegen" written into a page's text.
 * @param pages the editorial pages (`content/pages/*.mdx`) as file name and text
 */
export function placeholderProblems(config: SiteConfig, pages: { file: string; text: string }[]): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const shown = new Set<string>();
  const missing = (name: FactName) => 'missing' in siteFact(name, config);
  for (const { file, text } of pages) {
    text.split(/\r?\n/).forEach((line, i) => {
      for (const match of line.matchAll(/<Fact\s+name="([^"]+)"/g)) {
        const name = match[1] as FactName;
        if (!(name in factLabels) || !missing(name)) continue;
        shown.add(name);
        problems.push({ level: 'error', where: `${file}:${i + 1}: ${name}`, problem: `shows "${placeholderText(factLabels[name])}"`, fix: fillIn(name) });
      }
      if (line.includes('[noch festzulegen')) {
        problems.push({ level: 'error', where: `${file}:${i + 1}`, problem: 'the text holds a "[noch festzulegen" placeholder', fix: 'replace it with the text to publish' });
      }
    });
  }
  for (const name of Object.keys(factLabels) as FactName[]) {
    if (!shown.has(name) && missing(name)) {
      problems.push({ level: 'error', where: `src/site-config.ts: ${name}`, problem: `not decided: the site shows "${placeholderText(factLabels[name])}"`, fix: fillIn(name) });
    }
  }
  return problems;
}

/** How to decide a fact; an optional one ("falls vorhanden") can say that there is none. */
function fillIn(name: FactName): string {
  const optional = factLabels[name].includes('(falls') ? ', or, if there is none, write so (e.g. "Kein Registereintrag")' : '';
  return `fill in ${name} in src/site-config.ts${optional} (${README_SECTION})`;
}

/**
 * Protocols no editor has approved (`review.status` other than `reviewed`): warnings, errors with `strict`.
 * @param protocols `content/protocols/*.mdx` as file name and text
 */
export function reviewProblems(protocols: { file: string; text: string }[], strict: boolean): PublishProblem[] {
  return protocols.flatMap(({ file, text }) => {
    const front = frontmatterText(text);
    let status: unknown;
    try {
      status = front && (parse(front.yaml) as { review?: { status?: unknown } } | null)?.review?.status;
    } catch {
      status = undefined; // An unreadable frontmatter fails the build, which names it.
    }
    if (status === 'reviewed') return [];
    const id = file.replace(/^.*\//, '').replace(/\.mdx$/, '');
    return [{
      level: strict ? 'error' : 'warning',
      where: `${file}: review.status`,
      problem: `${String(status ?? 'imported')}: not reviewed yet; its pages say "Automatisch importiert, noch nicht redaktionell geprüft"`,
      fix: `check it against the original, then npm run review -- --approve ${id} --by "Name"`,
    }] satisfies PublishProblem[];
  });
}

/** Built files whose text names addresses: the ones a wrong base URL shows up in. */
const LINKING_FILES = /\.(?:html|xml|json|ics|txt)$/;

/**
 * Whether `dist/` was built for `site`: its home page's canonical URL has the site's origin, and
 * no page, feed, calendar or data file links to `http://localhost`.
 */
export function builtForProblems(dist: string, site: string | undefined): PublishProblem[] {
  const build = `build with the public address: SITE=${site ?? '<address>'} npm run build`;
  if (!existsSync(join(dist, 'index.html'))) {
    return [{ level: 'error', where: 'dist/index.html', problem: 'not found: nothing has been built', fix: build }];
  }
  const problems: PublishProblem[] = [];
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1];
  if (site && canonical && new URL(canonical).origin !== new URL(site).origin) {
    problems.push({ level: 'error', where: 'dist/index.html: canonical', problem: `built for ${new URL(canonical).origin}, not for ${new URL(site).origin}`, fix: build });
  }
  const local = filesUnder(dist).filter((file) => LINKING_FILES.test(file) && readFileSync(join(dist, file), 'utf8').includes('//localhost'));
  if (local.length) {
    const shown = local.slice(0, 3).map((file) => `dist/${file}`).join(', ');
    problems.push({ level: 'error', where: 'dist/', problem: `${local.length} ${local.length === 1 ? 'file links' : 'files link'} to http://localhost (${shown}${local.length > 3 ? ', …' : ''})`, fix: build });
  }
  return problems;
}

/** Published URLs without a page (errors), and new pages not yet in `permalinks.txt` (warnings). */
export function permalinkProblems(root: string, dist: string): PublishProblem[] {
  const registry = loadPermalinks(root);
  if (!registry) return [{ level: 'error', where: registryFile, problem: 'not found: published URLs cannot be checked', fix: `run npm run permalinks:update and commit ${registryFile}` }];
  const pages = listBuiltPages(dist);
  const broken = checkPermalinks({ registry, pages: new Set(pages), redirects: loadRedirects(root) });
  const problems: PublishProblem[] = broken.map((message) => {
    const [where, rest] = [message.slice(0, message.indexOf(': ')), message.slice(message.indexOf(': ') + 2)];
    const [problem, fix] = rest.split(/\. Fix: /);
    return { level: 'error', where, problem, fix: fix.replace(/\.$/, '').replace(/\s+/g, ' ') };
  });
  const { added } = updatePermalinks(registry, pages);
  if (added.length) {
    problems.push({ level: 'warning', where: registryFile, problem: `${added.length} new ${added.length === 1 ? 'page is' : 'pages are'} not listed yet (${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''}), so a later build would not notice if ${added.length === 1 ? 'it' : 'they'} vanished`, fix: `run npm run permalinks:update and commit ${registryFile}` });
  }
  return problems;
}

/** E-mail addresses and phone numbers in `dist/` other than the OM's own published contact. */
export async function contactProblems(dist: string, content: string, config: SiteConfig): Promise<PublishProblem[]> {
  const allowed = new Set(publishedContacts(config));
  const found = await contactDataInFiles(dist, await knownContactData(content));
  return found
    .map((line) => ({ file: line.slice(0, line.indexOf(': ')), item: line.slice(line.indexOf(': ') + 2) }))
    .filter(({ item }) => !allowed.has(item.replace(/^mailto:/i, '')))
    .map(({ file, item }) => ({
      level: 'error',
      where: `dist/${file}`,
      problem: `publishes contact data "${item}"`,
      fix: 'find where it comes from (protocol, registry entry, original, attachment) and remove it or let the masking catch it (src/lib/text/privacy.ts); the OM\'s own contact goes into src/site-config.ts',
    }));
}

/** What the whole check looks at. */
export interface PublishCheckInput {
  /** The project folder (`content/`, `dist/`, `permalinks.txt`, `redirects.yaml` in it). */
  root: string;
  config: SiteConfig;
  /** The base URL the build used (`siteUrl()`), and whether `SITE` set it. */
  site: string | undefined;
  siteFromEnv: boolean;
  /** Unreviewed protocols are errors, not warnings. */
  strict: boolean;
}

/** MDX files of a folder under `root`, as `{ file, text }` with `file` relative to `root`. */
function mdxFiles(root: string, folder: string): { file: string; text: string }[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => ({ file: `${folder}/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Runs every check of the module comment; the dist checks only when `dist/` holds a build.
 * @returns the problems, errors first
 */
export async function publishProblems(input: PublishCheckInput): Promise<PublishProblem[]> {
  const { root, config, site } = input;
  const dist = join(root, 'dist');
  const problems = [
    ...baseUrlProblems(site, input.siteFromEnv),
    ...placeholderProblems(config, mdxFiles(root, 'content/pages')),
    ...reviewProblems(mdxFiles(root, 'content/protocols'), input.strict),
    ...builtForProblems(dist, site),
  ];
  if (existsSync(join(dist, 'index.html'))) {
    problems.push(...permalinkProblems(root, dist), ...(await contactProblems(dist, join(root, 'content'), config)));
  }
  return [...problems.filter((p) => p.level === 'error'), ...problems.filter((p) => p.level === 'warning')];
}
