import { describe, it, expect } from 'vitest';
import type { MemorySnapshot, ReviewRow } from '$lib/domain/types';
import { isNewFactReview, isPassed, isReviewAnswer } from '$lib/domain/stats/review-kind';

function snapshot(state: MemorySnapshot['state']): MemorySnapshot {
	return {
		dueAt: 0,
		stability: 1,
		difficulty: 5,
		scheduledDays: 1,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state,
		lastReviewAt: null
	};
}

function review(before: MemorySnapshot['state'] | null, rating: ReviewRow['rating']): ReviewRow {
	return {
		deckId: 'd',
		factId: 'f',
		itemId: 'i',
		rating,
		reviewedAt: 0,
		elapsedDays: 0,
		durationMs: 0,
		before: before === null ? null : snapshot(before),
		after: snapshot(1),
		origin: 'quiz'
	};
}

describe('review kinds', () => {
	it('treats a review of a fact with no memory or in state 0 as new', () => {
		expect(isNewFactReview(review(null, 3))).toBe(true);
		expect(isNewFactReview(review(0, 1))).toBe(true);
		expect(isNewFactReview(review(1, 3))).toBe(false);
		expect(isNewFactReview(review(2, 3))).toBe(false);
	});

	it('counts only answers to facts in the Review state for retention', () => {
		expect(isReviewAnswer(review(2, 1))).toBe(true);
		expect(isReviewAnswer(review(null, 3))).toBe(false);
		expect(isReviewAnswer(review(1, 3))).toBe(false);
		expect(isReviewAnswer(review(3, 3))).toBe(false);
	});

	it('passes Hard, Good and Easy, and fails Again', () => {
		expect([1, 2, 3, 4].map((r) => isPassed(review(2, r as ReviewRow['rating'])))).toEqual([
			false,
			true,
			true,
			true
		]);
	});
});
