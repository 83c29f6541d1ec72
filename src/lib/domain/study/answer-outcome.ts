/**
 * What an answer does to a fact, and what taking it back does: pure functions from the rows read
 * to the rows to write, so the repository only reads and writes. The leech rule lives here.
 */
import type { MemoryRow, MemorySnapshot, ReviewRow } from '$lib/domain/types';
import {
	applyRating,
	fuzzWindow,
	type FuzzWindow,
	type StudyRating
} from '$lib/domain/study/fsrs-adapter';
import { factKey } from '$lib/domain/study/memory';
import { addStudyDays, studyDaysBetween } from '$lib/domain/study/study-day';
import { settingsForDeck, type StudySettings } from '$lib/domain/study/study-settings';

/** A fact lapsing this many times is flagged as a leech. */
export const LEECH_LAPSES = 8;

/** Whether a fact has lapsed often enough to be flagged as a leech. */
export function isLeech(memory: Pick<MemorySnapshot, 'lapses'> | null): boolean {
	return memory !== null && memory.lapses >= LEECH_LAPSES;
}

/**
 * The leech flag of a row holding `memory`: set once the fact has lapsed LEECH_LAPSES times, and
 * kept when the row already carried it (a flag restored from a backup stays).
 */
export function leechFlag(memory: MemorySnapshot, wasLeech: boolean): 0 | 1 {
	return wasLeech || isLeech(memory) ? 1 : 0;
}

/** Only the memory fields of a row, so a snapshot never carries row flags. */
export function snapshotOf(row: MemorySnapshot): MemorySnapshot {
	return {
		dueAt: row.dueAt,
		stability: row.stability,
		difficulty: row.difficulty,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state,
		lastReviewAt: row.lastReviewAt
	};
}

export interface AnswerInput {
	deckId: string;
	factId: string;
	itemId: string;
	rating: StudyRating;
	/** Epoch ms. */
	now: number;
	durationMs: number;
	settings: StudySettings;
	origin: ReviewRow['origin'];
}

export interface AnswerOutcome {
	/** The fact's memory row to write. */
	memory: MemoryRow;
	/** The review to append (no id yet). */
	review: ReviewRow;
	/** True when this answer made the fact a leech. */
	isNewLeech: boolean;
}

/** What answering a fact whose row is `current` (undefined: never studied) writes. */
export function answerOutcome(current: MemoryRow | undefined, input: AnswerInput): AnswerOutcome {
	const { deckId, factId, now } = input;
	// A deck with its own desired retention is scheduled with it.
	const settings = settingsForDeck(input.settings, deckId);
	const key = factKey(deckId, factId);
	const before = current ? snapshotOf(current) : null;
	const after = applyRating(before, key, input.rating, now, settings);
	const memory: MemoryRow = {
		...after,
		key,
		deckId,
		factId,
		suspended: current?.suspended ?? 0,
		leech: leechFlag(after, current?.leech === 1)
	};
	const review: ReviewRow = {
		deckId,
		factId,
		itemId: input.itemId,
		rating: input.rating,
		reviewedAt: now,
		elapsedDays:
			before?.lastReviewAt == null
				? 0
				: studyDaysBetween(before.lastReviewAt, now, settings.dayStartHour),
		durationMs: input.durationMs,
		before,
		after,
		origin: input.origin
	};
	return { memory, review, isNewLeech: memory.leech === 1 && current?.leech !== 1 };
}

/**
 * What changing the rating of `review` (the fact's newest answer, its memory row `current`) to
 * `rating` writes: the same review, rated again from the same memory at the same moment.
 */
export function regradeOutcome(
	review: ReviewRow,
	current: MemoryRow | undefined,
	rating: StudyRating,
	settings: StudySettings
): AnswerOutcome {
	// The memory as it was before this answer is what undoing it would restore.
	const base = undoOutcome(review, current) ?? undefined;
	const outcome = answerOutcome(base, {
		deckId: review.deckId,
		factId: review.factId,
		itemId: review.itemId,
		rating,
		now: review.reviewedAt,
		durationMs: review.durationMs,
		settings,
		origin: review.origin
	});
	outcome.review.id = review.id;
	return outcome;
}

/**
 * The memory row that taking back `review` restores, from the fact's row now (`current`): the
 * memory from before the answer, or null when the fact becomes new again (its row goes).
 */
export function undoOutcome(review: ReviewRow, current: MemoryRow | undefined): MemoryRow | null {
	if (review.before === null) return null;
	return {
		...snapshotOf(review.before),
		key: factKey(review.deckId, review.factId),
		deckId: review.deckId,
		factId: review.factId,
		// Suspension is the learner's separate choice, not part of the answer being undone.
		suspended: current?.suspended ?? 0,
		leech: leechFlag(review.before, false)
	};
}

/**
 * The fuzz range load balancing may move this answer's due day within, or null when it may not
 * (balancing turned off, or the answer leaves no fuzzed review interval).
 */
export function answerFuzzWindow(
	current: MemoryRow | undefined,
	input: AnswerInput
): FuzzWindow | null {
	if (!input.settings.loadBalance) return null;
	const before = current ? snapshotOf(current) : null;
	const settings = settingsForDeck(input.settings, input.deckId);
	return fuzzWindow(before, factKey(input.deckId, input.factId), input.rating, input.now, settings);
}

/**
 * The same answer due `days` study days after the day it was given (a balanced interval): the
 * fact's memory and the review's `after` move together, so the log still explains the memory.
 */
export function withDueDay(
	outcome: AnswerOutcome,
	days: number,
	dayStartHour: number
): AnswerOutcome {
	const after: MemorySnapshot = {
		...outcome.review.after,
		scheduledDays: days,
		dueAt: addStudyDays(outcome.review.reviewedAt, days, dayStartHour)
	};
	return {
		...outcome,
		memory: { ...outcome.memory, scheduledDays: after.scheduledDays, dueAt: after.dueAt },
		review: { ...outcome.review, after }
	};
}
