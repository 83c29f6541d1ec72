import { describe, expect, it } from 'vitest';
import { walkMemory } from '$fixtures/study-memory';
import fc from 'fast-check';
import {
	applyRating,
	previewIntervals,
	RATINGS,
	type StudyRating
} from '$lib/domain/study/fsrs-adapter';
import { formatInterval } from '$lib/domain/study/interval-labels';
import { factKey } from '$lib/domain/study/memory';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { MemorySnapshot } from '$lib/domain/types';

const MINUTE = 60_000;

const HOUR = 60 * MINUTE;

const DAY = 24 * HOUR;

/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();

const KEY = 'kosovo/kfor-founded';

describe('previewIntervals and applyRating', () => {
	it('labels the buttons of a new fact with its learning steps and first interval', () => {
		const preview = previewIntervals(null, KEY, NOON, DEFAULT_SETTINGS);
		expect(preview[1].label).toBe('1m');
		expect(preview[2].label).toBe('6m');
		expect(preview[3].label).toBe('10m');
		expect(preview[4].label).toMatch(/^\d+d$/);
		expect(preview[1].after.dueAt).toBe(NOON + MINUTE);
		expect(preview[3].after.dueAt).toBe(NOON + 10 * MINUTE);
		expect(preview[3].after).toMatchObject({ state: 1, reps: 1, lapses: 0, lastReviewAt: NOON });
		expect(preview[4].after.state).toBe(2);
	});

	it('applies exactly what it previews, for any history, rating and lateness', () => {
		const rating = fc.constantFrom<StudyRating>(1, 2, 3, 4);
		fc.assert(
			fc.property(
				fc.array(fc.tuple(rating, fc.integer({ min: 0, max: 40 * DAY })), { maxLength: 12 }),
				rating,
				fc.string({ minLength: 1, maxLength: 12 }),
				(history, next, factId) => {
					const key = factKey('kosovo', factId);
					let memory: MemorySnapshot | null = null;
					let now = NOON;
					for (const [r, late] of history) {
						memory = applyRating(memory, key, r, now, DEFAULT_SETTINGS);
						now = memory.dueAt + late;
					}
					const preview = previewIntervals(memory, key, now, DEFAULT_SETTINGS);
					const applied = applyRating(memory, key, next, now, DEFAULT_SETTINGS);
					expect(applied).toEqual(preview[next].after);
					expect(preview[next].label).toBe(formatInterval(applied, now));
				}
			),
			{ numRuns: 150 }
		);
	});

	it('orders the intervals Again < Hard < Good < Easy for a fact in review', () => {
		const memory = walkMemory([3, 3, 3]);
		const preview = previewIntervals(memory, KEY, memory.dueAt, DEFAULT_SETTINGS);
		const due = RATINGS.map((r) => preview[r].after.dueAt);
		expect(due).toEqual([...due].sort((a, b) => a - b));
		expect(new Set(due).size).toBe(4);
		expect(preview[1].after).toMatchObject({ state: 3, lapses: memory.lapses + 1 });
		expect(preview[1].label).toBe('10m');
	});

	it('seeds fuzz per fact, the same every time for the same fact', () => {
		const intervals = new Set<number>();
		for (let i = 0; i < 30; i++) {
			const key = `kosovo/fact-${i}`;
			const memory = walkMemory([3, 3, 3, 3], key);
			const again = walkMemory([3, 3, 3, 3], key);
			expect(again).toEqual(memory);
			intervals.add(memory.scheduledDays);
		}
		// Without fuzz all thirty identical histories would share one interval.
		expect(intervals.size).toBeGreaterThan(1);
	});

	it('asks for a higher retention with shorter intervals', () => {
		const memory = walkMemory([3, 3, 3]);
		const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.97 };
		const loose = { ...DEFAULT_SETTINGS, desiredRetention: 0.8 };
		const strictGood = applyRating(memory, KEY, 3, memory.dueAt, strict);
		const looseGood = applyRating(memory, KEY, 3, memory.dueAt, loose);
		expect(strictGood.scheduledDays).toBeLessThan(looseGood.scheduledDays);
	});
});
