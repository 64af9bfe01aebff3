/**
 * Compiles an imported MDX the way the site does (MDX with remark-gfm, frontmatter cut
 * off as @astrojs/mdx does) and reports what a reader would see: the `<Resolution>`
 * elements, and any construct that hides protocol text (code blocks, raw HTML, link
 * reference definitions).
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { toString as hastToString } from 'hast-util-to-string';
import { visit as visitHast } from 'unist-util-visit';
import { renderProtocol } from '../../src/lib/text/protocol-render.ts';
import { loadMentionRegistries } from '../../src/lib/model/registry-files.ts';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';

export interface CompiledPage {
  /** `id` attribute and text of every `<Resolution>` element, in order. */
  resolutions: { id: string; text: string }[];
  /** Node types that hide text from a reader (`code`, `html`, `definition`), with their text. */
  hiding: { type: string; text: string }[];
}

/** Compiles the MDX text (frontmatter included) and returns what the page shows. */
export async function compilePage(mdx: string): Promise<CompiledPage> {
  const { content } = parseFrontmatter(mdx, { frontmatter: 'empty-with-spaces' });
  const page: CompiledPage = { resolutions: [], hiding: [] };
  const inspect = () => (tree: Root) => {
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Resolution') {
        const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
        page.resolutions.push({ id: String(id), text: toString(node) });
      }
      if (node.type === 'code' || node.type === 'html' || node.type === 'definition') {
        page.hiding.push({ type: node.type, text: 'value' in node ? String(node.value) : toString(node) });
      }
    });
  };
  await compile(new VFile({ value: content, path: 'protocol.mdx' }), { remarkPlugins: [remarkGfm, inspect] });
  return page;
}

/** What a reader of the meeting page gets from a body: its HTML, the text shown, the headings and the links. */
export interface RenderedPage {
  html: string;
  /** The body's text as shown (tags removed, references decoded), paragraphs on lines of their own. */
  text: string;
  /** Text of each heading (`## TOP 1 – …` and below), in order. */
  headings: string[];
  /** Each link of the protocol text, target and text, in order (the site's own `#…` and `/…` links left out). */
  links: { href: string; text: string }[];
}

const registries = loadMentionRegistries('content');

/**
 * Renders an imported MDX (frontmatter included) through the site's own protocol pipeline
 * (`renderProtocol`: sanitising, mention links, contact masking) and reads the result as a
 * reader sees it.
 */
export function renderPage(mdx: string, meetingId = '2024-03-12-ag-transfer'): RenderedPage {
  const { content } = parseFrontmatter(mdx, { frontmatter: 'empty-with-spaces' });
  const { html } = renderProtocol({ path: `/x/content/protocols/${meetingId}.mdx`, content }, registries);
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const headings: string[] = [];
  const links: { href: string; text: string }[] = [];
  visitHast(tree, 'element', (node) => {
    if (/^h[2-6]$/.test(node.tagName)) headings.push(hastToString(node).trim());
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && !/^[#/]/.test(node.properties.href)) links.push({ href: node.properties.href, text: hastToString(node) });
  });
  return { html, text: hastToString(tree), headings, links };
}
