/**
 * Last step before protocol text goes into an MDX body: MDX reads `{…}` as a JavaScript
 * expression, `<…>` as JSX and a paragraph starting with `import`/`export` as an ES module,
 * so protocol text could run code or break the build (https://mdxjs.com/docs/what-is-mdx/).
 * Markdown syntax stays untouched; only these MDX constructs are neutralised. A lone `>` is
 * left alone: without an unescaped `<` it cannot open JSX (checked by compiling with
 * @mdx-js/mdx 3), and escaping it would break `>` blockquote markers.
 */

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
	return text
		.replace(MDX_SYNTAX, (match, backslashes: string, char: string, offset: number, whole: string) => {
			// An odd run of backslashes already escapes the character (markdown from
			// remark-stringify writes `\<`); an even run is escaped backslashes, so the
			// character itself still needs one.
			if (backslashes.length % 2 === 1) return match;
			// Right after a GFM autolink literal ("www.x.de", "https://…", "a@b.de") a backslash
			// would become part of the link and leave the `<` open ("www.x.de\</a>" opened JSX);
			// a named character reference ends the link and renders the same character.
			if (AUTOLINK_BEFORE.test(whole.slice(Math.max(0, offset - 200), offset))) return `${backslashes}${CHARACTER_REFERENCE[char]}`;
			return `${backslashes}\\${char}`;
		})
		.replace(ESM_LINE, (_match, indent: string, first: string, rest: string) =>
			// Letters cannot be backslash-escaped; a character reference renders the same letter.
			`${indent}&#${first.charCodeAt(0)};${rest}`,
		)
		// A backslash before the first character keeps the text and opens nothing.
		.replace(BLOCK_OPENER, (_match, prefix: string, opener: string) => `${prefix}\\${opener}`);
}
