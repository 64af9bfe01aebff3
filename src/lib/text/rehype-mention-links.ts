/**
 * Rehype plugin: in a protocol's rendered text, links the first mention of
 * each known person and organisation per agenda item to their page
 * (`/personen/<id>/`, `/organisationen/<id>/`). An agenda item is a
 * `## TOP n` section; the text before the first one (preamble) counts as one;
 * resolution boxes belong to the section they are in. Mentions are found by
 * the mention matcher (`src/lib/text/mention-matcher.ts`), so "Ralph Papenfuß",
 * "Rolf Papenfuss" and "Hr. Papenfuß" all lead to the same page.
 *
 * Never links inside headings, existing links or code. A mention split by
 * markup ("Dr. <b>Icks</b>") is not linked (the person page still lists the
 * meeting). The link replaces only the name: the spaces around it stay in the
 * neighbouring text, so nothing is glued together.
 *
 * Only protocols (`content/protocols/<meeting-id>.mdx`) are touched; the
 * meeting id is the file name. The registries are read from the `content/`
 * folder the protocol is in (`src/lib/model/registry-files.ts`), once per build.
 *
 * Runs in the protocol pipeline (`src/lib/text/protocol-render.ts`).
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { dirname, resolve } from 'node:path';
import { topNumberFromHeading } from '../model/anchors.ts';
import { organisationPath, personPath } from '../model/paths.ts';
import { createMentionMatcher, type MentionMatcher } from './mention-matcher.ts';
import { linkSpans } from './hast-links.ts';
import { meetingIdOfProtocolFile } from './protocol-body.ts';
import { loadMentionRegistries, type MentionRegistries } from '../model/registry-files.ts';

/** Options: the content loader passes the registries it read (`src/lib/text/protocol-loader.ts`). */
export interface MentionLinkOptions {
  /** Match against these registries instead of reading `content/`; the matcher is built once per object. */
  registries?: MentionRegistries;
}

/** The part of a VFile the plugin reads. */
interface FileLike {
  path?: string;
}

/** Elements whose text is never linked. */
const NO_LINK = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'button', 'label']);
/** Inline elements: their text joins the neighbouring text. Everything else separates blocks. */
const PHRASING = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'code', 'kbd', 'samp']);

/** The registries and a matcher over them. */
interface Matching {
  registries: MentionRegistries;
  matcher: MentionMatcher;
}

/** By `content/` folder: the registries are read once per build. */
const cache = new Map<string, Matching>();

/** By registries object: the content loader passes the same registries for every protocol of a build. */
const byRegistries = new WeakMap<MentionRegistries, Matching>();

function withMatcher(registries: MentionRegistries): Matching {
  let matching = byRegistries.get(registries);
  if (!matching) {
    matching = { registries, matcher: createMentionMatcher(registries) };
    byRegistries.set(registries, matching);
  }
  return matching;
}

/** The registries of a `content/` folder, read on first use. */
function matcherFor(contentDir: string): Matching {
  let matching = cache.get(contentDir);
  if (!matching) {
    matching = withMatcher(loadMentionRegistries(contentDir));
    cache.set(contentDir, matching);
  }
  return matching;
}

/** A text node with where it sits and where its text is in the joined section text. */
interface Slot {
  node: Text;
  parent: Element | Root;
  section: number;
  start: number;
  linkable: boolean;
}

/** A mention to link: which slot, where in its text, and the link target. */
interface Replacement {
  slot: Slot;
  from: number;
  to: number;
  href: string;
  title?: string;
}

/** The protocol's meeting id and `content/` folder, or undefined for any other file. */
function protocolOf(file: FileLike): { meetingId: string; contentDir: string } | undefined {
  const meetingId = meetingIdOfProtocolFile(file.path);
  if (!file.path || !meetingId) return undefined;
  return { meetingId, contentDir: dirname(dirname(resolve(file.path))) };
}

