/**
 * The one error type of the importer: says what happened, where, and how to fix it
 * (STYLE.md, example 6).
 */

/** What an importer step knows when it fails; `line` is 1-based. */
export interface ImportErrorDetails {
	file: string;
	line?: number;
	problem: string;
	fix?: string;
}

/**
 * An import failure that names the source file, the line and the fix
 * (e.g. `new ImportError({ file: 'a.txt', line: 3, problem: 'No date found.', fix: 'Add it.' })`
 * => message `'a.txt:3: No date found. Fix: Add it.'`).
 */
export class ImportError extends Error {
	file: string;
	line?: number;
	problem: string;
	fix?: string;

	constructor(details: ImportErrorDetails) {
		super(formatImportError(details));
		this.name = 'ImportError';
		this.file = details.file;
		this.line = details.line;
		this.problem = details.problem;
		this.fix = details.fix;
	}
}

/**
 * Format an import failure as `file:line: problem Fix: fix`
 * (e.g. `{ file: 'a.txt', problem: 'File is empty.' }` => `'a.txt: File is empty.'`).
 */
export function formatImportError({ file, line, problem, fix }: ImportErrorDetails): string {
	const where = line === undefined ? file : `${file}:${line}`;
	return fix === undefined ? `${where}: ${problem}` : `${where}: ${problem} Fix: ${fix}`;
}

/**
 * A failure found by a step that knows the line but not the file (a reader, the HTML
 * converter): `importProtocol` turns it into an ImportError naming the file
 * (e.g. `new LineError(7, 'HTML nested too deeply.', 'Simplify the formatting.')`).
 */
export class LineError extends Error {
	line: number;
	problem: string;
	fix: string;

	constructor(line: number, problem: string, fix: string) {
		super(`line ${line}: ${problem} Fix: ${fix}`);
		this.name = 'LineError';
		this.line = line;
		this.problem = problem;
		this.fix = fix;
	}
}
