import { z } from 'zod';
import type { Answer, Assignment, Item, StudentResult } from '$lib/domain/types';
import { decodeFrame, encodeBytes, fnv1a32, messages, type Result } from '$lib/domain/codec';
import {
	describeIssues,
	isNewerFormat,
	MAX_ASSIGNMENT_ITEMS
} from '$lib/domain/teach/assignment-codec';
import { ByteReader, ByteWriter } from '$lib/domain/teach/bytes';
import { MAX_NAME_LENGTH, nameProblem, normaliseName } from '$lib/domain/teach/student-name';
import {
	fromStoredResult,
	toStoredResult,
	type StoredAnswer,
	type StoredResult
} from '$lib/domain/teach/stored-result';

export {
	fromStoredAnswer,
	fromStoredResult,
	toStoredAnswer,
	toStoredResult,
	type StoredAnswer,
	type StoredResult
} from '$lib/domain/teach/stored-result';

const key = z.string().min(1).max(1000);
const answerText = z.string().max(5000);

/** The latest time `Date` can show (epoch ms); anything later breaks every date on a page. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;
/** No Factdeck result or assignment can be older than the app (2024-01-01, epoch ms). */
export const APP_EPOCH_MS = Date.UTC(2024, 0, 1);
/** How far ahead of the teacher's clock a student's clock may run (ms). */
export const CLOCK_SKEW_MS = 24 * 3_600_000;

/** An epoch-ms time a Factdeck build could have written. */
export const epochMsSchema = z
	.number()
	.int()
	.min(APP_EPOCH_MS, { message: 'is before Factdeck existed' })
	.max(MAX_EPOCH_MS, { message: 'is later than any date a browser can show' });

/** One answer as a student's browser gives it (see `Answer`); nothing else is accepted. */
export const answerSchema = z.union([
	answerText,
	z.boolean(),
	z.array(answerText).max(30),
	z.record(key, answerText).refine((record) => Object.keys(record).length <= 30, {
		message: 'Too many matches'
	})
]) satisfies z.ZodType<Answer>;

const storedAnswerSchema = z.union([
	answerText,
	z.boolean(),
	z.array(answerText).max(30),
	z.array(z.tuple([key, answerText])).max(30)
]);

const studentName = z
	.string()
	.max(200)
	.refine((name) => nameProblem(name) === null && normaliseName(name) === name, {
		message: 'is not a usable name (empty, too long, or with hidden characters)'
	});

const resultFields = {
	assignmentId: z.string().min(1).max(200),
	student: studentName,
	startedAt: epochMsSchema,
	submittedAt: epochMsSchema
};

const submittedAfterStart = {
	check: (result: { startedAt: number; submittedAt: number }) =>
		result.submittedAt >= result.startedAt,
	message: { message: 'is before the result was started', path: ['submittedAt'] }
};

/** A version-1 result (JSON codes and older backups): answers keyed by item id. */
const legacyResultSchema = z
	.strictObject({
		v: z.literal(1),
		...resultFields,
		student: z.string().max(200),
		answers: z
			.record(z.string().min(1).max(200), answerSchema)
			.refine((answers) => Object.keys(answers).length <= MAX_ASSIGNMENT_ITEMS, {
				message: 'Too many answers'
			})
	})
	.refine(submittedAfterStart.check, submittedAfterStart.message);

const storedSchema = z
	.strictObject({
		v: z.literal(2),
		...resultFields,
		answers: z
			.array(z.tuple([z.string().min(1).max(200), storedAnswerSchema]))
			.max(MAX_ASSIGNMENT_ITEMS)
	})
	.refine(submittedAfterStart.check, submittedAfterStart.message)
	.refine((result) => new Set(result.answers.map(([id]) => id)).size === result.answers.length, {
		message: 'answers the same question twice',
		path: ['answers']
	});

/**
 * A stored result, strictly checked; a version-1 result is read and turned into the stored
 * shape (its name normalised). There is no score field: the teacher regrades from the answers.
 */
export const studentResultSchema = z.discriminatedUnion('v', [
	storedSchema,
	legacyResultSchema.transform(toStoredResult).pipe(storedSchema)
]) satisfies z.ZodType<StoredResult, unknown>;

/*
 * The compact result layout (frame version 2), in bytes:
 *   layout (0) · assignment id · name · started (s since epoch) · took (s) · slot count ·
 *   one slot per question of the assignment, in the assignment's own order.
 * A slot is a tag and what it needs: a choice is one byte, so 20 choices take 20 bytes.
 */
const TAG = { blank: 0, no: 1, yes: 2, text: 3, list: 4, pairs: 5, indices: 6, choice: 7 } as const;
const MAX_SLOT_TEXT_BYTES = 20_000;