/** The tree's text nodes in order, with block breaks between blocks, and which section each is in. */
function collectText(tree: Root): { text: string; slots: Slot[] } {
  let text = '';
  const slots: Slot[] = [];
  let section = 0;
  const blockBreak = () => {
    if (text && !text.endsWith('\n\n')) text += '\n\n';
  };

  function walk(node: RootContent, parent: Element | Root, linkable: boolean): void {
    if (node.type === 'text') {
      slots.push({ node, parent, section, start: text.length, linkable });
      text += node.value;
      return;
    }
    if (node.type === 'element') {
      if (node.tagName === 'br') {
        text += '\n';
        return;
      }
      const block = !PHRASING.has(node.tagName);
      if (block) blockBreak();
      for (const child of node.children) walk(child, node, linkable && !NO_LINK.has(node.tagName));
      if (block) blockBreak();
      return;
    }
    // MDX JSX elements (<Resolution>): their children are protocol text. Expressions (comments) are not.
    const jsx = node as unknown as { type: string; children?: RootContent[] };
    if ((jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') && jsx.children) {
      if (jsx.type === 'mdxJsxFlowElement') blockBreak();
      for (const child of jsx.children) walk(child, jsx as unknown as Element, linkable);
      if (jsx.type === 'mdxJsxFlowElement') blockBreak();
    }
  }

  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'h2' && topNumberFromHeading(toString(node))) section++;
    walk(node, tree, true);
  }
  return { text, slots };
}

/** Replaces a text node by text and links (`replacements` sorted by `from`, all in this node). */
function splitText(node: Text, replacements: Replacement[]): ElementContent[] {
  return linkSpans(node, replacements.map((r) => ({ from: r.from, to: r.to, href: r.href, className: ['mention'], title: r.title })));
}

/**
 * Links the first mention of each person and organisation per agenda item.
 * @example <p>Ralph Papenfuß stellt vor. Rolf Papenfuß ergänzt.</p>
 *   => <p><a href="/personen/rolf-papenfuss/" class="mention">Ralph Papenfuß</a> stellt vor. Rolf Papenfuß ergänzt.</p>
 */
export function rehypeMentionLinks(options: MentionLinkOptions = {}) {
  return (tree: Root, file: FileLike) => {
    const protocol = protocolOf(file);
    if (!protocol) return;
    const { matcher, registries } = options.registries ? withMatcher(options.registries) : matcherFor(protocol.contentDir);

    const { text, slots } = collectText(tree);
    const linked = new Set<string>();
    const replacements: Replacement[] = [];
    let slotIndex = 0;
    for (const mention of matcher.find(text, protocol.meetingId)) {
      while (slotIndex < slots.length - 1 && slots[slotIndex + 1].start <= mention.index) slotIndex++;
      const slot = slots[slotIndex];
      const from = mention.index - (slot?.start ?? 0);
      // A family name never ends in a dot: "Kruse." at a sentence end links "Kruse" (the matcher's tokens keep the dot).
      const to = from + mention.length - (mention.kind === 'person' && mention.text.endsWith('.') ? 1 : 0);
      // Only a mention wholly inside one linkable text node; split by markup or in a heading/link/code: skip.
      if (!slot || !slot.linkable || from < 0 || to > slot.node.value.length) continue;
      const key = `${slot.section}:${mention.kind}:${mention.id}`;
      if (linked.has(key)) continue;
      linked.add(key);
      const organisation = mention.kind === 'organisation' ? registries.organisations.get(mention.id) : undefined;
      replacements.push({
        slot,
        from,
        to,
        href: mention.kind === 'person' ? personPath(mention.id) : organisationPath(mention.id),
        ...(organisation && organisation.name !== mention.text && { title: organisation.name }),
      });
    }

    // Replace from the last text node backwards, so earlier positions in a parent stay valid.
    const bySlot = new Map<Slot, Replacement[]>();
    for (const r of replacements) bySlot.set(r.slot, [...(bySlot.get(r.slot) ?? []), r]);
    for (const [slot, list] of [...bySlot].reverse()) {
      const children = slot.parent.children as RootContent[];
      const position = children.indexOf(slot.node);
      if (position >= 0) children.splice(position, 1, ...splitText(slot.node, list));
    }
  };
}
