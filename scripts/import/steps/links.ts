/**
 * Links the site will not publish (issue #22): a protocol's `[text](javascript:…)`, an image
 * from a `data:` URL, a reference definition `[ref]: vbscript:…` — anything but http(s),
 * mailto, relative and # URLs. The site drops such a link to its text
 * (`src/lib/text/rehype-safe-urls.ts`); the importer says so at import time, with the line,
 * so the editor can fix the protocol before it is published. The decision is the site's own
 * (`isPublishedUrl`, the sanitizer's schema), not a second list.
 */
import type { Link, Image, Definition } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isPublishedUrl, unpublishedUrlMessage } from '../../../src/lib/text/rehype-safe-urls.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** One link the site will drop to its text. */
export interface UnpublishedLink {
  /** 1-based line in the protocol text. */
  line: number;
  /** `link to "javascript:alert(1)" will not be published (…). Fix: …` */
  message: string;
}

/**
 * The links and images of a protocol text (markdown, as a Word export or a reader gives it)
 * whose URL the site will not publish, in text order.
 * @example unpublishedLinks('Siehe [hier](javascript:alert(1)).')
 *   // => [{ line: 1, message: 'link to "javascript:alert(1)" will not be published (…); its text stays. Fix: …' }]
 */
export function unpublishedLinks(text: string): UnpublishedLink[] {
  const found: UnpublishedLink[] = [];
  visit(parser.parse(text), (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const { url } = node as Link | Image | Definition;
    const image = node.type === 'image';
    if (isPublishedUrl(image ? 'img' : 'a', image ? 'src' : 'href', url)) return;
    found.push({ line: node.position?.start.line ?? 1, message: unpublishedUrlMessage(image ? 'image' : 'link', url) });
  });
  return found;
}
