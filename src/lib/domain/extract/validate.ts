/**
 * Checks a user's document before extraction: it must be non-empty text, not a binary file,
 * and at most 2 MB.
 */

/** Largest accepted document, in bytes. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Share of control or U+FFFD characters above which text is taken for a binary or mis-encoded file. */
const MAX_GARBAGE_SHARE = 0.02;

export type DocumentCheck = { ok: true } | { ok: false; error: string };

/** Whether `text` (read from a file of `byteSize` bytes) can be turned into facts; else a message for the user. */
export function validateDocumentText(text: string, byteSize: number): DocumentCheck {
	if (byteSize > MAX_DOCUMENT_BYTES) {
		const mb = (byteSize / (1024 * 1024)).toFixed(1);
		return { ok: false, error: `The file is ${mb} MB; documents can be at most 2 MB.` };
	}
	if (text.trim() === '') {
		return { ok: false, error: 'The document is empty: there is no text to make questions from.' };
	}
	if (text.includes('\u0000')) {
		return {
			ok: false,
			error:
				'This looks like a binary file (it contains NUL bytes). Choose a plain-text (.txt) or Markdown (.md) file.'
		};
	}
	let garbage = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || c === 0xfffd)
			garbage++;
	}
	if (garbage > 0 && garbage / text.length > MAX_GARBAGE_SHARE) {
		return {
			ok: false,
			error:
				'This does not look like readable text (too many control or unreadable characters). Choose a UTF-8 plain-text or Markdown file.'
		};
	}
	return { ok: true };
}
