/**
 * What the archive lets a protocol body put into HTML: one allow-list, applied by
 * hast-util-sanitize (rehype-sanitize), never by a URL filter of our own.
 *
 * `protocolSanitizeSchema` is GitHub's rules (`defaultSchema`) plus what the archive's own
 * plugins and components write: the `<Resolution>` box (classes, its heading id, the
 * `data-pagefind-ignore` parts, the status marker comment), TOP ids, mention and "Anlage N"
 * links (class, title). URLs (`href`, `src`) may be `http:`, `https:`, `mailto:` (masked to
 * text before, `rehype-mask-contact.ts`), relative or `#fragment`; anything else
 * (`javascript:`, `vbscript:`, `data:`, `tel:`, `file:` …, in any case or entity spelling,
 * since the parser decodes entities first) is not published.
 *
 * `rehypeDropUnsafeUrls` runs before the sanitizer and makes such a link its text (an image its
 * alt text) instead of an `<a>` without `href`, and reports each as a vfile warning with the line.
 * Whether a URL is kept is asked of the sanitizer itself (`isPublishedUrl`), so the two agree.
 */
import type { Element, ElementContent, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The schemes a URL in published content may have (relative and `#` URLs have none and pass). */
export const PUBLISHED_URL_SCHEMES = ['http', 'https', 'mailto'] as const;

const classes = [
  'mention',
  'attachment-link',
  'resolution',
  'resolution-head',
  'resolution-label',
  'resolution-kind',
  'resolution-result',
  'resolution-text',
  'resolution-vote',
  'resolution-foot',
  'resolution-page-link',
  'permalink',
  'visually-hidden',
];
const base = defaultSchema.attributes ?? {};
/** An element's attributes from `defaultSchema` without its `className` rule (one rule per attribute: ours replaces it). */
const baseWithoutClass = (tagName: string) => (base[tagName] ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className'));

/**
 * The sanitizer's schema for protocol bodies: `defaultSchema` extended by the archive's own
 * markup. Ids keep their value (no `user-content-` prefix): they are the TOP and resolution
 * anchors that permalinks and citations point at, written by our plugins, not by a protocol.
 */
export const protocolSanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  // The only comments in the tree are the resolution status markers (`protocol-components.ts`).
  allowComments: true,
  protocols: { ...defaultSchema.protocols, href: [...PUBLISHED_URL_SCHEMES], src: ['http', 'https'] },
  attributes: {
    ...base,
    a: [...baseWithoutClass('a'), 'title', 'dataPagefindIgnore', ['className', ...classes, 'data-footnote-backref']],
    div: [...(base.div ?? []), ['className', ...classes]],
    p: [...(base.p ?? []), 'dataPagefindIgnore', ['className', ...classes]],
    span: [...(base.span ?? []), 'ariaHidden', ['className', ...classes]],
    h3: [...(base.h3 ?? []), ['className', ...classes]],
    h4: [...(base.h4 ?? []), ['className', ...classes]],
  },
};

/**
 * True when the sanitizer keeps `url` as the `property` of a `tagName` element.
 * @example isPublishedUrl('a', 'href', 'https://example.org/') // => true
 * @example isPublishedUrl('a', 'href', 'JaVaScRiPt:alert(1)') // => false
 */
export function isPublishedUrl(tagName: string, property: string, url: string): boolean {
  const probe: Element = { type: 'element', tagName, properties: { [property]: url }, children: [] };
  const kept = sanitize(probe, protocolSanitizeSchema);
  return kept.type === 'element' && kept.properties[property] === url;
}

/** The URL properties an element of a protocol body can carry (links and images). */
const urlProperties: Record<string, string> = { a: 'href', img: 'src' };

/**
 * What the build and the importer (`scripts/import/steps/links.ts`) say about a URL that is not published.
 * @example unpublishedUrlMessage('link', 'javascript:alert(1)')
 *   // => 'link to "javascript:alert(1)" will not be published (only http, https, mailto, relative and # links are); its text stays. Fix: remove the link or give it a web address.'
 */
export function unpublishedUrlMessage(what: 'link' | 'image', url: string): string {
  const shown = url.length > 40 ? `${url.slice(0, 40)}…` : url;
  return `${what} ${what === 'image' ? 'from' : 'to'} "${shown}" will not be published (only ${PUBLISHED_URL_SCHEMES.join(', ')}, relative and # links are); its text stays. Fix: remove the ${what} or give it a web address.`;
}

/**
 * Rehype plugin: a link or image whose URL the sanitizer would drop becomes its text (the
 * link's content, the image's alt text), and the file gets a warning
 * `link to "javascript:…" will not be published …` with its line (`file.messages`).
 * @example [klick](javascript:alert(1)) => klick, warning at its line
 */
export function rehypeDropUnsafeUrls() {
  return (tree: Root, file: VFile) => {
    // An editorial MDX page (compiled by @astrojs/mdx) may write `<a href="…">` as JSX: its string URLs pass the same test.
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const jsx = node as unknown as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[]; position?: Element['position'] };
      const property = jsx.name ? urlProperties[jsx.name] : undefined;
      jsx.attributes = jsx.attributes.filter((attribute) => {
        const url = attribute.value;
        if (!property || attribute.name !== property || typeof url !== 'string' || isPublishedUrl(jsx.name!, property, url)) return true;
        file.message(unpublishedUrlMessage(jsx.name === 'img' ? 'image' : 'link', url), jsx.position?.start, 'safe-urls');
        return false;
      });
    });
    visit(tree, 'element', (node: Element, index, parent) => {
      const property = urlProperties[node.tagName];
      const url = property ? node.properties[property] : undefined;
      if (typeof url !== 'string' || !parent || index === undefined || isPublishedUrl(node.tagName, property, url)) return undefined;
      file.message(unpublishedUrlMessage(node.tagName === 'img' ? 'image' : 'link', url), node.position?.start, 'safe-urls');
      const text = node.tagName === 'img' ? String(node.properties.alt ?? '') : '';
      const replacement: ElementContent[] = node.tagName === 'img' ? (text ? [{ type: 'text', value: text }] : []) : node.children;
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index];
    });
  };
}

/**
 * The warnings `rehypeDropUnsafeUrls` left on a file, as `path:line: message` lines.
 * @example unsafeUrlWarnings(file, 'content/protocols/x.mdx') // => ['content/protocols/x.mdx:12: link to "javascript:…" will not be published …']
 */
export function unsafeUrlWarnings(file: VFile, displayPath: string): string[] {
  return file.messages.filter((m) => m.ruleId === 'safe-urls').map((m) => `${displayPath}:${m.line ?? '?'}: ${m.reason}`);
}
