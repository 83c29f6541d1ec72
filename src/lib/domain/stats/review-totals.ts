/**
 * The review log's running totals by quarter hour: what one review adds to them or takes away,
 * and how they fold into study days. The database applies these in the same transaction that
 * writes the log (an answer, an undo, a changed rating, an import, a deleted deck).
 */
import type { ReviewRow, ReviewTotalsRow } from '$lib/domain/types';
import { isNewFactReview, isPassed, isReviewAnswer } from '$lib/domain/stats/review-kind';
import {
	isCountableReview,
	type DayAggregate,
	type DayAggregates
} from '$lib/domain/stats/aggregate';
import {
	DEFAULT_DAY_START_HOUR,
	addDays,
	studyDayKeyer,
	studyDayStartMs
} from '$lib/domain/study/study-day';

const DAY_MS = 86_400_000;
/** Beyond this (epoch ms, either way) a day later may be past the last time a Date can hold. */
const LAST_SAFE_MS = 8_640_000_000_000_000 - 3 * DAY_MS;

/**
 * The slot of the one totals row that is no quarter hour: its `reviews` counts the log's rows
 * no page can count (written around the checks), so that every row's `reviews` still add up to
 * the log's row count. Only a count of the whole log writes it; folding into days skips it.
 */
export const LEFT_OUT_SLOT = Number.MIN_SAFE_INTEGER;

/** The row that records `count` log rows left out of the totals (see LEFT_OUT_SLOT). */
export function leftOutTotals(count: number): ReviewTotalsRow {
	return { ...emptyTotals(LEFT_OUT_SLOT), reviews: count };
}

/** A slot's length in milliseconds: a quarter hour. */
export const TOTALS_SLOT_MS = 15 * 60_000;

/** The slot (quarter hours since the epoch) a review made at `reviewedAt` (epoch ms) falls in. */
export function totalsSlot(reviewedAt: number): number {
	return Math.floor(reviewedAt / TOTALS_SLOT_MS);
}

function emptyTotals(slot: number): ReviewTotalsRow {
	return { slot, reviews: 0, newLearned: 0, passed: 0, reviewAnswers: 0, durationMs: 0 };
}

/** Adds (`sign` 1) or takes away (`sign` -1) one review's share of `totals` (mutated). */
function applyReview(totals: ReviewTotalsRow, review: ReviewRow, sign: 1 | -1): void {
	totals.reviews += sign;
	if (isNewFactReview(review)) totals.newLearned += sign;
	if (isReviewAnswer(review)) {
		totals.reviewAnswers += sign;
		if (isPassed(review)) totals.passed += sign;
	}
	totals.durationMs += sign * review.durationMs;
}

/** What a change to the log does to the totals: slots to write, and slots left empty. */
export interface TotalsChange {
	put: ReviewTotalsRow[];
	/** Slots whose last review went. */
	remove: number[];
}

/** The slots that reviews added and removed touch, each once. */
export function touchedSlots(
	added: readonly ReviewRow[],
	removed: readonly ReviewRow[] = []
): number[] {
	const slots = new Set<number>();
	for (const review of [...added, ...removed]) {
		if (isCountableReview(review)) slots.add(totalsSlot(review.reviewedAt));
	}
	return [...slots];
}

/**
 * The totals after `removed` left the log and `added` joined it, from the stored totals of the
 * slots they touch (`current`, by slot; a slot absent has no reviews yet). A rewritten review
 * (a changed rating) is removed in its old form and added in its new one.
 */
