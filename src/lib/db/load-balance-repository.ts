/**
 * Load balancing inside the answer's transaction: the reviews already due on each day of the
 * answer's fuzz range, counted on the memory table's [suspended+state+dueAt] index for just that
 * window (a few dozen key counts at most), then the lightest day picked by the domain.
 */
import type { FactdeckDB, MemoryRow } from '$lib/db/schema';
import {
	answerFuzzWindow,
	withDueDay,
	type AnswerInput,
	type AnswerOutcome
} from '$lib/domain/study/answer-outcome';
import {
	fuzzWindow,
	RATINGS,
	type FuzzWindow,
	type IntervalPreview
} from '$lib/domain/study/fsrs-adapter';
import { formatInterval } from '$lib/domain/study/interval-labels';
import { factKey, MEMORY_STATE } from '$lib/domain/study/memory';
import { settingsForDeck, type StudySettings } from '$lib/domain/study/study-settings';
import type { MemorySnapshot } from '$lib/domain/types';
import { pickBalancedDay, windowDays } from '$lib/domain/study/load-balance';
import { addStudyDays } from '$lib/domain/study/study-day';

/**
 * Unsuspended reviews due on each study day `days[i]` after the one containing `now` (epoch
 * ms): counted from index keys only, no row read.
 */
export function countReviewsDueByDay(
	db: FactdeckDB,
	now: number,
	days: readonly number[],
	dayStartHour: number
): Promise<number[]> {
	const { review } = MEMORY_STATE;
	return Promise.all(
		days.map((day) =>
			db.memory
				.where('[suspended+state+dueAt]')
				.between(
					[0, review, addStudyDays(now, day, dayStartHour)],
					[0, review, addStudyDays(now, day + 1, dayStartHour)],
					true,
					false
				)
				.count()
		)
	);
}

/**
 * The answer `outcome` with its due day moved to the lightest day of its fuzz range when load
 * balancing is on; unchanged otherwise. Call it inside the answer's transaction (it reads the
 * memory table).
 */
export async function balanceAnswer(
	db: FactdeckDB,
	current: MemoryRow | undefined,
	input: AnswerInput,
	outcome: AnswerOutcome
): Promise<AnswerOutcome> {
	return applyBalance(outcome, await readBalance(db, current, input), input);
}

/** An answer's fuzz window and the reviews due on each of its days (`counts[i]`: window day i). */
export interface AnswerBalance {
	window: FuzzWindow;
	counts: number[];
}

/**
 * The due counts load balancing needs for an answer given from `current` (the fact's memory row,
 * undefined for a new fact): null when the answer is not balanced. Read inside the answer's
 * transaction; it needs only the memory the answer starts from, so it may be read at the same
 * time as that row is read again.
 */
export async function readBalance(
	db: FactdeckDB,
	current: MemoryRow | undefined,
	input: AnswerInput
): Promise<AnswerBalance | null> {
	const window = answerFuzzWindow(current, input);
	if (!window) return null;
	const counts = await countReviewsDueByDay(
		db,
		input.now,
		windowDays(window),
		input.settings.dayStartHour
	);
	return { window, counts };
}

/** True when two balances were read for the same window (so either's counts serve). */
export function isSameWindow(balance: AnswerBalance | null, window: FuzzWindow | null): boolean {
	if (!balance || !window) return !balance && !window;
	return (
		balance.window.minDays === window.minDays &&
		balance.window.maxDays === window.maxDays &&
		balance.window.fuzzedDays === window.fuzzedDays
	);
}

/** The answer `outcome` moved to the lightest day of `balance`'s window; unchanged without one. */
export function applyBalance(
	outcome: AnswerOutcome,
	balance: AnswerBalance | null,
	input: AnswerInput
): AnswerOutcome {
	if (!balance) return outcome;
	const { dayStartHour } = input.settings;
	const day = pickBalancedDay(balance.window, balance.counts);
	return day === outcome.memory.scheduledDays ? outcome : withDueDay(outcome, day, dayStartHour);
}

/**
 * The grade buttons' preview with each review interval balanced as answering would balance it
 * now, so a button's label is the interval the answer gets (the counts are read again when the
 * answer is written). One read transaction; the preview as given when balancing is off.
 */
export function balancePreview(
	db: FactdeckDB,
	memory: MemorySnapshot | null,
	deckId: string,
	factId: string,
	now: number,
	settings: StudySettings,
	preview: IntervalPreview
): Promise<IntervalPreview> {
	if (!settings.loadBalance) return Promise.resolve(preview);
	const deckSettings = settingsForDeck(settings, deckId);
	const { dayStartHour } = settings;
	const key = factKey(deckId, factId);
	return db.transaction('r', db.memory, async () => {
		const balanced: IntervalPreview = { ...preview };
		for (const rating of RATINGS) {
			const window = fuzzWindow(memory, key, rating, now, deckSettings);
			if (!window) continue;
			const counts = await countReviewsDueByDay(db, now, windowDays(window), dayStartHour);
			const day = pickBalancedDay(window, counts);
			if (day === preview[rating].after.scheduledDays) continue;
			const after = {
				...preview[rating].after,
				scheduledDays: day,
				dueAt: addStudyDays(now, day, dayStartHour)
			};
			balanced[rating] = { after, label: formatInterval(after, now) };
		}
		return balanced;
	});
}
