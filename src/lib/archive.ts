/**
 * The one place that reads the content collections. It loads protocols and
 * registries once, checks reference integrity (throwing fails `astro build`,
 * which Astro's own `reference()` would not), and builds the archive index that
 * every page derives its data from.
 *
 * Usage in a page: `const archive = await getArchive();`
 */
import { getCollection, getEntry } from 'astro:content';
import { buildArchiveIndex, type ArchiveIndex } from './index/archive-index';

// The index's queries, re-exported so pages import from one module.
export { committeeMeetings, latestResolutions, meetingsOfYear, yearList, type ArchiveIndex } from './index/archive-index';
import { attachmentCatalog } from './text/attachments';
import { checkAttachments, checkIntegrity, checkMatters, checkPublishedFiles, checkSourceFiles, integrityError } from './checks/integrity';
import { registryMap, toMatters, toMeeting, type ProtocolEntryData } from './model/model';
import { loadNameDecisions } from './model/name-decisions';
import { fillResolutionStatus } from './index/protocol-html';
import { storedProtocolBody } from './text/protocol-body';
import { storedProtocolHtml } from './text/protocol-html-files';
import { publishedSources } from './index/published-sources';
import { listSourceFiles, sourceFileHashes } from './model/sources';
import { symbolicLinks } from './model/real-files';
import { registerStandIns } from './views/route-inputs';
import type { PageContext } from './views/routes';
import { buildDate } from './views/announced';

let archive: Promise<ArchiveIndex> | undefined;

/** Loads collections, checks them, and builds the index. */
async function loadArchive(): Promise<ArchiveIndex> {
  const [protocols, people, organisations, committees, topics, matters] = await Promise.all([
    getCollection('protocols'),
    getCollection('people'),
    getCollection('organisations'),
    getCollection('committees'),
    getCollection('topics'),
    getCollection('matters'),
  ]);
  // The content loader read each body when it rendered it (src/lib/text/protocol-loader.ts).
  const meetings = protocols.map((entry) => toMeeting({ id: entry.id, filePath: entry.filePath, body: entry.body, parsedBody: storedProtocolBody(entry), data: entry.data as ProtocolEntryData }));
  const registries = {
    people: registryMap(people),
    organisations: registryMap(organisations),
    committees: registryMap(committees),
    topics: registryMap(topics),
    matters: toMatters(matters),
    nameDecisions: loadNameDecisions(),
  };
  // A protocol's source file is a reference like any other: missing or altered fails the build.
  const sources = sourceFileHashes();
  // Attachment files are references too: a `file` missing from content/attachments/ fails the build.
  const attachments = await attachmentCatalog();
  const problems = [
    ...checkIntegrity(meetings, registries),
    ...checkMatters(registries.matters.values(), meetings),
    ...checkSourceFiles(meetings, sources),
    ...checkAttachments(meetings, attachments),
    // Only files a protocol references are published, never a link out of content/, nothing active.
    ...checkPublishedFiles(meetings, { sources: listSourceFiles(), attachments, links: symbolicLinks(['content/sources', 'content/attachments']) }),
  ];
  if (problems.length > 0) throw integrityError(problems);
  const published = new Map([...(await publishedSources())].map(([name, p]) => [name, p.file]));
  const index = buildArchiveIndex(meetings, registries, sources.keys(), attachments, published);
  // In page keys a meeting stands for its frontmatter and the loader's digest of its file, a resolution
  // for its id, title and meeting (src/lib/views/route-inputs.ts): no page key hashes a protocol's text.
  registerStandIns(index, new Map(protocols.map((entry) => [entry.id, entry.digest === undefined ? undefined : String(entry.digest)])));
  return index;
}

/**
 * The archive index, loaded on first use and shared by all pages of a build.
 * @throws Error listing every integrity problem (`file: field: problem. Fix: …`)
 */
export function getArchive(): Promise<ArchiveIndex> {
  archive ??= loadArchive();
  return archive;
}

/**
 * A protocol's body as HTML for its meeting page: what the content loader rendered (the file
 * its entry names, `src/lib/text/protocol-html-files.ts`) with each resolution's status
 * from later protocols filled in (`src/lib/index/protocol-html.ts`).
 * Use: `<Fragment set:html={await protocolHtml(id)} />`.
 * @throws if there is no `content/protocols/<meetingId>.mdx` or it was not rendered
 */
export async function protocolHtml(meetingId: string): Promise<string> {
  const entry = await getEntry('protocols', meetingId);
  if (!entry?.rendered) throw new Error(`protocolHtml: no rendered content/protocols/${meetingId}.mdx.`);
  return fillResolutionStatus(await getArchive(), storedProtocolHtml(entry));
}

let context: Promise<PageContext> | undefined;

/**
 * What the dynamic routes compute their pages from (`src/lib/views/routes.ts`): the archive index,
 * the published originals, the site URL, the protocol HTML and the build's date. Shared by all pages of a build.
 * Use: `keyedRoute(meetingRoute, await pageContext())` in `getStaticPaths`, and
 * `routeProps(meetingRoute, await pageContext(), Astro.params)` in the template.
 * @throws as `getArchive`
 */
export function pageContext(): Promise<PageContext> {
  context ??= (async () => ({ index: await getArchive(), published: await publishedSources(), site: import.meta.env.SITE, html: protocolHtml, today: buildDate() }))();
  return context;
}
