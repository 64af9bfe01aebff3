/**
 * The one pipeline that turns a protocol body (MDX text, never code) into HTML, at
 * content-load time (`src/lib/text/protocol-loader.ts`):
 *
 *   remark-parse + remark-mdx + remark-gfm      the archive's grammar, one parse
 *   -> rejectCode                               no expression, import/export or unknown component
 *   -> protocolBodyFromTree                     TOPs, resolutions, visible text for the index
 *   -> remark-rehype, components as handlers    `<Resolution>` etc. (src/lib/text/protocol-components.ts)
 *   -> rehypeTopIds, rehypeMaskContact, rehypeMentionLinks, rehypeAttachmentHrefs ("Anlage N"), Astro's rehypeHeadingIds
 *   -> rehypeProtocolHeadings                   `##` -> <h3>, `###` -> <h4> (the page's own sections are <h2>)
 *   -> rehypeDropUnsafeUrls, rehype-sanitize    the URL and markup allow-list (src/lib/text/rehype-safe-urls.ts):
 *                                               a `javascript:` link becomes its text and a warning
 *   -> rehype-stringify                         HTML
 *
 * Nothing in a protocol is evaluated: the tree is data for the handlers. Before #14 the
 * bodies were compiled into JavaScript modules by @astrojs/mdx (2.5 GB before the first
 * page, BENCHMARKS.md); the HTML is the same, apart from whitespace between blocks.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import type { Handler, State } from 'mdast-util-to-hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { allowedConstructs, protocolComponents, type JsxElement } from './protocol-components.ts';
import { protocolBodyFromTree, type ProtocolBody } from './protocol-body.ts';
import { storedTextFromTree, type StoredProtocolText } from './protocol-text.ts';
import { rehypeAttachmentHrefs } from './rehype-attachment-links.ts';
import { rehypeMaskContact } from './rehype-mask-contact.ts';
import { rehypeMentionLinks } from './rehype-mention-links.ts';
import { protocolSanitizeSchema, rehypeDropUnsafeUrls, unsafeUrlWarnings } from './rehype-safe-urls.ts';
import { rehypeTopIds } from './rehype-top-ids.ts';
import type { MentionRegistries } from '../model/registry-files.ts';

/** A heading of the rendered body, as Astro's `render(entry).headings` gives them. */
export interface ProtocolHeading {
  depth: number;
  slug: string;
  text: string;
}

/** What rendering one protocol gives. */
export interface RenderedProtocol {
  /** The body as HTML; resolution boxes carry a status marker (`src/lib/index/protocol-html.ts`). */
  html: string;
  /** TOPs, resolutions and visible text, read from the same tree (lines: the body's own). */
  body: ProtocolBody;
  /** Headings with their ids, before they move one level down on the page. */
  headings: ProtocolHeading[];
  /** `body.text` as the data store keeps it: pieces of the trimmed body (`StoredProtocolText`). */
  storedText: StoredProtocolText;
  /** What the build should report: `file:line: link to "javascript:…" will not be published …` (`rehype-safe-urls.ts`). */
  warnings: string[];
}

/** A protocol file to render. */
export interface ProtocolSource {
  /** Path of the MDX file; `…/protocols/<meeting-id>.mdx` (mention links need the meeting id). */
  path: string;
  /** Path for messages, e.g. `content/protocols/2021-04-22-strategiekreis.mdx`. */
  displayPath?: string;
  /** The file with its frontmatter blanked out (same lines), as Astro's MDX loader reads it. */
  content: string;
  /** Where "Anlage N" links, by number (`attachmentHrefs` in `src/lib/text/rehype-attachment-links.ts`); none: not linked. */
  attachmentHrefs?: ReadonlyMap<string, string>;
}

// GFM as the site always had it; SmartyPants stays off (it would turn German quotes into English ones).
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** One thing in a body that would be code. */
interface CodeProblem {
  line?: number;
  problem: string;
  fix: string;
}

