import { describe, expect, it } from 'vitest';
import { applyRating, fuzzWindow, type FuzzWindow } from '$lib/domain/study/fsrs-adapter';
import { pickBalancedDay, windowDays } from '$lib/domain/study/load-balance';
import { factKey } from '$lib/domain/study/memory';
import { addStudyDays, studyDaysBetween } from '$lib/domain/study/study-day';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { MemorySnapshot } from '$lib/domain/types';

const window: FuzzWindow = { fuzzedDays: 10, minDays: 8, maxDays: 12 };

describe('pickBalancedDay', () => {
	it('keeps the fuzzed interval when every day is as light (or nothing is counted)', () => {
		expect(pickBalancedDay(window, [3, 3, 3, 3, 3])).toBe(10);
		expect(pickBalancedDay(window, [])).toBe(10);
	});

	it('moves to the lightest day of the range', () => {
		expect(pickBalancedDay(window, [5, 1, 9, 4, 4])).toBe(9);
		expect(pickBalancedDay(window, [5, 5, 9, 4, 0])).toBe(12);
	});

	it('prefers the shorter of two equally light days, so balancing does not lengthen intervals', () => {
		expect(pickBalancedDay(window, [1, 2, 9, 2, 1])).toBe(8);
		expect(pickBalancedDay(window, [1, 9, 9, 1, 9])).toBe(8);
		// A clearly lighter later day still wins.
		expect(pickBalancedDay(window, [9, 9, 9, 9, 0])).toBe(12);
	});

	it('breaks an equal weight by nearness to the fuzzed interval', () => {
		// (2 + 1)² × 4 = 36 = (1 + 1)² × 9: 4 and 9 tie, 9 is nearer to 8.
		expect(pickBalancedDay({ fuzzedDays: 8, minDays: 4, maxDays: 9 }, [2, 9, 9, 9, 9, 1])).toBe(9);
	});

	it('picks the best weight in the range, and a later day only when it is lighter', () => {
		for (let seed = 0; seed < 50; seed++) {
			const counts = windowDays(window).map((day) => (day * 7919 + seed * 104729) % 13);
			const day = pickBalancedDay(window, counts);
			expect(day).toBeGreaterThanOrEqual(window.minDays);
			expect(day).toBeLessThanOrEqual(window.maxDays);
			const at = (d: number) => counts[d - window.minDays];
			const weight = (d: number) => (at(d) + 1) ** 2 * d;
			expect(weight(day)).toBe(Math.min(...windowDays(window).map(weight)));
			if (day > window.fuzzedDays) expect(at(day)).toBeLessThan(at(window.fuzzedDays));
		}
	});

	it('lists the window days in order', () => {
		expect(windowDays(window)).toEqual([8, 9, 10, 11, 12]);
	});
});

/** Local noon, so the simulation holds in whatever zone the process runs. */
const START = new Date(2026, 0, 10, 12).getTime();
const DAYS = 60;

/**
 * Sixty days of study with the real scheduler: 25 new facts a day answered Easy, every fact due
 * answered Good on its day. Returns the reviews done on each day.
 */
function simulate(isBalanced: boolean): number[] {
	const settings = { ...DEFAULT_SETTINGS, loadBalance: isBalanced };
	const { dayStartHour } = settings;
	const dueOn = new Map<number, Array<{ key: string; memory: MemorySnapshot }>>();
	const done: number[] = [];
	let next = 0;
	const schedule = (key: string, memory: MemorySnapshot | null, rating: 3 | 4, now: number) => {
		let after = applyRating(memory, key, rating, now, settings);
		const range = isBalanced ? fuzzWindow(memory, key, rating, now, settings) : null;
		if (range) {
			const counts = windowDays(range).map((d) => dueOn.get(studyDay(now) + d)?.length ?? 0);
			const days = pickBalancedDay(range, counts);
			after = { ...after, scheduledDays: days, dueAt: addStudyDays(now, days, dayStartHour) };
		}
		const day = studyDaysBetween(START, after.dueAt, dayStartHour);
		dueOn.set(day, [...(dueOn.get(day) ?? []), { key, memory: after }]);
	};
	const studyDay = (now: number) => studyDaysBetween(START, now, dayStartHour);
	for (let day = 0; day < DAYS; day++) {
		const now = addStudyDays(START, day, dayStartHour) + 8 * 3_600_000;
		const due = dueOn.get(day) ?? [];
		dueOn.delete(day);
		for (const { key, memory } of due) schedule(key, memory, 3, now);
		done.push(due.length);
		for (let i = 0; i < 25; i++) schedule(factKey('sim', `f${next++}`), null, 4, now);
	}
	return done;
}

function spread(counts: readonly number[]): { sd: number; max: number; mean: number } {
	const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
	const sd = Math.sqrt(counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length);
	return { sd, max: Math.max(...counts), mean };
}

describe('load balancing over a simulated month', () => {
	it('gives a flatter daily review count than fuzz alone, for about the same work', () => {
		// The second month: by then every day has reviews of facts from many earlier days.
		const plain = spread(simulate(false).slice(30));
		const balanced = spread(simulate(true).slice(30));
		expect(balanced.sd).toBeLessThan(plain.sd * 0.75);
		expect(balanced.max).toBeLessThanOrEqual(plain.max);
		// Balancing moves reviews between days; it does not skip them.
		expect(Math.abs(balanced.mean - plain.mean)).toBeLessThan(plain.mean * 0.1);
		// Two runs of sixty days with the real scheduler: seconds on a busy machine.
	}, 60_000);
});
