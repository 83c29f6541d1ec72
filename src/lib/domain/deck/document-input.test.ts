import { describe, expect, it } from 'vitest';
import {
	checkDocumentInput,
	decodeDocumentBytes,
	sniffEncoding,
	utf8Length
} from '$lib/domain/deck/document-input';
import { MAX_DOCUMENT_BYTES } from '$lib/domain/extract/validate';

const TEXT = 'KFOR entered Kosovo on 12 June 1999 — with 50,000 troops.';

function utf16(text: string, bigEndian: boolean): Uint8Array {
	const bytes = new Uint8Array(2 + text.length * 2);
	bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const [hi, lo] = [c >> 8, c & 0xff];
		bytes.set(bigEndian ? [hi, lo] : [lo, hi], 2 + i * 2);
	}
	return bytes;
}

describe('decodeDocumentBytes', () => {
	it('reads UTF-16 little- and big-endian text by its byte-order mark, without the mark', () => {
		expect(sniffEncoding(utf16(TEXT, false))).toBe('utf-16le');
		expect(decodeDocumentBytes(utf16(TEXT, false))).toBe(TEXT);
		expect(sniffEncoding(utf16(TEXT, true))).toBe('utf-16be');
		expect(decodeDocumentBytes(utf16(TEXT, true))).toBe(TEXT);
	});

	it('reads UTF-8 with or without its mark', () => {
		const plain = new TextEncoder().encode(TEXT);
		expect(decodeDocumentBytes(plain)).toBe(TEXT);
		expect(decodeDocumentBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toBe(TEXT);
	});

	it('turns UTF-16 without a mark into unreadable text, which the check refuses', () => {
		const text = decodeDocumentBytes(utf16(TEXT, false).slice(2));
		const check = checkDocumentInput(text, text.length * 2);
		expect(check.ok).toBe(false);
	});
});

describe('checkDocumentInput', () => {
	it('measures a paste in UTF-8 bytes, like TextEncoder', () => {
		for (const text of [TEXT, 'émigré', '😀 and 中文', 'a\ud800b']) {
			expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
		}
	});

	it('calls a paste over 2 MB a pasted text, never a file', () => {
		const check = checkDocumentInput('a'.repeat(MAX_DOCUMENT_BYTES + 1), undefined);
		expect(check).toEqual({
			ok: false,
			error: expect.stringMatching(/^The pasted text is 2\.0 MB/)
		});
		expect(check.ok || check.error).not.toMatch(/file/);
	});

	it('names a file over 2 MB as a file, by its own size', () => {
		const check = checkDocumentInput('small', MAX_DOCUMENT_BYTES + 1);
		expect(check.ok || check.error).toMatch(/The file is/);
	});

	it('accepts a paste of exactly 2 MB', () => {
		expect(checkDocumentInput('a'.repeat(MAX_DOCUMENT_BYTES), undefined)).toEqual({ ok: true });
	});
});
