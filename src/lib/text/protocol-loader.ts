/**
 * The content loader of the `protocols` collection (Astro's Content Loader API): reads
 * `content/protocols/<meeting-id>.mdx`, validates the frontmatter with the collection's
 * schema, renders the body with the protocol pipeline (`src/lib/text/protocol-render.ts`) and
 * stores `data`, `body`, `digest` and `rendered.metadata` (`ProtocolMetadata`), so
 * `src/lib/archive.ts` reads TOPs, resolutions and text from `rendered.metadata.protocolBody`
 * without parsing the body again. The HTML is not in the store but in a file per rendering in
 * Astro's cache folder (`rendered.metadata.htmlFile`, `src/lib/text/protocol-html-files.ts`;
 * `rendered.html` is empty, `render(entry)` is not for protocols): Astro rewrites the whole store
 * after every change, and only the meeting page reads the HTML.
 *
 * Incremental, like Astro's `glob()` loader: an entry whose digest is unchanged since the
 * last build (Astro keeps the data store in its cache folder) is not rendered again. The
 * digest covers everything the HTML depends on: the file (frontmatter and body), the
 * pipeline's version, the registry entries whose names could be mentioned in it
 * (`src/lib/text/mention-digest.ts`), and where its "Anlage N" references link (the files in
 * `content/attachments/<meeting-id>/`). Editing a person's aliases therefore re-renders only
 * the protocols where that person's family names occur; and a file is not even read while
 * nothing its digest covers can have changed (`sync`).
 *
 * Where rendering runs (issue #14): the main thread reads, digests, validates and stores in
 * file-name order; the bodies are rendered in worker threads when many changed (a cold
 * build), in-process when few did (`src/lib/text/protocol-render-pool.ts`). The entries are
 * the same either way.
 *
 * Files are read as `src/lib/model/content-file.ts` reads them: CRLF line ends and a byte order
 * mark make no difference (not even to the digest), and YAML dates stay text, so an impossible
 * date fails. Errors (code in a body, a frontmatter field the schema rejects or does not know, a
 * file name that is not the meeting id) are collected over all files and fail the sync together,
 * one `file: field: problem. Fix: …` line each.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { loadAttachmentCatalog, type AttachmentCatalog } from './attachments.ts';
import { changedMentions, mayMentionChange, mentionDigest, mentionEntries, scanFilterWords, scanMentions, type MentionChanges, type MentionEntries } from './mention-digest.ts';
import { htmlFileOf, protocolHtmlFile, protocolHtmlFolder, removeUnreferencedHtml, writeProtocolHtml } from './protocol-html-files.ts';
import { decodeWordFilter, mayContain, wordFilter } from './word-filter.ts';
import { createMentionMatcher } from './mention-matcher.ts';
import { attachmentHrefs } from './rehype-attachment-links.ts';
import { createProtocolRenderer, RenderPoolError, WORKERS_FROM, type RenderPoolOptions } from './protocol-render-pool.ts';
import { storedMention, type StoredProtocolBody } from './protocol-body.ts';
import { ContentError, describeIssues, readContentText, splitFrontmatter } from '../model/content-file.ts';
import { loadMentionRegistries } from '../model/registry-files.ts';
import { protocolSchema, slugId } from '../model/schema.ts';
import { collectGarbageNow } from '../memory.ts';

/**
 * Bump when the pipeline's output changes (handlers, plugins, their order) or what an entry
 * stores: part of every digest, so the next build renders every protocol again instead of serving
 * stale HTML. 11: the HTML in a file of its own, no `headings` (the same HTML as 10).
 */
export const PIPELINE_VERSION = 'protocol-render 11';

/**
 * What the loader keeps in `rendered.metadata`. Not Astro's `headings` (an object per heading,
 * 20,000 at 2,000 protocols, for the store's serializer to walk at every change): they serve
 * `render(entry)`, which no page calls for a protocol (the meeting page shows `protocolHtml`,
 * `src/lib/archive.ts`; its TOPs come from `protocolBody`).
 */
