import { describe, expect, it } from 'vitest';
import { decodeSource, looksBinary } from '../../scripts/import/readers/decode.ts';
import { ImportError } from '../../scripts/import/errors.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes of the characters used below; built by hand, not by a library. */
const CP1252: Record<string, number> = {
	ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, Ä: 0xc4, Ö: 0xd6, Ü: 0xdc,
	'„': 0x84, '“': 0x93, '–': 0x96, '…': 0x85, '€': 0x80,
};
const cp1252 = (text: string) =>
	Uint8Array.from([...text].map((char) => CP1252[char] ?? char.charCodeAt(0)));

describe('decodeSource', () => {
	it('decodes UTF-8 and strips the BOM', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Begrüßung – „OM“\n')]);
		expect(decodeSource(bytes, 'a.txt')).toBe('Begrüßung – „OM“\n');
	});

	it('detects and decodes Windows-1252', () => {
		const text = 'Größe, Übung, Äpfel: „Maßnahmen“ – für Öffentlichkeit … 5 €\n';
		const bytes = cp1252(text);
		// The sample must really be invalid UTF-8, or the test proves nothing.
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		expect(decodeSource(bytes, 'a.txt')).toBe(text);
	});

	it('decodes UTF-16 with a BOM (Word "Unicode text")', () => {
		const text = 'Tagesordnung: Begrüßung\n';
		const le = [0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
		expect(decodeSource(Uint8Array.from(le), 'a.txt')).toBe(text);
	});

	it('normalises CRLF and CR to LF and turns form feeds into line breaks', () => {
		expect(decodeSource(utf8('a\r\nb\rc\n\fd\fe'), 'a.txt')).toBe('a\nb\nc\n\nd\ne');
	});

	it('rejects an empty file', () => {
		expect(() => decodeSource(new Uint8Array(), 'leer.txt')).toThrowErrorMatchingInlineSnapshot(
			`[ImportError: leer.txt: file is empty. Fix: Check that the export wrote the protocol text into this file, or remove the file.]`,
		);
	});

	it('rejects a whitespace-only file', () => {
		expect(() => decodeSource(utf8(' \r\n\t\f \n'), 'leer.txt')).toThrow(ImportError);
		expect(() => decodeSource(utf8(' \r\n\t\f \n'), 'leer.txt')).toThrow(/leer\.txt: file is empty\./);
	});

	it('rejects a file with NUL bytes as binary', () => {
		const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x41, 0x42]);
		expect(() => decodeSource(bytes, 'scan.pdf')).toThrowErrorMatchingInlineSnapshot(
			`[ImportError: scan.pdf: looks like a binary file, not protocol text. Fix: Export the protocol as plain text (e.g. PDF "Save as text") or convert the Word document to markdown, and import that file.]`,
		);
	});

	it('rejects a file with many control characters as binary', () => {
		const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x02 : 0x41 + (i % 26)));
		expect(() => decodeSource(bytes, 'x.bin')).toThrow(/looks like a binary file/);
	});

	it('accepts text with a stray control character', () => {
		expect(looksBinary(`${'Protokoll '.repeat(20)}\u000b`)).toBe(false);
	});

	it('formats import errors as file:line: problem Fix: fix', () => {
		expect(new ImportError({ file: 'a.txt', line: 3, problem: 'No date found.', fix: 'Add it.' }).message).toBe(
			'a.txt:3: No date found. Fix: Add it.',
		);
		expect(new ImportError({ file: 'a.txt', problem: 'Broken.' }).message).toBe('a.txt: Broken.');
	});

	it('carries file and problem on the error', () => {
		try {
			decodeSource(new Uint8Array(), 'leer.txt');
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ImportError);
			expect((error as ImportError).file).toBe('leer.txt');
			expect((error as ImportError).line).toBeUndefined();
		}
	});
});

describe('mixed encodings (issue #12)', () => {
	it('decodes each line of a mostly UTF-8 file with a Windows-1252 part in its own encoding', () => {
		const bytes = new Uint8Array([...utf8('Stiftung „Mittelstand – Gesellschaft“\nGrüße\n'), ...cp1252('Prüfung der Maßnahmen – „neu“\n'), ...utf8('Schluss: Übung\n')]);
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		expect(decodeSource(bytes, 'gemischt.txt')).toBe('Stiftung „Mittelstand – Gesellschaft“\nGrüße\nPrüfung der Maßnahmen – „neu“\nSchluss: Übung\n');
	});

	it('rejects a line that mixes both encodings, naming the line', () => {
		const bytes = new Uint8Array([...utf8('Protokoll\nGrüße\n'), ...utf8('„Öffnung“ '), ...cp1252('für alle\n')]);
		expect(() => decodeSource(bytes, 'gemischt.txt')).toThrowErrorMatchingInlineSnapshot(
			`[ImportError: gemischt.txt:3: mixes UTF-8 and Windows-1252 characters in one line; it cannot be decoded without garbling some of them. Fix: open the file in an editor, retype the special characters (ä, ö, ü, ß, „ “) of this line, and save it as UTF-8.]`,
		);
	});
});

describe('Windows-1252 that looks like UTF-8 in places', () => {
	it('decodes a pure Windows-1252 file even where "ß“" happens to form a UTF-8 sequence', () => {
		const text = 'Treffen zu Fuß“ und „Maßnahmen“\nÜbung\n';
		expect(decodeSource(cp1252(text), 'a.txt')).toBe(text);
	});
});
