/**
 * How well a set of FSRS parameters predicts a review history: log loss and RMSE over bins, as
 * fsrs-rs's `evaluate` reports them (without its recency weights, so every review counts the
 * same). Memory is replayed with ts-fsrs, the same code that schedules, so the figures describe
 * the parameters as Factdeck will use them.
 */
import { FSRSAlgorithm, forgetting_curve, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { CardHistory } from './training-items';

export interface ParameterMetrics {
	/** Mean binary cross-entropy of "remembered" (rating > 1), in nats; lower is better. */
	logLoss: number;
	/** RMSE between predicted and actual recall over fsrs-rs's (interval, length, lapses) bins, 0..1. */
	rmseBins: number;
	/** Reviews predicted (each one a training item). */
	count: number;
}

/** Predictions are kept off 0 and 1 so one surprising review cannot make the loss infinite. */
const EPSILON = 1e-7;

interface Bin {
	predicted: number;
	actual: number;
	count: number;
}

/** fsrs-rs's bin of a prediction (FSRSItem::r_matrix_index), as a string key. */
function binKey(deltaT: number, longTermCount: number, lapses: number): string {
	const deltaBin = Math.round(2.48 * 3.62 ** Math.floor(Math.log(deltaT) / Math.log(3.62)) * 100);
	const length = longTermCount + 1;
	const lengthBin = Math.round(1.99 * 1.89 ** Math.floor(Math.log(length) / Math.log(1.89)));
	const lapseBin =
		lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(Math.log(lapses) / Math.log(1.73)));
	return `${deltaBin}/${lengthBin}/${lapseBin}`;
}

/** Predicted probability of recall for every training item of the histories, with its outcome. */
export function predictRecall(
	histories: readonly CardHistory[],
	parameters: readonly number[]
): Array<{ p: number; remembered: boolean; bin: string }> {
	const w = generatorParameters({ w: [...parameters], enable_short_term: true }).w;
	const algorithm = new FSRSAlgorithm({ w, enable_short_term: true });
	const out: Array<{ p: number; remembered: boolean; bin: string }> = [];
	for (const history of histories) {
		let state: FSRSState | null = null;
		let longTerm = 0;
		let lapses = 0;
		history.reviews.forEach((review, i) => {
			if (i > 0 && review.deltaT > 0 && state) {
				const p = forgetting_curve(w, review.deltaT, state.stability);
				out.push({
					p: Math.min(1 - EPSILON, Math.max(EPSILON, p)),
					remembered: review.rating > 1,
					// fsrs-rs counts the current review among the long-term ones.
					bin: binKey(review.deltaT, longTerm + 1, lapses)
				});
			}
			state = algorithm.next_state(state, review.deltaT, review.rating);
			if (review.deltaT > 0) {
				longTerm += 1;
				if (review.rating === 1) lapses += 1;
			}
		});
	}
	return out;
}

/** Log loss and binned RMSE of `parameters` (FSRS-6, 21 numbers) on the histories. */
export function evaluateParameters(
	histories: readonly CardHistory[],
	parameters: readonly number[]
): ParameterMetrics {
	const predictions = predictRecall(histories, parameters);
	if (predictions.length === 0) return { logLoss: Number.NaN, rmseBins: Number.NaN, count: 0 };
	let loss = 0;
	const bins = new Map<string, Bin>();
	for (const { p, remembered, bin } of predictions) {
		loss -= remembered ? Math.log(p) : Math.log(1 - p);
		const entry = bins.get(bin) ?? { predicted: 0, actual: 0, count: 0 };
		entry.predicted += p;
		entry.actual += remembered ? 1 : 0;
		entry.count += 1;
		bins.set(bin, entry);
	}
	let squared = 0;
	for (const entry of bins.values()) {
		squared += (entry.predicted / entry.count - entry.actual / entry.count) ** 2 * entry.count;
	}
	return {
		logLoss: loss / predictions.length,
		rmseBins: Math.sqrt(squared / predictions.length),
		count: predictions.length
	};
}
