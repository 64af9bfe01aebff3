/**
 * Reads the archive's own MDX format (not protocol prose): which TOP headings a
 * protocol body has and which `<Resolution>` elements it contains. The body is
 * parsed with remark-mdx, the same grammar the site renders it with, so an
 * element the page shows is an element found here.
 *
 * Body contract (written by the importer):
 * - `## TOP <n> – <title>` per agenda item; text before the first one is a preamble.
 * - `<Resolution id="<meeting-id>-b<n>" kind="Beschluss|Vereinbarung|Wahl|Entlastung|Vertagung" item="<n>" result="…"
 *   yes="7" no="0" abstain="4" unanimous="true">markdown</Resolution>`, all but `id` and `kind` optional.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { topNumberFromHeading } from '../model/anchors.ts';
import type { FoundMention, MentionInText, ProtocolBody, ProtocolText, Resolution, StoredMention, StoredProtocolBody } from '../model/body-shape.ts';
import { placeOf, protocolTextFromTree, textFromPieces } from './protocol-text.ts';
import { voteFromAttributes } from '../model/votes.ts';

export type { ProtocolBody, Resolution, StoredProtocolBody } from '../model/body-shape.ts';

/**
 * The meeting id of a protocol file (`…/protocols/<meeting-id>.mdx`, also `.md`), or undefined
 * for any other file. The Markdown plugins use it to act on protocols only.
 * @example meetingIdOfProtocolFile('/repo/content/protocols/2021-04-22-strategiekreis.mdx') // => '2021-04-22-strategiekreis'
 */
export function meetingIdOfProtocolFile(path: string | undefined): string | undefined {
  return path ? /(^|\/)protocols\/([^/]+)\.mdx?$/.exec(path.replaceAll('\\', '/'))?.[2] : undefined;
}

// GFM as on the site, so the visible text (tables, autolinks) matches what readers see.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Reads a string attribute of a JSX element; records the name if it is an expression. */
function stringAttribute(element: JsxElement, name: string, expressions: string[]): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== name) continue;
    if (typeof attribute.value === 'string') return attribute.value;
    if (attribute.value != null) expressions.push(name);
    return undefined;
  }
  return undefined;
}

/** Plain text of block children, blocks separated by a blank line (`toString` alone would glue them). */
function blockText(children: RootContent[]): string {
  // Inline children (text with an autolinked address, emphasis, …) form one block together.
  const blocks: string[] = [];
  let inline = '';
  for (const child of children) {
    if (PHRASING.has(child.type)) {
      inline += toString(child);
      continue;
    }
    blocks.push(inline, toString(child));
    inline = '';
  }
  blocks.push(inline);
  return blocks
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Node types that are inline (phrasing) content. */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'break', 'mdxJsxTextElement', 'mdxTextExpression', 'footnoteReference', 'image', 'imageReference', 'html']);

/**
 * Results by body text. Callers ask for the same body several times (`checkIntegrity`,
 * `checkMatters`, `buildArchiveIndex`) and remark-mdx costs about 9 ms a body. In a site
 * build the content loader's reading is used instead (`protocolBodyOf`,
 * `src/lib/text/protocol-loader.ts`); this memo serves tests, scripts and builds without it.
 */
const parsedBodies = new Map<string, ProtocolBody>();

/**
 * Parses an MDX protocol body and returns its TOP heading numbers and resolutions.
 * Memoised by body text: the result is shared between callers, treat it as read-only.
 * @example parseProtocolBody('## TOP 2 – X\n\n<Resolution id="m-b1" kind="Beschluss" item="2">Ja.</Resolution>')
 *   // => { topNumbers: ['2'], resolutions: [{ id: 'm-b1', kind: 'Beschluss', item: '2', text: 'Ja.', ... }] }
 */
export function parseProtocolBody(body: string): ProtocolBody {
  let parsed = parsedBodies.get(body);
  if (!parsed) {
    parsed = parseUncached(body);
    parsedBodies.set(body, parsed);
  }
  return parsed;
}

/**
 * A meeting's parsed body: the content loader's reading when the build has one
 * (`meeting.parsedBody`, `src/lib/text/protocol-loader.ts`), else `parseProtocolBody(meeting.body)`.
 * Shared, treat as read-only.
 */
export function protocolBodyOf(meeting: { body: string; parsedBody?: ProtocolBody }): ProtocolBody {
  return meeting.parsedBody ?? parseProtocolBody(meeting.body);
}

/** The parse behind `parseProtocolBody`. */
function parseUncached(body: string): ProtocolBody {
  return protocolBodyFromTree(parser.parse(body) as Root);
}

/**
 * Reads TOP headings, resolutions and visible text from an already parsed body
 * (remark-parse + remark-mdx + remark-gfm). `parseProtocolBody` parses and calls it;
 * the content loader hands its own tree to it (`src/lib/text/protocol-render.ts`),
 * so the site reads each body once per build. Lines are those of the tree's positions.
 */
