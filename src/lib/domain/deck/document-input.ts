/**
 * How a learner's document comes in before any analysis: the bytes of a file decoded by the
 * encoding its byte-order mark names (UTF-8 by default), and a pasted text measured as a paste,
 * not as a file.
 */
import { MAX_DOCUMENT_BYTES, validateDocumentText } from '$lib/domain/extract/validate';

export type DocumentEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark at the start of `bytes` names, or UTF-8 without one. */
export function sniffEncoding(bytes: Uint8Array): DocumentEncoding {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return 'utf-8';
}

/**
 * A file's text: UTF-16 with a byte-order mark (what Windows Notepad saves as "Unicode") is read
 * as UTF-16, anything else as UTF-8; the mark itself is dropped. Invalid bytes become U+FFFD,
 * which the document check counts as unreadable.
 */
export function decodeDocumentBytes(bytes: Uint8Array): string {
	return new TextDecoder(sniffEncoding(bytes)).decode(bytes);
}

/** The size of a text as UTF-8 bytes, without building the encoded copy. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				bytes += 4;
				i++;
			} else bytes += 3;
		} else bytes += 3;
	}
	return bytes;
}

export type InputCheck = { ok: true } | { ok: false; error: string };

/**
 * Whether a document can go to the generator: a file's own size (`fileBytes`, bytes) when it came
 * from a file and was not changed since, else the text is a paste and is measured and named so.
 */
export function checkDocumentInput(text: string, fileBytes: number | undefined): InputCheck {
	if (fileBytes !== undefined) return validateDocumentText(text, fileBytes);
	const bytes = utf8Length(text);
	if (bytes > MAX_DOCUMENT_BYTES) {
		const mb = (bytes / (1024 * 1024)).toFixed(1);
		return {
			ok: false,
			error: `The pasted text is ${mb} MB; a document can be at most 2 MB. Paste a part of it, or split it into several decks.`
		};
	}
	return validateDocumentText(text, bytes);
}
