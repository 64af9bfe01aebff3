/**
 * Last step before protocol text goes into an MDX body: MDX reads `{…}` as a JavaScript
 * expression, `<…>` as JSX and a paragraph starting with `import`/`export` as an ES module,
 * so protocol text could run code or break the build (https://mdxjs.com/docs/what-is-mdx/).
 * Markdown syntax stays untouched; only these MDX constructs are neutralised. A lone `>` is
 * left alone: without an unescaped `<` it cannot open JSX (checked by compiling with
 * @mdx-js/mdx 3), and escaping it would break `>` blockquote markers.
 */

import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { markdownDestination } from '../readers/html.ts';

/** A `{`, `}` or `<` with the backslashes before it. */
const MDX_SYNTAX = /(\\*)([{}<])/g;

/**
 * Text whose last word contains the start of a GFM autolink literal (`www.`, `scheme://` or an
 * e-mail address): the literal runs to the next white space, so every `<`, `{`, `}` in that
 * word needs a reference, not a backslash.
 */
const AUTOLINK_BEFORE = /(?:www\.|[a-z][a-z0-9+.-]*:\/\/|[\w.+-]@)\S*$/i;

/** Named references for the characters MDX would read as code (HTML5 names, which MDX knows). */
const CHARACTER_REFERENCE: Record<string, string> = { '<': '&lt;', '{': '&lcub;', '}': '&rcub;' };

/** A reference `escapeMdxText` wrote into an autolink literal's word. */
const REFERENCE = /&(?:lt|lcub|rcub);/;

/** The site's reading of a body (`src/lib/text/protocol-render.ts`: MDX with GFM). */
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

/**
 * The references written after an autolink literal ("www.x.de&lt;/a>") end the MDX code
 * there, but GFM reads the literal on to the next white space
 * (https://github.github.com/gfm/#autolinks-extension-), so the link took them in and showed
 * "www.x.de&lt;/a>". Such a literal becomes a written link that ends before the first reference
 * (`[www.x.de](http://www.x.de)&lt;/a>`: the reference shows as "<"), read with the site's
 * own parser; other text stays as it is.
 * @example explicitAutolinks('Tool: www.x.de&lt;/a>') // => 'Tool: [www.x.de](http://www.x.de)&lt;/a>'
 */
function explicitAutolinks(text: string): string {
	let out = text;
	// Each round writes out the literals of one reading; a rest may hold another (rare).
	for (let round = 0; round < 3 && REFERENCE.test(out); round++) {
		const edits: { start: number; end: number; link: string }[] = [];
		const source = out;
		visit(mdxParser.parse(source) as Root, 'link', (node: Link) => {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) return SKIP;
			const written = source.slice(start, end);
			const cut = written.search(REFERENCE);
			if (/^[[<]/.test(written) || cut <= 0) return SKIP;
			// The literal up to the reference, as GFM reads it alone (trailing punctuation stays text).
			const head = mdxParser.parse(written.slice(0, cut)).children[0];
			const link = head?.type === 'paragraph' ? head.children[0] : undefined;
			if (link?.type !== 'link' || link.position?.start.offset !== 0 || link.position.end.offset === undefined) return SKIP;
			const label = written.slice(0, link.position.end.offset);
			edits.push({ start, end: start + label.length, link: `[${label}](${markdownDestination(link.url)})` });
			return SKIP;
		});
		if (edits.length === 0) break;
		for (const e of edits.reverse()) out = out.slice(0, e.start) + e.link + out.slice(e.end);
	}
	return out;
}

/** A line that MDX could read as ESM: `import`/`export` as its first word. */
const ESM_LINE = /^([ \t]*)([ie])(mport|xport)(?![\p{L}\p{N}_$])/gmu;

/**
 * A line start that opens a block swallowing the lines after it or hiding its own text: a
 * code fence (``` or ~~~, also inside a list item or quote), or a link reference definition
 * (`[x]: url`, never shown). Protocol text (PDF text, or a Word export's markdown) never
 * means these; a stray "```" once turned the rest of a protocol into code (issue #12).
 */
const BLOCK_OPENER = /^((?:[ \t]*(?:[-*+>]|\d{1,9}[.)])[ \t]+)*[ \t]*)(`{3,}|~{3,}|\[(?=[^\]\n]*\]:))/gm;

/**
 * Make markdown text safe for an MDX body: `{`, `}`, `<` get a backslash, a line starting
 * with `import`/`export` gets a character reference for its first letter, and a code fence
 * or link reference definition at a line start (BLOCK_OPENER) gets a backslash
 * (e.g. `'a {1+1} <b>'` => `'a \\{1+1\\} \\<b>'`, `'import x'` => `'&#105;mport x'`).
 */
export function escapeMdxText(text: string): string {
	const escaped = text
		.replace(MDX_SYNTAX, (match, backslashes: string, char: string, offset: number, whole: string) => {
			// An odd run of backslashes already escapes the character (markdown from
			// remark-stringify writes `\<`); an even run is escaped backslashes, so the
			// character itself still needs one.
			// Right after a GFM autolink literal ("www.x.de", "https://…", "a@b.de") a backslash
			// would become part of the link and leave the `<` open ("www.x.de\</a>" opened JSX),
			// also one markdown wrote already: a named character reference (which replaces that
			// backslash) ends the MDX code there, and `explicitAutolinks` the link.
			if (AUTOLINK_BEFORE.test(whole.slice(Math.max(0, offset - 200), offset))) return `${backslashes.slice(backslashes.length % 2)}${CHARACTER_REFERENCE[char]}`;
			if (backslashes.length % 2 === 1) return match;
			return `${backslashes}\\${char}`;
		})
		.replace(ESM_LINE, (_match, indent: string, first: string, rest: string) =>
			// Letters cannot be backslash-escaped; a character reference renders the same letter.
			`${indent}&#${first.charCodeAt(0)};${rest}`,
		)
		// A backslash before the first character keeps the text and opens nothing.
		.replace(BLOCK_OPENER, (_match, prefix: string, opener: string) => `${prefix}\\${opener}`);
	return REFERENCE.test(escaped) ? explicitAutolinks(escaped) : escaped;
}
