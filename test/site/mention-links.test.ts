/**
 * The rehype plugin that links mentions in protocol text
 * (src/lib/text/rehype-mention-links.ts), run in the protocol pipeline as the content
 * loader runs it (src/lib/text/protocol-render.ts); the HTML is printed as simple HTML.
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { registryMap } from '../../src/lib/model/model';
import { renderProtocol } from '../../src/lib/text/protocol-render';
import type { MentionRegistries } from '../../src/lib/model/registry-files';
import { organisationSchema, personSchema, type NameDecision } from '../../src/lib/model/schema';

function registries(nameDecisions: NameDecision[] = []): MentionRegistries {
  return {
    people: registryMap([
      { id: 'rolf-papenfuss', data: personSchema.parse({ name: 'Rolf Papenfuß', givenName: 'Rolf', familyName: 'Papenfuß', aliases: ['Ralph Papenfuß'] }) },
      { id: 'achim-sieker', data: personSchema.parse({ name: 'Achim Sieker', givenName: 'Achim', familyName: 'Sieker' }) },
      { id: 'oliver-kruse', data: personSchema.parse({ name: 'Oliver Kruse', givenName: 'Oliver', familyName: 'Kruse', academicTitle: 'Prof. Dr.' }) },
    ]),
    organisations: registryMap([
      { id: 'bmas', data: organisationSchema.parse({ shortName: 'BMAS', name: 'Bundesministerium für Arbeit und Soziales' }) },
    ]),
    nameDecisions,
  };
}

/** Prints hast as HTML-ish text: elements with href only, comments left out. */
function print(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map(print).join('');
  if (node.type === 'element') {
    const element = node as Element;
    const href = element.properties.href ? ` href="${element.properties.href}"` : '';
    return `<${element.tagName}${href}>${element.children.map(print).join('')}</${element.tagName}>`;
  }
  return '';
}

/** Renders a body with the protocol pipeline and returns the printed HTML, blank lines dropped. */
async function render(body: string, path = 'content/protocols/2021-11-11-strategiekreis.mdx', decisions: NameDecision[] = []) {
  const { html } = renderProtocol({ path, content: body }, registries(decisions));
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  return print(tree).replace(/\n+/g, '\n').trim();
}

const links = (html: string) => [...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => `${m[2]}=${m[1]}`);

describe('rehypeMentionLinks', () => {
  it('links the first mention per agenda item, under any spelling, keeping the spaces around it', async () => {
    const html = await render(
      [
        'Ralph Papenfuß begrüßt. Rolf Papenfuß auch.',
        '',
        '## TOP 1 – Neues',
        '',
        'Rolf Papenfuss stellt vor, Ralph Papenfuß ergänzt.',
        '',
        '## TOP 2 – Mehr',
        '',
        'Herr Papenfuß und Achim Sieker (BMAS) berichten.',
      ].join('\n'),
    );
    expect(links(html)).toEqual([
      'Ralph Papenfuß=/personen/rolf-papenfuss/',
      'Rolf Papenfuss=/personen/rolf-papenfuss/',
      'Herr Papenfuß=/personen/rolf-papenfuss/',
      'Achim Sieker=/personen/achim-sieker/',
      'BMAS=/organisationen/bmas/',
    ]);
    expect(html).toContain('<p><a href="/personen/rolf-papenfuss/">Ralph Papenfuß</a> begrüßt. Rolf Papenfuß auch.</p>');
    expect(html).toContain(' und <a href="/personen/achim-sieker/">Achim Sieker</a> (<a href="/organisationen/bmas/">BMAS</a>) berichten.');
  });

  it('treats a resolution box as part of its agenda item', async () => {
    const html = await render(
      [
        '## TOP 1 – Neues',
        '',
        'Achim Sieker berichtet.',
        '',
        '<Resolution id="2021-11-11-strategiekreis-b1" kind="Beschluss" item="1">',
        '',
        'Der Strategiekreis beauftragt Achim Sieker und Prof. Dr. Oliver Kruse.',
        '',
        '</Resolution>',
      ].join('\n'),
    );
    expect(links(html)).toEqual(['Achim Sieker=/personen/achim-sieker/', 'Prof. Dr. Oliver Kruse=/personen/oliver-kruse/']);
    expect(html).toContain('<div><p>Der Strategiekreis beauftragt Achim Sieker und <a href="/personen/oliver-kruse/">');
  });

  it('never links in headings, links, code or MDX comments; the next plain mention gets the link', async () => {
    const html = await render(
      [
        '{/* Kopf: Achim Sieker (BMAS) */}',
        '',
        '## TOP 5 – Neues im BMAS',
        '',
        '### Bericht von Achim Sieker',
        '',
        'Siehe [Achim Sieker](https://example.org/) und `Achim Sieker`.',
        '',
        'Achim Sieker berichtet für das BMAS.',
      ].join('\n'),
    );
    expect(links(html)).toEqual([
      'Achim Sieker=https://example.org/',
      'Achim Sieker=/personen/achim-sieker/',
      'BMAS=/organisationen/bmas/',
    ]);
    // `##` and `###` one level down on the page (the page's own sections are <h2>).
    expect(html).toContain('<h3>TOP 5 – Neues im BMAS</h3>');
    expect(html).toContain('<h4>Bericht von Achim Sieker</h4>');
  });

  it('follows the editors’ name decisions', async () => {
    const html = await render('Herr Papenfuß spricht.', undefined, [
      { mention: 'Herr Papenfuß', meeting: '2021-11-11-strategiekreis', person: null },
    ]);
    expect(links(html)).toEqual([]);
  });

  it('leaves files other than protocols alone', async () => {
    expect(links(await render('Achim Sieker berichtet.', 'src/pages/about.mdx'))).toEqual([]);
  });
});
