import { describe, expect, it } from 'vitest';
import { walkMemory } from '$fixtures/study-memory';
import fc from 'fast-check';
import {
	applyRating,
	fuzzWindow,
	plainInterval,
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

describe('maximum interval, fuzz window and plain intervals', () => {
	it('never schedules further than the maximum interval, and the preview says so', () => {
		const memory = walkMemory([3, 3, 3, 3, 3]);
		const free = applyRating(memory, KEY, 4, memory.dueAt, DEFAULT_SETTINGS);
		expect(free.scheduledDays).toBeGreaterThan(20);
		const capped = { ...DEFAULT_SETTINGS, maximumInterval: 20 };
		const applied = applyRating(memory, KEY, 4, memory.dueAt, capped);
		expect(applied.scheduledDays).toBeLessThanOrEqual(20);
		expect(previewIntervals(memory, KEY, memory.dueAt, capped)[4].after).toEqual(applied);
	});

	it('gives a changed retention only to the reviews after the change', () => {
		const memory = walkMemory([3, 3, 3]);
		const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.97 };
		// The memory already made keeps its due date; the next answer uses the new retention.
		const next = applyRating(memory, KEY, 3, memory.dueAt, strict);
		expect(next.lastReviewAt).toBe(memory.dueAt);
		expect(next.scheduledDays).toBeLessThan(
			applyRating(memory, KEY, 3, memory.dueAt, DEFAULT_SETTINGS).scheduledDays
		);
	});

	it('uses fitted parameters when given, and the schedule follows them', () => {
		// FSRS-6 defaults with a much larger initial stability for Good (w[2]).
		const w = [
			0.212, 1.2931, 20, 15.4722, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395,
			0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621, 0.06, 0.1542
		];
		const fitted = applyRating(null, KEY, 3, NOON, { ...DEFAULT_SETTINGS, parameters: w });
		const plain = applyRating(null, KEY, 3, NOON, DEFAULT_SETTINGS);
		expect(fitted.stability).toBe(20);
		expect(plain.stability).toBeLessThan(20);
	});

	it('gives the fuzz range around the interval, holding the fuzzed one', () => {
		for (let i = 0; i < 20; i++) {
			const key = `kosovo/fact-${i}`;
			const memory = walkMemory([3, 3, 3], key);
			const window = fuzzWindow(memory, key, 3, memory.dueAt, DEFAULT_SETTINGS);
			const applied = applyRating(memory, key, 3, memory.dueAt, DEFAULT_SETTINGS);
			expect(window).not.toBeNull();
			if (!window) continue;
			expect(window.fuzzedDays).toBe(applied.scheduledDays);
			expect(window.minDays).toBeLessThanOrEqual(applied.scheduledDays);
			expect(window.maxDays).toBeGreaterThanOrEqual(applied.scheduledDays);
			expect(window.maxDays).toBeGreaterThan(window.minDays);
		}
	});

	it('has no fuzz window for a learning step or a lapse', () => {
		expect(fuzzWindow(null, KEY, 3, NOON, DEFAULT_SETTINGS)).toBeNull();
		const memory = walkMemory([3, 3, 3]);
		expect(fuzzWindow(memory, KEY, 1, memory.dueAt, DEFAULT_SETTINGS)).toBeNull();
	});

	it('keeps the fuzz window inside the maximum interval', () => {
		const memory = walkMemory([3, 3, 3, 3, 3]);
		const capped = { ...DEFAULT_SETTINGS, maximumInterval: 10 };
		const window = fuzzWindow(memory, KEY, 4, memory.dueAt, capped);
		expect(window?.maxDays).toBeLessThanOrEqual(10);
	});

	it('gives plain intervals that shrink with retention and stop at the maximum', () => {
		const at = (desiredRetention: number, maximumInterval = 36500) =>
			plainInterval(30, { ...DEFAULT_SETTINGS, desiredRetention, maximumInterval });
		expect(at(0.9)).toBe(30);
		expect(at(0.95)).toBeLessThan(at(0.9));
		expect(at(0.8)).toBeGreaterThan(at(0.9));
		expect(at(0.8, 14)).toBe(14);
	});
});
