import { describe, it, expect } from 'vitest';
import type { MemorySnapshot, ReviewRow } from '$lib/domain/types';
import { aggregatesFromReviews } from '$lib/domain/stats/aggregate';
import {
	retentionByMonth,
	retentionByMonthFromAggregates,
	retentionByWeek,
	retentionByWeekFromAggregates,
	wilsonInterval
} from '$lib/domain/stats/retention';

const at = (iso: string) => Date.parse(iso);

function snapshot(state: MemorySnapshot['state']): MemorySnapshot {
	return {
		dueAt: 0,
		stability: 10,
		difficulty: 5,
		scheduledDays: 10,
		learningSteps: 0,
		reps: 3,
		lapses: 0,
		state,
		lastReviewAt: null
	};
}

function review(
	iso: string,
	before: MemorySnapshot['state'] | null,
	rating: ReviewRow['rating']
): ReviewRow {
	return {
		deckId: 'kosovo',
		factId: 'f',
		itemId: 'i',
		rating,
		reviewedAt: at(iso),
		elapsedDays: 3,
		durationMs: 1000,
		before: before === null ? null : snapshot(before),
		after: snapshot(2),
		origin: 'study'
	};
}

// UTC, day starting 04:00. 2026-03-12 is a Thursday of ISO week 11 (Mon 03-09).
const now = at('2026-03-12T12:00:00Z');
const log = [
	review('2026-03-09T10:00:00Z', 2, 3), // W11 pass
	review('2026-03-10T10:00:00Z', 2, 1), // W11 fail
	review('2026-03-10T11:00:00Z', 2, 2), // W11 pass: Hard is remembered
	review('2026-03-11T10:00:00Z', 1, 1), // learning: not a review answer
	review('2026-03-11T10:05:00Z', 3, 4), // relearning: not a review answer
	review('2026-03-11T10:10:00Z', null, 3), // new: not a review answer
	review('2026-03-09T03:30:00Z', 2, 1), // Mon 03:30 = study day Sun 03-08: W10 fail
	review('2026-03-03T10:00:00Z', 2, 4), // W10 pass
	review('2026-03-01T03:00:00Z', 2, 1), // Sun 03:00 = study day Sat 02-28: W09 and February, fail
	review('2026-02-10T10:00:00Z', 2, 3) // W07, outside three weeks; February pass
];

describe('retentionByWeek', () => {
	it('counts review answers passed per ISO week of study day', () => {
		const weeks = retentionByWeek(log, now, 4, 'UTC', 3);
		expect(
			weeks.map(({ period, start, n, passed, rate }) => ({ period, start, n, passed, rate }))
		).toEqual([
			{ period: '2026-W09', start: '2026-02-23', n: 1, passed: 0, rate: 0 },
			{ period: '2026-W10', start: '2026-03-02', n: 2, passed: 1, rate: 0.5 },
			{ period: '2026-W11', start: '2026-03-09', n: 3, passed: 2, rate: 2 / 3 }
		]);
		expect(weeks[2].low).toBeCloseTo(wilsonInterval(2, 3).low, 12);
		expect(weeks[2].high).toBeCloseTo(wilsonInterval(2, 3).high, 12);
	});

	it('shows empty weeks with n 0 and no rate', () => {
		const weeks = retentionByWeek(log, now, 4, 'UTC', 5);
		expect(weeks[0]).toEqual({
			period: '2026-W07',
			start: '2026-02-09',
			n: 1,
			passed: 1,
			rate: 1,
			low: wilsonInterval(1, 1).low,
			high: wilsonInterval(1, 1).high
		});
		expect(weeks[1]).toEqual({
			period: '2026-W08',
			start: '2026-02-16',
			n: 0,
			passed: 0,
			rate: null,
			low: null,
			high: null
		});
	});

	it('names weeks across a year end by ISO year', () => {
		const weeks = retentionByWeek([], at('2027-01-01T12:00:00Z'), 4, 'UTC', 3);
		expect(weeks.map((w) => w.period)).toEqual(['2026-W51', '2026-W52', '2026-W53']);
	});

	it('agrees with the aggregates', () => {
		const aggregates = aggregatesFromReviews(log, 4, 'UTC');
		expect(retentionByWeekFromAggregates(aggregates, now, 4, 'UTC', 8)).toEqual(
			retentionByWeek(log, now, 4, 'UTC', 8)
		);
	});
});

describe('retentionByMonth', () => {
	it('counts review answers passed per month of study day', () => {
		const months = retentionByMonth(log, now, 4, 'UTC', 3);
		expect(
			months.map(({ period, start, n, passed, rate }) => ({ period, start, n, passed, rate }))
		).toEqual([
			{ period: '2026-01', start: '2026-01-01', n: 0, passed: 0, rate: null },
			{ period: '2026-02', start: '2026-02-01', n: 2, passed: 1, rate: 0.5 },
			{ period: '2026-03', start: '2026-03-01', n: 5, passed: 3, rate: 0.6 }
		]);
	});

	it('goes back across a year end', () => {
		const months = retentionByMonth([], at('2026-02-15T12:00:00Z'), 4, 'UTC', 3);
		expect(months.map((m) => m.period)).toEqual(['2025-12', '2026-01', '2026-02']);
	});

	it('agrees with the aggregates', () => {
		const aggregates = aggregatesFromReviews(log, 4, 'UTC');
		expect(retentionByMonthFromAggregates(aggregates, now, 4, 'UTC', 12)).toEqual(
			retentionByMonth(log, now, 4, 'UTC', 12)
		);
	});
});

describe('wilsonInterval', () => {
	it('matches the textbook 95% interval for 8 of 10', () => {
		const { low, high } = wilsonInterval(8, 10);
		expect(low).toBeCloseTo(0.4902, 4);
		expect(high).toBeCloseTo(0.9433, 4);
	});

	it('narrows as n grows and stays within 0..1', () => {
		const small = wilsonInterval(9, 10);
		const large = wilsonInterval(900, 1000);
		expect(large.high - large.low).toBeLessThan(small.high - small.low);
		expect(wilsonInterval(0, 5).low).toBe(0);
		expect(wilsonInterval(5, 5).high).toBeCloseTo(1, 12);
	});
});
