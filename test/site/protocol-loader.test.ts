/**
 * The protocols' content loader (src/lib/text/protocol-loader.ts) on a copy of the real
 * `content/`, with a data store that lives across loads as Astro's does between builds:
 * an unchanged protocol is not rendered again, an edited one is, and editing a person's
 * aliases re-renders exactly the protocols that mention that person.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { mentionDigest } from '../../src/lib/text/mention-digest';
import { createMentionMatcher } from '../../src/lib/text/mention-matcher';
import { parseProtocolBody, storedProtocolBody } from '../../src/lib/text/protocol-body';
import { protocolLoader, type ProtocolLoaderContext } from '../../src/lib/text/protocol-loader';
import { storedProtocolHtml } from '../../src/lib/text/protocol-html-files';
import { placeOf } from '../../src/lib/text/protocol-text';
import { loadMentionRegistries } from '../../src/lib/model/registry-files';
import { protocolSchema } from '../../src/lib/model/schema';
import { appendParagraph } from './helpers';

/** Adds a person to the project's registry (`content/people/<id>.yaml`), as the importer would. */
function addPerson(root: string, id: string, person: { name: string; givenName: string; familyName: string }): void {
  writeFileSync(join(root, 'content/people', `${id}.yaml`), stringify(person));
}

const repoContent = join(import.meta.dirname, '../../content');
const schema = protocolSchema(() => z.string());

type Entry = { id: string; digest?: string | number; body?: string; rendered?: { html: string; metadata?: Record<string, unknown> }; data: Record<string, unknown> };

/** A project with a copy of content/ and a store that survives loads. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'om-loader-'));
  for (const folder of ['protocols', 'people', 'organisations']) cpSync(join(repoContent, folder), join(root, 'content', folder), { recursive: true });
  const entries = new Map<string, Entry>();
  const store = {
    get: (id: string) => entries.get(id),
    // As Astro's: an entry with the digest of the stored one is ignored.
    set: (entry: Entry) => entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest ? false : (entries.set(entry.id, entry), true),
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  };
  const rendered: string[][] = [];
  const meta = new Map<string, string>();
  const logged: string[] = [];
  const context = {
    store,
    // The collection's meta store, kept between builds like the entries.
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => void meta.set(key, value), has: (key: string) => meta.has(key), delete: (key: string) => void meta.delete(key) },
    config: { root: pathToFileURL(`${root}/`) },
    // Through the real schema, as Astro's parseData does.
    parseData: async ({ data }: { data: Record<string, unknown> }) => schema.parseAsync(data),
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex'),
    logger: { info: (line: string) => void logged.push(line), warn() {}, error() {} },
  } as unknown as ProtocolLoaderContext;
  /** The ids whose files the last load read, sorted. */
  const read: string[] = [];
  /** Loads once; returns the ids rendered in this load, sorted. */
  async function load(): Promise<string[]> {
    const ids: string[] = [];
    read.length = 0;
    await protocolLoader({ base: './content/protocols', onRender: (id) => ids.push(id), onRead: (id) => read.push(id) }).load(context as never);
    read.sort();
    rendered.push(ids);
    return ids.sort();
  }
  /** The rendered HTML of a stored protocol, from the file its entry names. */
  const html = (id: string) => storedProtocolHtml(entries.get(id)!);
  return { root, entries, load, logged, read, html };
}

let p: ReturnType<typeof project>;
beforeEach(() => {
  p = project();
});
afterEach(() => rmSync(p.root, { recursive: true, force: true }));

/** The committed protocols' ids (the first is the 2017 plenum, which the tests below delete or break). */
const allIds = readdirSync('content/protocols').filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)).sort();