/** True when an expression `{…}` holds only comments (`{/* … *\/}`, where the importer keeps the original header). */
function isCommentOnly(node: MdxFlowExpression | MdxTextExpression): boolean {
  const program = node.data?.estree;
  if (program) return program.body.length === 0;
  return node.value.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}

/** Everything in the tree that would be evaluated by an MDX compile, or is not a known component. */
function codeProblems(tree: Root): CodeProblem[] {
  const problems: CodeProblem[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line;
    if (node.type === 'mdxjsEsm') {
      problems.push({ line, problem: `an import/export (ESM) in the protocol text ("${node.value.split('\n')[0].slice(0, 60)}")`, fix: 'remove it; a protocol imports nothing' });
      return SKIP;
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (!isCommentOnly(node)) problems.push({ line, problem: `a JavaScript expression {${node.value.slice(0, 40)}} in the protocol text`, fix: 'write braces as text (\\{ and \\}) or make it a comment {/* … */}' });
      return SKIP;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const component = node.name ? protocolComponents[node.name] : undefined;
      if (!component) {
        problems.push({ line, problem: `unknown component <${node.name ?? ''}>`, fix: 'write it as text (\\<) or use a known component' });
        return SKIP;
      }
      const known = new Map(component.attributes.map((a) => [a.name, a]));
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          problems.push({ line, problem: `<${node.name}> has a spread attribute {${attribute.value.slice(0, 40)}}`, fix: 'write each attribute as name="text"' });
        } else if (!known.has(attribute.name)) {
          problems.push({ line, problem: `<${node.name}> has an unknown attribute "${attribute.name}"`, fix: `use only ${[...known.keys()].join(', ')}` });
        } else if (typeof attribute.value !== 'string') {
          problems.push({ line, problem: `<${node.name}> attribute "${attribute.name}" is ${attribute.value == null ? 'empty' : 'an expression {…}'}`, fix: `write it as ${attribute.name}="text"` });
        } else if (known.get(attribute.name)!.pattern?.test(attribute.value) === false) {
          problems.push({ line, problem: `<${node.name}> attribute ${attribute.name}="${attribute.value.slice(0, 40)}" has the wrong format`, fix: `write ${known.get(attribute.name)!.format ?? 'it as documented'}` });
        }
      }
    }
    return undefined;
  });
  return problems;
}

/**
 * Fails on anything a protocol may not contain: JS expressions `{…}` (comments are fine),
 * `import`/`export`, unknown components, attributes that are not plain strings.
 * @throws Error, one line per problem: `content/protocols/x.mdx:12: a JavaScript expression {1 + 1} in the protocol text. Fix: … Allowed: …`
 */
export function rejectCode(tree: Root, displayPath: string): void {
  const problems = codeProblems(tree);
  if (problems.length === 0) return;
  const lines = problems.map((p) => `${displayPath}:${p.line ?? '?'}: ${p.problem}; nothing in a protocol is evaluated. Fix: ${p.fix}.`);
  throw new Error(`${lines.join('\n')}\nAllowed in a protocol: ${allowedConstructs()}.`);
}

/** The string attributes of a checked element. */
function attributesOf(node: JsxElement): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
  }
  return attributes;
}

/** remark-rehype handler for JSX elements: the component's handler (unknown ones were rejected before). */
const jsxHandler = ((state: State, node: JsxElement) => {
  const component = node.name ? protocolComponents[node.name] : undefined;
  if (!component) throw new Error(`protocol-render: <${node.name}> reached the renderer unchecked.`);
  const result = component.render(attributesOf(node), state.all(node) as ElementContent[], state, node);
  state.patch(node, result);
  return result;
}) as unknown as Handler;

/** Comment-only expressions render as nothing (code was rejected before). */
const nothing = (() => undefined) as unknown as Handler;

