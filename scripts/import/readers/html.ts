/**
 * HTML fragments in the Word-to-markdown exports (table cells with `<p>`, `<b>`, `<u>`,
 * `<ul><li>• …</li></ul>`, `<a>`) become markdown; the markdown settings shared by the
 * importer live here too, so HTML and PDF text come out in the same dialect.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot, Text as HastText } from 'hast';
import type { Handle, NodeHandle, State } from 'hast-util-to-mdast';
import { defaultHandlers } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * The importer's markdown dialect: `-` bullets, `*emphasis*`, `**strong**`, and
 * `[text](url)` links, never `<url>` autolinks, because MDX reads `<` as JSX.
 */
export const STRINGIFY_OPTIONS: StringifyOptions = {
	bullet: '-',
	emphasis: '*',
	strong: '*',
	listItemIndent: 'one',
	resourceLink: true,
	fences: true,
};

/**
 * Bullet glyphs (a regex character-class body) that Word and PDF exports put into the text
 * instead of list markup: • · ▪ ◦ ● ○ ■ ‣ and the Symbol/Wingdings private-use glyphs
 * (U+F000–U+F0FF, e.g. ``).
 */
export const GLYPH_BULLETS = '•·▪◦●○■‣\\uF000-\\uF0FF';

/** Glyphs plus the dashes `–` and `-`, which are bullets only at the start of a list item. */
export const BULLET_GLYPHS = `${GLYPH_BULLETS}–\\-`;

/** A leading list glyph (incl. a letter `o` used as glyph) and the space after it. */
const LEADING_LIST_GLYPH = new RegExp(`^\\s*(?:[${BULLET_GLYPHS}]|o(?=\\s))\\s*`, 'u');

/** Link targets kept as links; anything else (`javascript:`, `file:`) keeps only its text. */
const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{0,2}\/)/i;

/** Elements whose content is code or markup, not protocol text: dropped and reported. */
const CODE_ELEMENTS = new Set(['script', 'style', 'template']);

export interface HtmlOptions {
	/** Called with a description of everything not carried into the markdown (never silent). */
	onDrop?: (what: string) => void;
}

/**
 * Deepest element nesting Word exports produce is a handful (table cell > list > item >
 * bold); the HTML parser and converters recurse per level, and a few thousand levels
 * overflow the stack ("Maximum call stack size exceeded", issue #12).
 */
export const MAX_HTML_DEPTH = 100;

/** Elements that have no closing tag. */
const VOID_ELEMENTS = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/**
 * How deeply the tags of an HTML fragment nest, counted on the tags alone in one linear
 * scan, before any parser recurses into it (e.g. `'<p><b>x</b></p>'` => `2`, `'a<br>b'` => `0`).
 */
export function htmlDepth(html: string): number {
	let depth = 0;
	let max = 0;
	for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(\/?)>/g)) {
		const name = m[2].toLowerCase();
		if (VOID_ELEMENTS.has(name) || m[3]) continue;
		if (m[1]) depth = Math.max(0, depth - 1);
		else max = Math.max(max, ++depth);
	}
	return max;
}

/**
 * Remove the glyph a list item carries in its text (e.g. `'• Die Factsheets'` => `'Die Factsheets'`,
 * `'o Zum Beispiel'` => `'Zum Beispiel'`).
 */
export function stripListGlyph(text: string): string {
	return text.replace(LEADING_LIST_GLYPH, '');
}

/**
 * Convert an HTML fragment from a Word export to markdown
 * (e.g. `'<p><u>Beschluss:</u></p><ul><li>• Die <b>OM</b> …</li></ul>'` => `'Beschluss:\n\n- Die **OM** …'`).
 * Unknown tags keep their text; what cannot be kept is passed to `opts.onDrop`.
 */
export function htmlToMarkdown(html: string, opts: HtmlOptions = {}): string {
	const onDrop = opts.onDrop ?? (() => {});
	const processor = unified()
		.use(rehypeParse, { fragment: true })
		.use(stripListGlyphs)
		.use(rehypeRemark, { handlers: htmlHandlers(onDrop), nodeHandlers: nodeHandlers(onDrop) })
		.use(remarkGfm)
		.use(remarkStringify, STRINGIFY_OPTIONS);
	return String(processor.processSync(html)).trim();
}

/**
 * Serialise an mdast tree in the importer's markdown dialect, escaping markdown syntax in
 * plain text (e.g. a paragraph `'Vertreter*innen'` => `'Vertreter\\*innen'`).
 */
export function markdownFromMdast(tree: MdastRoot): string {
	return stringifier.stringify(tree).trim();
}

/**
 * A URL as a markdown link destination, `[text](…)`: a backslash before `(`, `)` and `\\`, so
 * a bracket in the address never ends the link ("https://de.wikipedia.org/wiki/X_(Y)", and an
 * unbalanced "…/a)b" too), white space and `<` `>` percent-encoded, which a destination
 * without angle brackets cannot hold (https://spec.commonmark.org/0.31.2/#link-destination).
 * @example markdownDestination('https://example.org/a)b') // => 'https://example.org/a\\)b'
 */
export function markdownDestination(url: string): string {
	return url.replace(/[\\()]/g, '\\$&').replace(/[\s<>]/g, (c) => encodeURIComponent(c));
}

