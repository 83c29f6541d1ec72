/**
 * What one review log row says about learning: whether it introduced a new fact, and whether it
 * was an answer to a fact in review (the answers true retention is measured on) and passed.
 */
import type { ReviewRow } from '$lib/domain/types';
import { MEMORY_STATE } from '$lib/domain/study/memory';

/** ts-fsrs State values, by the names the statistics use (study/memory.ts holds them). */
export const STATE_NEW = MEMORY_STATE.new;
export const STATE_LEARNING = MEMORY_STATE.learning;
export const STATE_REVIEW = MEMORY_STATE.review;
export const STATE_RELEARNING = MEMORY_STATE.relearning;

/** The rating at or above which an answer counts as remembered (2 Hard). */
export const PASSING_RATING = 2;

/** True when the review was the first time the fact was studied (it was new before it). */
export function isNewFactReview(review: Pick<ReviewRow, 'before'>): boolean {
	return review.before === null || review.before.state === STATE_NEW;
}

/** True when the fact was in the Review state when answered, so the answer tests memory. */
export function isReviewAnswer(review: Pick<ReviewRow, 'before'>): boolean {
	return review.before !== null && review.before.state === STATE_REVIEW;
}

/** True when the answer was remembered: Hard, Good or Easy. */
export function isPassed(review: Pick<ReviewRow, 'rating'>): boolean {
	return review.rating >= PASSING_RATING;
}
