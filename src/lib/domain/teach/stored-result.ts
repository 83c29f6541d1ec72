/**
 * A collected result in the shape it is stored: answers as [itemId, answer] pairs, so nothing a
 * student typed becomes an object key. Plain functions with no schema library, because the
 * database's upgrade to this shape runs on every page's first load.
 */
import type { Answer, StudentResult } from '$lib/domain/types';
import { normaliseName } from '$lib/domain/teach/student-name';

/**
 * An answer as it is stored: a match is a list of [term, meaning] pairs, never an object keyed
 * by a term, so no term ("constructor", say) ever becomes a key in a backup.
 */
export type StoredAnswer = string | boolean | string[] | Array<[string, string]>;

/** A collected result as the gradebook stores it: answers as [itemId, answer] pairs. */
export interface StoredResult {
	v: 2;
	assignmentId: string;
	student: string;
	startedAt: number;
	submittedAt: number;
	answers: Array<[string, StoredAnswer]>;
}

/** An answer in its stored shape. */
export function toStoredAnswer(answer: Answer): StoredAnswer {
	if (typeof answer === 'string' || typeof answer === 'boolean' || Array.isArray(answer)) {
		return answer;
	}
	return Object.entries(answer);
}

/** A stored answer as the grader reads it (a match as an own-key record). */
export function fromStoredAnswer(answer: StoredAnswer): Answer {
	if (Array.isArray(answer) && answer.some((entry) => Array.isArray(entry))) {
		return Object.fromEntries(answer as Array<[string, string]>);
	}
	return answer as Answer;
}

/** A result in the shape the gradebook stores, with the name normalised. */
export function toStoredResult(result: StudentResult | StoredResult): StoredResult {
	if (result.v === 2) return result;
	return {
		v: 2,
		assignmentId: result.assignmentId,
		student: normaliseName(result.student),
		startedAt: result.startedAt,
		submittedAt: result.submittedAt,
		answers: Object.entries(result.answers).map(([id, answer]) => [id, toStoredAnswer(answer)])
	};
}

/** A stored result in the shape the grader reads (answers keyed by item id, own keys only). */
export function fromStoredResult(result: StoredResult | StudentResult): StudentResult {
	if (result.v === 1) return result;
	return {
		v: 1,
		assignmentId: result.assignmentId,
		student: result.student,
		startedAt: result.startedAt,
		submittedAt: result.submittedAt,
		answers: Object.fromEntries(
			result.answers.map(([id, answer]) => [id, fromStoredAnswer(answer)])
		)
	};
}
