/**
 * Protocol text cannot inject markup or code: braces, script tags, ESM lines
 * and JSX-like tags in a protocol import as text and render as text. The MDX is
 * compiled and run with a recording JSX runtime to see what would render.
 */
import { compile, run } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { importText } from './helpers.ts';

type Node = { type: unknown; props: Record<string, unknown> };

/** A JSX runtime that records the element tree instead of rendering it. */
const runtime = {
  Fragment: 'fragment',
  jsx: (type: unknown, props: Record<string, unknown>): Node => ({ type, props }),
  jsxs: (type: unknown, props: Record<string, unknown>): Node => ({ type, props }),
};

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === 'object' && 'props' in node) {
    visit(node as Node);
    walk((node as Node).props.children, visit);
  }
}

function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(text).join('');
  if (node && typeof node === 'object' && 'props' in node) return text((node as Node).props.children);
  return '';
}

const HOSTILE = `Protokoll der AG Transfer

12. März 2024, Videokonferenz

1. Begrüßung

Wir rechnen {1+1} und {process.exit(1)} aus.
<script>alert(1)</script> stand im Chat.
import fs from "node:fs"
export const geheim = 42
Ein <Resolution id="fake" kind="Beschluss">falscher Beschluss</Resolution> im Text, a < b > c.
`;

describe('content safety', () => {
  it('imports hostile text as text that renders as text', async () => {
    const { mdx } = importText(HOSTILE);
    // Astro strips the frontmatter before compiling the body; so does this test.
    const body = mdx.slice(mdx.indexOf('\n---\n', 4) + 5);
    const code = String(await compile(body, { outputFormat: 'function-body' }));
    const types: unknown[] = [];
    const Resolution = (props: Record<string, unknown>) => ({ type: 'Resolution', props });
    const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url });
    const tree = (Content as (p: object) => unknown)({ components: { Resolution } });
    walk(tree, (n) => types.push(n.type));
    expect(types).not.toContain('script');
    expect(types.filter((t) => t === Resolution)).toEqual([]);
    const rendered = text(tree);
    expect(rendered).toContain('{1+1}');
    expect(rendered).toContain('{process.exit(1)}');
    expect(rendered).toContain('<script>alert(1)</script>');
    expect(rendered).toContain('import fs from "node:fs"');
    expect(rendered).toContain('export const geheim = 42');
    expect(rendered).toContain('<Resolution id="fake" kind="Beschluss">falscher Beschluss</Resolution>');
    expect(rendered).toContain('a < b > c');
  });
});
