/**
 * Quiz attempts, saved answer by answer so a reload or a closed tab loses nothing: a row is
 * created when the quiz starts, each answer is one update, and submitting stamps the score.
 * Errors are not caught here; the caller at the edge decides what the learner sees.
 */
import type { AttemptRow, FactdeckDB } from '$lib/db/schema';
import type { Answer } from '$lib/domain/types';

export interface NewAttempt {
	deckId: string;
	kind: AttemptRow['kind'];
	itemIds: string[];
	config: Record<string, unknown>;
	/** Epoch ms. */
	startedAt: number;
	assignmentId?: string;
	student?: string;
	/** Given by tests; a random UUID otherwise. */
	id?: string;
}

/** Creates an unfinished attempt with no answers and returns the stored row. */
export async function createAttempt(db: FactdeckDB, input: NewAttempt): Promise<AttemptRow> {
	const { id, ...rest } = input;
	const row: AttemptRow = {
		...rest,
		id: id ?? crypto.randomUUID(),
		itemIds: [...input.itemIds],
		answers: {},
		submittedAt: null,
		score: null,
		durationMs: null
	};
	await db.attempts.add(row);
	return row;
}

/** One attempt by id. */
export function getAttempt(db: FactdeckDB, id: string): Promise<AttemptRow | undefined> {
	return db.attempts.get(id);
}

/** Writes one answer into an unfinished attempt (one update); throws if there is none. */
export async function saveAnswer(
	db: FactdeckDB,
	attemptId: string,
	itemId: string,
	answer: Answer
): Promise<void> {
	let isFound = false;
	let isOpen = false;
	await db.attempts.update(attemptId, (row) => {
		isFound = true;
		// A submitted attempt is a record of what was handed in; it never changes afterwards.
		if (row.submittedAt !== null) return false;
		isOpen = true;
		// defineProperty, so an item id like "__proto__" stays an ordinary key.
		Object.defineProperty(row.answers, itemId, {
			value: answer,
			enumerable: true,
			writable: true,
			configurable: true
		});
	});
	if (!isFound) throw new Error(`Attempt ${attemptId} is missing`);
	if (!isOpen) throw new Error(`Attempt ${attemptId} is already submitted`);
}

/** The newest unfinished attempt of a deck and kind (self-quizzes by default), if any. */
export async function findUnfinished(
	db: FactdeckDB,
	deckId: string,
	kind: AttemptRow['kind'] = 'self'
): Promise<AttemptRow | undefined> {
	const rows = await db.attempts
		.where('deckId')
		.equals(deckId)
		.filter((row) => row.kind === kind && row.submittedAt === null)
		.toArray();
	return rows.sort((a, b) => b.startedAt - a.startedAt)[0];
}

export interface Submission {
	/** Epoch ms. */
	submittedAt: number;
	/** 0..1 */
	score: number;
	durationMs: number;
}

/** Marks an attempt submitted with its score; throws if it is missing or already submitted. */
export async function submitAttempt(
	db: FactdeckDB,
	attemptId: string,
	submission: Submission
): Promise<void> {
	await db.transaction('rw', db.attempts, async () => {
		const row = await db.attempts.get(attemptId);
		if (!row) throw new Error(`Attempt ${attemptId} is missing`);
		if (row.submittedAt !== null) throw new Error(`Attempt ${attemptId} is already submitted`);
		await db.attempts.update(attemptId, { ...submission });
	});
}

/** Deletes an attempt (a discarded unfinished quiz). */
export function discardAttempt(db: FactdeckDB, attemptId: string): Promise<void> {
	return db.attempts.delete(attemptId);
}

/** A deck's submitted attempts of one kind (self by default), newest first. */
export async function listAttempts(
	db: FactdeckDB,
	deckId: string,
	kind: AttemptRow['kind'] = 'self'
): Promise<AttemptRow[]> {
	const rows = await db.attempts
		.where('deckId')
		.equals(deckId)
		.filter((row) => row.kind === kind && row.submittedAt !== null)
		.toArray();
	return rows.sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0));
}