export interface ProtocolMetadata {
  /**
   * TOPs, resolutions and visible text (`src/lib/text/protocol-body.ts`), from the render's own
   * tree; the text as pieces of the entry's `body` (`StoredProtocolText`), read back with
   * `storedProtocolBody(entry)`; and the people and organisations the mention matcher finds in
   * that text (`mentions`), for the people index.
   *
   * Stored as its JSON text: one string per protocol instead of thousands of small objects
   * (about 200,000 mention hits at 2,000 protocols) for the data store's serializer to walk
   * when the sync writes the store, the build's memory peak (BENCHMARKS.md, "third pass").
   */
  protocolBody: string;
  /**
   * The file with the rendered HTML (`<cacheDir>/om-protocol-html/<digest>.html`, an absolute path;
   * `src/lib/text/protocol-html-files.ts`): the HTML is kept out of the data store, whose every
   * change Astro writes in full. `rendered.html` is empty.
   */
  htmlFile: string;
}

/** Options of `protocolLoader`. */
export interface ProtocolLoaderOptions {
  /** The protocols folder, relative to the project root: `'./content/protocols'`. Registries are read from its parent. */
  base: string;
  /** Called with the meeting id of each protocol that is (re-)rendered; for tests and the build log. */
  onRender?: (meetingId: string) => void;
  /** Called with the meeting id of each protocol whose file is read (the others are skipped by their stamp); for tests. */
  onRead?: (meetingId: string) => void;
  /** Where bodies are rendered: worker threads when many change (`src/lib/text/protocol-render-pool.ts`); tests set it. */
  workers?: RenderPoolOptions;
}

/** The parts of Astro's loader context the loader uses (tests pass their own; without `cacheDir`, Astro's default `node_modules/.astro/`). */
export type ProtocolLoaderContext = Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest' | 'logger' | 'watcher'> & { config: { root: URL; cacheDir?: URL }; meta?: LoaderContext['meta'] };

/** The key in the collection's meta store (`context.meta`, kept in the data store between builds) of the loader's state. */
const STATE_KEY = 'protocol-state';
/** The key of the state before issue #24's seventh pass (one fingerprint for all registries), removed when seen. */
const OLD_STAMPS_KEY = 'file-stamps';

/**
 * What the last sync saw, so that this one can tell which protocols' digests may have changed
 * without reading them: the pipeline version, each registry entry's part of the digests
 * (`mentionEntries`), each meeting's attachment files, and per stored protocol its file stamp
 * (`fileStamp`) with a filter of the words the mention digest scanned in it
 * (`src/lib/text/word-filter.ts`).
 */
interface LoaderState {
  pipeline: string;
  mentions: MentionEntries;
  attachments: Record<string, string>;
  files: Record<string, [stamp: string, filter: string]>;
}

/**
 * A file's stamp: modification and change time (ns), size and inode. The change time moves with
 * every write, rename or copy of the file (a tool can set back the modification time, not that),
 * so an unchanged stamp means unchanged bytes.
 */
