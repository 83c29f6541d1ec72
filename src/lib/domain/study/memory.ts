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
