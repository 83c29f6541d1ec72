/**
 * What was answered in one study day, counted one way for every screen: the study header, home
 * and /progress show these numbers, and the daily limits are taken from them.
 */
import type { ReviewRow } from '$lib/domain/types';
import { isNewFactReview, isReviewAnswer } from '$lib/domain/stats/review-kind';
import type { StudySettings } from '$lib/domain/study/study-settings';

export interface TodayCounts {
	/** Every answer of the day, of any kind, from study or a quiz. */
	reviews: number;
	/** Facts answered for the first time (they were new before the answer). */
	newLearned: number;
	/** Answers to facts in learning or relearning. */
	learning: number;
	/** Answers to facts in the Review state: what the daily review limit counts. */
	reviewAnswers: number;
}

export const NO_ANSWERS: Readonly<TodayCounts> = Object.freeze({
	reviews: 0,
	newLearned: 0,
	learning: 0,
	reviewAnswers: 0
});

/** Today's counts from the day's review rows (any order, any deck the caller chose). */
export function countAnswers(rows: Iterable<Pick<ReviewRow, 'before'>>): TodayCounts {
	const counts = { ...NO_ANSWERS };
	for (const row of rows) {
		counts.reviews += 1;
		if (isNewFactReview(row)) counts.newLearned += 1;
		else if (isReviewAnswer(row)) counts.reviewAnswers += 1;
		else counts.learning += 1;
	}
	return counts;
}

/** The sum of several decks' counts. */
export function addCounts(counts: readonly TodayCounts[]): TodayCounts {
	return counts.reduce(
		(sum, c) => ({
			reviews: sum.reviews + c.reviews,
			newLearned: sum.newLearned + c.newLearned,
			learning: sum.learning + c.learning,
			reviewAnswers: sum.reviewAnswers + c.reviewAnswers
		}),
		{ ...NO_ANSWERS }
	);
}

/** Reviews still allowed today: the daily review limit, applied here only. */
export function reviewsLeftToday(settings: StudySettings, today: TodayCounts): number {
	return Math.max(0, settings.reviewsPerDay - today.reviewAnswers);
}

/** New facts still allowed today: the daily new-fact limit, applied here only. */
export function newLeftToday(settings: StudySettings, today: TodayCounts): number {
	return Math.max(0, settings.newPerDay - today.newLearned);
}
