/**
 * Issue #22: no protocol can put an active URL on a page. Links and images of a body pass one
 * allow-list (src/lib/text/rehype-safe-urls.ts, hast-util-sanitize): http, https, mailto
 * (masked to text), relative and # URLs stay; anything else becomes its text, with a warning
 * naming file and line.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMentionRegistries } from '../../src/lib/model/registry-files';
import { renderProtocol } from '../../src/lib/text/protocol-render';
import { isPublishedUrl } from '../../src/lib/text/rehype-safe-urls';

const registries = loadMentionRegistries(join(import.meta.dirname, '../../content'));

/** Renders a body as the loader does (line 1 of `body` is line 1 of the file). */
function render(body: string) {
  return renderProtocol({ path: '/x/content/protocols/2021-01-01-plenum.mdx', displayPath: 'content/protocols/2021-01-01-plenum.mdx', content: body }, registries);
}

/** Every URL attribute value in the HTML. */
function urls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
}

const hostile = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '&#106;avascript:alert(1)',
  'java&#x09;script:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
];

describe('protocol bodies: the URL allow-list', () => {
  it.each(hostile)('turns a link to %s into its text and warns with file and line', (url) => {
    const { html, warnings } = render(`## TOP 1 – Links\n\nVorher [klick hier](${url}) nachher.\n`);
    expect(html).toContain('<p>Vorher klick hier nachher.</p>');
    expect(html).not.toMatch(/<a\b/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^content\/protocols\/2021-01-01-plenum\.mdx:3: link to ".+" will not be published .* Fix: /);
  });

  it.each(hostile)('drops an image from %s to its alt text', (url) => {
    const { html, warnings } = render(`Ein Bild: ![Lageplan](${url})\n`);
    expect(html).toBe('<p>Ein Bild: Lageplan</p>');
    expect(warnings[0]).toMatch(/:1: image from ".+" will not be published/);
  });

  it('also checks links written as reference definitions, and reports the line where the link is used', () => {
    const { html, warnings } = render('Siehe [Unterlage][u] und [Web][w].\n\n[u]: javascript:alert(1)\n[w]: https://example.org/unterlage\n');
    expect(urls(html)).toEqual(['https://example.org/unterlage']);
    expect(html).toContain('Siehe Unterlage und');
    expect(warnings).toEqual([expect.stringMatching(/:1: link to "javascript:alert\(1\)"/)]);
  });

  it('keeps web, relative and fragment links and images, and masks mailto links to their text', () => {
    const { html, warnings } = render(
      '[Web](https://example.org/a) [alt](http://example.org/) [Seite](/sitzungen/) [zurück](../) [TOP](#top-1) ![Plan](/plan.png) [Mail](mailto:anna@example.org)\n',
    );
    expect(urls(html)).toEqual(['https://example.org/a', 'http://example.org/', '/sitzungen/', '../', '#top-1', '/plan.png']);
    expect(html).toContain('Mail');
    expect(html).not.toContain('mailto:');
    expect(warnings).toEqual([]);
  });

  it('keeps what the archive writes itself: resolution boxes, TOP ids, mention links, status markers', () => {
    const { html } = render('## TOP 1 – Bericht\n\nOleg Cernavin berichtet.\n\n<Resolution id="2021-01-01-plenum-b1" kind="Beschluss" item="1" result="7/0/1">\nDer Text.\n</Resolution>\n');
    expect(html).toContain('<h3 id="top-1">TOP 1 – Bericht</h3>');
    expect(html).toMatch(/<a href="\/personen\/oleg-cernavin\/" class="mention"[^>]*>Oleg Cernavin<\/a>/);
    expect(html).toContain('<h4 class="resolution-label" id="2021-01-01-plenum-b1">');
    expect(html).toContain('<a class="permalink" href="#2021-01-01-plenum-b1" data-pagefind-ignore>');
    expect(html).toContain('<!--resolution-status:2021-01-01-plenum-b1-->');
    expect(html).toContain('<a class="resolution-page-link" href="/beschluesse/2021-01-01-plenum-b1/">');
  });

  it('asks the sanitizer, so its answer is the schema’s', () => {
    expect(isPublishedUrl('a', 'href', 'https://example.org/')).toBe(true);
    expect(isPublishedUrl('a', 'href', 'tel:+4930123456')).toBe(false);
    expect(isPublishedUrl('img', 'src', 'mailto:a@example.org')).toBe(false);
    expect(isPublishedUrl('a', 'href', ' javascript:alert(1)')).toBe(false);
  });
});
