/**
 * PDF-extracted protocol lines become markdown blocks (paragraphs, bullets, sub-bullets).
 * Text extraction loses the layout: bullet glyphs turn into a leading space, `o ` marks
 * nested bullets, lines wrap at ~100 characters, page breaks leave blank lines and page
 * numbers in mid-sentence. Each rule below undoes one of these losses; all are heuristics
 * tuned on the protocols in the archive, and each states its limit.
 */
import type { List, ListItem, Paragraph, Root } from 'mdast';
import { GLYPH_BULLETS, markdownFromMdast } from './html.ts';

export type BlockKind = 'paragraph' | 'bullet' | 'subbullet';

/** A paragraph or list item of plain text (no markdown; `blocksToMarkdown` escapes it). */
export interface Block {
	kind: BlockKind;
	/** The text with wrapped lines joined, bullet marker removed, spaces collapsed. */
	text: string;
	/** 1-based source line of the block's first line. */
	line: number;
}

/** A source line left out of the text, returned so the caller can log it. */
export interface Debris {
	line: number;
	text: string;
	reason: 'page number' | 'link annotation' | 'running header';
}

export interface BlockOptions {
	/** Source line number of `lines[0]`, when the lines are a slice of a file (default 1). */
	firstLine?: number;
	/**
	 * Width at which the PDF wrapped its lines; default: the longest line of `lines`. Pass the
	 * longest line of the whole file (`longestLineLength`) when `lines` is a short slice.
	 */
	wrapWidth?: number;
	/**
	 * Running page headers/footers of the whole file without a page number of their own
	 * (`repeatedPageLines`), as space-collapsed trimmed text: such lines are debris.
	 */
	runningHeaders?: ReadonlySet<string>;
}

export interface BlockResult {
	blocks: Block[];
	debris: Debris[];
}

/** How a line starts: which list marker the PDF left, if any. */
type Marker = 'glyph' | 'dash' | 'indent' | 'sub' | 'numbered' | 'subitem' | null;

interface SourceLine {
	line: number;
	/** Without trailing whitespace; the indentation is kept. */
	raw: string;
	/** Whether the raw line ended in whitespace (see `joinWrappedLines`). */
	trailingSpace: boolean;
	marker: Marker;
	/** Text without indentation, spaces collapsed: what a wrapped line adds to its block. */
	text: string;
	/** `text` without the list marker: what an item starting at this line begins with. */
	itemText: string;
}

interface OpenBlock extends Block {
	marker: Marker;
	last: SourceLine;
	/**
	 * The text in pieces, one per source line (joined at the end): appending to one growing
	 * string and looking at its end makes V8 flatten it every time, quadratic for a long paragraph.
	 */
	parts: string[];
}

