import { describe, expect, it } from 'vitest';
import { forgetting_curve } from 'ts-fsrs';
import { evaluateParameters, predictRecall } from './metrics';
import { DEFAULT_PARAMETERS } from './parameters';
import { simulateReviews } from './simulate-learner';
import { buildCardHistories, type CardHistory } from './training-items';

const history = (reviews: Array<[1 | 2 | 3 | 4, number]>): CardHistory => ({
	key: 'd/a',
	reviews: reviews.map(([rating, deltaT]) => ({ rating, deltaT })),
	reviewedAt: reviews.map((_, i) => i)
});

describe('predictRecall', () => {
	it("predicts a second review from the first rating's initial stability on FSRS's curve", () => {
		const [prediction] = predictRecall(
			[
				history([
					[3, 0],
					[3, 5]
				])
			],
			DEFAULT_PARAMETERS
		);
		// A first Good sets stability to w[2].
		const expected = forgetting_curve(DEFAULT_PARAMETERS, 5, DEFAULT_PARAMETERS[2]);
		expect(prediction.p).toBeCloseTo(expected, 6);
		expect(prediction.remembered).toBe(true);
	});

	it('predicts only reviews on a later day, counting same-day ones as history', () => {
		const predictions = predictRecall(
			[
				history([
					[3, 0],
					[3, 0],
					[1, 3],
					[3, 1]
				])
			],
			DEFAULT_PARAMETERS
		);
		expect(predictions.map((p) => p.remembered)).toEqual([false, true]);
	});
});

describe('evaluateParameters', () => {
	it('has no figures for a fact seen only once', () => {
		const metrics = evaluateParameters([history([[3, 0]])], DEFAULT_PARAMETERS);
		expect(metrics.count).toBe(0);
		expect(metrics.logLoss).toBeNaN();
	});

	it('computes log loss as the mean cross-entropy of the predictions', () => {
		const histories = [
			history([
				[3, 0],
				[3, 5]
			]),
			history([
				[3, 0],
				[1, 5]
			])
		];
		const p = forgetting_curve(DEFAULT_PARAMETERS, 5, DEFAULT_PARAMETERS[2]);
		const metrics = evaluateParameters(histories, DEFAULT_PARAMETERS);
		expect(metrics.count).toBe(2);
		expect(metrics.logLoss).toBeCloseTo(-(Math.log(p) + Math.log(1 - p)) / 2, 9);
		// Both fall in one bin: predicted p twice, actual 1 of 2.
		expect(metrics.rmseBins).toBeCloseTo(Math.abs(p - 0.5), 9);
	});

	it('scores the parameters a learner really follows better than the defaults', () => {
		const truth = [
			1.2, 3.5, 9.0, 30.0, 4.5, 1.2, 1.5, 0.05, 2.3, 0.12, 1.3, 1.2, 0.1, 0.3, 2.0, 0.35, 2.8, 0.6,
			0.3, 0.1, 0.5
		];
		const histories = buildCardHistories(
			simulateReviews({ parameters: truth, reviews: 3_000, newPerDay: 5, seed: 3, startAt: 0 })
		);
		const own = evaluateParameters(histories, truth);
		const defaults = evaluateParameters(histories, DEFAULT_PARAMETERS);
		expect(own.logLoss).toBeLessThan(defaults.logLoss);
		expect(own.rmseBins).toBeLessThan(defaults.rmseBins);
	});
});
