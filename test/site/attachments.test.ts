/**
 * Attachments (Anlagen) on the site: the contact-data rule for publishing a file, the
 * catalog of `content/attachments/`, the integrity check, the meeting page's lines, and
 * the rehype plugin that links "Anlage N" in the protocol text (run through the real MDX
 * compiler). Files: the fixture meeting's real attachments in
 * `test/fixtures/site/content/attachments/2021-11-11-plenum/`.
 */
import { compile } from '@mdx-js/mdx';
import type { Element, Root, RootContent } from 'hast';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentLines } from '../../src/lib/views/attachment-view';
import { loadAttachmentCatalog, publicationOf, publishedBytes, publishedFiles, type AttachmentCatalog } from '../../src/lib/text/attachments';
import { checkAttachments } from '../../src/lib/checks/integrity';
import { meetingView } from '../../src/lib/views/meeting';
import { rehypeAttachmentLinks } from '../../src/lib/text/rehype-attachment-links';
import { index, meeting } from './helpers';

const folder = resolve(import.meta.dirname, '../fixtures/site/content/attachments');
const files = join(folder, '2021-11-11-plenum');
const bytes = (name: string) => new Uint8Array(readFileSync(join(files, name)));

const plenum = meeting(
  {
    date: '2021-11-11',
    committee: 'plenum',
    agenda: [
      { number: '1', title: 'Begrüßung' },
      { number: '2', title: 'Bericht' },
    ],
    attachments: [
      { number: '1', title: 'Präsentation', file: 'anlage-1-arbeitsschutz.pdf', item: '2' },
      { number: '2', title: 'Verfahren', file: 'anlage-2-verfahren.txt', item: '2' },
      { number: '3', title: 'Teilnehmerliste', file: 'anlage-3-teilnehmerliste.pdf', item: '2' },
      { number: '4', title: 'Termine' },
    ],
  },
  '## TOP 1 – Begrüßung\n\nText.\n\n## TOP 2 – Bericht\n\nsiehe Anlagen 1 bis 3.',
);

describe('publicationOf (contact-data rule)', () => {
  it('publishes text masked, a PDF without contact data cleaned, and withholds the rest', async () => {
    expect(await publicationOf('anlage-2-verfahren.txt', bytes('anlage-2-verfahren.txt'))).toMatchObject({ publication: 'masked' });
    expect(await publicationOf('anlage-1-arbeitsschutz.pdf', bytes('anlage-1-arbeitsschutz.pdf'))).toMatchObject({ publication: 'cleaned' });
    expect(await publicationOf('anlage-3-teilnehmerliste.pdf', bytes('anlage-3-teilnehmerliste.pdf'))).toEqual({
      publication: 'withheld',
      withheldReason: 'nicht veröffentlicht: enthält Kontaktdaten',
    });
    expect((await publicationOf('folien.pptx', new Uint8Array([1, 2, 3]))).publication).toBe('withheld');
    // A broken PDF cannot be checked: withheld, not published unseen.
    expect(await publicationOf('kaputt.pdf', new TextEncoder().encode('kein PDF'))).toMatchObject({ publication: 'withheld' });
  });
});