/** Sentence punctuation: a line ending with it ends a thought, so a break after it is real. */
const SENTENCE_END = /[.:!?“")]$/;

/**
 * How full a line is: its length plus a space plus the next line's first word, as a share of
 * the wrap width. At or above FILLED_SHARE the next word did not fit, so the PDF wrapped the
 * line; below DELIBERATE_SHARE it would have fit easily, so the author broke the line. Measured
 * on the archive: wraps score 0.79-0.99 (0.79 in indented sub-bullets, 0.74 in a wrapped
 * heading with a larger font), deliberate breaks (names lists, heading above text) 0.1-0.72.
 */
const FILLED_SHARE = 0.8;
const DELIBERATE_SHARE = 0.7;

/**
 * Share of the wrap width from which a line counts as running text rather than a cell of a
 * narrow table column, whose lines are all short although they wrap.
 */
const RUNNING_TEXT_SHARE = 0.5;

/** Page furniture: `3`, `- 3 -`, `– 3 –`, `3/7`, `Seite 3`, `Seite 3 von 7`. */
const PAGE_NUMBER = /^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^\d{1,3}\s*\/\s*\d{1,3}$|^Seite\s+\d{1,3}(?:\s*(?:von|\/)\s*\d{1,3})?$/i;

/**
 * A running page header or footer: text and the page number on one line, set apart by a wide
 * gap as a PDF's header/footer line comes out of text extraction ("Niederschrift Bauausschuss
 * 14.09.2021        Seite 2 von 4", "VERTRAULICH – nur für den Dienstgebrauch     Seite 1 von 1",
 * also with the page number first). Prose that names a page ("siehe Seite 2 von 4 der Vorlage")
 * has no such gap. Limit: a running header without a page number on its line stays text.
 */
const RUNNING_HEADER = /^\S.*\S\s{3,}Seite\s+\d{1,3}\s*(?:von|\/)\s*\d{1,3}$|^Seite\s+\d{1,3}\s*(?:von|\/)\s*\d{1,3}\s{3,}\S.*$/i;

/** Tell whether a line is a running page header/footer with its page number (e.g. `'Protokoll 3.3.2023     Seite 2 von 4'` => `true`). */
export function isRunningHeader(text: string): boolean {
	return RUNNING_HEADER.test(text.trim());
}

/** How far (in lines) a repeated line may stand from a page number to count as that page's header or footer. */
const PAGE_BREAK_REACH = 4;

/**
 * Running page headers and footers without a page number on their own line: a line (of 10
 * characters or more, not a numbered item) that occurs at least twice, every time next to a page
 * number or a running header with page number, only blank lines between (at most PAGE_BREAK_REACH
 * lines away: "Seite 1 von 3"
 * / blank / "Kleingartenverein … – Mitgliederversammlung 14.03.2019"); one more occurrence in the
 * file's first three lines (the first page's header) is allowed. A sentence repeated in the text
 * ("Der Ortsbeirat beschließt:") is not near page breaks and stays.
 * Returns the texts, spaces collapsed and trimmed (e.g. for the lines above: the header's text).
 */
export function repeatedPageLines(lines: string[]): Set<string> {
	const norm = lines.map((l) => l.trim().replace(/\s+/g, ' '));
	const markers = lines.flatMap((l, i) => (isPageNumber(norm[i]) || isRunningHeader(l.trimEnd()) ? [i] : []));
	const isMarker = new Set(markers);
	// The nearest non-blank line above or below (within PAGE_BREAK_REACH) is a page marker.
	const neighbour = (i: number, step: number) => {
		for (let j = i + step; j >= 0 && j < lines.length && Math.abs(j - i) <= PAGE_BREAK_REACH; j += step) if (norm[j] !== '') return j;
		return -1;
	};
	const near = (i: number) => isMarker.has(neighbour(i, -1)) || isMarker.has(neighbour(i, 1));
	const at = new Map<string, number[]>();
	norm.forEach((t, i) => {
		if (t.length < 10 || /^\d{1,2}[.)]\s/.test(t) || isPageNumber(t)) return;
		const list = at.get(t);
		if (list) list.push(i);
		else at.set(t, [i]);
	});
	const out = new Set<string>();
	for (const [text, where] of at) {
		if (where.length < 2) continue;
		const atBreaks = where.filter(near).length;
		const elsewhere = where.filter((i) => !near(i));
		if (atBreaks >= 2 && elsewhere.every((i) => i < 3) && elsewhere.length <= 1) out.add(text);
	}
	return out;
}

/**
 * A line that is only a link annotation: `https://…`, `www.…`, `mailto:…`, `siehe http…`.
 * PDF text extraction prints the targets of a page's links as lines of their own, at the
 * page end or wherever the link stood; the link text itself is in the running text.
 */
const LINK_ANNOTATION = /^(?:siehe:?\s+)?(?:https?:\/\/|www\.|mailto:)\S+$/i;

/** Words after which a line-end hyphen is a suspended compound (`Informations- und …`). */
const SUSPENDED_HYPHEN_NEXT = /^(?:und|oder|bzw\.?|sowie|bis)(?![\p{L}\p{N}])/u;