function writeSlot(out: ByteWriter, item: Item, answer: Answer | undefined): void {
	if (answer === undefined) {
		out.uint(TAG.blank);
		return;
	}
	if (typeof answer === 'boolean') {
		out.uint(answer ? TAG.yes : TAG.no);
		return;
	}
	if (typeof answer === 'string') {
		const choices = item.type === 'mcq' ? item.options : item.type === 'truefalse' ? TF : null;
		const index = choices ? choices.indexOf(answer) : -1;
		if (index >= 0) out.uint(TAG.choice + index);
		else out.uint(TAG.text).text(answer);
		return;
	}
	if (Array.isArray(answer)) {
		const options = item.type === 'order' ? item.options : [];
		const indices = answer.map((event) => options.indexOf(event));
		if (indices.length > 0 && indices.every((i) => i >= 0)) {
			out.uint(TAG.indices).uint(indices.length);
			for (const i of indices) out.uint(i);
		} else {
			out.uint(TAG.list).uint(answer.length);
			for (const event of answer) out.text(event);
		}
		return;
	}
	const entries = Object.entries(answer);
	if (item.type === 'match') {
		const terms = item.answer.map((pair) => pair.term);
		const fits = entries.every(
			([term, meaning]) => terms.includes(term) && item.options.includes(meaning)
		);
		if (fits) {
			out.uint(TAG.indices).uint(terms.length);
			for (const term of terms) {
				out.uint(Object.hasOwn(answer, term) ? item.options.indexOf(answer[term]) + 1 : 0);
			}
			return;
		}
	}
	out.uint(TAG.pairs).uint(entries.length);
	for (const [term, meaning] of entries) out.text(term).text(meaning);
}

const TF = ['True', 'False'];

function readSlot(input: ByteReader, item: Item): StoredAnswer | undefined | null {
	const tag = input.uint();
	switch (tag) {
		case TAG.blank:
			return undefined;
		case TAG.no:
			return false;
		case TAG.yes:
			return true;
		case TAG.text:
			return input.text(MAX_SLOT_TEXT_BYTES);
		case TAG.list: {
			const count = input.uint();
			if (count > 30) return null;
			return Array.from({ length: count }, () => input.text(MAX_SLOT_TEXT_BYTES));
		}
		case TAG.pairs: {
			const count = input.uint();
			if (count > 30) return null;
			return Array.from({ length: count }, (): [string, string] => [
				input.text(MAX_SLOT_TEXT_BYTES),
				input.text(MAX_SLOT_TEXT_BYTES)
			]);
		}
		case TAG.indices: {
			const count = input.uint();
			if (count > 30) return null;
			const indices = Array.from({ length: count }, () => input.uint());
			if (item.type === 'order') {
				if (indices.some((i) => i >= item.options.length)) return null;
				return indices.map((i) => item.options[i]);
			}
			if (item.type === 'match' && count === item.answer.length) {
				if (indices.some((i) => i > item.options.length)) return null;
				return item.answer.flatMap((pair, k): Array<[string, string]> =>
					indices[k] > 0 ? [[pair.term, item.options[indices[k] - 1]]] : []
				);
			}
			return null;
		}
		default: {
			const choice = tag - TAG.choice;
			const choices = item.type === 'mcq' ? item.options : item.type === 'truefalse' ? TF : [];
			return choice < choices.length ? choices[choice] : null;
		}
	}
}

/**
 * Encodes a student's result compactly against its assignment: a choice is an index, the
 * times are seconds. Twenty multiple-choice answers make a code of about 90 characters.
 */
export function encodeResult(result: StudentResult, assignment: Assignment): string {
	const startedS = Math.floor(result.startedAt / 1000);
	const out = new ByteWriter()
		.uint(0)
		.text(result.assignmentId)
		.text(normaliseName(result.student))
		.uint(startedS)
		.uint(Math.max(0, Math.floor(result.submittedAt / 1000) - startedS))
		.uint(assignment.items.length);
	for (const item of assignment.items) {
		const answer = Object.hasOwn(result.answers, item.id) ? result.answers[item.id] : undefined;
		writeSlot(out, item, answer);
	}
	return encodeBytes('result', out.toBytes());
}

/** The times the code may carry, given the teacher's clock (epoch ms). */
function timeProblem(result: StoredResult, now: number): string | null {
	if (result.submittedAt > now + CLOCK_SKEW_MS) return 'submittedAt: is in the future';
	if (result.startedAt > now + CLOCK_SKEW_MS) return 'startedAt: is in the future';
	return null;
}

function refuse(error: string): Result<StoredResult> {
	return { ok: false, error };
}

/** A compact code that broke while reading `field`: the message names the field. */
function unreadableField(field: string): Result<StoredResult> {
	return refuse(`This code is damaged: its ${field} cannot be read.`);
}

