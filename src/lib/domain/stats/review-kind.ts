/**
 * What one review log row says about learning: whether it introduced a new fact, and whether it
 * was an answer to a fact in review (the answers true retention is measured on) and passed.
 */
import type { ReviewRow } from '$lib/domain/types';

/** ts-fsrs State values. */
export const STATE_NEW = 0;
export const STATE_LEARNING = 1;
export const STATE_REVIEW = 2;
export const STATE_RELEARNING = 3;

/** The rating at or above which an answer counts as remembered (2 Hard). */
export const PASSING_RATING = 2;

/** True when the review was the first time the fact was studied (it was new before it). */
export function isNewFactReview(review: ReviewRow): boolean {
	return review.before === null || review.before.state === STATE_NEW;
}

/** True when the fact was in the Review state when answered, so the answer tests memory. */
export function isReviewAnswer(review: ReviewRow): boolean {
	return review.before !== null && review.before.state === STATE_REVIEW;
}

/** True when the answer was remembered: Hard, Good or Easy. */
export function isPassed(review: ReviewRow): boolean {
	return review.rating >= PASSING_RATING;
}