/** List markers at a line start (after indentation): a glyph, a dash, `o ` for a sub-bullet, `3. `. */
const GLYPH_MARKER = new RegExp(`^[${GLYPH_BULLETS}]\\s*(?=\\S)`, 'u');
const DASH_MARKER = /^[-–]\s+(?=\S)/;
const SUB_MARKER = /^o\s+(?=\S)/;
const NUMBERED = /^\d{1,2}\.\s+\S/;
/** A sub-item heading of an agenda item: "TOP 3.1: Fragenkatalog", "Zu TOP 3.2 – …". */
const SUB_ITEM = /^(?:Zu\s+)?TOP\s*\d{1,2}\.\d{1,2}(?!\d)/i;

/**
 * Group PDF-extracted lines into blocks, dropping page numbers and link annotations
 * into `debris` (e.g. `[' Erster Punkt', 'weiter', '', ' Zweiter']`
 * => bullets `'Erster Punkt weiter'` (line 1) and `'Zweiter'` (line 4)).
 */
export function linesToBlocks(lines: string[], opts: BlockOptions = {}): BlockResult {
	const firstLine = opts.firstLine ?? 1;
	const wrapWidth = opts.wrapWidth ?? longestLineLength(lines);
	const { kept, debris } = separateDebris(lines, firstLine, opts.runningHeaders);
	const blocks: OpenBlock[] = [];
	let blankBefore = false;

	for (const source of kept) {
		if (source === undefined) {
			// Blank line (or removed debris): the block ends, unless the next line continues it.
			blankBefore = blocks.length > 0;
			continue;
		}
		const previous = blocks.at(-1);
		const continues =
			previous !== undefined &&
			(blankBefore ? continuesAfterPageBreak(previous, source, wrapWidth) : continuesBlock(previous, source, wrapWidth));
		if (continues) extendBlock(previous, source);
		else blocks.push(openBlock(source));
		blankBefore = false;
	}
	return { blocks: blocks.map(({ kind, parts, line }) => ({ kind, text: parts.join(''), line })), debris };
}

/**
 * Render blocks as markdown: paragraphs, `-` lists, sub-bullets nested under the bullet
 * before them; markdown syntax in the text is escaped
 * (e.g. `[{ kind: 'bullet', text: 'Berater*innen', line: 1 }]` => `'- Berater\\*innen'`).
 */
export function blocksToMarkdown(blocks: Block[]): string {
	const root: Root = { type: 'root', children: [] };
	for (const block of blocks) {
		const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: block.text }] };
		if (block.kind === 'paragraph') {
			root.children.push(paragraph);
			continue;
		}
		const item: ListItem = { type: 'listItem', spread: false, children: [paragraph] };
		const list = root.children.at(-1);
		const parent = list?.type === 'list' ? list.children.at(-1) : undefined;
		if (block.kind === 'subbullet' && parent) {
			// A sub-bullet belongs to the bullet (or sub-bullet's bullet) right before it.
			const nested = parent.children.at(-1);
			if (nested?.type === 'list') nested.children.push(item);
			else parent.children.push(newList(item));
		} else if (list?.type === 'list') {
			list.children.push(item);
		} else {
			// A sub-bullet with no bullet before it becomes a bullet: its level is lost, its text not.
			root.children.push(newList(item));
		}
	}
	return markdownFromMdast(root);
}

/**
 * Join a wrapped line to the text before it, undoing line-end hyphenation — a heuristic:
 * - `Informations-` + `und …` => `Informations- und …` (suspended compound; also when the
 *   extractor wrote a space after the hyphen, as it does for a real `- `);
 * - lower-case letter, hyphen, lower-case next line => hyphen removed (`Ge-` + `schäft` => `Geschäft`);
 * - otherwise the hyphen stays, no space (`Tagesschau-` + `Niveau` => `Tagesschau-Niveau`,
 *   `OM-` + `Berater`, `fach-` + `Communities`).
 * - a web address keeps its hyphen (`www.kidd-` + `prozess.de` => `www.kidd-prozess.de`).
 * Limit: a real lower-case compound split at its hyphen (`E-` + `mail`) loses the hyphen.
 */
