/**
 * Quiz attempts, saved answer by answer so a reload or a closed tab loses nothing: a row is
 * created when the quiz starts, each answer is one update, and submitting stamps the score.
 * Errors are not caught here; the caller at the edge decides what the learner sees.
 */
import type { AttemptRow, FactdeckDB } from '$lib/db/schema';
import type { Answer } from '$lib/domain/types';
import { setOwnKey } from '$lib/domain/own-key';

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
		setOwnKey(row.answers, itemId, answer);
	});
	if (!isFound) throw new Error(`Attempt ${attemptId} is missing`);
	if (!isOpen) throw new Error(`Attempt ${attemptId} is already submitted`);
}

/** What became of an answer given in one tab to an attempt that may be open in others too. */
export type FirstAnswer =
	| { outcome: 'saved'; row: AttemptRow }
	/** Another tab answered this item first; its answer is kept. */
	| { outcome: 'taken'; row: AttemptRow }
	/** The attempt was submitted (in another tab); nothing was written. */
	| { outcome: 'submitted'; row: AttemptRow }
	/** The attempt is gone (discarded in another tab). */
	| { outcome: 'missing' };

/**
 * Writes the first answer to one item of an unfinished attempt, in one transaction: an item
 * already answered (in another tab) or a submitted attempt is left as it is, and the stored row
 * says what happened, so two tabs never both record the same question.
 */
export async function saveFirstAnswer(
	db: FactdeckDB,
	attemptId: string,
	itemId: string,
	answer: Answer
): Promise<FirstAnswer> {
	return db.transaction('rw', db.attempts, async (): Promise<FirstAnswer> => {
		const row = await db.attempts.get(attemptId);
		if (!row) return { outcome: 'missing' };
		if (row.submittedAt !== null) return { outcome: 'submitted', row };
		if (Object.hasOwn(row.answers, itemId)) return { outcome: 'taken', row };
		const answers = { ...row.answers };
		setOwnKey(answers, itemId, answer);
		const saved: AttemptRow = { ...row, answers };
		await db.attempts.put(saved);
		return { outcome: 'saved', row: saved };
	});
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

/**
 * Submits an attempt once, in one transaction: `submission` is worked out from the row as
 * stored (so answers given in another tab count), and an attempt already submitted (in another
 * tab) is returned as it is with `isNew` false. `row` is undefined when the attempt is gone.
 */
export async function submitAttemptOnce(
	db: FactdeckDB,
	attemptId: string,
	submission: (row: AttemptRow) => Submission
): Promise<{ row: AttemptRow | undefined; isNew: boolean }> {
	return db.transaction('rw', db.attempts, async () => {
		const row = await db.attempts.get(attemptId);
		if (!row || row.submittedAt !== null) return { row, isNew: false };
		const done: AttemptRow = { ...row, ...submission(row) };
		await db.attempts.put(done);
		return { row: done, isNew: true };
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
