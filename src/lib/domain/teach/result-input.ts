/**
 * How results reach the teacher: pasted codes and links (one or many, possibly wrapped by a
 * mail client), and the `.json` files students download. Pure: parsing only; decoding and
 * checking are the result codec's job.
 */
import type { StoredResult } from '$lib/domain/teach/result-codec';
import type { StudentResult } from '$lib/domain/types';

/** The `format` field of a result file, so other JSON files are told apart. */
export const RESULT_FILE_FORMAT = 'factdeck-result';

const HEADER = /^FD\d{1,9}\.[a-z]\.([0-9a-z]{1,8})\.[0-9a-f]{8}\./;
const PAYLOAD_CHAR = /[A-Za-z0-9_-]/;
/** A line break with what mail and chat put before a wrapped or quoted line ("> ", "| "). */
const WRAP = /^[ \t]*\r?\n(?:[ \t]*[>|][ \t]?)*[ \t]*/;

/**
 * Every Factdeck code in a piece of text: an e-mail, a chat log, several links at once. A code
 * starts at "FD<version>." and its header says how long its payload is, so the payload is read
 * to exactly that length across the line breaks (and "> " quote marks) a mail client adds, and
 * never swallows the word after it. A code cut short comes back short, for the decoder to call
 * incomplete; a code whose header was changed comes back to the next space, to be called damaged.
 */
export function findCodes(text: string): string[] {
	const codes: string[] = [];
	const starts = /FD\d{1,9}\./g;
	let match: RegExpExecArray | null;
	let from = 0;
	while ((match = starts.exec(text))) {
		if (match.index < from) continue;
		// "FD" inside a longer word (or a base64 payload) is not the start of a code.
		// "%3D" is a percent-encoded "=", as mail safety services rewrite "#r=".
		const before = text.slice(Math.max(0, match.index - 3), match.index);
		if (/[A-Za-z0-9]$/.test(before) && !/%3d$/i.test(before)) continue;
		const rest = text.slice(match.index);
		const header = HEADER.exec(rest);
		if (!header) {
			const token = /^\S+/.exec(rest)?.[0] ?? '';
			codes.push(token.replace(/[.,;:!?)\]}>'"»”’]+$/, ''));
			from = match.index + token.length;
			starts.lastIndex = from;
			continue;
		}
		const length = parseInt(header[1], 36);
		let code = header[0];
		let i = header[0].length;
		let taken = 0;
		while (taken < length && i < rest.length) {
			if (PAYLOAD_CHAR.test(rest[i])) {
				code += rest[i++];
				taken++;
				continue;
			}
			const wrap = WRAP.exec(rest.slice(i, i + 40));
			if (!wrap || wrap[0].length === 0) break;
			i += wrap[0].length;
		}
		codes.push(code);
		from = match.index + i;
		starts.lastIndex = from;
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
	result: StudentResult | StoredResult,
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
	const codes = findCodes(trimmed);
	return codes.length > 0
		? { ok: true, codes }
		: { ok: false, error: `${name} holds no result code.` };
}
