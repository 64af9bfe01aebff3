/**
 * The protocol pipeline the content loader runs (src/lib/text/protocol-render.ts): one parse
 * per body gives both the HTML and the index's reading of it (TOPs, resolutions, text),
 * and nothing in a protocol is evaluated: code fails with `file:line` and what is allowed.
 * Bodies are given as the loader gives them: the file with its frontmatter blanked out.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProtocolBody } from '../../src/lib/text/protocol-body';
import { fillResolutionStatus } from '../../src/lib/index/protocol-html';
import { renderProtocol } from '../../src/lib/text/protocol-render';
import { textFromPieces } from '../../src/lib/text/protocol-text';
import { loadMentionRegistries } from '../../src/lib/model/registry-files';
import { fixtureArchive } from './resolutions-fixture';

const contentDir = join(import.meta.dirname, '../../content');
const protocolsDir = join(contentDir, 'protocols');
const registries = loadMentionRegistries(contentDir);

/** Renders a protocol file's text as the loader does. */
function render(text: string, path = '/x/content/protocols/2021-11-11-strategiekreis.mdx') {
  const { content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  return renderProtocol({ path, displayPath: 'content/protocols/2021-11-11-strategiekreis.mdx', content }, registries);
}

/** The error message a body fails with. */
function failure(body: string): string {
  try {
    render(`---\ntitle: X\n---\n${body}`);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the body to fail');
}

describe('renderProtocol: the reading for the index', () => {
  const files = readdirSync(protocolsDir).filter((name) => name.endsWith('.mdx'));

  it.each(files)('reads %s exactly as parseProtocolBody reads its entry body, line numbers included', (name) => {
    const text = readFileSync(join(protocolsDir, name), 'utf8');
    const { body } = render(text, join(protocolsDir, name));
    const entryBody = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();
    // Through JSON, as the data store keeps it.
    expect(JSON.parse(JSON.stringify(body))).toEqual(JSON.parse(JSON.stringify(parseProtocolBody(entryBody))));
    expect(body.resolutions.length).toBeGreaterThan(0);
  });

  it.each(files)('stores the text of %s as pieces of the entry body that join to exactly that text', (name) => {
    const text = readFileSync(join(protocolsDir, name), 'utf8');
    const { body, storedText } = render(text, join(protocolsDir, name));
    const entryBody = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();
    expect(textFromPieces(storedText.pieces, entryBody)).toBe(body.text.text);
    expect(storedText.sections).toEqual(body.text.sections);
    expect(storedText.resolutions).toEqual(body.text.resolutions);
    // The point of the pieces: the store does not hold the words a second time.
    expect(JSON.stringify(storedText.pieces).length).toBeLessThan(body.text.text.length / 2);
  });

  it('joins the stored pieces to the same text for any body: escapes, entities, indented lines, markup, blank lines before it', () => {
    const block = fc.constantFrom(
      'Hr. Göbel berichtet \\*nicht\\* über &amp; &auml;hnliches.',
      'Zeile eins\n   eingerückt weiter\n\tmit Tab',
      '- Punkt *eins*\n- Punkt **zwei** mit `code`\n  - tiefer [Link](https://example.org)',
      '> Zitat mit <b>HTML</b> und {/* Kommentar */}',
      '| A | B |\n|---|---|\n| x&#x41; | y |',
      '## TOP 3 – Bericht\\_neu',
      '<Resolution id="m-b1" kind="Beschluss" item="3">Die AG\n  beschließt &laquo;Ja&raquo;.</Resolution>',
      'Text mit harter  \nZeilenumbruch und www.example.org',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(block, fc.string({ maxLength: 30 })), { minLength: 1, maxLength: 6 }), fc.nat({ max: 3 }), (blocks, blankLines) => {
        const file = `---\ntitle: X\n---\n${'\n'.repeat(blankLines)}${blocks.join('\n\n')}\n`;
        let rendered: ReturnType<typeof render>;
        try {
          rendered = render(file);
        } catch {
          return; // a body the pipeline rejects is not stored
        }
        const entryBody = parseFrontmatter(file, { frontmatter: 'empty-with-spaces' }).content.trim();
        expect(textFromPieces(rendered.storedText.pieces, entryBody)).toBe(rendered.body.text.text);
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it('numbers resolution lines from the body, also after blank lines below the frontmatter', () => {
    const text = '---\ntitle: X\ncommittee: plenum\n---\n\n\nVorab.\n\n<Resolution id="m-b1" kind="Beschluss">Ja.</Resolution>\n';
    expect(render(text).body.resolutions.map((r) => r.line)).toEqual([3]);
  });
});

describe('renderProtocol: HTML', () => {
  it('renders a resolution as a box with its label, anchor and page link, and a status marker', () => {
    const { html } = render(
      '---\ntitle: X\n---\n## TOP 2 – Compliance\n\n<Resolution id="m-b1" kind="Beschluss" item="2" result="ohne Gegenstimmen">\n\nDie Regeln gelten.\n\n</Resolution>\n',
    );
    expect(html).toBe(
      [
        '<h3 id="top-2">TOP 2 – Compliance</h3>',
        '<div class="resolution"><div class="resolution-head"><h4 class="resolution-label" id="m-b1"><span class="resolution-kind">Beschluss</span><span class="resolution-result">\u00a0· ohne Gegenstimmen</span></h4>' +
          '<a class="permalink" href="#m-b1" data-pagefind-ignore><span aria-hidden="true">#</span><span class="visually-hidden">Anker: Beschluss m-b1</span></a></div>' +
          '<div class="resolution-text"><p>Die Regeln gelten.</p></div>' +
          '<p class="resolution-foot" data-pagefind-ignore><!--resolution-status:m-b1--><a class="resolution-page-link" href="/beschluesse/m-b1/">Einzelseite<span class="visually-hidden"> des Beschlusses</span> mit Zitat</a></p></div>',
      ].join('\n'),
    );
  });

  it('moves headings one level down, gives TOPs their ids and others a slug, and a resolution outside any TOP an <h3>', () => {
    const { html, headings } = render('---\ntitle: X\n---\n## TOP 7 – Verschiedenes\n\n### Bericht der AG\n\n<Resolution id="m-b2" kind="Vereinbarung">Ja.</Resolution>\n');
    expect(html).toContain('<h3 id="top-7">TOP 7 – Verschiedenes</h3>');
    expect(html).toContain('<h4 id="bericht-der-ag">Bericht der AG</h4>');
    expect(html).toContain('<h3 class="resolution-label" id="m-b2">');
    expect(headings.map((h) => `${h.depth}:${h.slug}`)).toEqual(['2:top-7', '3:bericht-der-ag', '3:m-b2']);
  });

  it('links mentions, masks contact data (also in a result) and keeps comments out of the page', () => {
    const { html } = render(
      '---\ntitle: X\n---\n{/* Kopf: Dr. Annette Icks */}\n\nDr. Annette Icks (Tel. 0228 123456) berichtet.\n\n<Resolution id="m-b1" kind="Beschluss" result="an info@example.org">Ja.</Resolution>\n',
    );
    expect(html).toContain('<a href="/personen/annette-icks/" class="mention">Dr. Annette Icks</a> (Tel. [Telefonnummer entfernt]) berichtet.');
    expect(html).toContain('<span class="resolution-result">\u00a0· an [E-Mail-Adresse entfernt]</span>');
    expect(html).not.toContain('Kopf');
  });
});

describe('renderProtocol: nothing in a protocol is evaluated', () => {
  it.each([
    ['a JS expression in text', 'Text {1 + 1} mehr.', 'content/protocols/2021-11-11-strategiekreis.mdx:4: a JavaScript expression {1 + 1} in the protocol text'],
    ['a JS expression as a block', 'Vorab.\n\n{props.x}', ':6: a JavaScript expression {props.x}'],
    ['an import', 'import X from "./x.js"\n\nText.', ':4: an import/export (ESM) in the protocol text ("import X from "./x.js"")'],
    ['an export', 'Text.\n\nexport const a = 1', ':6: an import/export (ESM)'],
    ['an unknown component', 'Text.\n\n<Script src="x.js" />', ':6: unknown component <Script>'],
    ['an HTML element', 'Text <b>fett</b>.', ':4: unknown component <b>'],
    ['an attribute expression', '<Resolution id={x} kind="Beschluss">Ja.</Resolution>', ':4: <Resolution> attribute "id" is an expression {…}'],
    ['a spread attribute', '<Resolution {...x} id="m-b1" kind="Beschluss">Ja.</Resolution>', ':4: <Resolution> has a spread attribute {...x}'],
    ['an unknown attribute', '<Resolution id="m-b1" kind="Beschluss" onclick="x()">Ja.</Resolution>', ':4: <Resolution> has an unknown attribute "onclick"'],
  ])('fails on %s, naming file and line', (_, body, expected) => {
    expect(failure(body)).toContain(expected);
  });

  it('says what is allowed, and lists every problem of a file', () => {
    expect(failure('Text {a}.\n\n<Foo />')).toMatchInlineSnapshot(`
      "content/protocols/2021-11-11-strategiekreis.mdx:4: a JavaScript expression {a} in the protocol text; nothing in a protocol is evaluated. Fix: write braces as text (\\{ and \\}) or make it a comment {/* … */}.
      content/protocols/2021-11-11-strategiekreis.mdx:6: unknown component <Foo>; nothing in a protocol is evaluated. Fix: write it as text (\\<) or use a known component.
      Allowed in a protocol: Markdown (GFM), comments {/* … */} and <Resolution id="<meeting-id>-b<n>" kind="Beschluss|Vereinbarung|Wahl|Entlastung|Vertagung" item="<TOP number>" result="…" yes="7" no="0" abstain="4" unanimous="true">text</Resolution>."
    `);
  });

  it('allows comments and escaped braces', () => {
    const { html } = render('---\ntitle: X\n---\n{/* Kopf */}\n\nMenge \\{a, b\\} und {/* inline */} Text.\n');
    expect(html).toBe('<p>Menge {a, b} und  Text.</p>');
  });
});

describe('fillResolutionStatus', () => {
  const archive = fixtureArchive();
  const box = (id: string) => render(`---\ntitle: X\n---\n<Resolution id="${id}" kind="Beschluss">Ja.</Resolution>\n`).html;

  it('fills in the status a later protocol states, with its replacement and the stating meeting', () => {
    const html = fillResolutionStatus(archive, box('2021-04-22-strategiekreis-b1'));
    expect(html).toContain(
      '<p class="resolution-foot" data-pagefind-ignore><span class="resolution-status">Stand: <span class="status status-superseded">ersetzt durch</span> ' +
        '<a href="/beschluesse/2021-11-11-strategiekreis-b1/">„Die Vereinbarung wird beschlossen“ vom 11. November 2021</a> (laut Protokoll vom ' +
        '<a href="/sitzungen/2021-11-11-strategiekreis/">11. November 2021</a>)</span> <a class="resolution-page-link"',
    );
    expect(html).not.toContain('<!--');
  });

  it('leaves only the page link where no protocol states a status', () => {
    expect(fillResolutionStatus(archive, box('2021-04-22-strategiekreis-b2'))).toContain(
      '<p class="resolution-foot" data-pagefind-ignore><a class="resolution-page-link" href="/beschluesse/2021-04-22-strategiekreis-b2/">',
    );
  });
});
