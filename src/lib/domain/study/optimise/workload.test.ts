import { describe, expect, it } from 'vitest';
import { computeDecayFactor } from 'ts-fsrs';
import { DEFAULT_PARAMETERS } from './parameters';
import { simulateWorkload, summariseWorkload, weeklyTotals, type WorkloadCard } from './workload';

/** Facts whose recall today is exactly `retention` (due today after a full interval). */
function cardsAtRecall(count: number, stability: number, retention: number): WorkloadCard[] {
	const { decay, factor } = computeDecayFactor(DEFAULT_PARAMETERS);
	const elapsed = Math.round((stability / factor) * (retention ** (1 / decay) - 1));
	return Array.from({ length: count }, () => ({
		stability,
		difficulty: 5,
		dueDay: 0,
		lastReviewDay: -elapsed
	}));
}

const base = {
	parameters: DEFAULT_PARAMETERS,
	desiredRetention: 0.9,
	newPerDay: 0,
	days: 365,
	seed: 7
};

describe('simulateWorkload', () => {
	it('costs nothing with nothing to study', () => {
		const result = simulateWorkload({ ...base, cards: [] });
		expect(summariseWorkload(result, 30)).toEqual({ reviewsPerDay: 0, remembered: 0 });
	});

	it('charges a lapse two reviews: facts at 90 % recall cost about 1.1 reviews each today', () => {
		const result = simulateWorkload({ ...base, cards: cardsAtRecall(4_000, 10, 0.9) });
		expect(result.reviews[0] / 4_000).toBeGreaterThan(1.08);
		expect(result.reviews[0] / 4_000).toBeLessThan(1.12);
	});

	it('asks for more reviews and keeps more remembered at a higher retention', () => {
		const cards = cardsAtRecall(500, 5, 0.9);
		const run = (desiredRetention: number) =>
			summariseWorkload(simulateWorkload({ ...base, cards, newPerDay: 10, desiredRetention }), 365);
		const low = run(0.8);
		const high = run(0.95);
		expect(high.reviewsPerDay).toBeGreaterThan(low.reviewsPerDay * 1.3);
		expect(high.remembered).toBeGreaterThan(low.remembered);
		expect(high.remembered).toBeLessThanOrEqual(1);
	});

	it('starts new facts at the daily limit while they last, two reviews each', () => {
		const result = simulateWorkload({ ...base, cards: [], newPerDay: 10, newAvailable: 25 });
		expect(result.newReviews.slice(0, 4)).toEqual([20, 20, 10, 0]);
	});

	it('is the same for the same seed', () => {
		const input = { ...base, cards: cardsAtRecall(200, 3, 0.85), newPerDay: 5 };
		expect(simulateWorkload(input)).toEqual(simulateWorkload(input));
	});
});

describe('weeklyTotals', () => {
	it('adds old and new reviews by week without losing any', () => {
		const result = simulateWorkload({ ...base, cards: cardsAtRecall(300, 4, 0.9), newPerDay: 3 });
		const weeks = weeklyTotals(result);
		expect(weeks).toHaveLength(53);
		const total =
			result.reviews.reduce((a, b) => a + b, 0) + result.newReviews.reduce((a, b) => a + b, 0);
		expect(weeks.reduce((a, b) => a + b, 0)).toBe(total);
	});
});
