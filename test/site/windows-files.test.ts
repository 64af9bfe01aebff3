/**
 * Files saved on Windows (CRLF line ends, a UTF-8 byte order mark, Notepad's UTF-16) build
 * exactly like their LF twins (issue #24): the importer's protocols as an editor re-saves them,
 * hand-edited protocols and the registries. Reading: src/lib/model/content-file.ts; fixtures:
 * test/fixtures/windows/ (kept byte for byte by .gitattributes).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Registry } from '../../scripts/import/registry/registry';
import { filesUnder } from '../../src/lib/model/files';
import { contentText } from '../../src/lib/model/content-file';
import { loadMentionRegistries } from '../../src/lib/model/registry-files';
import { protocolSchema, slugId } from '../../src/lib/model/schema';
import { storedProtocolHtml } from '../../src/lib/text/protocol-html-files';
import { protocolLoader, type ProtocolLoaderContext } from '../../src/lib/text/protocol-loader';
import { astroBuild, copyProject, runInCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
const windowsFixtures = join(repo, 'test/fixtures/windows');

/** The ways Windows editors save a text: CRLF, a byte order mark, both, Notepad's "Unicode" (UTF-16 LE). */
const savings: Record<string, (text: string) => Buffer> = {
  crlf: (text) => Buffer.from(text.replace(/\n/g, '\r\n')),
  bom: (text) => Buffer.from(`\uFEFF${text}`),
  'bom+crlf': (text) => Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`),
  'utf-16': (text) => Buffer.from(`\uFEFF${text}`, 'utf16le'),
};

describe('contentText', () => {
  it('reads every Windows saving of a text as the LF text', () => {
    const text = 'title: Plenum – „Zukunft“\ndate: 2021-04-22\n';
    for (const save of Object.values(savings)) expect(contentText(save(text), 'x.yaml')).toBe(text);
  });

  it('refuses Windows-1252 bytes, naming the line', () => {
    expect(() => contentText(Buffer.from('name: Achim\nfamilyName: M\xfcller\n', 'latin1'), 'content/people/x.yaml')).toThrowErrorMatchingInlineSnapshot(
      `[ContentError: content/people/x.yaml:2: not UTF-8 text. Fix: save the file as UTF-8 (in Notepad: "Save as", encoding "UTF-8").]`,
    );
  });
});

/** A copy of the real content/ (the importer's protocols, the registries) in a temporary project. */
function contentCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'om-windows-'));
  for (const folder of ['protocols', 'people', 'organisations', 'committees', 'topics']) cpSync(join(repo, 'content', folder), join(root, 'content', folder), { recursive: true });
  return root;
}

/** Rewrites every file of `folder` with `save`, taking turns through the savings when `save` is not given. */
function resave(folder: string, save?: (text: string) => Buffer): void {
  const ways = Object.values(savings);
  readdirSync(folder)
    .sort()
    .forEach((name, i) => writeFileSync(join(folder, name), (save ?? ways[i % ways.length])(readFileSync(join(folder, name), 'utf8'))));
}

/** Loads the protocols of `root` with the real loader into a fresh store; returns the entries by id. */
async function loadProtocols(root: string): Promise<Map<string, unknown>> {
  const entries = new Map<string, { id: string }>();
  const schema = protocolSchema(() => slugId);
  const context = {
    store: { get: (id: string) => entries.get(id), set: (entry: { id: string }) => (entries.set(entry.id, entry), true), keys: () => [...entries.keys()], delete: (id: string) => void entries.delete(id) },
    config: { root: pathToFileURL(`${root}/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => schema.parseAsync(data),
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex'),
    logger: { info() {}, warn() {}, error() {} },
  } as unknown as ProtocolLoaderContext;
  await protocolLoader({ base: './content/protocols', workers: { maxWorkers: 0 } }).load(context as never);
  // The HTML is in a file under the copy's own cache folder: compared by what it holds.
  return new Map([...entries].map(([id, entry]) => [id, { ...entry, html: storedProtocolHtml(entry), rendered: { ...(entry as { rendered?: object }).rendered, metadata: { ...(entry as { rendered?: { metadata?: object } }).rendered?.metadata, htmlFile: undefined } } }]));
}

describe('the protocols loader and the registries', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('store the same entries (data, body, HTML, digest) for re-saved importer protocols as for the LF files', async () => {
    const lf = contentCopy();
    const windows = contentCopy();
    roots.push(lf, windows);
    resave(join(windows, 'content/protocols'));
    const expected = await loadProtocols(lf);
    expect(expected.size).toBeGreaterThan(3);
    expect(await loadProtocols(windows)).toEqual(expected);
  }, 600_000);

  it('read re-saved registries like the LF ones, for the site and for the importer', () => {
    const lf = contentCopy();
    const windows = contentCopy();
    roots.push(lf, windows);
    for (const folder of ['people', 'organisations', 'committees', 'topics']) resave(join(windows, 'content', folder));
    expect(loadMentionRegistries(join(windows, 'content'))).toEqual(loadMentionRegistries(join(lf, 'content')));
    const [site, importer] = [new Registry(join(lf, 'content')), new Registry(join(windows, 'content'))];
    expect(importer.people).toEqual(site.people);
    expect(importer.committees).toEqual(site.committees);
    expect(importer.topics).toEqual(site.topics);
  });
});

describe('astro build', () => {
  /** Builds a copy of the site fixture (with the Windows files put over their twins when `windows`); returns the copy's root. */
  function build(windows: boolean): string {
    const content = mkdtempSync(join(tmpdir(), 'om-windows-content-'));
    cpSync(join(repo, 'test/fixtures/site/content'), content, { recursive: true });
    if (windows) for (const folder of ['protocols', 'committees', 'people']) cpSync(join(windowsFixtures, folder), join(content, folder), { recursive: true });
    const root = copyProject(content);
    rmSync(content, { recursive: true, force: true });
    const previous = process.env.SOURCE_DATE_EPOCH;
    // OParl's created/modified would be the build's time otherwise.
    process.env.SOURCE_DATE_EPOCH = '1764547200';
    try {
      const { status, output } = runInCopy(root, astroBuild);
      if (status !== 0) throw new Error(`astro build failed in ${root}:\n${output.slice(-3000)}`);
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
    return root;
  }

  it('writes the same pages and files for CRLF and byte-order-mark files as for LF ones', () => {
    // The fixtures are the LF files, re-saved (test/fixtures/windows/README.md).
    for (const file of filesUnder(windowsFixtures).filter((f) => f !== 'README.md')) {
      const saved = readFileSync(join(windowsFixtures, file));
      expect(saved.includes('\r\n') || saved[0] === 0xef, file).toBe(true);
      expect(contentText(saved, file)).toBe(readFileSync(join(repo, 'test/fixtures/site/content', file), 'utf8'));
    }
    const [lf, windows] = [build(false), build(true)];
    try {
      const files = filesUnder(join(lf, 'dist'));
      expect(filesUnder(join(windows, 'dist'))).toEqual(files);
      expect(files).toContain('sitzungen/2021-04-22-strategiekreis/index.html');
      const differing = files.filter((file) => !readFileSync(join(lf, 'dist', file)).equals(readFileSync(join(windows, 'dist', file))));
      expect(differing).toEqual([]);
    } finally {
      rmSync(lf, { recursive: true, force: true });
      rmSync(windows, { recursive: true, force: true });
    }
  }, 900_000);
});