export function joinWrappedLines(before: string, after: string, spaceAfterHyphen = false): string {
	// A soft hyphen (U+00AD) at the end only marks where the word was split.
	if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
	// Only the end of `before` matters; a regex with `$` on the whole block text would rescan
	// it for every wrapped line (quadratic: 74 s for a 1 MB paragraph).
	const end = before.slice(-3);
	if (!/[\p{L}\p{N}]-$/u.test(end)) return `${before} ${after}`;
	if (spaceAfterHyphen || SUSPENDED_HYPHEN_NEXT.test(after)) return `${before} ${after}`;
	// A web address keeps its hyphen: "(www.kidd-" + "prozess.de)" is www.kidd-prozess.de.
	if (/(?:www\.|:\/\/)[^\s]*-$/.test(before.slice(-100))) return before + after;
	if (/\p{Ll}-$/u.test(end) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
	return before + after;
}

/** Length of the longest line without trailing whitespace (e.g. `['ab ', 'abc']` => `3`). */
export function longestLineLength(lines: string[]): number {
	// A loop, not Math.max(...lines): spreading 200,000 lines overflows the call stack.
	return lines.reduce((max, line) => Math.max(max, line.trimEnd().length), 0);
}

/** Tell whether a line is only a page number (e.g. `'- 3 -'` => `true`, `'3. Punkt'` => `false`). */
export function isPageNumber(text: string): boolean {
	return PAGE_NUMBER.test(text.trim());
}

/**
 * Split off page furniture: page numbers and link annotations, wherever they stand (they
 * are never part of a sentence, a name or a resolution; issue #12). A removed line counts
 * as a blank line, so text broken by it is joined like text broken by a page end.
 * Returns the other lines, `undefined` for blank or removed ones.
 */
function separateDebris(lines: string[], firstLine: number, runningHeaders?: ReadonlySet<string>) {
	const debris: Debris[] = [];
	const kept = lines.map((rawLine, index): SourceLine | undefined => {
		const line = firstLine + index;
		const raw = rawLine.trimEnd();
		const text = raw.trim().replace(/\s+/g, ' ');
		if (text === '') return undefined;
		if (isPageNumber(text)) {
			debris.push({ line, text, reason: 'page number' });
			return undefined;
		}
		// Tested on the raw line: collapsing spaces would hide the gap that marks it.
		if (isRunningHeader(raw) || runningHeaders?.has(text)) {
			debris.push({ line, text, reason: 'running header' });
			return undefined;
		}
		if (LINK_ANNOTATION.test(text)) {
			debris.push({ line, text, reason: 'link annotation' });
			return undefined;
		}
		return readLine(raw, line, rawLine.length > raw.length);
	});
	return { kept, debris };
}

/** Read a line's list marker and text (e.g. `' o Zum Beispiel'` => marker `'sub'`, text `'Zum Beispiel'`). */
function readLine(raw: string, line: number, trailingSpace: boolean): SourceLine {
	const trimmed = raw.trimStart();
	const indented = trimmed.length < raw.length;
	const text = trimmed.replace(/\s+/g, ' ');
	for (const [marker, pattern] of [['sub', SUB_MARKER], ['glyph', GLYPH_MARKER], ['dash', DASH_MARKER]] as const) {
		const match = pattern.exec(text);
		if (match) return { line, raw, trailingSpace, marker, text, itemText: text.slice(match[0].length) };
	}
	// The PDF lost the bullet glyph but kept the space after it: an indented line.
	const marker: Marker = SUB_ITEM.test(text) ? 'subitem' : NUMBERED.test(text) ? 'numbered' : indented ? 'indent' : null;
	return { line, raw, trailingSpace, marker, text, itemText: text };
}

/** Start a block at a line; its marker decides the kind. */
function openBlock(source: SourceLine): OpenBlock {
	const kind: BlockKind =
		source.marker === 'sub' ? 'subbullet' : source.marker === 'glyph' || source.marker === 'dash' || source.marker === 'indent' ? 'bullet' : 'paragraph';
	return { kind, text: '', line: source.line, marker: source.marker, last: source, parts: [source.itemText] };
}

/** Append a wrapped line to a block. */
function extendBlock(block: OpenBlock, source: SourceLine): void {
	// Every join ends with the new line's text; only the end of the previous piece changes.
	const previous = block.parts[block.parts.length - 1];
	const joined = joinWrappedLines(previous, source.text, block.last.trailingSpace);
	block.parts[block.parts.length - 1] = joined.slice(0, joined.length - source.text.length);
	block.parts.push(source.text);
	block.last = source;
}

/**
 * Tell whether a line directly below a block (no blank line between) continues it.
 * - `o ` and glyphs always start an item: they never begin wrapped text.
 * - A deliberate break (the line before is short, see DELIBERATE_SHARE, and this line is
 *   running text, see RUNNING_TEXT_SHARE) starts a new block: a heading or label above its
 *   text (`1. Neues aus der Offensive` / `Prof. Dr. Oliver Kruse stellte …`).
 * - `- ` starts an item only in a list of `- ` items; elsewhere it is a dash that wrapped
 *   to the line start (`… gesehen wird` / `- vom HGF …`).
 * - An indented line inside a list starts a bullet after a sentence end (` Coworking-Spaces.` /
 *   ` Weiterhin …`) or a short line (a names list: ` Eda Pientak` / ` Theresa Joerißen`);
 *   after a filled line without sentence end it is wrapped text (`… ergeben sich` /
 *   ` z.B. für den Wohnungsbau?`). Inside a paragraph it is wrapped text
 *   (`Dies soll dann bei` / ` positiver Unterstützung …`).
 * - `TOP 3.1: Titel` (a sub-item heading) is a block of its own, never joined to the lines around it.
 * - `3. Titel` starts a new paragraph after a sentence end or below another numbered line
 *   (numbered points, agenda lists); after an unfinished sentence it is wrapped text (`am` / `11. Februar`).
 * Limit: lines of a PDF table come out as one paragraph per row, or joined across cells.
 */
function continuesBlock(block: OpenBlock, source: SourceLine, wrapWidth: number): boolean {
	if (source.marker === 'sub' || source.marker === 'glyph') return false;
	// A sub-item heading ("TOP 3.1: Fragenkatalog") is a line of its own: the body step makes it a `###` heading.
	if (source.marker === 'subitem' || block.marker === 'subitem') return false;
	const short = fullness(block.last, source, wrapWidth) < DELIBERATE_SHARE;
	const deliberate = short && source.raw.length >= RUNNING_TEXT_SHARE * wrapWidth;
	const finished = SENTENCE_END.test(block.last.text);
	switch (source.marker) {
		case 'dash':
			return block.marker !== 'dash' && !deliberate;
		case 'indent':
			return block.kind === 'paragraph' ? !deliberate : !(finished || short);
		case 'numbered':
			return !(finished || deliberate || block.marker === 'numbered');
		default:
			return !deliberate;
	}
}

/**
 * Tell whether a line after blank lines continues the block before them: a page break in
 * mid-sentence (`… die momentan` / blank / `nur im internen Forum …`). Joined when the block
 * did not end a sentence and the line is no item start, and either the line starts in lower
 * case or the block's last line was filled (FILLED_SHARE: about 80 % of the longest line;
 * a short line without punctuation is a heading or a list entry). Limit: a filled,
 * unpunctuated line followed by an upper-case paragraph after a blank line is joined to it.
 */
function continuesAfterPageBreak(block: OpenBlock, source: SourceLine, wrapWidth: number): boolean {
	if (SENTENCE_END.test(block.last.text) || source.marker !== null) return false;
	const lowercase = /^\p{Ll}/u.test(source.text);
	return lowercase || fullness(block.last, source, wrapWidth) >= FILLED_SHARE;
}

/**
 * How full `line` is (see FILLED_SHARE), counting the first word of `next`
 * (e.g. 70 characters + ' ' + 'Qualifizierungsorganisationen' at width 100 => 1.0).
 */
function fullness(line: SourceLine, next: SourceLine, wrapWidth: number): number {
	const word = next.text.split(' ')[0] ?? '';
	return (line.raw.length + 1 + word.length) / Math.max(wrapWidth, 1);
}

/** A tight `-` list with one item. */
function newList(item: ListItem): List {
	return { type: 'list', ordered: false, spread: false, children: [item] };
}
