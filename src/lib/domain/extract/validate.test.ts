import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, validateDocumentText } from './validate.ts';

describe('validateDocumentText', () => {
	it('accepts ordinary text and Markdown', () => {
		expect(
			validateDocumentText('# Title\n\nKFOR moved in on 12 June 1999.\tTabs are fine.', 50)
		).toEqual({ ok: true });
	});

	it.each([
		['', /empty/],
		['   \n\t  \n', /empty/],
		['PK\u0003\u0004\u0000\u0000binary', /binary/],
		['\u0001\u0002\u0003\u0004\u0005abc', /readable text/],
		['text \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd', /readable text/]
	])('rejects %j with a clear message', (text, message) => {
		const result = validateDocumentText(text, text.length);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});

	it('rejects a file over 2 MB, saying how big it is', () => {
		const result = validateDocumentText('short', MAX_DOCUMENT_BYTES + 1);
		expect(result).toEqual({
			ok: false,
			error: 'The file is 2.0 MB; documents can be at most 2 MB.'
		});
		expect(validateDocumentText('short', MAX_DOCUMENT_BYTES)).toEqual({ ok: true });
	});

	it('tolerates a stray unreadable character in a long text', () => {
		expect(validateDocumentText(`${'word '.repeat(200)}\ufffd`, 1001)).toEqual({ ok: true });
	});
});
