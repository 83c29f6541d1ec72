import { describe, it, expect } from 'vitest';
import type { MemoryRow } from '$lib/domain/types';
import {
	FORECAST_DAYS,
	forecast,
	forecastEdges,
	forecastFromCounts
} from '$lib/domain/stats/forecast';
import { studyDayKey } from '$lib/domain/study/study-day';

const at = (iso: string) => Date.parse(iso);

function memory(
	factId: string,
	dueIso: string,
	extra: Partial<Pick<MemoryRow, 'state' | 'suspended' | 'leech'>> = {}
): MemoryRow {
	return {
		key: `kosovo/${factId}`,
		deckId: 'kosovo',
		factId,
		dueAt: at(dueIso),
		stability: 3,
		difficulty: 5,
		scheduledDays: 3,
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state: 2,
		lastReviewAt: null,
		suspended: 0,
		leech: 0,
		...extra
	};
}

describe('forecast', () => {
	// 2026-03-08 10:00 EDT, the day New York springs forward
	const now = at('2026-03-08T14:00:00Z');
	const rows = [
		memory('a', '2026-03-01T12:00:00Z'), // a week overdue -> today
		memory('b', '2026-03-08T07:30:00Z'), // 03-08 03:30 EDT = study day 03-07: overdue -> today
		memory('c', '2026-03-09T03:00:00Z'), // 03-08 23:00 EDT -> today
		memory('d', '2026-03-09T07:59:00Z', { state: 1 }), // 03-09 03:59 EDT -> today (learning)
		memory('e', '2026-03-09T08:00:00Z'), // 03-09 04:00 EDT -> tomorrow
		memory('f', '2026-03-08T15:00:00Z', { suspended: 1 }), // suspended: never
		memory('g', '2026-03-08T15:00:00Z', { state: 0 }), // new: not scheduled
		memory('h', '2026-04-06T16:00:00Z', { leech: 1 }), // 04-06 12:00 EDT: last day (leeches count)
		memory('i', '2026-04-07T16:00:00Z') // beyond 30 days
	];

	it('counts due facts per study day, overdue ones today, for 30 days', () => {
		const result = forecast(rows, now, 4, 'America/New_York');
		expect(result.days).toHaveLength(FORECAST_DAYS);
		expect(result.days[0]).toEqual({ day: '2026-03-08', count: 4 });
		expect(result.days[1]).toEqual({ day: '2026-03-09', count: 1 });
		expect(result.days[29]).toEqual({ day: '2026-04-06', count: 1 });
		expect(result.days.slice(2, 29).every((d) => d.count === 0)).toBe(true);
		expect(result.overdue).toBe(2);
		expect(result.total).toBe(6);
		expect(result.max).toBe(4);
	});

	it('moves with the study-day boundary in another zone', () => {
		// Same instant in Tokyo is 03-08 23:00 JST: today is 03-08 there too, but 'c' (03-09 12:00
		// JST) and 'd' and 'e' (03-09 16:59 and 17:00 JST) are all tomorrow.
		const result = forecast(rows, now, 4, 'Asia/Tokyo', 2);
		expect(result.days).toEqual([
			{ day: '2026-03-08', count: 2 },
			{ day: '2026-03-09', count: 3 }
		]);
	});

	it('gives the same forecast from counts between day edges as from the rows', () => {
		for (const [zone, days] of [
			['America/New_York', FORECAST_DAYS],
			['Asia/Tokyo', 2],
			['Australia/Lord_Howe', 10]
		] as const) {
			const edges = forecastEdges(now, 4, zone, days);
			expect(edges).toHaveLength(days + 1);
			const studied = rows.filter((r) => r.suspended === 0 && r.state !== 0);
			const overdue = studied.filter((r) => r.dueAt < edges[0]).length;
			const counts = edges
				.slice(1)
				.map((edge, k) => studied.filter((r) => r.dueAt >= edges[k] && r.dueAt < edge).length);
			expect(forecastFromCounts(studyDayKey(now, 4, zone), overdue, counts)).toEqual(
				forecast(rows, now, 4, zone, days)
			);
		}
	});

	it('puts each edge at the first instant of its study day, daylight-saving days too', () => {
		const edges = forecastEdges(now, 4, 'America/New_York', 2);
		// The clocks went forward at 02:00 on 03-08, so every one of these days begins at 04:00
		// EDT (08:00Z); the study day before them began at 04:00 EST (09:00Z), 23 hours earlier.
		expect(edges.map((ms) => new Date(ms).toISOString())).toEqual([
			'2026-03-08T08:00:00.000Z',
			'2026-03-09T08:00:00.000Z',
			'2026-03-10T08:00:00.000Z'
		]);
	});
});
