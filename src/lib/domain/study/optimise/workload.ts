/**
 * What a desired retention costs: a seeded simulation of the learner's collection under FSRS
 * with their parameters, day by day, giving reviews per day and the share of facts remembered.
 * Each due review is remembered with FSRS's predicted probability; a lapse costs one more review
 * the same day (the relearning step); new facts arrive at the daily limit and take two reviews
 * on their first day (Factdeck's learning steps). Plain and seeded, so it is the same every run.
 */
import {
	FSRSAlgorithm,
	computeDecayFactor,
	forgetting_curve,
	generatorParameters,
	type FSRSState
} from 'ts-fsrs';
import { createRandom } from '$lib/domain/seeded-random';

/** One studied fact as the simulation needs it (days relative to today, day 0). */
export interface WorkloadCard {
	stability: number;
	difficulty: number;
	/** Day the fact is next due (0 = today, also for overdue facts). */
	dueDay: number;
	/** Day of its last review (0 or earlier). */
	lastReviewDay: number;
}

export interface WorkloadInput {
	parameters: readonly number[];
	desiredRetention: number;
	cards: readonly WorkloadCard[];
	/** New facts started per day (while `newAvailable` lasts). */
	newPerDay: number;
	/** Facts not yet studied; Infinity when the supply is not known. */
	newAvailable?: number;
	/** Days to simulate, from today. */
	days: number;
	seed: number;
	/** Longest interval, in days. */
	maximumInterval?: number;
	/**
	 * After how many days to measure the share remembered (it costs a pass over every fact);
	 * 30 and `days` when not given.
	 */
	rememberedAfter?: readonly number[];
}

export interface WorkloadResult {
	/** Reviews of already-studied facts on each day (lapse relearning included). */
	reviews: number[];
	/** Reviews of new facts on each day (their first day's reviews). */
	newReviews: number[];
	/**
	 * Share of all studied facts that would be recalled at the end of a day, 0..1, for the days
	 * of `rememberedAfter` (index = days elapsed - 1); NaN on the other days.
	 */
	remembered: number[];
}

/** Days until recall falls to `retention` for a memory of `stability` days (FSRS's interval). */
function intervalDays(
	stability: number,
	retention: number,
	curve: { decay: number; factor: number },
	maximum: number
): number {
	const days = (stability / curve.factor) * (retention ** (1 / curve.decay) - 1);
	return Math.min(maximum, Math.max(1, Math.round(days)));
}

/** Simulates `days` days of study of the collection (see the module comment for the model). */
export function simulateWorkload(input: WorkloadInput): WorkloadResult {
	const random = createRandom(input.seed);
	const w = generatorParameters({ w: [...input.parameters], enable_short_term: true }).w;
	const algorithm = new FSRSAlgorithm({ w, enable_short_term: true });
	const curve = computeDecayFactor(w);
	const maximum = input.maximumInterval ?? 36_500;
	const { days, desiredRetention } = input;

	const states: FSRSState[] = [];
	const last: number[] = [];
	const due: number[][] = Array.from({ length: days }, () => []);
	const schedule = (index: number, day: number) => {
		last[index] = day;
		const next = day + intervalDays(states[index].stability, desiredRetention, curve, maximum);
		if (next < days) due[next].push(index);
	};
	for (const card of input.cards) {
		const index = states.length;
		states.push({ stability: Math.max(0.01, card.stability), difficulty: card.difficulty });
		last.push(card.lastReviewDay);
		const day = Math.max(0, Math.round(card.dueDay));
		if (day < days) due[day].push(index);
	}

	const reviews = new Array<number>(days).fill(0);
	const newReviews = new Array<number>(days).fill(0);
	const remembered = new Array<number>(days).fill(Number.NaN);
	const measured = new Set((input.rememberedAfter ?? [30, days]).map((after) => after - 1));
	let newLeft = input.newAvailable ?? Number.POSITIVE_INFINITY;
	for (let day = 0; day < days; day++) {
		for (const index of due[day]) {
			const elapsed = day - last[index];
			const recall = forgetting_curve(w, elapsed, states[index].stability);
			if (random() < recall) {
				states[index] = algorithm.next_state(states[index], elapsed, 3);
				reviews[day] += 1;
			} else {
				// Again, then Good at the relearning step the same day.
				states[index] = algorithm.next_state(algorithm.next_state(states[index], elapsed, 1), 0, 3);
				reviews[day] += 2;
			}
			schedule(index, day);
		}
		const fresh = Math.min(input.newPerDay, newLeft);
		newLeft -= fresh;
		for (let n = 0; n < fresh; n++) {
			const index = states.length;
			// Good, then Good again at the 10-minute step.
			states.push(algorithm.next_state(algorithm.next_state(null, 0, 3), 0, 3));
			last.push(day);
			newReviews[day] += 2;
			schedule(index, day);
		}
		if (measured.has(day)) remembered[day] = shareRemembered(states, last, day, w);
	}
	return { reviews, newReviews, remembered };
}

function shareRemembered(
	states: readonly FSRSState[],
	last: readonly number[],
	day: number,
	w: readonly number[]
): number {
	if (states.length === 0) return 0;
	let sum = 0;
	for (let i = 0; i < states.length; i++) {
		sum += forgetting_curve(w, Math.max(0, day - last[i]), states[i].stability);
	}
	return sum / states.length;
}

export interface WorkloadSummary {
	/** Mean reviews per day (old and new facts) over the first `days` days. */
	reviewsPerDay: number;
	/** Share of studied facts remembered after `days` days, 0..1 (NaN if not measured then). */
	remembered: number;
}

/** The mean daily load and the share remembered over the first `days` days of a result. */
export function summariseWorkload(result: WorkloadResult, days: number): WorkloadSummary {
	const n = Math.min(days, result.reviews.length);
	if (n === 0) return { reviewsPerDay: 0, remembered: 0 };
	let total = 0;
	for (let day = 0; day < n; day++) total += result.reviews[day] + result.newReviews[day];
	return { reviewsPerDay: total / n, remembered: result.remembered[n - 1] };
}

/** Reviews per week (old and new facts together), for a chart of a year. */
export function weeklyTotals(result: WorkloadResult): number[] {
	const weeks: number[] = [];
	for (let day = 0; day < result.reviews.length; day++) {
		const week = Math.floor(day / 7);
		weeks[week] = (weeks[week] ?? 0) + result.reviews[day] + result.newReviews[day];
	}
	return weeks;
}
