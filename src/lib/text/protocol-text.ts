/**
 * The readable text of a protocol body, as one string with positions: which
 * agenda item (`## TOP n` section) and which `<Resolution>` each offset lies in.
 * The person, organisation and topic pages run the mention matcher
 * (`src/lib/text/mention-matcher.ts`) over it once per meeting and place every hit
 * by its offset.
 *
 * What counts as text is what a reader sees: paragraphs, lists, headings, link
 * text, resolution boxes. MDX comments (`{/* … *\/}`, where the importer keeps
 * the original header for review) and code are left out, so a name that only
 * appears in the hidden header is not a mention. Blocks are separated by a
 * blank line, so no name is read across two paragraphs.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { ProtocolText, TextPlace } from '../model/body-shape.ts';

export type { ProtocolText, TextPlace, TextRange } from '../model/body-shape.ts';
import { topNumberFromHeading } from '../model/anchors.ts';


/** Inline (phrasing) node types: their text joins the surrounding text without a break. */
const INLINE = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement', 'break', 'footnoteReference']);
/** Nodes that are not visible text. */
const HIDDEN = new Set(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'code', 'inlineCode', 'html', 'yaml', 'definition', 'image', 'imageReference']);

/** The `id` attribute of a JSX element, if it is a plain string. */
function idAttribute(element: MdxJsxFlowElement): string | undefined {
  const attribute = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** Builds the `ProtocolText` of an already parsed body (remark-parse + remark-mdx + remark-gfm tree). */
export function protocolTextFromTree(tree: Root): ProtocolText {
  let text = '';
  const sections: ProtocolText['sections'] = [{ start: 0, end: 0 }];
  const resolutions: ProtocolText['resolutions'] = [];
  const blockBreak = () => {
    if (text && !text.endsWith('\n\n')) text += text.endsWith('\n') ? '\n' : '\n\n';
  };

  function walk(node: RootContent): void {
    if (HIDDEN.has(node.type)) return;
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (node.type === 'break') {
      text += '\n';
      return;
    }
    const inline = INLINE.has(node.type);
    if (!inline) blockBreak();
    const resolutionId =
      node.type === 'mdxJsxFlowElement' && node.name === 'Resolution' ? idAttribute(node) : undefined;
    const start = text.length;
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
    if (resolutionId !== undefined) resolutions.push({ id: resolutionId, start, end: text.length });
    if (!inline) blockBreak();
  }

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const topNumber = topNumberFromHeading(nodeText(node));
      if (topNumber) {
        blockBreak();
        sections[sections.length - 1].end = text.length;
        sections.push({ start: text.length, end: text.length, topNumber });
      }
    }
    walk(node);
  }
  sections[sections.length - 1].end = text.length;
  return { text, sections, resolutions };
}

/** Plain text of a node (for reading a heading's TOP number). */
function nodeText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(nodeText).join('') : '';
}

/**
 * Finds the section and resolution an offset lies in.
 * @example placeOf(protocolText('Vorab.\n\n## TOP 1 – A\n\nHr. Göbel berichtet.'), 25) // => { topNumber: '1', resolutionId: undefined }
 */
export function placeOf(protocol: ProtocolText, offset: number): TextPlace {
  const section = protocol.sections.findLast((s) => s.start <= offset);
  const resolution = protocol.resolutions.find((r) => r.start <= offset && offset < r.end);
  return { topNumber: section?.topNumber, resolutionId: resolution?.id };
}