export function protocolBodyFromTree(tree: Root): ProtocolBody {
  const topNumbers: string[] = [];
  const topTitles: Record<string, string> = {};
  const resolutions: Resolution[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth === 2) {
      const heading = toString(node);
      const number = topNumberFromHeading(heading);
      if (number) {
        topNumbers.push(number);
        topTitles[number] = heading.replace(/^TOP\s+\S+\s*[–:-]?\s*/, '').trim();
      }
      return;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Resolution') {
      const expressionAttributes: string[] = [];
      const element = node as JsxElement;
      const vote = voteFromAttributes(Object.fromEntries(['yes', 'no', 'abstain', 'unanimous'].map((name) => [name, stringAttribute(element, name, expressionAttributes)])));
      resolutions.push({
        id: stringAttribute(element, 'id', expressionAttributes) ?? '',
        kind: stringAttribute(element, 'kind', expressionAttributes) ?? '',
        item: stringAttribute(element, 'item', expressionAttributes),
        result: stringAttribute(element, 'result', expressionAttributes),
        ...(vote && { vote }),
        text: blockText(element.children as RootContent[]),
        line: node.position?.start.line,
        expressionAttributes,
      });
      return 'skip';
    }
    return undefined;
  });
  return { topNumbers, topTitles, resolutions, text: protocolTextFromTree(tree) };
}

/**
 * Shortens text to at most `max` characters at a word boundary, adding "…".
 * @example excerpt('Die Gespräche werden fortgesetzt.', 20) // => 'Die Gespräche …'
 */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')} …`;
}

/**
 * The protocol body the content loader stored with an entry (`rendered.metadata.protocolBody`,
 * `src/lib/text/protocol-loader.ts`), its text joined again from pieces of `entry.body`
 * (`StoredProtocolText`), or undefined (entries from elsewhere, or stored in another shape: the
 * caller then parses the body). Here, not in the loader, so that pages do not load the rendering
 * pipeline.
 * @throws if the stored pieces do not fit the entry's body (a data store out of step with its entries)
 */
export function storedProtocolBody(entry: { body?: string; rendered?: { metadata?: Record<string, unknown> } }): ProtocolBody | undefined {
  const stored = entry.rendered?.metadata?.protocolBody;
  // The loader stores it as JSON text (`ProtocolMetadata`, src/lib/text/protocol-loader.ts).
  const value = (typeof stored === 'string' ? JSON.parse(stored) : undefined) as StoredProtocolBody | undefined;
  if (!value || !Array.isArray(value.topNumbers) || !Array.isArray(value.resolutions) || !Array.isArray(value.text?.pieces) || typeof entry.body !== 'string') return undefined;
  const { pieces, ...ranges } = value.text;
  const text: ProtocolText = { text: textFromPieces(pieces, entry.body), ...ranges };
  const { mentions, ...reading } = value;
  return { ...reading, text, ...(mentions && { mentions: mentions.map((mention) => mentionFromStore(mention, text)) }) };
}

const viaCodes = { name: 'n', surname: 's', decision: 'd' } as const;
const viaNames = { n: 'name', s: 'surname', d: 'decision' } as const;

/**
 * A mention as the loader stores it (`StoredMention`): what is written and where it is follow from the text.
 * @example storedMention({ kind: 'person', id: 'anna-beispiel', text: 'Fr. Beispiel', index: 40, length: 12, via: 'surname' }) // => ['p', 'anna-beispiel', 40, 12, 's']
 */
export function storedMention(mention: FoundMention): StoredMention {
  const stored: StoredMention = [mention.kind === 'person' ? 'p' : 'o', mention.id, mention.index, mention.length];
  if (mention.via) stored.push(viaCodes[mention.via]);
  return stored;
}

/** The mention back from its `StoredMention` and the text it was found in: as written, and its TOP and resolution (`placeOf`). */
function mentionFromStore([kind, id, index, length, via]: StoredMention, text: ProtocolText): MentionInText {
  return {
    kind: kind === 'p' ? 'person' : 'organisation',
    id,
    text: text.text.slice(index, index + length),
    index,
    length,
    ...(via && { via: viaNames[via] }),
    ...placeOf(text, index),
  };
}

/**
 * Reads a protocol body (MDX) into plain text with section and resolution ranges.
 * @example protocolText('Vorab.\n\n## TOP 1 – A\n\nHr. Göbel berichtet.').sections
 *   // => [{ start: 0, end: 8, topNumber: undefined }, { start: 8, end: 37, topNumber: '1' }]
 */
export function protocolText(body: string): ProtocolText {
  // The parse is shared with `parseProtocolBody` (one remark-mdx parse per body and build).
  return parseProtocolBody(body).text;
}
