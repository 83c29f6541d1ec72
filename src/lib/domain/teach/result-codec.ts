import { z } from 'zod';
import type { Answer, Assignment, StudentResult } from '$lib/domain/types';
import { decode, encode, fnv1a32, type Result } from '$lib/domain/codec';
import {
	describeIssues,
	isNewerFormat,
	MAX_ASSIGNMENT_ITEMS
} from '$lib/domain/teach/assignment-codec';

const key = z.string().min(1).max(1000);
const answerText = z.string().max(5000);

/** One answer as a student's browser sends it (see `Answer`); nothing else is accepted. */
export const answerSchema = z.union([
	answerText,
	z.boolean(),
	z.array(answerText).max(30),
	z.record(key, answerText).refine((record) => Object.keys(record).length <= 30, {
		message: 'Too many matches'
	})
]) satisfies z.ZodType<Answer>;

/**
 * A student's submission. There is no score field: the teacher regrades from the answers, and
 * a forged `score` (or any other unknown key) makes the whole result invalid.
 */
export const studentResultSchema = z
	.strictObject({
		v: z.literal(1),
		assignmentId: z.string().min(1).max(200),
		student: z
			.string()
			.max(200)
			.refine((name) => name.trim().length > 0, { message: 'The name is empty' }),
		startedAt: z.number().int().min(0),
		submittedAt: z.number().int().min(0),
		answers: z
			.record(z.string().min(1).max(200), answerSchema)
			.refine((answers) => Object.keys(answers).length <= MAX_ASSIGNMENT_ITEMS, {
				message: 'Too many answers'
			})
	})
	.refine((result) => result.submittedAt >= result.startedAt, {
		message: 'submitted before it was started',
		path: ['submittedAt']
	}) satisfies z.ZodType<StudentResult>;

/** Encodes a student's result as a short URL-safe code (async: compression is streamed). */
export async function encodeResult(result: StudentResult): Promise<string> {
	return encode('result', result);
}

/** Decodes and strictly validates a result code or result link; never throws. */
export async function decodeResult(input: string): Promise<Result<StudentResult>> {
	const decoded = await decode('result', input);
	if (!decoded.ok) return decoded;
	if (isNewerFormat(decoded.value, 1)) {
		return { ok: false, error: 'This code was made by a newer version of Factdeck.' };
	}
	const parsed = studentResultSchema.safeParse(decoded.value);
	if (!parsed.success) {
		return {
			ok: false,
			error: `This code does not hold a valid result (${describeIssues(parsed.error)}).`
		};
	}
	return { ok: true, value: parsed.data };
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
 * canonical JSON, so the same submission imported twice (as code, link or file) is recognised.
 */
export function resultId(result: StudentResult): string {
	const json = canonicalJson(result);
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
export function resultFileName(result: StudentResult): string {
	return `factdeck-result-${slug(result.student, 'student')}-${resultId(result).slice(0, 8)}.txt`;
}

export type ImportOutcome =
	| { status: 'accepted'; id: string; result: StudentResult; message: string }
	| { status: 'duplicate'; id: string; result: StudentResult; message: string }
	| { status: 'wrong-assignment'; id: string; result: StudentResult; message: string };

/**
 * Sorts incoming results for an assignment: accepted, already imported (by `resultId`, also
 * within this batch), or for another assignment. Already-validated results only; nothing is
 * graded here.
 */
export function importResults(
	assignment: Assignment,
	incoming: readonly StudentResult[],
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
