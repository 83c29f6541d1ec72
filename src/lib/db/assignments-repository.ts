/**
 * Reads and writes of teacher assignments, collected student results, and a student's own
 * assignment attempts on their device. Every function takes the database first, so tests pass
 * their own fresh instance. Errors are not caught here; the caller at the edge decides what the
 * teacher or student sees.
 */
import type { AssignmentRow, AttemptRow, FactdeckDB, ResultRow } from '$lib/db/schema';
import type { Answer, AnswerOverride, Assignment } from '$lib/domain/types';
import type { StoredResult } from '$lib/domain/teach/result-codec';
import { normalizeStudentName } from '$lib/domain/quiz/quiz-assembly';
import { setOwnKey } from '$lib/domain/own-key';

/** Saves (or replaces) an assignment in the teacher's list. */
export async function saveAssignment(db: FactdeckDB, assignment: Assignment): Promise<void> {
	await db.assignments.put({ id: assignment.id, createdAt: assignment.createdAt, assignment });
}

/**
 * Replaces the teacher's overrides kept with an assignment; returns the assignment as stored,
 * or undefined when it is no longer saved.
 */
export async function saveOverrides(
	db: FactdeckDB,
	assignmentId: string,
	overrides: AnswerOverride[]
): Promise<Assignment | undefined> {
	return db.transaction('rw', db.assignments, async () => {
		const row = await db.assignments.get(assignmentId);
		if (!row) return undefined;
		const assignment: Assignment = { ...row.assignment, overrides };
		if (overrides.length === 0) delete assignment.overrides;
		await db.assignments.put({ ...row, assignment });
		return assignment;
	});
}

/** The teacher's assignments, newest first. */
export function listAssignments(db: FactdeckDB): Promise<AssignmentRow[]> {
	return db.assignments.orderBy('createdAt').reverse().toArray();
}

/** One saved assignment, or undefined when this browser does not hold it. */
export async function getAssignment(db: FactdeckDB, id: string): Promise<Assignment | undefined> {
	return (await db.assignments.get(id))?.assignment;
}

/** Deletes an assignment and every result collected for it, in one transaction. */
export async function deleteAssignment(db: FactdeckDB, id: string): Promise<void> {
	await db.transaction('rw', db.assignments, db.results, async () => {
		await db.results.where('assignmentId').equals(id).delete();
		await db.assignments.delete(id);
	});
}

/** How many results were collected per assignment id, read from the index keys only. */
export async function countResultsByAssignment(db: FactdeckDB): Promise<Map<string, number>> {
	const keys = await db.results.orderBy('assignmentId').keys();
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
	return counts;
}

export interface IncomingResult {
	/** `resultId(result)`: the same submission always has the same id. */
	id: string;
	result: StoredResult;
}

export interface SaveResultsOutcome {
	/** Ids written now. */
	added: string[];
	/** Ids that were already stored (or repeated in this batch); nothing was overwritten. */
	duplicates: string[];
}

/**
 * Stores results that are not stored yet, in one transaction; a result already held is never
 * overwritten, so re-importing cannot change what was collected (`receivedAt` in epoch ms).
 */
export async function saveResults(
	db: FactdeckDB,
	incoming: readonly IncomingResult[],
	receivedAt: number
): Promise<SaveResultsOutcome> {
	return db.transaction('rw', db.results, async () => {
		const existing = await db.results.bulkGet(incoming.map((entry) => entry.id));
		const seen = new Set<string>();
		const rows: ResultRow[] = [];
		const duplicates: string[] = [];
		incoming.forEach((entry, index) => {
			if (existing[index] || seen.has(entry.id)) {
				duplicates.push(entry.id);
				return;
			}
			seen.add(entry.id);
			rows.push({
				id: entry.id,
				assignmentId: entry.result.assignmentId,
				student: entry.result.student,
				receivedAt,
				result: entry.result
			});
		});
		await db.results.bulkAdd(rows);
		return { added: rows.map((row) => row.id), duplicates };
	});
}

/** The results collected for one assignment, oldest received first. */
export async function listResults(db: FactdeckDB, assignmentId: string): Promise<ResultRow[]> {
	const rows = await db.results.where('assignmentId').equals(assignmentId).toArray();
	return rows.sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
}

/** Ids of the results already collected for one assignment. */
export async function resultIds(db: FactdeckDB, assignmentId: string): Promise<Set<string>> {
	const keys = await db.results.where('assignmentId').equals(assignmentId).primaryKeys();
	return new Set(keys);
}

/** Removes one collected result. */
export async function deleteResult(db: FactdeckDB, id: string): Promise<void> {
	await db.results.delete(id);
}

/**
 * The attempt id of one student on one assignment on this device: the name is normalised, so
 * "Ana " and "ana" resume the same attempt, and two names never share one.
 */
export function studentAttemptId(assignmentId: string, student: string): string {
	return `assignment/${assignmentId}/${normalizeStudentName(student)}`;
}

