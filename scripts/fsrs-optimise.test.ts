import { describe, expect, it } from 'vitest';
import { fitWithFsrsBrowser } from '$lib/domain/study/optimise/fsrs-browser-fit';
import { evaluateParameters } from '$lib/domain/study/optimise/metrics';
import { DEFAULT_PARAMETERS } from '$lib/domain/study/optimise/parameters';
import { simulateReviews } from '$lib/domain/study/optimise/simulate-learner';
import {
	buildCardHistories,
	flattenItems,
	toTrainingItems
} from '$lib/domain/study/optimise/training-items';
import { seedFromString } from '$lib/domain/seeded-random';
import { loadFsrsBrowser, quietly } from './fsrs-node';

/** A learner unlike FSRS's defaults: slower to forget from the start, a steeper curve (w20). */
const TRUE_PARAMETERS = [
	1.2, 3.5, 9.0, 30.0, 4.5, 1.2, 1.5, 0.05, 2.3, 0.12, 1.3, 1.2, 0.1, 0.3, 2.0, 0.35, 2.8, 0.6, 0.3,
	0.1, 0.5
];

describe('optimising with fsrs-rs (wasm, in Node)', () => {
	it('recovers a simulated learner: held-out log loss within 1% of the true parameters', async () => {
		const lib = await loadFsrsBrowser();
		const reviews = simulateReviews({
			parameters: TRUE_PARAMETERS,
			reviews: 10_000,
			newPerDay: 8,
			seed: 16,
			startAt: Date.UTC(2025, 0, 1)
		});
		expect(reviews).toHaveLength(10_000);
		const histories = buildCardHistories(reviews);
		// Held out by fact, a fifth of them, chosen by a hash of the key (not by order).
		const isHeldOut = (key: string) => seedFromString(key) % 5 === 0;
		const train = histories.filter((h) => !isHeldOut(h.key));
		const test = histories.filter((h) => isHeldOut(h.key));
		const fitted = quietly(() => fitWithFsrsBrowser(lib, flattenItems(toTrainingItems(train))));
		expect(fitted).toHaveLength(21);

		const truth = evaluateParameters(test, TRUE_PARAMETERS);
		const found = evaluateParameters(test, fitted);
		const defaults = evaluateParameters(test, DEFAULT_PARAMETERS);
		expect(truth.count).toBeGreaterThan(1_000);
		expect(found.logLoss).toBeLessThanOrEqual(truth.logLoss * 1.01);
		expect(defaults.logLoss).toBeGreaterThan(truth.logLoss * 1.05);
		expect(found.rmseBins).toBeLessThan(defaults.rmseBins);
	}, 120_000);
});
