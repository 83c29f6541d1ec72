/**
 * Per-study-day totals of the review log, kept up to date one review at a time, so progress
 * views read a few hundred rows instead of scanning every review ever written.
 */
import type { ReviewRow } from '$lib/domain/types';
import { isNewFactReview, isPassed, isReviewAnswer } from '$lib/domain/stats/review-kind';
import { DEFAULT_DAY_START_HOUR, studyDayKey, studyDayKeyer } from '$lib/domain/study/study-day';

export type DayAggregate = {
	/** Study day 'YYYY-MM-DD'. */
	day: string;
	/** Every review that day, of any kind. */
	reviews: number;
	/** Reviews of facts that were new before them. */
	newLearned: number;
	/** Review answers (fact in Review state before) rated Hard or better. */
	passed: number;
	/** Answers to facts in the Review state: the denominator of true retention. */
	reviewAnswers: number;
	/** Time spent answering, milliseconds. */
	durationMs: number;
};

/** Study day -> totals; build and update it with the same dayStartHour and time zone. */
export type DayAggregates = Map<string, DayAggregate>;

function emptyAggregate(day: string): DayAggregate {
	return { day, reviews: 0, newLearned: 0, passed: 0, reviewAnswers: 0, durationMs: 0 };
}

function addToAggregate(aggregate: DayAggregate, review: ReviewRow): void {
	aggregate.reviews += 1;
	if (isNewFactReview(review)) aggregate.newLearned += 1;
	if (isReviewAnswer(review)) {
		aggregate.reviewAnswers += 1;
		if (isPassed(review)) aggregate.passed += 1;
	}
	aggregate.durationMs += review.durationMs;
}

/** Adds one review to its study day's totals in `map` (mutated) and returns that day's totals. */
/**
 * True when a review row can be counted: a time `Date` can show, a rating of 1–4, a duration in
 * ms. A damaged row (Settings → Check the data names it) is left out of every total rather than
 * stopping the whole progress page.
 */
export function isCountableReview(review: ReviewRow): boolean {
	return (
		Number.isFinite(review?.reviewedAt) &&
		Math.abs(review.reviewedAt) <= 8_640_000_000_000_000 &&
		[1, 2, 3, 4].includes(review.rating) &&
		Number.isFinite(review.durationMs) &&
		review.durationMs >= 0
	);
}

export function addReviewToAggregates(
	map: DayAggregates,
	review: ReviewRow,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): DayAggregate {
	const day = studyDayKey(review.reviewedAt, dayStartHour, timeZone);
	let aggregate = map.get(day);
	if (!aggregate) {
		aggregate = emptyAggregate(day);
		map.set(day, aggregate);
	}
	addToAggregate(aggregate, review);
	return aggregate;
}

/** Builds the per-study-day totals of a whole review log (any order). */
export function aggregatesFromReviews(
	reviews: Iterable<ReviewRow>,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): DayAggregates {
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	const map: DayAggregates = new Map();
	for (const review of reviews) {
		if (!isCountableReview(review)) continue;
		const day = keyOf(review.reviewedAt);
		let aggregate = map.get(day);
		if (!aggregate) {
			aggregate = emptyAggregate(day);
			map.set(day, aggregate);
		}
		addToAggregate(aggregate, review);
	}
	return map;
}

/** The totals sorted by day, oldest first, e.g. for storing or charting. */
export function sortedAggregates(map: DayAggregates): DayAggregate[] {
	return [...map.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
