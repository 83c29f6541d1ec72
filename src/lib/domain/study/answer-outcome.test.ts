import { describe, expect, it } from 'vitest';
import { isLeech, LEECH_LAPSES } from '$lib/domain/study/answer-outcome';
import { applyRating, type StudyRating } from '$lib/domain/study/fsrs-adapter';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { MemorySnapshot } from '$lib/domain/types';

/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();

const KEY = 'kosovo/kfor-founded';

/** Walks one fact through a list of ratings, each answered when it falls due (plus `late`). */
function walk(ratings: StudyRating[], key = KEY, late = 0): MemorySnapshot {
	let memory: MemorySnapshot | null = null;
	let now = NOON;
	for (const rating of ratings) {
		memory = applyRating(memory, key, rating, now, DEFAULT_SETTINGS);
		now = memory.dueAt + late;
	}
	if (!memory) throw new Error('walk needs at least one rating');
	return memory;
}

describe('leeches', () => {
	it('flags a fact once it has lapsed LEECH_LAPSES times', () => {
		expect(LEECH_LAPSES).toBe(8);
		expect(isLeech(null)).toBe(false);
		let memory = walk([3, 3]);
		for (let lapse = 1; lapse <= LEECH_LAPSES; lapse++) {
			expect(isLeech(memory)).toBe(false);
			memory = applyRating(memory, KEY, 1, memory.dueAt, DEFAULT_SETTINGS);
			expect(memory.lapses).toBe(lapse);
			memory = applyRating(memory, KEY, 3, memory.dueAt, DEFAULT_SETTINGS);
		}
		expect(isLeech(memory)).toBe(true);
	});
});
