/**
 * Rehype plugin: masks personal contact data in rendered protocol text, so the MDX
 * keeps e-mail addresses and phone numbers while pages (and the search index and
 * feeds made from them) show `[E-Mail-Adresse entfernt]` / `[Telefonnummer entfernt]`
 * (`maskContactData`, `src/lib/text/privacy.ts`).
 *
 * Runs in the protocol pipeline (`src/lib/text/protocol-render.ts`), after the components
 * became HTML, so a resolution's `result` is masked like any text.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { maskContactData } from './privacy.ts';

/** An MDX JSX element as it reaches rehype plugins (`<Resolution result="…">`). */
interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
}

/**
 * Masks contact data in every text node and string attribute, and replaces each
 * `mailto:`/`tel:` link by its own text, masked.
 * @example <a href="mailto:a@b.de">a@b.de</a> => [E-Mail-Adresse entfernt]
 * @example <p>Tel. 0228 123456</p> => <p>Tel. [Telefonnummer entfernt]</p>
 */
export function rehypeMaskContact() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'text') {
        (node as Text).value = maskContactData((node as Text).value);
        return;
      }
      if (node.type === 'element') {
        const element = node as Element;
        const href = element.properties.href;
        if (element.tagName === 'a' && typeof href === 'string' && /^(mailto|tel|callto|sms):/i.test(href.trim()) && parent && index !== undefined) {
          const text: Text = { type: 'text', value: maskContactData(toString(element)) };
          parent.children.splice(index, 1, text as ElementContent);
          return [SKIP, index + 1];
        }
        for (const [name, value] of Object.entries(element.properties)) {
          if (typeof value === 'string') element.properties[name] = maskContactData(value);
          else if (Array.isArray(value)) element.properties[name] = value.map((v) => (typeof v === 'string' ? maskContactData(v) : v));
        }
        return;
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of (node as unknown as MdxJsxElement).attributes) {
          if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') {
            attribute.value = maskContactData(attribute.value);
          }
        }
      }
    });
  };
}