/**
 * Moves protocol headings one level down, `<h2>` (`## TOP 7 – …`) to `<h3>` and `<h3>` to
 * `<h4>`: the meeting page's own sections ("Tagesordnung", "Protokoll") are the `<h2>`s.
 * A resolution's label is already at its level and stays.
 */
function rehypeProtocolHeadings() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (Array.isArray(node.properties.className) && node.properties.className.includes('resolution-head')) return SKIP;
      if (node.tagName === 'h2') node.tagName = 'h3';
      else if (node.tagName === 'h3') node.tagName = 'h4';
      return undefined;
    });
  };
}

/** The hast half of the pipeline, per registries (the mention matcher is built once per registries object). */
function htmlProcessor(registries: MentionRegistries | undefined) {
  return unified()
    .use(remarkRehype, {
      handlers: { mdxJsxFlowElement: jsxHandler, mdxJsxTextElement: jsxHandler, mdxFlowExpression: nothing, mdxTextExpression: nothing },
    })
    .use(rehypeTopIds)
    .use(rehypeMaskContact)
    .use(rehypeMentionLinks, registries ? { registries } : {})
    .use(rehypeAttachmentHrefs)
    .use(rehypeHeadingIds)
    .use(rehypeProtocolHeadings)
    .use(rehypeDropUnsafeUrls)
    .use(rehypeSanitize, protocolSanitizeSchema)
    .use(rehypeStringify);
}

const processors = new WeakMap<MentionRegistries, ReturnType<typeof htmlProcessor>>();
let fileRegistriesProcessor: ReturnType<typeof htmlProcessor> | undefined;

/** Number of line breaks before the first non-blank character: what `entry.body`'s trim removes. */
function leadingLineBreaks(value: string): number {
  const leading = /^\s*/.exec(value)?.[0] ?? '';
  return leading.split('\n').length - 1;
}

/**
 * Renders one protocol body: checks it, reads it for the index, and makes its HTML.
 * @param registries people and organisations for mention links; default: read from the
 *   `content/` folder the file is in (`src/lib/model/registry-files.ts`)
 * @throws Error `file:line: problem. Fix: …` for code in the body (see `rejectCode`)
 * @example renderProtocol({ path: 'content/protocols/m.mdx', content: '## TOP 1 – A\n\nText.' }).html
 *   // => '<h3 id="top-1">TOP 1 – A</h3>\n<p>Text.</p>'
 */
export function renderProtocol(source: ProtocolSource, registries?: MentionRegistries): RenderedProtocol {
  const file = new VFile({ path: source.path, value: source.content, data: source.attachmentHrefs ? { attachmentHrefs: source.attachmentHrefs } : {} });
  const tree = parser.parse(file) as Root;
  rejectCode(tree, source.displayPath ?? source.path);
  // Resolution lines in the body's own numbering (entry.body starts at its first non-blank line).
  const read = protocolBodyFromTree(tree);
  const shift = leadingLineBreaks(source.content);
  const body: ProtocolBody = { ...read, resolutions: read.resolutions.map((r) => ({ ...r, line: r.line === undefined ? undefined : r.line - shift })) };
  // Against the body as the entry stores it: `content` trimmed (tree offsets are offsets into `content`).
  const trimmed = source.content.trim();
  const storedText = storedTextFromTree(tree, source.content, trimmed, source.content.length - source.content.trimStart().length);

  let processor: ReturnType<typeof htmlProcessor>;
  if (registries) {
    processor = processors.get(registries) ?? htmlProcessor(registries);
    processors.set(registries, processor);
  } else {
    processor = fileRegistriesProcessor ??= htmlProcessor(undefined);
  }
  const hast = processor.runSync(tree as Root & { children: RootContent[] }, file) as HastRoot;
  const html = processor.stringify(hast, file);
  const headings = ((file.data as { astro?: { headings?: ProtocolHeading[] } }).astro?.headings ?? []).map((h) => ({ ...h }));
  return { html, body, headings, storedText, warnings: unsafeUrlWarnings(file, source.displayPath ?? source.path) };
}
