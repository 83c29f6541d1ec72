/**
 * How results reach the teacher: pasted codes and links (one or many, possibly wrapped by a
 * mail client), and the `.json` files students download. Pure: parsing only; decoding and
 * checking are the result codec's job.
 */
import type { StudentResult } from '$lib/domain/types';

/** The `format` field of a result file, so other JSON files are told apart. */
export const RESULT_FILE_FORMAT = 'factdeck-result';

/** A token that starts a new code: a link, a code, or a fragment. */
const CODE_START = /^(?:https?:\/\/|FD\d|#?r=)/i;

/**
 * Splits pasted text into codes. Codes never contain spaces, so whitespace separates them;
 * a piece that does not look like the start of a code is the rest of the previous one, which a
 * mail client wrapped onto the next line.
 */
export function splitCodes(text: string): string[] {
	const codes: string[] = [];
	for (const token of text.split(/\s+/)) {
		if (!token) continue;
		if (codes.length === 0 || CODE_START.test(token)) codes.push(token);
		else codes[codes.length - 1] += token;
	}
	return codes;
}

export interface ResultFile {
	format: typeof RESULT_FILE_FORMAT;
	v: 1;
	assignmentTitle: string;
	student: string;
	/** ISO 8601, for a person reading the file; the code is what counts. */
	submittedAt: string;
	code: string;
}

/** The contents of the `.json` file a student hands in: readable fields and the code. */
export function resultFileText(
	result: StudentResult,
	assignmentTitle: string,
	code: string
): string {
	const file: ResultFile = {
		format: RESULT_FILE_FORMAT,
		v: 1,
		assignmentTitle,
		student: result.student,
		submittedAt: new Date(result.submittedAt).toISOString(),
		code
	};
	return JSON.stringify(file, null, 2) + '\n';
}

/** The file name for a result file: the codec's safe name, as `.json`. */
export function resultJsonName(textName: string): string {
	return textName.replace(/\.txt$/, '') + '.json';
}

export type FileCodes = { ok: true; codes: string[] } | { ok: false; error: string };

function codeOf(value: unknown): string | null {
	if (typeof value !== 'object' || value === null) return null;
	const code = (value as { code?: unknown }).code;
	return typeof code === 'string' ? code : null;
}

/**
 * The result codes in a file: a Factdeck result file (or a JSON list of them), or plain text
 * holding codes or links. Anything else is an error naming the file.
 */
export function codesFromFile(name: string, text: string): FileCodes {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (!trimmed) return { ok: false, error: `${name} is empty.` };
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		let value: unknown;
		try {
			value = JSON.parse(trimmed);
		} catch {
			return {
				ok: false,
				error: `${name} is not a complete result file (its JSON is cut off or damaged).`
			};
		}
		const list = Array.isArray(value) ? value : [value];
		const codes = list.map(codeOf);
		if (codes.length === 0 || codes.some((code) => code === null)) {
			return { ok: false, error: `${name} is not a Factdeck result file.` };
		}
		return { ok: true, codes: codes as string[] };
	}
	const codes = splitCodes(trimmed);
	return codes.length > 0 ? { ok: true, codes } : { ok: false, error: `${name} is empty.` };
}