describe('protocolLoader', () => {
  it('stores data, body, digest and rendered HTML with the body reading for the index', async () => {
    expect(await p.load()).toEqual(allIds);
    const entry = p.entries.get('2021-04-22-strategiekreis')!;
    expect(entry.data.committee).toBe('strategiekreis');
    expect(entry.body).toMatch(/^\{\/\*/);
    expect(p.html(entry.id)).toContain('<h3 id="top-2">TOP 2 – Compliance-Regelung');
    expect(storedProtocolBody(entry)?.resolutions[0].id).toBe('2021-04-22-strategiekreis-b1');
  });

  it('gives the index the same reading of each stored entry as parsing its body and matching names in it, also from a store read back from disk', async () => {
    await p.load();
    const matcher = createMentionMatcher(loadMentionRegistries(join(p.root, 'content')));
    for (const entry of p.entries.values()) {
      // Astro keeps the store as (devalue) JSON between builds and in the prerender bundle.
      const stored = JSON.parse(JSON.stringify(entry)) as Entry;
      const { mentions, ...reading } = storedProtocolBody(stored)!;
      expect(JSON.parse(JSON.stringify(reading)), entry.id).toEqual(JSON.parse(JSON.stringify(parseProtocolBody(stored.body!))));
      // The people index's mentions: what the matcher finds in that text, placed in its TOP and resolution.
      const text = parseProtocolBody(stored.body!).text;
      const expected = matcher.find(text.text, entry.id).map((m) => ({ ...m, ...placeOf(text, m.index) }));
      expect(mentions?.length, entry.id).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(mentions))).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('renders nothing again when nothing changed, and only the edited protocol after an edit', async () => {
    await p.load();
    const before = p.html('2017-11-09-plenum');
    expect(await p.load()).toEqual([]);
    expect(p.html('2017-11-09-plenum')).toBe(before);

    const file = join(p.root, 'content/protocols/2020-10-20-ag-transfer.mdx');
    appendParagraph(file, 'Ein neuer Absatz.');
    expect(await p.load()).toEqual(['2020-10-20-ag-transfer']);
    expect(p.html('2020-10-20-ag-transfer')).toContain('<p>Ein neuer Absatz.</p>');
  });

  it('re-renders exactly the protocols that mention a person whose aliases change', async () => {
    await p.load();
    // The protocols that mention the person, by the matcher over each stored text.
    const matcher = createMentionMatcher(loadMentionRegistries(join(p.root, 'content')));
    const mentioning = [...p.entries.values()]
      .filter((entry) => matcher.find(storedProtocolBody(entry)!.text.text, entry.id).some((m) => m.kind === 'person' && m.id === 'rolf-papenfuss'))
      .map((entry) => entry.id)
      .sort();
    expect(mentioning.length).toBeGreaterThan(0);
    expect(mentioning.length).toBeLessThan(allIds.length);

    const file = join(p.root, 'content/people/rolf-papenfuss.yaml');
    const person = parse(readFileSync(file, 'utf8'));
    writeFileSync(file, stringify({ ...person, aliases: [...person.aliases, 'R. Papenfuß'] }));
    expect(await p.load()).toEqual(mentioning);
  });

  it('re-renders a protocol when a person it names is added to the registry, and links the name', async () => {
    const file = join(p.root, 'content/protocols/2020-10-20-ag-transfer.mdx');
    appendParagraph(file, 'Erika Mustermann-Probe berichtet.');
    await p.load();
    addPerson(p.root, 'erika-mustermann-probe', { name: 'Erika Mustermann-Probe', givenName: 'Erika', familyName: 'Mustermann-Probe' });
    expect(await p.load()).toEqual(['2020-10-20-ag-transfer']);
    expect(p.html('2020-10-20-ag-transfer')).toContain('<a href="/personen/erika-mustermann-probe/" class="mention">Erika Mustermann-Probe</a>');
  });

  it('re-renders a protocol naming a person with a two-word family name when the person is added, and links the name', async () => {
    // Doubled letters ("Müller") and a "p h" across the words: the digest's key must be the matcher's.
    const file = join(p.root, 'content/protocols/2020-10-20-ag-transfer.mdx');
    appendParagraph(file, 'Anna Schulze Müller und Jens Kop Hahn berichten.');
    await p.load();
    addPerson(p.root, 'anna-schulze-mueller', { name: 'Anna Schulze Müller', givenName: 'Anna', familyName: 'Schulze Müller' });
    expect(await p.load()).toEqual(['2020-10-20-ag-transfer']);
    addPerson(p.root, 'jens-kop-hahn', { name: 'Jens Kop Hahn', givenName: 'Jens', familyName: 'Kop Hahn' });
    expect(await p.load()).toEqual(['2020-10-20-ag-transfer']);
    const html = p.html('2020-10-20-ag-transfer');
    expect(html).toContain('<a href="/personen/anna-schulze-mueller/" class="mention">Anna Schulze Müller</a>');
    expect(html).toContain('<a href="/personen/jens-kop-hahn/" class="mention">Jens Kop Hahn</a>');
  });

  it('does not read an unchanged file again, but does one that was written', async () => {
    await p.load();
    expect(await p.load()).toEqual([]);
    expect(p.read).toEqual([]);
    expect(p.logged.at(-1)).toBe(`protocols: 0 rendered, ${allIds.length} unchanged (${allIds.length} not read)`);
    // Written with the same bytes: read again (its stamp moved), not rendered (its digest did not).
    const file = join(p.root, 'content/protocols/2021-04-22-strategiekreis.mdx');
    writeFileSync(file, readFileSync(file));
    expect(await p.load()).toEqual([]);
    expect(p.read).toEqual(['2021-04-22-strategiekreis']);
    expect(p.logged.at(-1)).toBe(`protocols: 0 rendered, ${allIds.length} unchanged (${allIds.length - 1} not read)`);
    appendParagraph(file, 'Ein Nachtrag.');
    expect(await p.load()).toEqual(['2021-04-22-strategiekreis']);
  });

  it('reads no protocol when a person is added whom none names, and leaves every entry as it was', async () => {
    await p.load();
    const before = new Map([...p.entries].map(([id, entry]) => [id, JSON.stringify(entry)]));
    addPerson(p.root, 'erika-quellenbrink', { name: 'Erika Quellenbrink', givenName: 'Erika', familyName: 'Quellenbrink' });
    expect(await p.load()).toEqual([]);
    expect(p.read).toEqual([]);
    expect(new Map([...p.entries].map(([id, entry]) => [id, JSON.stringify(entry)]))).toEqual(before);
  });

  it('reads and re-renders only the older protocol that names a person added later, and links the name there', async () => {
    const file = join(p.root, 'content/protocols/2021-04-22-strategiekreis.mdx');
    appendParagraph(file, 'Frau Quellenbrink berichtet.');
    await p.load();
    addPerson(p.root, 'erika-quellenbrink', { name: 'Erika Quellenbrink', givenName: 'Erika', familyName: 'Quellenbrink' });
    expect(await p.load()).toEqual(['2021-04-22-strategiekreis']);
    expect(p.read).toEqual(['2021-04-22-strategiekreis']);
    expect(p.html('2021-04-22-strategiekreis')).toContain('<a href="/personen/erika-quellenbrink/" class="mention">Frau Quellenbrink</a>');
  });

  it('re-renders the protocol that linked a person whose registry entry is removed, and unlinks the name', async () => {
    const file = join(p.root, 'content/protocols/2021-04-22-strategiekreis.mdx');
    appendParagraph(file, 'Frau Quellenbrink berichtet.');
    addPerson(p.root, 'erika-quellenbrink', { name: 'Erika Quellenbrink', givenName: 'Erika', familyName: 'Quellenbrink' });
    await p.load();
    expect(p.html('2021-04-22-strategiekreis')).toContain('/personen/erika-quellenbrink/');
    rmSync(join(p.root, 'content/people/erika-quellenbrink.yaml'));
    expect(await p.load()).toEqual(['2021-04-22-strategiekreis']);
    expect(p.read).toEqual(['2021-04-22-strategiekreis']);
    expect(p.html('2021-04-22-strategiekreis')).not.toContain('/personen/erika-quellenbrink/');
  });

  it('reads and re-renders only the protocol that names an organisation added later, and links it there', async () => {
    const file = join(p.root, 'content/protocols/2020-10-20-ag-transfer.mdx');
    appendParagraph(file, 'Der Verband QXV berichtet.');
    await p.load();
    writeFileSync(join(p.root, 'content/organisations/qxv.yaml'), stringify({ shortName: 'QXV', name: 'Verband der Quellenbrinker', aliases: [] }));
    expect(await p.load()).toEqual(['2020-10-20-ag-transfer']);
    expect(p.read).toEqual(['2020-10-20-ag-transfer']);
    expect(p.html('2020-10-20-ag-transfer')).toMatch(/<a href="\/organisationen\/qxv\/"[^>]*>QXV<\/a>/);
  });

  it('re-renders the protocol of a meeting whose name decision is added, and links whom it names', async () => {
    const file = join(p.root, 'content/protocols/2020-10-20-ag-transfer.mdx');
    appendParagraph(file, 'Herr Quellenbrink berichtet.');
    // Two people of that family name: "Herr Quellenbrink" is ambiguous and not linked.
    addPerson(p.root, 'erik-quellenbrink', { name: 'Erik Quellenbrink', givenName: 'Erik', familyName: 'Quellenbrink' });
    addPerson(p.root, 'otto-quellenbrink', { name: 'Otto Quellenbrink', givenName: 'Otto', familyName: 'Quellenbrink' });
    await p.load();
    expect(p.html('2020-10-20-ag-transfer')).not.toContain('/personen/otto-quellenbrink/');
    writeFileSync(join(p.root, 'content/name-decisions.yaml'), stringify([{ mention: 'Herr Quellenbrink', meeting: '2020-10-20-ag-transfer', person: 'otto-quellenbrink' }]));
    expect(await p.load()).toEqual(['2020-10-20-ag-transfer']);
    expect(p.read).toEqual(['2020-10-20-ag-transfer']);
    expect(p.html('2020-10-20-ag-transfer')).toContain('<a href="/personen/otto-quellenbrink/" class="mention">Herr Quellenbrink</a>');
  });

  it('re-renders the protocol whose attachment file is added, and links "Anlage 1" to it', async () => {
    const file = join(p.root, 'content/protocols/2020-10-20-ag-transfer.mdx');
    const text = readFileSync(file, 'utf8');
    const listed = '\nattachments:\n  - number: "1"\n    title: Neues von der OM/Stiftung, Neues aus dem BMAS\n';
    expect(text).toContain(listed);
    writeFileSync(file, text.replace(listed, `${listed}    file: anlage-1.txt\n`));
    await p.load();
    expect(p.html('2020-10-20-ag-transfer')).not.toContain('anlage-1.txt');
    mkdirSync(join(p.root, 'content/attachments/2020-10-20-ag-transfer'), { recursive: true });
    writeFileSync(join(p.root, 'content/attachments/2020-10-20-ag-transfer/anlage-1.txt'), 'Folien der Sitzung\n');
    expect(await p.load()).toEqual(['2020-10-20-ag-transfer']);
    expect(p.read).toEqual(['2020-10-20-ag-transfer']);
    expect(p.html('2020-10-20-ag-transfer')).toMatch(/<a href="[^"]*anlage-1\.txt"[^>]*>Anlage 1<\/a>/);
  });

  it('keeps the HTML out of the store, in one file per rendering; renders again what lost its file, removes files no entry names', async () => {
    await p.load();
    const id = '2021-04-22-strategiekreis';
    const entry = p.entries.get(id)!;
    expect(entry.rendered?.html).toBe('');
    const htmlFile = entry.rendered?.metadata?.htmlFile as string;
    expect(htmlFile).toBe(join(p.root, 'node_modules/.astro/om-protocol-html', `${entry.digest}.html`));
    const folder = dirname(htmlFile);
    expect(readdirSync(folder).sort()).toEqual([...p.entries.values()].map((e) => `${e.digest}.html`).sort());
    const html = p.html(id);
    rmSync(htmlFile);
    writeFileSync(join(folder, 'left-over.html'), 'x');
    expect(await p.load()).toEqual([id]);
    expect(p.html(id)).toBe(html);
    expect(readdirSync(folder)).not.toContain('left-over.html');
    // An edit writes a new file and removes the old one.
    appendParagraph(join(p.root, 'content/protocols', `${id}.mdx`), 'Ein Nachtrag.');
    await p.load();
    expect(existsSync(htmlFile)).toBe(false);
    expect(readdirSync(folder)).toHaveLength(allIds.length);
    expect(() => storedProtocolHtml({ id, rendered: { metadata: { htmlFile } } })).toThrow(`content/protocols/${id}.mdx: its rendered HTML ${htmlFile} is missing`);
    // An entry stored with its HTML inline, by the loader before this one: rendered again, under the same digest.
    const inline = p.entries.get(id)!;
    p.entries.set(id, { ...inline, rendered: { html: p.html(id), metadata: { ...inline.rendered!.metadata, htmlFile: undefined } } });
    expect(await p.load()).toEqual([id]);
    expect(p.entries.get(id)!.rendered).toMatchObject({ html: '', metadata: { htmlFile: inline.rendered!.metadata!.htmlFile } });
  });

  it('removes the entry of a deleted protocol', async () => {
    await p.load();
    rmSync(join(p.root, 'content/protocols/2017-11-09-plenum.mdx'));
    expect(await p.load()).toEqual([]);
    expect([...p.entries.keys()].sort()).toEqual(allIds.slice(1));
  });

  it('fails the load naming each protocol with code in it, and keeps the others', async () => {
    const file = join(p.root, 'content/protocols/2017-11-09-plenum.mdx');
    appendParagraph(file, 'export const x = 1');
    await expect(p.load()).rejects.toThrow(/content\/protocols\/2017-11-09-plenum\.mdx:\d+: an import\/export \(ESM\)/);
    expect([...p.entries.keys()].sort()).toEqual(allIds.slice(1));
  });
});

describe('mentionDigest', () => {
  it('includes every person and organisation the matcher finds in each real protocol (a sound pre-filter)', async () => {
    await p.load();
    const registries = loadMentionRegistries(join(p.root, 'content'));
    const matcher = createMentionMatcher(registries);
    const digest = mentionDigest(registries);
    for (const entry of p.entries.values()) {
      const text = readFileSync(join(p.root, 'content/protocols', `${entry.id}.mdx`), 'utf8');
      const frontmatter = extractFrontmatter(text)!;
      const input = digest.inputFor(text.slice(text.indexOf(frontmatter) + frontmatter.length), entry.id);
      const found = matcher.find(storedProtocolBody(entry)!.text.text, entry.id);
      expect(found.length).toBeGreaterThan(0);
      for (const mention of found) {
        const ids = (mention.kind === 'person' ? input.people : input.organisations).map((e) => e[0]);
        expect(ids, `${entry.id}: ${mention.text}`).toContain(mention.id);
      }
    }
  });
});
