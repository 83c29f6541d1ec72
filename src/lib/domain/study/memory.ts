/**
 * A fact's memory as stored: its key, the FSRS states by name and the memory of a fact never
 * studied. Plain constants, free of ts-fsrs, so the statistics worker can use them too.
 */
import type { MemorySnapshot } from '$lib/domain/types';

/** The stored memory states by name (ts-fsrs's State values; fsrs-adapter.test.ts checks). */
export const MEMORY_STATE = Object.freeze({
	new: 0,
	learning: 1,
	review: 2,
	relearning: 3
} as const satisfies Record<string, MemorySnapshot['state']>);

/** The memory of a fact never studied, for a row that exists only to hold a suspension. */
export const NEW_MEMORY: Readonly<MemorySnapshot> = Object.freeze({
	dueAt: 0,
	stability: 0,
	difficulty: 0,
	scheduledDays: 0,
	learningSteps: 0,
	reps: 0,
	lapses: 0,
	state: 0,
	lastReviewAt: null
});

/** The memory key of a fact: `${deckId}/${factId}`. */
export function factKey(deckId: string, factId: string): string {
	return `${deckId}/${factId}`;
}

const MEMORY_NUMBERS = [
	'dueAt',
	'stability',
	'difficulty',
	'scheduledDays',
	'learningSteps',
	'reps',
	'lapses'
] as const;

/**
 * The first field of a stored memory row the scheduler cannot read, with what is wrong, or
 * null when it can be studied: finite numbers, a known state, a key that is its deck and fact.
 * (domain/deck/damaged-row names the row in the learner's words.)
 */
export function memoryFieldProblem(row: unknown): [field: string, what: string] | null {
	if (typeof row !== 'object' || row === null) return ['key', 'not a row'];
	const r = row as Record<string, unknown>;
	if (typeof r.deckId !== 'string' || typeof r.factId !== 'string') return ['factId', 'not text'];
	if (r.key !== factKey(r.deckId, r.factId)) return ['key', 'not its deck and fact'];
	for (const field of MEMORY_NUMBERS) {
		const value = r[field];
		if (typeof value !== 'number' || !Number.isFinite(value)) return [field, 'not a number'];
	}
	if (![0, 1, 2, 3].includes(r.state as number)) return ['state', 'not a known state'];
	const last = r.lastReviewAt;
	if (last !== null && (typeof last !== 'number' || !Number.isFinite(last))) {
		return ['lastReviewAt', 'not a time'];
	}
	return null;
}
