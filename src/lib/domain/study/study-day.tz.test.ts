/**
 * The study day in real time zones. Node re-reads `process.env.TZ` when it is assigned, so each
 * test switches the process zone, checks that the switch took effect, and restores it.
 */
import { describe, it, expect } from 'vitest';
import { applyRating } from '$lib/domain/study/fsrs-adapter';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { nextStudyDayStart, studyDayStart, studyDaysBetween } from '$lib/domain/study/study-day';
import type { MemorySnapshot } from '$lib/domain/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso).getTime();

function inZone(zone: string, run: () => void): void {
	const previous = process.env.TZ;
	process.env.TZ = zone;
	try {
		run();
	} finally {
		if (previous === undefined) delete process.env.TZ;
		else process.env.TZ = previous;
	}
}

/** A fact in review, last seen `lastReviewAt`, with a stability of ten days. */
function reviewMemory(lastReviewAt: number): MemorySnapshot {
	return {
		dueAt: lastReviewAt + 10 * DAY,
		stability: 10,
		difficulty: 5,
		scheduledDays: 10,
		learningSteps: 0,
		reps: 4,
		lapses: 0,
		state: 2,
		lastReviewAt
	};
}

/** Every study-day start from Mar 1 to Apr 15 2026 obeys the same rules, DST or not. */
function checkSweep(dayStartHours: number[]): void {
	const failures: string[] = [];
	for (const hour of dayStartHours) {
		for (let t = at('2026-03-01T00:00:00Z'); t < at('2026-04-15T00:00:00Z'); t += HOUR / 2) {
			const start = studyDayStart(t, hour);
			const next = nextStudyDayStart(t, hour);
			const length = next - start;
			// An hour skipped by a DST jump starts the day at the first hour that exists.
			const startHour = new Date(start).getHours();
			const isValid =
				start <= t &&
				next > t &&
				(length === 23 * HOUR || length === 24 * HOUR || length === 25 * HOUR) &&
				(startHour === hour || startHour === hour + 1);
			if (!isValid) failures.push(`hour ${hour} at ${new Date(t).toISOString()}`);
		}
	}
	expect(failures).toEqual([]);
}

describe('America/New_York (DST starts 2026-03-08 at 02:00)', () => {
	const zone = 'America/New_York';

	it('is really running in New York time', () =>
		inZone(zone, () => {
			expect(new Date(at('2026-01-15T12:00:00Z')).getTimezoneOffset()).toBe(300);
			expect(new Date(at('2026-03-09T12:00:00Z')).getTimezoneOffset()).toBe(240);
		}));

	it('begins the day at 04:00 local on both sides of the change, 23 hours apart', () =>
		inZone(zone, () => {
			expect(studyDayStart(at('2026-03-08T12:00:00-04:00'), 4)).toBe(
				at('2026-03-08T04:00:00-04:00')
			);
			expect(studyDayStart(at('2026-03-08T03:30:00-04:00'), 4)).toBe(
				at('2026-03-07T04:00:00-05:00')
			);
			expect(nextStudyDayStart(at('2026-03-07T20:00:00-05:00'), 4)).toBe(
				at('2026-03-08T04:00:00-04:00')
			);
			expect(at('2026-03-08T04:00:00-04:00') - at('2026-03-07T04:00:00-05:00')).toBe(23 * HOUR);
			checkSweep([0, 2, 4, 23]);
		}));

	it('schedules a review at local 04:00 after the change, not n × 24 h later', () =>
		inZone(zone, () => {
			const now = at('2026-03-06T20:00:00-05:00');
			const memory = reviewMemory(at('2026-02-24T20:00:00-05:00'));
			const after = applyRating(memory, 'kosovo/f1', 3, now, DEFAULT_SETTINGS);
			expect(after.state).toBe(2);
			expect(after.scheduledDays).toBeGreaterThanOrEqual(2);
			expect(new Date(after.dueAt).getHours()).toBe(4);
			expect(after.dueAt - studyDayStart(now, 4)).toBe(after.scheduledDays * DAY - HOUR);
		}));

	it('counts elapsed days by study day, not by UTC date', () =>
		inZone(zone, () => {
			// 23:00 EST and 05:00 EST next morning share a UTC date but not a study day.
			expect(
				studyDaysBetween(at('2026-03-06T23:00:00-05:00'), at('2026-03-07T05:00:00-05:00'), 4)
			).toBe(1);
			// 18:00 and 19:30 EST fall on different UTC dates but the same study day ...
			const last = at('2026-03-06T12:00:00-05:00');
			expect(studyDaysBetween(last, at('2026-03-06T19:30:00-05:00'), 4)).toBe(0);
			// ... so FSRS sees the same elapsed time for both answers.
			const memory = reviewMemory(last);
			const early = applyRating(
				memory,
				'kosovo/f1',
				3,
				at('2026-03-06T18:00:00-05:00'),
				DEFAULT_SETTINGS
			);
			const late = applyRating(
				memory,
				'kosovo/f1',
				3,
				at('2026-03-06T19:30:00-05:00'),
				DEFAULT_SETTINGS
			);
			expect(late.stability).toBe(early.stability);
			expect(late.difficulty).toBe(early.difficulty);
		}));
});

