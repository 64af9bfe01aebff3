/**
 * First importer step: turn the bytes of a protocol file into text with `\n` line ends.
 * Protocols come from PDF text extraction and Word exports on different machines, so the
 * encoding is detected, not configured.
 */
import { ImportError, LineError } from '../errors.ts';

/**
 * Share of control characters (other than tab, line feed, carriage return, form feed) above
 * which a file counts as binary. Text has practically none; random or compressed bytes have
 * about 13 % (33 of 256 byte values).
 */
const BINARY_CONTROL_SHARE = 0.05;

/**
 * Decode a protocol file to text: UTF-8 (BOM stripped) when the bytes are valid UTF-8, UTF-16
 * when it starts with a UTF-16 BOM, otherwise each line as UTF-8 or Windows-1252; line ends become `\n` and page
 * breaks (form feeds) become a line break
 * (e.g. bytes `E4 0D 0A 0C` => `'ä\n\n'`).
 * Throws ImportError for an empty or binary file, or a line mixing two encodings.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
	let decoded: string;
	try {
		decoded = decodeBytes(bytes);
	} catch (error) {
		if (error instanceof LineError) throw new ImportError({ file, line: error.line, problem: error.problem, fix: error.fix });
		throw error;
	}
	const text = normaliseLineEnds(decoded);
	if (text.trim() === '') {
		throw new ImportError({
			file,
			problem: 'file is empty.',
			fix: 'Check that the export wrote the protocol text into this file, or remove the file.',
		});
	}
	if (looksBinary(text)) {
		throw new ImportError({
			file,
			problem: 'looks like a binary file, not protocol text.',
			fix: 'Export the protocol as plain text (e.g. PDF "Save as text") or convert the Word document to markdown, and import that file.',
		});
	}
	return text;
}

/**
 * Decode bytes: UTF-16 by BOM, else strict UTF-8, else line by line — each line as UTF-8
 * if it is valid UTF-8, else as Windows-1252, which accepts every byte. A file that is
 * mostly UTF-8 with a pasted Windows-1252 part thus decodes each line right instead of
 * turning the UTF-8 lines into mojibake ("â€ž", issue #12)
 * (e.g. `[0x66, 0xFC, 0x72]` => `'für'`).
 * Throws LineError for a line that mixes both (valid UTF-8 sequences next to bytes that are
 * not): no decoding of it can be right.
 */
export function decodeBytes(bytes: Uint8Array): string {
	// Word's "Unicode text" export writes UTF-16 with a BOM; without this branch it would
	// be rejected as binary because every other byte is NUL.
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	try {
		// `fatal` makes invalid sequences throw instead of becoming U+FFFD; the BOM is stripped.
		return UTF8.decode(bytes);
	} catch {
		return decodeLineByLine(bytes);
	}
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const CP1252 = new TextDecoder('windows-1252');

/** Whether the bytes hold a UTF-8 multi-byte sequence (lead byte C2–F4 with its continuation bytes). */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		const tail = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
		if (tail === 0) continue;
		let ok = true;
		for (let k = 1; k <= tail; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) ok = false;
		if (ok) return true;
	}
	return false;
}

/**
 * Each `\n`-terminated line as UTF-8 when valid, else as Windows-1252 (see `decodeBytes`).
 * A line that is not UTF-8 but holds UTF-8-looking sequences is rejected only when other
 * lines show that the file uses UTF-8: in a pure Windows-1252 file "Fuß“" (DF 93) merely
 * looks like a UTF-8 sequence.
 */
function decodeLineByLine(bytes: Uint8Array): string {
	const lines: Uint8Array[] = [];
	for (let start = 0; start <= bytes.length; ) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		lines.push(bytes.subarray(start, end));
		start = end + 1;
	}
	const decoded = lines.map((chunk) => {
		try {
			return UTF8.decode(chunk);
		} catch {
			return undefined;
		}
	});
	const usesUtf8 = decoded.some((text) => text !== undefined && /[^\x00-\x7f]/.test(text));
	return decoded
		.map((text, i) => {
			if (text !== undefined) return text;
			if (usesUtf8 && hasUtf8Sequence(lines[i])) {
				throw new LineError(
					i + 1,
					'mixes UTF-8 and Windows-1252 characters in one line; it cannot be decoded without garbling some of them.',
					'open the file in an editor, retype the special characters (ä, ö, ü, ß, „ “) of this line, and save it as UTF-8.',
				);
			}
			return CP1252.decode(lines[i]);
		})
		.join('\n');
}

/**
 * Make `\n` the only line end and turn form feeds (PDF page breaks) into line breaks
 * (e.g. `'a\r\nb\rc\fd'` => `'a\nb\nc\nd'`).
 */
export function normaliseLineEnds(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
}

/**
 * Tell whether decoded text is really binary data: it has a NUL, or more than
 * BINARY_CONTROL_SHARE control characters (e.g. `'a\u0000b'` => `true`, `'a\tb\n'` => `false`).
 */
export function looksBinary(text: string): boolean {
	if (text.includes('\u0000')) return true;
	// C0 controls except \t \n \r \f, DEL, and C1 controls (which Windows-1252 decoding
	// yields for the five byte values it leaves undefined).
	const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
	return controls / text.length > BINARY_CONTROL_SHARE;
}
