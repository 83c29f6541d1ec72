import { describe, it, expect } from 'vitest';
import type { MemorySnapshot, ReviewRow } from '$lib/domain/types';
import { aggregatesFromReviews } from '$lib/domain/stats/aggregate';
import { streakFromDays, todayStats, todayStatsFromAggregates } from '$lib/domain/stats/today';

const at = (iso: string) => Date.parse(iso);

function snapshot(state: MemorySnapshot['state']): MemorySnapshot {
	return {
		dueAt: 0,
		stability: 5,
		difficulty: 5,
		scheduledDays: 1,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state,
		lastReviewAt: null
	};
}

function review(
	iso: string,
	before: MemorySnapshot['state'] | null,
	durationMs: number,
	rating: ReviewRow['rating'] = 3
): ReviewRow {
	return {
		deckId: 'kosovo',
		factId: `f-${iso}`,
		itemId: `i-${iso}`,
		rating,
		reviewedAt: at(iso),
		elapsedDays: 0,
		durationMs,
		before: before === null ? null : snapshot(before),
		after: snapshot(2),
		origin: 'study'
	};
}

// Asia/Tokyo is UTC+9 all year; the local times are in the comments.
const tokyoLog: ReviewRow[] = [
	review('2026-03-10T01:00:00Z', null, 8000), // 03-10 10:00 -> day 03-10, new
	review('2026-03-10T18:30:00Z', 1, 5000), // 03-11 03:30 -> day 03-10
	review('2026-03-11T11:00:00Z', 2, 4000), // 03-11 20:00 -> day 03-11
	review('2026-03-11T18:59:00Z', 0, 6000), // 03-12 03:59 -> day 03-11, new
	review('2026-03-11T19:00:00Z', null, 7000), // 03-12 04:00 -> day 03-12, new
	review('2026-03-12T03:00:00Z', 2, 3000, 1), // 03-12 12:00 -> day 03-12
	review('2026-03-12T04:00:00Z', 0, 2000) // 03-12 13:00 -> day 03-12, new
];

function bothWays(log: ReviewRow[], now: number, zone: string) {
	const raw = todayStats(log, now, 4, zone);
	expect(todayStatsFromAggregates(aggregatesFromReviews(log, 4, zone), now, 4, zone)).toEqual(raw);
	return raw;
}

describe('todayStats', () => {
	it('counts today by study day in Tokyo, 04:00 to 04:00', () => {
		// 2026-03-12 21:00 JST
		expect(bothWays(tokyoLog, at('2026-03-12T12:00:00Z'), 'Asia/Tokyo')).toEqual({
			day: '2026-03-12',
			reviews: 3,
			newLearned: 2,
			durationMs: 12_000,
			streak: 3,
			isStudiedToday: true
		});
		// 2026-03-13 03:30 JST is still the study day of the 12th.
		expect(bothWays(tokyoLog, at('2026-03-12T18:30:00Z'), 'Asia/Tokyo').reviews).toBe(3);
	});

	it('keeps the streak through the next day until it is over, then breaks it', () => {
		// 2026-03-13 04:00 JST: a new day with nothing done yet
		expect(bothWays(tokyoLog, at('2026-03-12T19:00:00Z'), 'Asia/Tokyo')).toEqual({
			day: '2026-03-13',
			reviews: 0,
			newLearned: 0,
			durationMs: 0,
			streak: 3,
			isStudiedToday: false
		});
		// 2026-03-14 03:59 JST: the 13th is not over yet
		expect(bothWays(tokyoLog, at('2026-03-13T18:59:00Z'), 'Asia/Tokyo').streak).toBe(3);
		// 2026-03-14 04:00 JST: the 13th passed without a review
		expect(bothWays(tokyoLog, at('2026-03-13T19:00:00Z'), 'Asia/Tokyo').streak).toBe(0);
	});

	it('restarts the streak after a day without reviews', () => {
		const withGap = [...tokyoLog];
		withGap.splice(2, 2); // drop both reviews of study day 03-11
		expect(bothWays(withGap, at('2026-03-12T12:00:00Z'), 'Asia/Tokyo').streak).toBe(1);
	});

	it('counts across the New York spring-forward day (2026-03-08)', () => {
		const log = [
			review('2026-03-06T17:00:00Z', 2, 1000), // 03-06 12:00 EST -> day 03-06
			review('2026-03-08T07:59:00Z', 2, 1000), // 03-08 03:59 EDT -> day 03-07
			review('2026-03-08T08:00:00Z', null, 1000), // 03-08 04:00 EDT -> day 03-08
			review('2026-03-09T07:30:00Z', 2, 1000) // 03-09 03:30 EDT -> day 03-08
		];
		// 2026-03-09 03:45 EDT
		expect(bothWays(log, at('2026-03-09T07:45:00Z'), 'America/New_York')).toEqual({
			day: '2026-03-08',
			reviews: 2,
			newLearned: 1,
			durationMs: 2000,
			streak: 3,
			isStudiedToday: true
		});
		// 2026-03-09 04:00 EDT
		const next = bothWays(log, at('2026-03-09T08:00:00Z'), 'America/New_York');
		expect(next.day).toBe('2026-03-09');
		expect(next.reviews).toBe(0);
		expect(next.streak).toBe(3);
	});

	it('counts across the Auckland end of daylight saving (2026-04-05)', () => {
		const log = [
			review('2026-04-03T07:00:00Z', null, 1000), // 04-03 20:00 NZDT -> day 04-03
			review('2026-04-04T13:30:00Z', 2, 1000), // 04-05 02:30 NZDT -> day 04-04
			review('2026-04-04T14:30:00Z', 2, 1000), // 04-05 02:30 NZST (again) -> day 04-04
			review('2026-04-04T15:59:00Z', 0, 1000), // 04-05 03:59 NZST -> day 04-04
			review('2026-04-04T16:00:00Z', 2, 1000) // 04-05 04:00 NZST -> day 04-05
		];
		// 2026-04-05 03:59:30 NZST
		expect(bothWays(log, at('2026-04-04T15:59:30Z'), 'Pacific/Auckland')).toEqual({
			day: '2026-04-04',
			reviews: 3,
			newLearned: 1,
			durationMs: 3000,
			streak: 2,
			isStudiedToday: true
		});
		// 2026-04-05 04:30 NZST
		const after = bothWays(log, at('2026-04-04T16:30:00Z'), 'Pacific/Auckland');
		expect(after).toMatchObject({ day: '2026-04-05', reviews: 1, newLearned: 0, streak: 3 });
	});

	it('is empty with no reviews', () => {
		expect(todayStats([], at('2026-03-12T12:00:00Z'), 4, 'UTC')).toEqual({
			day: '2026-03-12',
			reviews: 0,
			newLearned: 0,
			durationMs: 0,
			streak: 0,
			isStudiedToday: false
		});
	});
});

describe('streakFromDays', () => {
	it('counts back from today, or from yesterday when today is empty', () => {
		const days = new Set(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-03']);
		const has = (day: string) => days.has(day);
		expect(streakFromDays(has, '2026-03-03')).toBe(1);
		expect(streakFromDays(has, '2026-03-02')).toBe(3);
		expect(streakFromDays(has, '2026-03-01')).toBe(3);
		expect(streakFromDays(has, '2026-03-05')).toBe(0);
	});
});