describe('Pacific/Auckland (DST ends 2026-04-05 at 03:00)', () => {
	const zone = 'Pacific/Auckland';

	it('is really running in Auckland time', () =>
		inZone(zone, () => {
			expect(new Date(at('2026-01-15T00:00:00Z')).getTimezoneOffset()).toBe(-780);
			expect(new Date(at('2026-04-10T00:00:00Z')).getTimezoneOffset()).toBe(-720);
		}));

	it('begins the day at 04:00 local on both sides of the change, 25 hours apart', () =>
		inZone(zone, () => {
			expect(studyDayStart(at('2026-04-05T12:00:00+12:00'), 4)).toBe(
				at('2026-04-05T04:00:00+12:00')
			);
			expect(studyDayStart(at('2026-04-05T02:30:00+12:00'), 4)).toBe(
				at('2026-04-04T04:00:00+13:00')
			);
			expect(nextStudyDayStart(at('2026-04-04T22:00:00+13:00'), 4)).toBe(
				at('2026-04-05T04:00:00+12:00')
			);
			expect(at('2026-04-05T04:00:00+12:00') - at('2026-04-04T04:00:00+13:00')).toBe(25 * HOUR);
			checkSweep([0, 2, 4, 23]);
		}));

	it('schedules a review at local 04:00 after the change, not n × 24 h later', () =>
		inZone(zone, () => {
			const now = at('2026-04-03T20:00:00+13:00');
			const memory = reviewMemory(at('2026-03-22T20:00:00+13:00'));
			const after = applyRating(memory, 'kosovo/f2', 3, now, DEFAULT_SETTINGS);
			expect(after.scheduledDays).toBeGreaterThanOrEqual(2);
			expect(new Date(after.dueAt).getHours()).toBe(4);
			expect(after.dueAt - studyDayStart(now, 4)).toBe(after.scheduledDays * DAY + HOUR);
		}));
});

describe('Asia/Tokyo (no DST, nine hours ahead of UTC)', () => {
	const zone = 'Asia/Tokyo';

	it('is really running in Tokyo time', () =>
		inZone(zone, () => {
			expect(new Date(at('2026-01-15T00:00:00Z')).getTimezoneOffset()).toBe(-540);
			expect(new Date(at('2026-07-15T00:00:00Z')).getTimezoneOffset()).toBe(-540);
		}));

	it('begins the day at the local hour, whatever the UTC date', () =>
		inZone(zone, () => {
			expect(studyDayStart(at('2026-03-08T03:59:00+09:00'), 4)).toBe(
				at('2026-03-07T04:00:00+09:00')
			);
			expect(studyDayStart(at('2026-03-08T08:00:00+09:00'), 4)).toBe(
				at('2026-03-08T04:00:00+09:00')
			);
			// 08:00 and 10:00 JST straddle UTC midnight but are one study day.
			expect(
				studyDaysBetween(at('2026-03-08T08:00:00+09:00'), at('2026-03-08T10:00:00+09:00'), 4)
			).toBe(0);
			checkSweep([0, 4, 23]);
		}));

	it('schedules a review exactly n days after the start of today', () =>
		inZone(zone, () => {
			const now = at('2026-03-08T08:30:00+09:00');
			const after = applyRating(
				reviewMemory(at('2026-02-26T08:00:00+09:00')),
				'kosovo/f3',
				3,
				now,
				DEFAULT_SETTINGS
			);
			expect(after.dueAt - at('2026-03-08T04:00:00+09:00')).toBe(after.scheduledDays * DAY);
		}));
});