function readCompact(bytes: Uint8Array, assignment: Assignment): Result<StoredResult> {
	const input = new ByteReader(bytes);
	const layout = input.uint();
	if (input.isBroken) return unreadableField('layout');
	if (layout !== 0) return refuse(messages.newer('result'));
	const assignmentId = input.text(800);
	if (input.isBroken) return unreadableField('assignmentId');
	const rawName = input.text(MAX_NAME_LENGTH * 8);
	if (input.isBroken) return unreadableField('student');
	const startedS = input.uint();
	if (input.isBroken) return unreadableField('startedAt');
	const tookS = input.uint();
	if (input.isBroken) return unreadableField('submittedAt');
	const startedAt = startedS * 1000;
	const head = {
		v: 2 as const,
		assignmentId,
		student: normaliseName(rawName),
		startedAt,
		submittedAt: startedAt + tookS * 1000
	};
	// A result for another assignment is sorted as such; its answers cannot be read without it.
	if (assignmentId !== assignment.id) return { ok: true, value: { ...head, answers: [] } };
	const count = input.uint();
	if (input.isBroken) return unreadableField('answers');
	if (count !== assignment.items.length) {
		return refuse('This code does not match the questions of this assignment (answers).');
	}
	const answers: Array<[string, StoredAnswer]> = [];
	for (const [index, item] of assignment.items.entries()) {
		const answer = readSlot(input, item);
		if (answer === null || input.isBroken) return unreadableField(`answers ${index + 1}`);
		if (answer !== undefined) answers.push([item.id, answer]);
	}
	if (!input.isAtEnd) return unreadableField('answers (bytes after the last one)');
	return { ok: true, value: { ...head, answers } };
}

function validated(value: unknown, now: number): Result<StoredResult> {
	const parsed = studentResultSchema.safeParse(value);
	if (!parsed.success) {
		return refuse(`This code does not hold a valid result (${describeIssues(parsed.error)}).`);
	}
	const problem = timeProblem(parsed.data, now);
	if (problem) return refuse(`This code does not hold a valid result (${problem}).`);
	return { ok: true, value: parsed.data };
}

/**
 * Decodes and strictly validates a result code or result link against the assignment it is
 * for (`now` in epoch ms bounds its times); never throws. A result for another assignment comes
 * back with no answers, so it can be named.
 */
export async function decodeResult(
	input: string,
	assignment: Assignment,
	now: number
): Promise<Result<StoredResult>> {
	const frame = await decodeFrame('result', input);
	if (!frame.ok) return frame;
	if (frame.value.version === 2) {
		const read = readCompact(frame.value.bytes, assignment);
		return read.ok ? validated(read.value, now) : read;
	}
	if (isNewerFormat(frame.value.value, 1)) {
		return refuse('This code was made by a newer version of Factdeck.');
	}
	return validated(frame.value.value, now);
}

/** The link a student sends back; it opens the teacher's gradebook for that assignment. */
export function resultLink(origin: string, assignmentId: string, encoded: string): string {
	return `${origin.replace(/\/+$/, '')}/teach/${encodeURIComponent(assignmentId)}#r=${encoded}`;
}

/** JSON with object keys sorted at every level, so equal results serialise equally. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record).sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A stable id for a result (16 hex digits): two FNV-1a 32 hashes with different seeds of its
 * canonical JSON in the version-1 shape, so the same submission imported twice (as code, link
 * or file) is recognised, and a row stored before answers became pairs keeps its id.
 */
export function resultId(result: StudentResult | StoredResult): string {
	const json = canonicalJson(fromStoredResult(result));
	return fnv1a32(json) + fnv1a32(json, 0x050c5d1f);
}

function slug(text: string, fallback: string): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return s || fallback;
}

/** A safe, distinct file name for a saved result code, e.g. `factdeck-result-ana-b-3f2a9c1d.txt`. */
export function resultFileName(result: StudentResult | StoredResult): string {
	return `factdeck-result-${slug(result.student, 'student')}-${resultId(result).slice(0, 8)}.txt`;
}

export type ImportOutcome =
	| { status: 'accepted'; id: string; result: StoredResult; message: string }
	| { status: 'duplicate'; id: string; result: StoredResult; message: string }
	| { status: 'wrong-assignment'; id: string; result: StoredResult; message: string };

/**
 * Sorts incoming results for an assignment: accepted, already imported (by `resultId`, also
 * within this batch), or for another assignment. Already-validated results only; nothing is
 * graded here.
 */
export function importResults(
	assignment: Assignment,
	incoming: readonly StoredResult[],
	existingIds: ReadonlySet<string>
): ImportOutcome[] {
	const seen = new Set(existingIds);
	return incoming.map((result) => {
		const id = resultId(result);
		if (result.assignmentId !== assignment.id) {
			return {
				status: 'wrong-assignment',
				id,
				result,
				message: `${result.student}'s result is for another assignment, not “${assignment.title}”.`
			};
		}
		if (seen.has(id)) {
			return {
				status: 'duplicate',
				id,
				result,
				message: `${result.student}'s result was already imported.`
			};
		}
		seen.add(id);
		return {
			status: 'accepted',
			id,
			result,
			message: `${result.student}'s result was added.`
		};
	});
}
