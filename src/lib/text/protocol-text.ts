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
import type { ProtocolText, StoredProtocolText, TextPlace } from '../model/body-shape.ts';

export type { ProtocolText, StoredProtocolText, TextPlace, TextRange } from '../model/body-shape.ts';
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
  return readText(tree).text;
}

/**
 * The `ProtocolText` of a parsed body as the content loader stores it (`StoredProtocolText`):
 * the text as pieces of `body`, so the data store does not hold the body's words twice.
 * @param source the string the tree was parsed from (positions are offsets into it)
 * @param body the stored body: `source` without `bodyStart` leading characters (the entry's `body`, trimmed)
 * @example storedTextFromTree(parse('Hallo *Welt*'), 'Hallo *Welt*', 'Hallo *Welt*', 0).pieces // => [0, 6, 7, 11]
 */
export function storedTextFromTree(tree: Root, source: string, body: string, bodyStart: number): StoredProtocolText {
  const { text, pieces } = readText(tree, { source, body, bodyStart });
  return { pieces, sections: text.sections, resolutions: text.resolutions };
}

/**
 * The text a `StoredProtocolText` stands for, given the body it was stored with.
 * @throws if a piece points outside the body (a store written with another body)
 * @example textFromPieces([0, 5, '\n\n', 6, 10], 'Hallo Welt') // => 'Hallo\n\nWelt'
 */
export function textFromPieces(pieces: readonly (number | string)[], body: string): string {
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (typeof piece === 'string') {
      parts.push(piece);
      continue;
    }
    const end = pieces[++i];
    if (typeof end !== 'number' || piece < 0 || end > body.length || end < piece) {
      throw new Error(`textFromPieces: piece ${piece}..${String(end)} is not within the body (${body.length} characters). Fix: build again with a fresh content cache.`);
    }
    parts.push(body.slice(piece, end));
  }
  return parts.join('');
}

/** Where the text's pieces come from: the parsed string and the stored body inside it. */
interface PieceSource {
  source: string;
  body: string;
  /** Offset in `source` where `body` starts. */
  bodyStart: number;
}

/**
 * The one walk behind `protocolTextFromTree` and `storedTextFromTree`: the visible text with
 * its ranges, and with `from`, the same text as pieces of the body (a text node whose value is
 * its source verbatim becomes a range, anything else a literal string).
 */
function readText(tree: Root, from?: PieceSource): { text: ProtocolText; pieces: (number | string)[] } {
  let text = '';
  const pieces: (number | string)[] = [];
  const sections: ProtocolText['sections'] = [{ start: 0, end: 0 }];
  const resolutions: ProtocolText['resolutions'] = [];
  /** Appends to the text; `node` is the text node it came from, if any. */
  const append = (value: string, node?: RootContent) => {
    text += value;
    if (!from || value === '') return;
    const start = node?.position?.start.offset;
    const end = node?.position?.end.offset;
    if (start !== undefined && end !== undefined && start >= from.bodyStart && from.source.slice(start, end) === value) {
      const at = start - from.bodyStart;
      const last = pieces.length - 1;
      // Consecutive ranges of the body join into one.
      if (last > 0 && typeof pieces[last] === 'number' && typeof pieces[last - 1] === 'number' && pieces[last] === at) pieces[last] = end - from.bodyStart;
      else pieces.push(at, end - from.bodyStart);
      return;
    }
    const last = pieces.length - 1;
    if (last >= 0 && typeof pieces[last] === 'string') pieces[last] += value;
    else pieces.push(value);
  };
  const blockBreak = () => {
    if (text && !text.endsWith('\n\n')) append(text.endsWith('\n') ? '\n' : '\n\n');
  };

  function walk(node: RootContent): void {
    if (HIDDEN.has(node.type)) return;
    if (node.type === 'text') {
      append(node.value, node);
      return;
    }
    if (node.type === 'break') {
      append('\n');
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
  return { text: { text, sections, resolutions }, pieces };
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