export function changeTotals(
	current: ReadonlyMap<number, ReviewTotalsRow>,
	added: readonly ReviewRow[],
	removed: readonly ReviewRow[] = []
): TotalsChange {
	const next = new Map<number, ReviewTotalsRow>();
	const slotOf = (review: ReviewRow) => {
		const slot = totalsSlot(review.reviewedAt);
		let totals = next.get(slot);
		if (!totals) {
			const stored = current.get(slot);
			totals = stored ? { ...stored } : emptyTotals(slot);
			next.set(slot, totals);
		}
		return totals;
	};
	// A review no page can count (an impossible time or rating, written around the checks) has
	// no share in the totals: the log's count then differs, and a visit counts the log again.
	for (const review of removed)
		if (isCountableReview(review)) applyReview(slotOf(review), review, -1);
	for (const review of added) if (isCountableReview(review)) applyReview(slotOf(review), review, 1);
	const put: ReviewTotalsRow[] = [];
	const remove: number[] = [];
	for (const totals of next.values()) {
		if (totals.reviews > 0) put.push(totals);
		else if (current.has(totals.slot)) remove.push(totals.slot);
	}
	return { put, remove };
}

/** Adds one review to `slots` (by slot, mutated), for building totals while streaming a log. */
export function addReviewToTotals(slots: Map<number, ReviewTotalsRow>, review: ReviewRow): void {
	if (!isCountableReview(review)) return;
	const slot = totalsSlot(review.reviewedAt);
	let totals = slots.get(slot);
	if (!totals) slots.set(slot, (totals = emptyTotals(slot)));
	applyReview(totals, review, 1);
}

/** The totals of a whole log (any order), one row per slot that has reviews. */
export function totalsFromReviews(reviews: Iterable<ReviewRow>): ReviewTotalsRow[] {
	const slots = new Map<number, ReviewTotalsRow>();
	for (const review of reviews) addReviewToTotals(slots, review);
	return [...slots.values()];
}

/**
 * Folds quarter-hour totals into per-study-day totals, for `dayStartHour` in `timeZone`. The
 * slots are walked in time order, a day at a time: only a slot past the current day's end asks
 * which day it is in, and the next day's end is found by checking that a day later is still a day
 * boundary (a search only on a daylight-saving day), so a year of busy quarter hours costs a few
 * calls of the zone's clock a day, not one a slot.
 */
export function dayAggregatesFromTotals(
	rows: Iterable<ReviewTotalsRow>,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): DayAggregates {
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	const sorted = [...rows]
		.filter((row) => row.slot !== LEFT_OUT_SLOT)
		.sort((a, b) => a.slot - b.slot);
	/**
	 * Where study day `day`, which holds `ms`, ends (epoch ms, exclusive), given where the day
	 * before it ended (NaN when unknown). Days are 24 hours long but on daylight-saving days:
	 * that guess is checked, and the day's start searched for when it is wrong. Near the ends of
	 * time, where a day later is no date, the day is taken slot by slot.
	 */
	const dayEnd = (day: string, ms: number, previousEnd: number): number => {
		if (Math.abs(ms) > LAST_SAFE_MS) return ms + TOTALS_SLOT_MS;
		const next = addDays(day, 1);
		const guess = previousEnd + DAY_MS;
		if (guess > ms && keyOf(guess) === next && keyOf(guess - TOTALS_SLOT_MS) === day) return guess;
		return studyDayStartMs(next, dayStartHour, timeZone);
	};
	const days: DayAggregates = new Map();
	let aggregate: DayAggregate | undefined;
	/** Where the current day ends (epoch ms, exclusive). */
	let end = -Infinity;
	for (const row of sorted) {
		const ms = row.slot * TOTALS_SLOT_MS;
		if (!aggregate || ms >= end) {
			const day = keyOf(ms);
			end = dayEnd(day, ms, aggregate?.day === addDays(day, -1) ? end : NaN);
			aggregate = days.get(day) ?? {
				day,
				reviews: 0,
				newLearned: 0,
				passed: 0,
				reviewAnswers: 0,
				durationMs: 0
			};
			days.set(day, aggregate);
		}
		aggregate.reviews += row.reviews;
		aggregate.newLearned += row.newLearned;
		aggregate.passed += row.passed;
		aggregate.reviewAnswers += row.reviewAnswers;
		aggregate.durationMs += row.durationMs;
	}
	return days;
}
