/**
 * One optimisation: fit FSRS parameters to the review history with fsrs-rs (through whatever
 * `Fitter` the caller runs: the wasm build in a worker or in Node), then score the current and
 * the fitted parameters on the same history, so the learner sees whether the new ones are better.
 */
import { evaluateParameters, type ParameterMetrics } from './metrics';
import {
	buildCardHistories,
	countTrainingItems,
	flattenItems,
	toTrainingItems,
	type CardHistory,
	type FlatItems,
	type LoggedReview
} from './training-items';

/**
 * Reviews (each after a fact's first, on a later day) needed before optimising is worth it.
 * fsrs-rs itself returns the defaults below 8 items and fits only the four initial stabilities
 * below 64; a few hundred are needed before 21 fitted numbers say more about the learner than
 * about chance (the simulated learner in scripts/fsrs-optimise.test.ts is recovered from ~8,000).
 */
export const MIN_TRAINING_ITEMS = 400;

/** Runs fsrs-rs on the items and returns its 21 parameters. */
export type Fitter = (items: FlatItems) => number[] | Promise<number[]>;

export interface OptimiseReport {
	parameters: number[];
	current: ParameterMetrics;
	fitted: ParameterMetrics;
	/** True when the fitted parameters predict the history better (lower log loss). */
	isBetter: boolean;
}

/** What the review log offers the optimiser. */
export interface Readiness {
	items: number;
	needed: number;
	isReady: boolean;
}

/** Whether there are enough usable reviews, and how many. */
export function readiness(histories: readonly CardHistory[]): Readiness {
	const items = countTrainingItems(histories);
	return { items, needed: MIN_TRAINING_ITEMS, isReady: items >= MIN_TRAINING_ITEMS };
}

/** The review log, ready for the optimiser: histories to score on, flat items to fit on. */
export function prepareReviews(reviews: Iterable<LoggedReview>): {
	histories: CardHistory[];
	flat: FlatItems;
} {
	const histories = buildCardHistories(reviews);
	return { histories, flat: flattenItems(toTrainingItems(histories)) };
}

/** Compares fitted parameters with the current ones on the same histories. */
export function compareParameters(
	histories: readonly CardHistory[],
	currentParameters: readonly number[],
	fittedParameters: readonly number[]
): OptimiseReport {
	const current = evaluateParameters(histories, currentParameters);
	const fitted = evaluateParameters(histories, fittedParameters);
	return {
		parameters: [...fittedParameters],
		current,
		fitted,
		isBetter: fitted.logLoss < current.logLoss
	};
}

/** Fits parameters to the reviews and compares them with `currentParameters`. */
export async function optimise(
	reviews: Iterable<LoggedReview>,
	currentParameters: readonly number[],
	fit: Fitter
): Promise<OptimiseReport> {
	const { histories, flat } = prepareReviews(reviews);
	const parameters = await fit(flat);
	return compareParameters(histories, currentParameters, parameters);
}
