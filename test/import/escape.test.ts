import { compile, run } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { escapeMdxText } from '../../scripts/import/steps/escape.ts';
import { compilePage, renderPage } from './compile.ts';

/** A rendered element: what a JSX runtime receives, kept as data. */
interface Rendered {
	type: unknown;
	props: { children?: unknown; [key: string]: unknown };
}

/** A JSX runtime that builds data instead of DOM, so the test needs no React. */
const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: Rendered['props']): Rendered => ({ type, props });
const runtime = { Fragment, jsx, jsxs: jsx };

/** The element names (e.g. 'p', 'script') and the concatenated text of a rendered tree. */
function inspect(node: unknown, names: string[] = []): { names: string[]; text: string } {
	if (node === null || node === undefined || typeof node === 'boolean') return { names, text: '' };
	if (typeof node === 'string' || typeof node === 'number') return { names, text: String(node) };
	if (Array.isArray(node)) {
		return { names, text: node.map((child) => inspect(child, names).text).join('') };
	}
	const element = node as Rendered;
	if (typeof element.type === 'function') return inspect((element.type as (p: unknown) => unknown)(element.props), names);
	if (typeof element.type === 'string') names.push(element.type);
	return { names, text: inspect(element.props.children, names).text };
}

/** Compile MDX with @mdx-js/mdx (the compiler behind @astrojs/mdx), run it, and inspect the result. */
async function render(mdx: string) {
	const code = String(await compile(mdx, { outputFormat: 'function-body' }));
	const module = await run(code, { ...runtime, baseUrl: import.meta.url });
	const exports = Object.keys(module).filter((name) => name !== 'default');
	return { ...inspect(jsx(module.default, {})), exports, code };
}

const DANGEROUS = [
	'Ergebnis: {1+1}',
	'<script>alert(1)</script>',
	'import x from "y"',
	'export const a = 1',
	'<Resolution id="x">',
	'a < b > c',
	'{props.components}',
	'Klammern } und { einzeln',
	'export{a}',
];

describe('escapeMdxText', () => {
	it('escapes braces and < with a backslash', () => {
		expect(escapeMdxText('a {1+1} <b> c > d')).toBe('a \\{1+1\\} \\<b> c > d');
	});

	it('leaves characters that markdown already escaped alone', () => {
		expect(escapeMdxText('a \\<b> \\{x\\}')).toBe('a \\<b> \\{x\\}');
	});

	it('escapes a brace after an escaped backslash', () => {
		expect(escapeMdxText('C:\\\\{x}')).toBe('C:\\\\\\{x\\}');
	});

	it('neutralises lines starting with import/export', () => {
		expect(escapeMdxText('import x from "y"\n  export const a = 1')).toBe(
			'&#105;mport x from "y"\n  &#101;xport const a = 1',
		);
		expect(escapeMdxText('Importe und exportieren; wir importieren')).toBe('Importe und exportieren; wir importieren');
	});

	it('ends a GFM autolink before an escaped character: the "<" opens no JSX and shows as "<", never as "&lt;"', async () => {
		const text = escapeMdxText('Tool: www.x.de</a> und a@b.de{x} sowie https://y.de/p</p>, auch www.z.de.<b> und www.q.de/{a}');
		// Compiled as the site does (MDX + GFM): no JSX, nothing hidden; with `\\<` this threw
		// "Unexpected closing slash `/` in tag" (found by the property test).
		expect((await compilePage(text)).hiding).toEqual([]);
		const page = renderPage(text);
		// Before, the literal took the reference in: the page showed "www.x.de&lt;/a>", linked to it.
		expect(page.text.trim()).toBe('Tool: www.x.de</a> und [E-Mail-Adresse entfernt]{x} sowie https://y.de/p</p>, auch www.z.de.<b> und www.q.de/{a}');
		expect(page.links.filter((l) => !l.href.startsWith('mailto:'))).toEqual([
			{ href: 'http://www.x.de', text: 'www.x.de' },
			{ href: 'https://y.de/p', text: 'https://y.de/p' },
			{ href: 'http://www.z.de', text: 'www.z.de' },
			{ href: 'http://www.q.de/', text: 'www.q.de/' },
		]);
	});

	it('leaves a reference apart from any address as it is ("Kosten &lt; 5" shows "Kosten < 5")', () => {
		expect(escapeMdxText('Kosten &lt; 5 und www.x.de &lt; 3')).toBe('Kosten &lt; 5 und www.x.de &lt; 3');
		expect(renderPage('Kosten &lt; 5 und www.x.de &lt; 3').text.trim()).toBe('Kosten < 5 und www.x.de < 3');
	});

	it('keeps markdown syntax', () => {
		const markdown = '**Beschluss:** Folgendes\n\n- Die **OM** ist *gut*\n- [Link](http://www.mentimeter.com)\n\n> Zitat';
		expect(escapeMdxText(markdown)).toBe(markdown);
	});

	it('makes every dangerous text compile and render literally, as text only', async () => {
		const mdx = DANGEROUS.map(escapeMdxText).join('\n\n');
		const { names, text, exports, code } = await render(mdx);
		expect(names.every((name) => name === 'p')).toBe(true);
		expect(names).toHaveLength(DANGEROUS.length);
		expect(exports).toEqual([]);
		// Outside string literals the compiled module holds none of the protocol text as code.
		const codeOnly = code.replace(/"(?:[^"\\]|\\.)*"/g, '""');
		expect(codeOnly).not.toMatch(/alert|1 ?\+ ?1|const a|from|Resolution|props\.components\}/);
		for (const dangerous of DANGEROUS) expect(text).toContain(dangerous);
	});

	it('keeps markdown rendering after escaping', async () => {
		const { names, text } = await render(escapeMdxText('**Beschluss:** a < b\n\n- {x}\n- <u>y</u>'));
		expect(names).toEqual(['p', 'strong', 'ul', 'li', 'li']);
		expect(text).toContain('Beschluss: a < b');
		expect(text).toContain('{x}');
		expect(text).toContain('<u>y</u>');
	});

	it('shows that unescaped text would not be safe (the test can fail)', async () => {
		await expect(render('a {1+1}')).resolves.toMatchObject({ text: 'a 2' });
		await expect(render('<Resolution id="x">')).rejects.toThrow();
	});
});
