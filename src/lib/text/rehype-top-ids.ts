/**
 * Rehype plugin: gives each agenda-item heading of a protocol (`## TOP 7 – …`)
 * the id `top-7`, so the agenda on the meeting page can link to it. Runs
 * before Astro's own heading-id plugin, which keeps ids that are already set
 * (`@astrojs/markdown-remark` `rehypeHeadingIds`).
 *
 * Runs in the protocol pipeline (`src/lib/text/protocol-render.ts`).
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { topAnchorId, topNumberFromHeading } from '../model/anchors.ts';

/**
 * Sets `id="top-<n>"` on every `<h2>` whose text starts with `TOP <n>`; a
 * repeated number gets `top-<n>-2`, `top-<n>-3` so ids stay unique.
 * @example <h2>TOP 7 – Verschiedenes</h2> => <h2 id="top-7">TOP 7 – Verschiedenes</h2>
 */
export function rehypeTopIds() {
  return (tree: Root) => {
    const used = new Map<string, number>();
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'h2' || typeof node.properties.id === 'string') return;
      const number = topNumberFromHeading(toString(node));
      if (!number) return;
      const base = topAnchorId(number);
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      node.properties.id = seen === 1 ? base : `${base}-${seen}`;
    });
  };
}
