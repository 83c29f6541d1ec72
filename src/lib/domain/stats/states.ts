/**
 * Where a deck's facts stand: how many are new, learning, young, mature, suspended or leeches,
 * and how their FSRS difficulty and stability are spread.
 *
 * The six groups are exclusive so they add up to the deck's fact count (a pie or a stacked bar):
 * suspended first (a suspended leech is suspended), then leech, then by FSRS state; a fact with
 * no memory row, or one still in state 0, is new. Young and mature split the Review state at a
 * stability of 21 days, as Anki splits its intervals.
 */
import type { MemoryRow } from '$lib/domain/types';
import {
	STATE_LEARNING,
	STATE_NEW,
	STATE_RELEARNING,
	STATE_REVIEW
} from '$lib/domain/stats/review-kind';

/** Stability (days) from which a fact in review counts as mature. */
export const MATURE_STABILITY_DAYS = 21;

export type FactGroup = 'new' | 'learning' | 'young' | 'mature' | 'suspended' | 'leech';

export type StateCounts = Record<FactGroup, number> & { total: number };

export interface Bucket {
	label: string;
	/** Inclusive lower bound. */
	from: number;
	/** Exclusive upper bound (the last difficulty bucket includes 10); Infinity when open. */
	to: number;
	count: number;
}

export interface FactStates {
	counts: StateCounts;
	/** FSRS difficulty 1..10 in unit buckets, over facts that have been studied. */
	difficulty: Bucket[];
	/** FSRS stability in days, in widening buckets, over facts that have been studied. */
	stability: Bucket[];
}

// Widening edges because stability spans minutes to years; 21 is the young/mature line.
const STABILITY_EDGES = [0, 1, 2, 4, 7, 14, 21, 30, 60, 90, 180, 365];

/** The group of one fact given its memory row (undefined when never studied). */
export function factGroup(memory: MemoryRow | undefined): FactGroup {
	if (!memory) return 'new';
	if (memory.suspended === 1) return 'suspended';
	if (memory.leech === 1) return 'leech';
	switch (memory.state) {
		case STATE_NEW:
			return 'new';
		case STATE_LEARNING:
		case STATE_RELEARNING:
			return 'learning';
		case STATE_REVIEW:
			return memory.stability >= MATURE_STABILITY_DAYS ? 'mature' : 'young';
	}
}

function difficultyBuckets(): Bucket[] {
	return Array.from({ length: 9 }, (_, i) => ({
		label: `${i + 1}–${i + 2}`,
		from: i + 1,
		to: i + 2,
		count: 0
	}));
}

function stabilityBuckets(): Bucket[] {
	return STABILITY_EDGES.map((from, i) => {
		const to = STABILITY_EDGES[i + 1] ?? Infinity;
		return { label: to === Infinity ? `${from}+ d` : `${from}–${to} d`, from, to, count: 0 };
	});
}

/** Index of the difficulty bucket; FSRS keeps difficulty in 1..10, out-of-range is clamped. */
function difficultyIndex(difficulty: number): number {
	return Math.min(8, Math.max(0, Math.floor(difficulty) - 1));
}

function stabilityIndex(stability: number): number {
	let index = 0;
	while (index + 1 < STABILITY_EDGES.length && stability >= STABILITY_EDGES[index + 1]) index += 1;
	return index;
}

/** Counts of a deck's facts by group, and histograms of difficulty (1..10) and stability (days). */
export function factStates(factIds: Iterable<string>, memories: Iterable<MemoryRow>): FactStates {
	const memoryByFact = new Map<string, MemoryRow>();
	for (const memory of memories) memoryByFact.set(memory.factId, memory);
	const counts: StateCounts = {
		new: 0,
		learning: 0,
		young: 0,
		mature: 0,
		suspended: 0,
		leech: 0,
		total: 0
	};
	const difficulty = difficultyBuckets();
	const stability = stabilityBuckets();
	// Memory rows of facts no longer in the deck are ignored: the deck defines what is counted.
	for (const factId of new Set(factIds)) {
		const memory = memoryByFact.get(factId);
		counts[factGroup(memory)] += 1;
		counts.total += 1;
		if (memory && memory.state !== STATE_NEW) {
			difficulty[difficultyIndex(memory.difficulty)].count += 1;
			stability[stabilityIndex(memory.stability)].count += 1;
		}
	}
	return { counts, difficulty, stability };
}