/** Built once: setting up remark-gfm's extensions per call cost a millisecond per resolution. */
const stringifier = unified().use(remarkGfm).use(remarkStringify, STRINGIFY_OPTIONS).freeze();

const inlineParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Characters that can make markdown text differ from what it shows: escapes, emphasis, code, links, references, HTML. */
const MARKDOWN_SYNTAX = /[\\*_`[\]&<~]/;

/**
 * What one line of markdown inline text shows a reader, as plain text: backslash escapes
 * and character references decoded, emphasis, code and link markup removed, the words
 * kept. Read as a paragraph even where the line starts like a list item or heading
 * ("1. Begrüßung" stays "1. Begrüßung"): a no-break space before it opens no block, and is
 * removed again. For titles taken from a Word export's markdown (a TOP heading, an agenda
 * line), which the MDX heading and the frontmatter hold as text, not markdown.
 * @example plainFromMarkdown('**Werte** \\< 10 &amp; mehr') // => 'Werte < 10 & mehr'
 */
export function plainFromMarkdown(markdown: string): string {
	if (!MARKDOWN_SYNTAX.test(markdown)) return markdown;
	const text = mdastToString(inlineParser.parse(`\u00a0${markdown.replace(/\n/g, ' ')}`));
	return text.replace(/^\u00a0/, '');
}

/**
 * Plain text of a short HTML fragment, entities decoded and whitespace collapsed
 * (e.g. `'<p><b>Begrüßung</b> Helmut&nbsp;Ehnes</p>'` => `'Begrüßung Helmut Ehnes'`).
 */
export function stripTags(html: string): string {
	const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
	const parts: string[] = [];
	const walk = (node: HastNodes) => {
		if (node.type === 'text') parts.push(node.value);
		if (node.type !== 'root' && node.type !== 'element') return;
		// Block boundaries and <br> separate words that have no space between them in the HTML.
		const separate = node.type === 'element' && !PHRASING.has(node.tagName);
		if (separate) parts.push(' ');
		for (const child of node.children) walk(child);
		if (separate) parts.push(' ');
	};
	walk(tree);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Inline elements: their text runs on without a space. */
const PHRASING = new Set(
	'a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub sup time tt u var'.split(' '),
);

/** Rehype plugin: remove the typed bullet glyph from the first text of every `<li>`. */
function stripListGlyphs() {
	return (tree: HastRoot) => {
		visit(tree, 'element', (li: Element) => {
			if (li.tagName !== 'li') return;
			let done = false;
			visit(li, 'text', (text: HastText) => {
				if (done || text.value.trim() === '') return;
				text.value = stripListGlyph(text.value);
				done = true;
			});
		});
	};
}

/**
 * Element handlers on top of hast-util-to-mdast's defaults, one per construct
 * (https://github.com/syntax-tree/hast-util-to-mdast/blob/main/lib/handlers/index.js).
 */
function htmlHandlers(onDrop: (what: string) => void): Record<string, Handle> {
	const handlers: Record<string, Handle> = {
		// Underline has no markdown; the default turns it into emphasis. Keep the words only.
		u: (state, node) => state.all(node),
		// A link keeps its text always, its target only when it is a web or mail address.
		a: (state, node) => {
			const href = String(node.properties.href ?? '');
			if (href === '' || SAFE_URL.test(href)) return defaultHandlers.a(state, node);
			onDrop(`link target ${JSON.stringify(href)} (kept the link text)`);
			return state.all(node);
		},
		// Images are not imported (their files are not in the export); the alt text is kept.
		img: (_state, node) => {
			const alt = String(node.properties.alt ?? '').trim();
			onDrop(`image ${JSON.stringify(String(node.properties.src ?? ''))}${alt ? ' (kept its alt text)' : ''}`);
			return alt ? { type: 'text', value: alt } : undefined;
		},
	};
	// hast-util-to-mdast ignores some elements with content (caption, option, svg, …);
	// keep their text instead, so no words get lost. Its ignore handler is shared, so
	// comparing with the one for `script` finds them all.
	for (const [name, handler] of Object.entries(defaultHandlers)) {
		if (handler !== defaultHandlers.script) continue;
		handlers[name] = CODE_ELEMENTS.has(name) ? dropElement(onDrop) : keepText(onDrop);
	}
	return handlers;
}

/** Node handlers: comments are authoring metadata (Word's `<!--[if …]-->`), dropped and reported. */
function nodeHandlers(onDrop: (what: string) => void): Record<string, NodeHandle> {
	return {
		comment: (_state: State, node) => {
			onDrop(`comment <!--${'value' in node ? node.value : ''}-->`);
			return undefined;
		},
	};
}

/** Handler that keeps an element's text as plain text. */
function keepText(onDrop: (what: string) => void): Handle {
	return (_state, node) => {
		const value = hastToString(node);
		if (value.trim() === '') return undefined;
		onDrop(`<${node.tagName}> markup (kept its text)`);
		return { type: 'text', value } satisfies MdastNodes;
	};
}

/** Handler that drops an element and reports it. */
function dropElement(onDrop: (what: string) => void): Handle {
	return (_state, node) => {
		onDrop(`<${node.tagName}> with ${JSON.stringify(hastToString(node).slice(0, 60))}`);
		return undefined;
	};
}
