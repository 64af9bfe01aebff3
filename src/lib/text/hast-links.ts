/**
 * Turns parts of a hast text node into links: what the archive's rehype plugins that link
 * words in protocol text (mentions of people and organisations, "Anlage N") have in common.
 */
import type { ElementContent, Text } from 'hast';

/** A part of a text node's value to link: `from`/`to` are offsets in it, sorted, not overlapping. */
export interface LinkSpan {
  from: number;
  to: number;
  href: string;
  /** Classes of the `<a>` ("mention", "attachment-link"). */
  className: string[];
  /** The link's `title`, if any. */
  title?: string;
}

/**
 * The node's text with each span as an `<a>`, the text between as text nodes.
 * @example linkSpans({ type: 'text', value: 'Siehe Anlage 1.' }, [{ from: 6, to: 14, href: '/a/', className: ['attachment-link'] }]).length // => 3
 */
export function linkSpans(node: Text, spans: readonly LinkSpan[]): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.from > at) out.push({ type: 'text', value: node.value.slice(at, span.from) });
    out.push({
      type: 'element',
      tagName: 'a',
      properties: { href: span.href, className: span.className, ...(span.title && { title: span.title }) },
      children: [{ type: 'text', value: node.value.slice(span.from, span.to) }],
    });
    at = span.to;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
