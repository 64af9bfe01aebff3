/**
 * Rehype plugin: in a protocol's rendered text, links every "Anlage N" the
 * meeting lists in its `attachments` to its published file
 * (`/anlagen/<meeting-id>/<file>`). Where there is none (no file at hand, or withheld
 * for contact data) the words stay text: a link to the "Anlagen" line that only says
 * so was a dead end (issue #25). References are found with the
 * importer's grammar (`findAttachmentReferences`, `src/lib/text/attachments.ts`):
 * "siehe Anlage 3" links "Anlage 3"; "Anlagen 5 und 6" links "Anlagen 5" and "6".
 * A number the frontmatter does not list, or without a published file, stays plain text.
 *
 * Never links inside headings, existing links or code; a reference split by
 * markup ("Anlage <b>3</b>") is not linked (the section still lists it).
 *
 * The attachments come from the protocol's frontmatter (`file.data.astro.frontmatter`,
 * as @astrojs/mdx hands it to plugins) unless given as options; which files are
 * published from `content/attachments/` beside the protocol's `content/protocols/`.
 *
 * The site's protocol pipeline uses `rehypeAttachmentHrefs` (targets computed by the loader);
 * `rehypeAttachmentLinks` is the same for any other unified/MDX pipeline.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { VFile } from 'vfile';
import { dirname, join, resolve } from 'node:path';
import { attachmentCatalog, attachmentTargets, findAttachmentReferences, type AttachmentCatalog } from './attachments.ts';
import { linkSpans } from './hast-links.ts';
import { meetingIdOfProtocolFile } from './protocol-body.ts';
import type { AttachmentData } from '../model/schema.ts';

/** Options for tests and other pipelines; the site passes none. */
export interface AttachmentLinkOptions {
  /** The meeting's attachments, instead of the frontmatter's. */
  attachments?: readonly AttachmentData[];
  /** Which files are published, instead of reading `content/attachments/`. */
  catalog?: AttachmentCatalog;
}

/** The part of a VFile the plugin reads. */
interface FileLike {
  path?: string;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

/** Elements whose text is never linked. */
const NO_LINK = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'button', 'label']);

/** The attachments of a frontmatter value, keeping only well-formed entries (the schema checks the rest). */
function attachmentsOf(frontmatter: Record<string, unknown> | undefined): AttachmentData[] {
  const value = frontmatter?.attachments;
  if (!Array.isArray(value)) return [];
  return value
    .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && (typeof a.number === 'string' || typeof a.number === 'number'))
    .map((a) => ({ number: String(a.number), title: String(a.title ?? ''), ...(typeof a.file === 'string' && { file: a.file }) }));
}

/** Splits a text node into text and links to the given targets (number => href). */
function linkReferences(node: Text, hrefOf: (number: string) => string | undefined): ElementContent[] | undefined {
  const spans: { from: number; to: number; href: string }[] = [];
  let phrase = -1;
  for (const reference of findAttachmentReferences(node.value)) {
    if (reference.start === undefined || reference.end === undefined) continue;
    const href = hrefOf(reference.number);
    // The first number of a phrase carries the word "Anlage(n)" in its link.
    const first = reference.phraseStart !== phrase;
    phrase = reference.phraseStart;
    if (href) spans.push({ from: first ? reference.phraseStart : reference.start, to: reference.end, href });
  }
  if (spans.length === 0) return undefined;
  return linkSpans(node, spans.map((span) => ({ ...span, className: ['attachment-link'] })));
}

/** Walks the tree and replaces linkable text nodes (MDX JSX elements such as `<Resolution>` included). */
function walk(parent: Root | Element, hrefOf: (number: string) => string | undefined): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'text') {
      const replaced = linkReferences(node, hrefOf);
      if (replaced) {
        children.splice(i, 1, ...(replaced as RootContent[]));
        i += replaced.length - 1;
      }
      continue;
    }
    if (node.type === 'element') {
      if (!NO_LINK.has(node.tagName)) walk(node, hrefOf);
      continue;
    }
    const jsx = node as unknown as { type: string; children?: RootContent[] };
    if ((jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') && jsx.children) walk(jsx as unknown as Element, hrefOf);
  }
}

/**
 * The plugin. Leaves files other than protocols alone.
 * @example <p>siehe Anlage 3</p> (attachment 3 with a published file)
 *   => <p>siehe <a href="/anlagen/2021-11-11-plenum/anlage-3.pdf" class="attachment-link">Anlage 3</a></p>
 */
export function rehypeAttachmentLinks(options: AttachmentLinkOptions = {}) {
  return async (tree: Root, file: FileLike) => {
    const meetingId = meetingIdOfProtocolFile(file.path);
    if (!meetingId || !file.path) return;
    const attachments = options.attachments ?? attachmentsOf(file.data.astro?.frontmatter);
    if (attachments.length === 0) return;
    const catalog = options.catalog ?? (await attachmentCatalog(join(dirname(dirname(resolve(file.path))), 'attachments')));
    const hrefs = attachmentHrefs(meetingId, attachments, catalog);
    walk(tree, (number) => hrefs.get(number));
  };
}

/**
 * Where each listed attachment's "Anlage N" links: its published file. Numbers without one,
 * or not listed, are absent (they stay plain text).
 * @example attachmentHrefs('2021-11-11-plenum', [{ number: '3', title: 'Präsentation' }], new Map()) // => Map {}
 */
export function attachmentHrefs(meetingId: string, attachments: readonly AttachmentData[], catalog: AttachmentCatalog): Map<string, string> {
  return attachmentTargets(meetingId, attachments, catalog);
}

/**
 * The same linking for the protocol pipeline (`src/lib/text/protocol-render.ts`), synchronous:
 * the loader computes the targets (`attachmentHrefs`) and hands them with the file as
 * `file.data.attachmentHrefs`, so they are also part of the protocol's digest.
 */
export function rehypeAttachmentHrefs() {
  return (tree: Root, file: VFile) => {
    const hrefs = (file.data as { attachmentHrefs?: ReadonlyMap<string, string> }).attachmentHrefs;
    if (hrefs && hrefs.size > 0) walk(tree, (number) => hrefs.get(number));
  };
}
