/**
 * A seeded learner whose memory follows FSRS with known parameters, for tests, benchmarks and
 * seeding a browser test: the optimiser should find parameters that predict this learner about
 * as well as the true ones. Each fact is reviewed when the true memory's recall falls to the
 * desired retention (intervals spread by ±25 % so intervals vary), remembered with the true
 * probability, and rated Hard, Good or Easy when remembered.
 */
import {
	FSRSAlgorithm,
	computeDecayFactor,
	forgetting_curve,
	generatorParameters,
	type FSRSState
} from 'ts-fsrs';
import { createRandom } from '$lib/domain/seeded-random';
import type { LoggedReview } from './training-items';

export interface SimulationInput {
	/** The learner's true FSRS-6 parameters (21 numbers). */
	parameters: readonly number[];
	/** Stop once this many reviews have been made. */
	reviews: number;
	/** New facts started per day. */
	newPerDay: number;
	seed: number;
	/** Epoch ms of the first simulated day's start. */
	startAt: number;
	desiredRetention?: number;
	deckId?: string;
}

const DAY_MS = 86_400_000;
/** First ratings of a new fact: Again, Hard, Good, Easy. */
const FIRST_RATING_WEIGHTS = [0.25, 0.1, 0.55, 0.1];
/** Ratings when remembered: Hard, Good, Easy. */
const RECALL_RATING_WEIGHTS = [0.15, 0.75, 0.1];

function pick(weights: readonly number[], random: () => number): number {
	let u = random();
	for (let i = 0; i < weights.length; i++) {
		u -= weights[i];
		if (u < 0) return i;
	}
	return weights.length - 1;
}

interface Fact {
	id: string;
	state: FSRSState;
	lastDay: number;
	dueDay: number;
}

/** The review log of a simulated learner, in time order (the shape Factdeck stores). */
export function simulateReviews(input: SimulationInput): LoggedReview[] {
	const random = createRandom(input.seed);
	const w = generatorParameters({ w: [...input.parameters], enable_short_term: true }).w;
	const algorithm = new FSRSAlgorithm({ w, enable_short_term: true });
	const { decay, factor } = computeDecayFactor(w);
	const retention = input.desiredRetention ?? 0.9;
	const deckId = input.deckId ?? 'sim';
	const out: LoggedReview[] = [];
	const facts: Fact[] = [];
	const schedule = (fact: Fact, day: number) => {
		// Days until recall falls to the retention wanted, from FSRS's power forgetting curve.
		const days = Math.min(36_500, (fact.state.stability / factor) * (retention ** (1 / decay) - 1));
		const spread = 0.75 + random() * 0.5;
		fact.lastDay = day;
		fact.dueDay = day + Math.max(1, Math.round(days * spread));
	};
	const log = (fact: Fact, day: number, rating: 1 | 2 | 3 | 4, isNew: boolean) => {
		out.push({
			deckId,
			factId: fact.id,
			rating,
			// Mid-morning, a few seconds apart, so the study day is never ambiguous.
			reviewedAt: input.startAt + day * DAY_MS + 10 * 3_600_000 + out.length * 1_000,
			elapsedDays: isNew ? 0 : day - fact.lastDay,
			before: isNew ? null : { state: 2 }
		});
	};
	for (let day = 0; out.length < input.reviews; day++) {
		for (const fact of facts) {
			if (fact.dueDay !== day || out.length >= input.reviews) continue;
			const elapsed = day - fact.lastDay;
			const recall = forgetting_curve(w, elapsed, fact.state.stability);
			const rating = (random() < recall ? 2 + pick(RECALL_RATING_WEIGHTS, random) : 1) as
				1 | 2 | 3 | 4;
			log(fact, day, rating, false);
			fact.state = algorithm.next_state(fact.state, elapsed, rating);
			schedule(fact, day);
		}
		for (let n = 0; n < input.newPerDay && out.length < input.reviews; n++) {
			const rating = (1 + pick(FIRST_RATING_WEIGHTS, random)) as 1 | 2 | 3 | 4;
			const fact: Fact = {
				id: `f${facts.length}`,
				state: algorithm.next_state(null, 0, rating),
				lastDay: day,
				dueDay: day
			};
			log(fact, day, rating, true);
			schedule(fact, day);
			facts.push(fact);
		}
	}
	return out;
}