/** The attempt of one student on one assignment, if they started it on this device. */
export function getStudentAttempt(
	db: FactdeckDB,
	assignmentId: string,
	student: string
): Promise<AttemptRow | undefined> {
	return db.attempts.get(studentAttemptId(assignmentId, student));
}

/** Every assignment attempt on this device for one assignment, most recently started first. */
export async function listStudentAttempts(
	db: FactdeckDB,
	assignmentId: string
): Promise<AttemptRow[]> {
	const rows = await db.attempts.where('assignmentId').equals(assignmentId).toArray();
	return rows.filter((row) => row.kind === 'assignment').sort((a, b) => b.startedAt - a.startedAt);
}

export interface NewStudentAttempt {
	assignment: Assignment;
	student: string;
	/** Item ids in the order this student is asked them. */
	itemIds: string[];
	/** Epoch ms. */
	startedAt: number;
}

/**
 * Starts a student's attempt, or returns the one already started under the same name, so a
 * second tab or a reload never restarts the clock or loses answers.
 */
export async function startStudentAttempt(
	db: FactdeckDB,
	start: NewStudentAttempt
): Promise<AttemptRow> {
	const id = studentAttemptId(start.assignment.id, start.student);
	return db.transaction('rw', db.attempts, async () => {
		const existing = await db.attempts.get(id);
		if (existing) return existing;
		const row: AttemptRow = {
			id,
			deckId: start.assignment.deckId,
			kind: 'assignment',
			assignmentId: start.assignment.id,
			student: start.student.trim(),
			itemIds: start.itemIds,
			answers: {},
			config: {
				timeLimitMinutes: start.assignment.timeLimitMinutes,
				feedback: start.assignment.feedback,
				shuffle: start.assignment.shuffle
			},
			startedAt: start.startedAt,
			submittedAt: null,
			score: null,
			durationMs: null
		};
		await db.attempts.add(row);
		return row;
	});
}

/** Replaces the saved answers of an attempt still in progress; a submitted one is left alone. */
export async function saveAttemptAnswers(
	db: FactdeckDB,
	attemptId: string,
	answers: Record<string, Answer>
): Promise<void> {
	await db.attempts
		.where('id')
		.equals(attemptId)
		.and((row) => row.submittedAt === null)
		.modify({ answers });
}

/**
 * Writes (or, with `answer` undefined, clears) the answer to one item of an attempt still in
 * progress, in one transaction, leaving the other items as stored: two tabs of one student each
 * keep the answers they gave. Returns the row as stored afterwards (a submitted one unchanged),
 * or undefined when it is gone.
 */
export async function saveAttemptAnswer(
	db: FactdeckDB,
	attemptId: string,
	itemId: string,
	answer: Answer | undefined
): Promise<AttemptRow | undefined> {
	return db.transaction('rw', db.attempts, async () => {
		const row = await db.attempts.get(attemptId);
		if (!row || row.submittedAt !== null) return row;
		const answers = { ...row.answers };
		if (answer === undefined) delete answers[itemId];
		else setOwnKey(answers, itemId, answer);
		const saved: AttemptRow = { ...row, answers };
		await db.attempts.put(saved);
		return saved;
	});
}

/**
 * Submits an attempt once, in one transaction, with the answers and score `finalise` works out
 * from the row as stored (so answers saved by another tab count). An attempt already submitted
 * (in another tab) is returned as it is with `isNew` false; a missing one throws.
 */
export async function submitStudentAttemptOnce(
	db: FactdeckDB,
	attemptId: string,
	submittedAt: number,
	finalise: (row: AttemptRow) => { answers: Record<string, Answer>; score: number }
): Promise<{ row: AttemptRow; isNew: boolean }> {
	return db.transaction('rw', db.attempts, async () => {
		const row = await db.attempts.get(attemptId);
		if (!row) throw new Error('This attempt is no longer saved on this device.');
		if (row.submittedAt !== null) return { row, isNew: false };
		const { answers, score } = finalise(row);
		const done: AttemptRow = {
			...row,
			answers,
			submittedAt,
			score,
			durationMs: Math.max(0, submittedAt - row.startedAt)
		};
		await db.attempts.put(done);
		return { row: done, isNew: true };
	});
}

/**
 * Marks an attempt submitted with its final answers and graded score (0..1); submitting twice
 * keeps the first submission. Returns the row as stored.
 */
export async function submitStudentAttempt(
	db: FactdeckDB,
	attemptId: string,
	answers: Record<string, Answer>,
	submittedAt: number,
	score: number
): Promise<AttemptRow> {
	return db.transaction('rw', db.attempts, async () => {
		const row = await db.attempts.get(attemptId);
		if (!row) throw new Error('This attempt is no longer saved on this device.');
		if (row.submittedAt !== null) return row;
		const done: AttemptRow = {
			...row,
			answers,
			submittedAt,
			score,
			durationMs: Math.max(0, submittedAt - row.startedAt)
		};
		await db.attempts.put(done);
		return done;
	});
}