describe('loadAttachmentCatalog and publishedBytes', () => {
  it('reads each meeting folder and serves masked text and the cleaned PDF, only files a protocol lists', async () => {
    const catalog = await loadAttachmentCatalog(folder);
    expect(publishedFiles(catalog, [plenum])).toEqual([
      { meeting: '2021-11-11-plenum', file: 'anlage-1-arbeitsschutz.pdf' },
      { meeting: '2021-11-11-plenum', file: 'anlage-2-verfahren.txt' },
    ]);
    expect(publishedFiles(catalog, [{ id: plenum.id, attachments: plenum.attachments!.filter((a) => a.number !== '2') }]).map((f) => f.file)).toEqual(['anlage-1-arbeitsschutz.pdf']);
    const text = new TextDecoder().decode(publishedBytes(catalog, '2021-11-11-plenum', 'anlage-2-verfahren.txt'));
    expect(text).toContain('Tel. [Telefonnummer entfernt].');
    expect(text).not.toContain('1234567');
    expect(new TextDecoder().decode(publishedBytes(catalog, '2021-11-11-plenum', 'anlage-1-arbeitsschutz.pdf')!.subarray(0, 5))).toBe('%PDF-');
    expect(publishedBytes(catalog, '2021-11-11-plenum', 'anlage-3-teilnehmerliste.pdf')).toBeUndefined();
    // UTF-8 with a byte-order mark, so a browser shows the umlauts whatever charset the host sends.
    expect([...publishedBytes(catalog, '2021-11-11-plenum', 'anlage-2-verfahren.txt')!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(catalog.get('2021-11-11-plenum')!.get('anlage-2-verfahren.txt')!.publishedSize).toBe(new TextEncoder().encode(text).length + 3);
  });
});


describe('checkAttachments', () => {
  it('fails on a file missing from the folder, naming the file, the field and the fix', async () => {
    const catalog = await loadAttachmentCatalog(folder);
    expect(checkAttachments([plenum], catalog)).toEqual([]);
    const broken = meeting({
      date: '2021-11-11',
      committee: 'plenum',
      agenda: [{ number: '1', title: 'Begrüßung' }],
      attachments: [
        { number: '1', title: 'Präsentation', file: 'anlage-1.pdf', item: '1' },
        { number: '1', title: 'Noch einmal' },
        { number: '2', title: 'Zu TOP 9', item: '9' },
      ],
    });
    expect(checkAttachments([broken], catalog)).toEqual([
      'content/protocols/2021-11-11-plenum.mdx: attachments[0].file: "anlage-1.pdf" is not in content/attachments/2021-11-11-plenum/. Fix: copy the file to content/attachments/2021-11-11-plenum/anlage-1.pdf, correct the name, or remove the field until the file is at hand.',
      'content/protocols/2021-11-11-plenum.mdx: attachments[1].number: Anlage 1 is listed twice. Fix: list each attachment once.',
      'content/protocols/2021-11-11-plenum.mdx: attachments[2].item: the agenda has no TOP 9. Fix: use one of 1.',
    ]);
  });
});

describe('attachmentLines and the agenda', () => {
  it('links published files, gives the reason a file is withheld, and shows each TOP its attachments', async () => {
    const archive = index([plenum], [], { attachmentFiles: await loadAttachmentCatalog(folder) });
    const view = meetingView(archive, plenum.id);
    expect(view.attachments.map(({ label, title, item, file, missing, absent }) => ({ label, title, item: item?.label, href: file?.href, description: file?.description, missing, absent }))).toEqual([
      { label: 'Anlage 1', title: 'Präsentation', item: 'TOP 2', href: '/anlagen/2021-11-11-plenum/anlage-1-arbeitsschutz.pdf', description: expect.stringMatching(/^PDF, \d+ Byte$/), missing: undefined, absent: false },
      { label: 'Anlage 2', title: 'Verfahren', item: 'TOP 2', href: '/anlagen/2021-11-11-plenum/anlage-2-verfahren.txt', description: expect.stringMatching(/^Text, \d+ Byte$/), missing: undefined, absent: false },
      { label: 'Anlage 3', title: 'Teilnehmerliste', item: 'TOP 2', href: undefined, description: undefined, missing: 'nicht veröffentlicht: enthält Kontaktdaten', absent: false },
      { label: 'Anlage 4', title: 'Termine', item: undefined, href: undefined, description: undefined, missing: undefined, absent: true },
    ]);
    // The one without a file is said once, for the section, not on its line.
    expect(view.attachmentNote).toBe('Die Datei der Anlage ohne Link liegt dem Archiv nicht vor.');
    // The withheld one is named, not linked: its line only says why there is no file.
    expect(view.agenda.map((line) => line.attachments)).toEqual([
      [],
      [
        { href: '/anlagen/2021-11-11-plenum/anlage-1-arbeitsschutz.pdf', label: 'Anlage 1' },
        { href: '/anlagen/2021-11-11-plenum/anlage-2-verfahren.txt', label: 'Anlage 2' },
        { label: 'Anlage 3' },
      ],
    ]);
  });

  it('says once for all that the files are not in the archive when none is', () => {
    const none = meeting({ date: '2021-11-11', committee: 'plenum', attachments: [{ number: '1', title: 'Präsentation' }, { number: '2', title: 'Liste' }] });
    const view = meetingView(index([none], []), none.id);
    expect(view.attachments.map((line) => [line.label, line.file, line.missing, line.absent])).toEqual([
      ['Anlage 1', undefined, undefined, true],
      ['Anlage 2', undefined, undefined, true],
    ]);
    expect(view.attachmentNote).toBe('Die Dateien dieser Anlagen liegen dem Archiv nicht vor.');
  });
});

/** Prints hast as HTML-ish text: elements with href only, MDX elements by name. */
function print(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map(print).join('');
  if (node.type === 'element') {
    const element = node as Element;
    const href = element.properties.href ? ` href="${element.properties.href}"` : '';
    return `<${element.tagName}${href}>${element.children.map(print).join('')}</${element.tagName}>`;
  }
  const jsx = node as unknown as { type: string; name?: string; children?: RootContent[] };
  if (jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') return `<${jsx.name}>${(jsx.children ?? []).map(print).join('')}</${jsx.name}>`;
  return '';
}

/** Compiles MDX with the plugin (attachments and catalog given) and returns the printed tree. */
async function render(body: string, catalog: AttachmentCatalog, path = 'content/protocols/2021-11-11-plenum.mdx') {
  let tree: Root | undefined;
  await compile(
    { path, value: body },
    { rehypePlugins: [[rehypeAttachmentLinks, { attachments: plenum.attachments, catalog }], () => (t: Root) => void (tree = t)] },
  );
  return print(tree!).replace(/\n+/g, '\n').trim();
}

describe('rehypeAttachmentLinks', () => {
  it('links "Anlage N" to the published file only; without one, or unlisted, it stays text', async () => {
    const catalog = await loadAttachmentCatalog(folder);
    const html = await render(
      [
        'Siehe Präsentation **Anlage 1**.',
        '',
        'Dazu die Anlagen 2 und 3 sowie Anlage 9.',
        '',
        '<Resolution id="2021-11-11-plenum-b1" kind="Beschluss" item="2">Beschlossen in der Fassung der Anlage 4.</Resolution>',
        '',
        '## TOP 2 – Anlage 1',
        '',
        '[Anlage 2](https://example.org/) und `Anlage 2`',
      ].join('\n'),
      catalog,
    );
    expect(html).toContain('<p>Siehe Präsentation <strong><a href="/anlagen/2021-11-11-plenum/anlage-1-arbeitsschutz.pdf">Anlage 1</a></strong>.</p>');
    // 3 is withheld (contact data), 4 has no file, 9 is not listed: no link leads to a line saying so.
    expect(html).toContain('<p>Dazu die <a href="/anlagen/2021-11-11-plenum/anlage-2-verfahren.txt">Anlagen 2</a> und 3 sowie Anlage 9.</p>');
    expect(html).toContain('<Resolution>Beschlossen in der Fassung der Anlage 4.</Resolution>');
    // Headings, links and code stay as they are.
    expect(html).toContain('<h2>TOP 2 – Anlage 1</h2>');
    expect(html).toContain('<a href="https://example.org/">Anlage 2</a> und <code>Anlage 2</code>');
  });

  it('leaves files other than protocols alone', async () => {
    const html = await render('siehe Anlage 1', new Map(), 'content/pages/ueber.mdx');
    expect(html).toBe('<p>siehe Anlage 1</p>');
  });
});
