import { describe, it, expect } from 'vitest';
import type { MemorySnapshot, ReviewRow } from '$lib/domain/types';
import {
	addReviewToAggregates,
	aggregatesFromReviews,
	sortedAggregates,
	type DayAggregates
} from '$lib/domain/stats/aggregate';
import { heatmap, heatmapFromAggregates } from '$lib/domain/stats/heatmap';
import {
	retentionByMonth,
	retentionByMonthFromAggregates,
	retentionByWeek,
	retentionByWeekFromAggregates
} from '$lib/domain/stats/retention';
import { todayStats, todayStatsFromAggregates } from '$lib/domain/stats/today';

const at = (iso: string) => Date.parse(iso);

function snapshot(state: MemorySnapshot['state']): MemorySnapshot {
	return {
		dueAt: 0,
		stability: 4,
		difficulty: 5,
		scheduledDays: 4,
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state,
		lastReviewAt: null
	};
}

function review(
	reviewedAt: number,
	before: MemorySnapshot['state'] | null,
	rating: ReviewRow['rating'],
	durationMs: number
): ReviewRow {
	return {
		deckId: 'kosovo',
		factId: 'f',
		itemId: 'i',
		rating,
		reviewedAt,
		elapsedDays: 1,
		durationMs,
		before: before === null ? null : snapshot(before),
		after: snapshot(2),
		origin: 'study'
	};
}

/** A seeded log of reviews spread over [from, to), with every kind of before-state and rating. */
function generatedLog(count: number, from: number, to: number, seed: number): ReviewRow[] {
	let state = seed >>> 0;
	const random = () => {
		// mulberry32
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const befores = [null, 0, 1, 2, 2, 2, 3] as const;
	return Array.from({ length: count }, () =>
		review(
			from + Math.floor(random() * (to - from)),
			befores[Math.floor(random() * befores.length)],
			(1 + Math.floor(random() * 4)) as ReviewRow['rating'],
			Math.floor(random() * 30_000)
		)
	);
}

describe('aggregatesFromReviews', () => {
	it('totals each study day', () => {
		const log = [
			review(at('2026-03-10T10:00:00Z'), null, 3, 1000), // new
			review(at('2026-03-10T12:00:00Z'), 2, 1, 2000), // review answer, failed
			review(at('2026-03-11T03:00:00Z'), 2, 4, 3000), // 03:00: still 03-10; passed
			review(at('2026-03-11T05:00:00Z'), 3, 3, 4000), // relearning
			review(at('2026-03-11T06:00:00Z'), 0, 2, 500) // new
		];
		expect(sortedAggregates(aggregatesFromReviews(log, 4, 'UTC'))).toEqual([
			{
				day: '2026-03-10',
				reviews: 3,
				newLearned: 1,
				passed: 1,
				reviewAnswers: 2,
				durationMs: 6000
			},
			{
				day: '2026-03-11',
				reviews: 2,
				newLearned: 1,
				passed: 0,
				reviewAnswers: 0,
				durationMs: 4500
			}
		]);
	});

	it('gives the same totals when reviews are added one at a time', () => {
		const log = generatedLog(2000, at('2026-02-20T00:00:00Z'), at('2026-03-20T00:00:00Z'), 7);
		const incremental: DayAggregates = new Map();
		for (const row of log) addReviewToAggregates(incremental, row, 4, 'America/New_York');
		expect(sortedAggregates(incremental)).toEqual(
			sortedAggregates(aggregatesFromReviews(log, 4, 'America/New_York'))
		);
	});

	it('returns the day it added to', () => {
		const map: DayAggregates = new Map();
		// 2026-04-05 03:59 NZST: study day 04-04 in Auckland
		const day = addReviewToAggregates(
			map,
			review(at('2026-04-04T15:59:00Z'), 2, 2, 10),
			4,
			'Pacific/Auckland'
		);
		expect(day).toEqual({
			day: '2026-04-04',
			reviews: 1,
			newLearned: 0,
			passed: 1,
			reviewAnswers: 1,
			durationMs: 10
		});
		expect(map.get('2026-04-04')).toBe(day);
	});
});

describe('statistics from aggregates agree with statistics from raw reviews', () => {
	const cases = [
		// around the New York spring-forward day
		{
			zone: 'America/New_York',
			nows: ['2026-03-08T07:30:00Z', '2026-03-08T08:00:00Z', '2026-03-20T12:00:00Z']
		},
		{ zone: 'Asia/Tokyo', nows: ['2026-03-10T18:30:00Z', '2026-03-10T19:00:00Z'] },
		// around Auckland's end of daylight saving
		{ zone: 'Pacific/Auckland', nows: ['2026-04-04T15:59:00Z', '2026-04-04T16:00:00Z'] }
	];
	const log = generatedLog(5000, at('2025-01-01T00:00:00Z'), at('2026-04-10T00:00:00Z'), 42);

	for (const { zone, nows } of cases) {
		it(`in ${zone}`, () => {
			for (const hour of [0, 4]) {
				const aggregates = aggregatesFromReviews(log, hour, zone);
				for (const iso of nows) {
					const now = at(iso);
					expect(todayStatsFromAggregates(aggregates, now, hour, zone)).toEqual(
						todayStats(log, now, hour, zone)
					);
					expect(heatmapFromAggregates(aggregates, now, hour, zone)).toEqual(
						heatmap(log, now, hour, zone)
					);
					expect(retentionByWeekFromAggregates(aggregates, now, hour, zone, 70)).toEqual(
						retentionByWeek(log, now, hour, zone, 70)
					);
					expect(retentionByMonthFromAggregates(aggregates, now, hour, zone, 16)).toEqual(
						retentionByMonth(log, now, hour, zone, 16)
					);
				}
			}
		});
	}
});
