/**
 * Compiles an imported MDX the way the site does (MDX with remark-gfm, frontmatter cut
 * off as @astrojs/mdx does) and reports what a reader would see: the `<Resolution>`
 * elements, and any construct that hides protocol text (code blocks, raw HTML, link
 * reference definitions).
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
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
