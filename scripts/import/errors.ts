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
