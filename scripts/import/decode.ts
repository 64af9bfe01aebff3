/**
 * First importer step: turn the bytes of a protocol file into text with `\n` line ends.
 * Protocols come from PDF text extraction and Word exports on different machines, so the
 * encoding is detected, not configured.
 */
import { ImportError } from './errors.ts';

/**
 * Share of control characters (other than tab, line feed, carriage return, form feed) above
 * which a file counts as binary. Text has practically none; random or compressed bytes have
 * about 13 % (33 of 256 byte values).
 */
const BINARY_CONTROL_SHARE = 0.05;

/**
 * Decode a protocol file to text: UTF-8 (BOM stripped) when the bytes are valid UTF-8, UTF-16
 * when it starts with a UTF-16 BOM, otherwise Windows-1252; line ends become `\n` and page
 * breaks (form feeds) become a line break
 * (e.g. bytes `E4 0D 0A 0C` => `'ä\n\n'`).
 * Throws ImportError for an empty or binary file.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
	const text = normaliseLineEnds(decodeBytes(bytes));
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
 * Decode bytes, trying UTF-16 (by BOM), then strict UTF-8, then Windows-1252, which accepts
 * every byte (e.g. `[0x66, 0xFC, 0x72]` => `'für'`).
 */
export function decodeBytes(bytes: Uint8Array): string {
	// Word's "Unicode text" export writes UTF-16 with a BOM; without this branch it would
	// be rejected as binary because every other byte is NUL.
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	try {
		// `fatal` makes invalid sequences throw instead of becoming U+FFFD; the BOM is stripped.
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Not UTF-8: older Windows tools write Windows-1252, a superset of Latin-1 that also
		// has „ “ – …, so decoding never fails.
		return new TextDecoder('windows-1252').decode(bytes);
	}
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
