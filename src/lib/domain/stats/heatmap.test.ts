import { describe, it, expect } from 'vitest';
import type { MemorySnapshot, ReviewRow } from '$lib/domain/types';
import { aggregatesFromReviews } from '$lib/domain/stats/aggregate';
import {
	HEATMAP_DAYS,
	heatLevels,
	heatmap,
	heatmapFromAggregates
} from '$lib/domain/stats/heatmap';

const at = (iso: string) => Date.parse(iso);

const after: MemorySnapshot = {
	dueAt: 0,
	stability: 1,
	difficulty: 5,
	scheduledDays: 1,
	learningSteps: 0,
	reps: 1,
	lapses: 0,
	state: 2,
	lastReviewAt: null
};

function review(iso: string): ReviewRow {
	return {
		deckId: 'kosovo',
		factId: 'f1',
		itemId: 'i1',
		rating: 3,
		reviewedAt: at(iso),
		elapsedDays: 1,
		durationMs: 1000,
		before: null,
		after,
		origin: 'study'
	};
}

describe('heatLevels', () => {
	it('splits non-zero days at their quartiles', () => {
		// non-zero counts 1..8: quartiles (nearest rank) 2, 4, 6
		expect(heatLevels([0, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual({
			levels: [0, 1, 1, 2, 2, 3, 3, 4, 4],
			thresholds: [2, 4, 6]
		});
	});

	it('always shows the busiest day at level 4', () => {
		expect(heatLevels([3, 0, 3, 3]).levels).toEqual([4, 0, 4, 4]);
		expect(heatLevels([1, 1, 1, 10])).toEqual({ levels: [1, 1, 1, 4], thresholds: [1, 1, 1] });
	});

	it('is all zero without reviews', () => {
		expect(heatLevels([0, 0])).toEqual({ levels: [0, 0], thresholds: [0, 0, 0] });
	});
});

describe('heatmap', () => {
	// 2026-03-12 21:00 JST
	const now = at('2026-03-12T12:00:00Z');
	const log = [
		review('2026-03-12T01:00:00Z'), // 03-12 10:00 JST
		review('2026-03-12T02:00:00Z'), // 03-12 11:00 JST
		review('2026-03-11T18:30:00Z'), // 03-12 03:30 JST -> study day 03-11
		review('2025-03-13T05:00:00Z'), // first day of the window (today - 364)
		review('2025-03-12T05:00:00Z') // 365 days ago: outside
	];

	it('counts reviews per study day for the 365 days ending today', () => {
		const map = heatmap(log, now, 4, 'Asia/Tokyo');
		expect(map.days).toHaveLength(HEATMAP_DAYS);
		expect(map.days[0]).toEqual({ day: '2025-03-13', count: 1, level: 1 });
		expect(map.days[363]).toEqual({ day: '2026-03-11', count: 1, level: 1 });
		expect(map.days[364]).toEqual({ day: '2026-03-12', count: 2, level: 4 });
		expect(map.days.filter((d) => d.count > 0)).toHaveLength(3);
		expect(map.total).toBe(4);
		expect(map.max).toBe(2);
		expect(map.thresholds).toEqual([1, 1, 2]);
	});

	it('gives the same heatmap from daily aggregates', () => {
		const aggregates = aggregatesFromReviews(log, 4, 'Asia/Tokyo');
		expect(heatmapFromAggregates(aggregates, now, 4, 'Asia/Tokyo')).toEqual(
			heatmap(log, now, 4, 'Asia/Tokyo')
		);
	});

	it('places days correctly across the New York DST change', () => {
		const nyLog = [review('2026-03-08T07:30:00Z'), review('2026-03-08T08:00:00Z')];
		// 2026-03-08 12:00 EDT
		const map = heatmap(nyLog, at('2026-03-08T16:00:00Z'), 4, 'America/New_York', 3);
		expect(map.days.map((d) => [d.day, d.count])).toEqual([
			['2026-03-06', 0],
			['2026-03-07', 1],
			['2026-03-08', 1]
		]);
	});
});