function fileStamp(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${stat.mtimeNs}:${stat.ctimeNs}:${stat.size}:${stat.ino}`;
}

/** The state the last sync left in `meta`, or none. */
function readState(meta: ProtocolLoaderContext['meta']): LoaderState | undefined {
  try {
    const text = meta?.get(STATE_KEY);
    const state = text === undefined ? undefined : (JSON.parse(text) as LoaderState);
    return state?.files && state.mentions && state.attachments ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each meeting's attachment files as the "Anlage N" links read them (`attachmentTargets`,
 * `src/lib/text/attachments.ts`: the file by its name, whether it is published), as JSON by meeting.
 */
function attachmentEntries(catalog: AttachmentCatalog): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [meeting, files] of catalog) entries[meeting] = JSON.stringify([...files].map(([key, file]) => [key, file.name, file.publication]));
  return entries;
}

/**
 * Which stored protocols with an unchanged file may still have a new digest: undefined when any
 * may (no state, another pipeline version), else the changed registry entries and the meetings
 * whose attachment files changed.
 */
function changesSince(previous: LoaderState | undefined, mentions: MentionEntries, attachments: Record<string, string>): (MentionChanges & { attachments: Set<string> }) | undefined {
  if (previous === undefined || previous.pipeline !== PIPELINE_VERSION) return undefined;
  const changedAttachments = new Set<string>();
  for (const meeting of new Set([...Object.keys(previous.attachments), ...Object.keys(attachments)])) if (previous.attachments[meeting] !== attachments[meeting]) changedAttachments.add(meeting);
  return { ...changedMentions(previous.mentions, mentions), attachments: changedAttachments };
}

/** What became of one protocol that needed rendering: its store entry, or the problem to report. */
type Outcome = { entry: Parameters<ProtocolLoaderContext['store']['set']>[0]; filed: [stamp: string, filter: string] } | { problem: string } | { fatal: RenderPoolError };

/** The problem line for an error of the protocol at `filePath`: its message, prefixed with the file unless it names it. */
function problemOf(error: unknown, filePath: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(filePath) ? message : `${filePath}: ${message}`;
}

/** The frontmatter schema with ids as plain slugs: checks a file before Astro's `parseData`, whose message would not name the file the way ours do. */
const frontmatterCheck = protocolSchema(() => slugId);

/**
 * The problems of one protocol's frontmatter, as `file: field: problem. Fix: …` lines: what the
 * schema rejects, and a file name that is not the meeting id `<date>-<committee>` (every link and
 * resolution id is built from it, `src/lib/model/paths.ts`).
 * @example frontmatterProblems('content/protocols/2021-04-23-plenum.mdx', '2021-04-23-plenum', data)
 *   // => ['content/protocols/2021-04-23-plenum.mdx: the file name is not the meeting id "2021-04-22-plenum" (date and committee of the frontmatter). Fix: …']
 */
export function frontmatterProblems(filePath: string, id: string, data: unknown): string[] {
  const checked = frontmatterCheck.safeParse(data);
  if (!checked.success) return describeIssues(filePath, checked.error);
  const meetingId = `${checked.data.date}-${checked.data.committee}`;
  if (id === meetingId) return [];
  const folder = filePath.slice(0, filePath.length - `${id}.mdx`.length);
  return [
    `${filePath}: the file name is not the meeting id "${meetingId}" (date and committee of the frontmatter). Fix: rename the file to ${folder}${meetingId}.mdx, or correct date or committee.`,
  ];
}

/**
 * Reads every protocol that may have changed, renders what did, removes what is gone. The main
 * thread reads, digests and validates each file in name order; the bodies are rendered by the
 * protocol renderer (worker threads for many, in-process for few,
 * `src/lib/text/protocol-render-pool.ts`); entries are stored in name order again.
 *
 * A file is not even read (issue #24, the warm build) while its stamp is that of the last sync,
 * its entry and HTML file are there, and nothing its digest covers can have changed: the pipeline
 * version, its meeting's name decisions and attachment files, and the registry entries that
 * could be mentioned in it, which is decided by its word filter: an added, removed or changed
 * person or organisation counts only where its keys or spellings (before or after) may occur.
 * So its digest is what the last sync computed, and its entry stays.
 */
async function sync(context: ProtocolLoaderContext, options: ProtocolLoaderOptions): Promise<void> {
  const { store, parseData, generateDigest, logger, config } = context;
  const root = fileURLToPath(config.root);
  const folder = fileURLToPath(new URL(options.base.endsWith('/') ? options.base : `${options.base}/`, config.root));
  const htmlFolder = protocolHtmlFolder(fileURLToPath(config.cacheDir ?? new URL('node_modules/.astro/', config.root)));
  const registries = loadMentionRegistries(dirname(folder));
  const mentions = mentionDigest(registries);
  // The people index's text mentions, found here once per rendered protocol instead of in every build.
  const matcher = createMentionMatcher(registries);
  // Read again at every sync (not `attachmentCatalog`'s copy per process): `astro dev` syncs again after edits.
  const catalog = await loadAttachmentCatalog(join(dirname(folder), 'attachments'));
  const state: LoaderState = { pipeline: PIPELINE_VERSION, mentions: mentionEntries(registries), attachments: attachmentEntries(catalog), files: {} };
  const previous = readState(context.meta);
  const changes = changesSince(previous, state.mentions, state.attachments);
  const unaffected = (id: string, filter: string): boolean => {
    if (changes === undefined) return false;
    if (changes.attachments.has(id)) return false;
    if (changes.words.length === 0 && changes.spellings.length === 0 && changes.meetings.size === 0) return true;
    const bits = decodeWordFilter(filter);
    return !mayMentionChange(changes, (word) => mayContain(bits, word), id);
  };
  /** The entry of `id` if its HTML file is where this sync keeps it. */
  const storedWithHtml = (id: string) => {
    const entry = store.get(id);
    if (entry?.digest === undefined) return undefined;
    const file = htmlFileOf(entry);
    return file === protocolHtmlFile(htmlFolder, entry.digest) && existsSync(file) ? entry : undefined;
  };
  let skipped = 0;

  const untouched = new Set(store.keys());
  const outcomes: Promise<Outcome>[] = [];
  const renderer = createProtocolRenderer(registries, options.workers);
  let rendered = 0;
  try {
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.mdx')).sort()) {
      const path = join(folder, name);
      const filePath = relative(root, path).split(sep).join('/');
      const id = name.slice(0, -'.mdx'.length);
      untouched.delete(id);
      try {
        const stamp = fileStamp(path);
        const last = previous?.files[id];
        if (last?.[0] === stamp && unaffected(id, last[1]) && storedWithHtml(id) !== undefined) {
          state.files[id] = last;
          skipped++;
          continue;
        }
        options.onRead?.(id);
        const contents = readContentText(path, filePath);
        // Frontmatter blanked with spaces, as @astrojs/mdx read it: tree lines are file lines.
        const parsed = splitFrontmatter(contents, filePath);
        const frontmatter = (typeof parsed.data === 'object' && parsed.data !== null ? parsed.data : {}) as Record<string, unknown>;
        // "Anlage N" links depend on the attachment files at hand: their targets are in the digest.
        const listed = Array.isArray(frontmatter.attachments) ? (frontmatter.attachments as { number: unknown; title?: unknown; file?: unknown }[]) : [];
        const hrefs = attachmentHrefs(id, listed.map((a) => ({ number: String(a.number), title: String(a.title ?? ''), ...(typeof a.file === 'string' && { file: a.file }) })), catalog);
        const scan = scanMentions(parsed.body);
        const digest = generateDigest(JSON.stringify([PIPELINE_VERSION, contents, mentions.inputForScan(scan, id), [...hrefs]]));
        const filed: [string, string] = [stamp, wordFilter(scanFilterWords(scan))];
        if (store.get(id)?.digest === digest && storedWithHtml(id) !== undefined) {
          state.files[id] = filed;
          continue;
        }
        const problems = frontmatterProblems(filePath, id, frontmatter);
        if (problems.length > 0) {
          outcomes.push(...problems.map((problem) => Promise.resolve({ problem })));
          continue;
        }
        const data = await parseData({ id, data: frontmatter, filePath: path });
        const body = parsed.content.trim();
        outcomes.push(
          renderer.render({ path, displayPath: filePath, content: parsed.content, attachmentHrefs: hrefs }).then(
            (result): Outcome => {
              for (const warning of result.warnings) logger.warn(warning);
              const text = result.body.text;
              // What is written and where follow from the text: `storedProtocolBody` restores them.
              const found = matcher.find(text.text, id).map(storedMention);
              const htmlFile = protocolHtmlFile(htmlFolder, digest);
              writeProtocolHtml(htmlFile, result.html);
              const metadata: ProtocolMetadata = { protocolBody: JSON.stringify({ ...result.body, text: result.storedText, mentions: found } satisfies StoredProtocolBody), htmlFile };
              return { entry: { id, data, body, filePath, digest, rendered: { html: '', metadata: { ...metadata } } }, filed };
            },
            (error: unknown): Outcome => (error instanceof RenderPoolError ? { fatal: error } : { problem: problemOf(error, filePath) }),
          ),
        );
        // Let the workers' replies in (they arrive as events), so each worker gets its next protocol while files are still read.
        await setImmediate();
      } catch (error) {
        outcomes.push(Promise.resolve({ problem: problemOf(error, filePath) }));
      }
    }
    renderer.finish();
    const problems: string[] = [];
    for (const outcome of outcomes) {
      const done = await outcome;
      if ('fatal' in done) throw done.fatal;
      if ('problem' in done) {
        problems.push(done.problem);
        continue;
      }
      // Astro's store ignores an entry with the digest it has (`scopedStore().set`): one rendered again for its lost HTML file replaces it.
      if (store.get(done.entry.id)?.digest === done.entry.digest) store.delete(done.entry.id);
      store.set(done.entry);
      state.files[done.entry.id] = done.filed;
      rendered++;
      options.onRender?.(done.entry.id);
    }
    for (const id of untouched) store.delete(id);
    // Kept also when some protocols fail: it names only files whose entries match the registries now.
    const next = JSON.stringify(state);
    // Set only when changed: a change makes Astro write the whole store again.
    if (context.meta && context.meta.get(STATE_KEY) !== next) context.meta.set(STATE_KEY, next);
    if (context.meta?.has(OLD_STAMPS_KEY)) context.meta.delete(OLD_STAMPS_KEY);
    const referenced = new Set(store.keys().map((id) => htmlFileOf(store.get(id))).filter((file) => file !== undefined));
    removeUnreferencedHtml(htmlFolder, referenced);
    if (problems.length > 0) throw new ContentError(problems, 'Protocols that cannot be published:');
    logger.info(`protocols: ${rendered} rendered, ${store.keys().length - rendered} unchanged${skipped > 0 ? ` (${skipped} not read)` : ''}${renderer.workersStarted > 0 ? `; ${renderer.workersStarted} worker threads` : ''}`);
  } catch (error) {
    // Stopped before its state was kept (a worker that cannot start, a file that cannot be written): some
    // entries may be newer than the last state says, so the next sync reads every file.
    if (!(error instanceof ContentError)) context.meta?.delete(STATE_KEY);
    throw error;
  } finally {
    await renderer.close();
  }
  // The sync leaves garbage (files, trees, worker replies, the store file it was loaded from), and
  // with anything rendered Astro serializes the whole store next, which needs as much again
  // (src/lib/memory.ts): collected first, once the store is big enough to matter.
  if (rendered > 0 && store.keys().length >= WORKERS_FROM) collectGarbageNow();
}

/**
 * The `protocols` loader.
 * @example defineCollection({ loader: protocolLoader({ base: './content/protocols' }), schema: protocolSchema(...) })
 * @throws (during content sync) Error listing each protocol with code in its body or an invalid frontmatter field
 */
export function protocolLoader(options: ProtocolLoaderOptions): Loader {
  let watching = false;
  // One sync at a time (`astro dev` starts one per file event): a sync removes the HTML files no stored entry names.
  let last: Promise<void> = Promise.resolve();
  const queued = (context: ProtocolLoaderContext) => (last = last.catch(() => undefined).then(() => sync(context, options)));
  return {
    name: 'om-protocol-loader',
    load: async (context) => {
      await queued(context);
      // `astro dev`: a changed protocol or registry entry syncs again; the digests decide what is rendered.
      const { watcher, config } = context;
      if (!watcher || watching) return;
      watching = true;
      const folder = fileURLToPath(new URL(options.base, config.root));
      const watched = [folder, join(dirname(folder), 'people'), join(dirname(folder), 'organisations'), join(dirname(folder), 'name-decisions.yaml')];
      watcher.add(watched);
      const onChange = (changed: string) => {
        if (!watched.some((w) => changed.startsWith(w))) return;
        queued(context).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
