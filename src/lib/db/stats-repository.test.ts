import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import {
	FactdeckDB,
	type AttemptRow,
	type MemoryRow,
	type MemorySnapshot,
	type ReviewRow
} from '$lib/db/schema';
import {
	countUnindexedMemory,
	loadActivity,
	loadAttempts,
	loadDayAggregates,
	loadDeckMemory,
	countDueByDay,
	loadFactMemory
} from '$lib/db/stats-repository';
import { aggregatesFromReviews, sortedAggregates } from '$lib/domain/stats/aggregate';
import { forecast, forecastEdges, forecastFromCounts } from '$lib/domain/stats/forecast';
import { studyDayKey } from '$lib/domain/study/study-day';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-12T12:00:00Z');

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB('stats-' + Math.random().toString(36).slice(2));
});

afterEach(async () => {
	await db.delete();
});

function snapshot(state: MemorySnapshot['state'], dueAt = 0): MemorySnapshot {
	return {
		dueAt,
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

function review(reviewedAt: number, i: number): ReviewRow {
	return {
		deckId: i % 3 === 0 ? 'other' : 'kosovo',
		factId: `f${i % 50}`,
		itemId: `i${i}`,
		rating: ((i % 4) + 1) as ReviewRow['rating'],
		reviewedAt,
		elapsedDays: 1,
		durationMs: 1000 + i,
		before: i % 5 === 0 ? null : snapshot(((i % 3) + 1) as MemorySnapshot['state']),
		after: snapshot(2),
		origin: 'study'
	};
}

function memory(deckId: string, factId: string, state: MemoryRow['state'], dueAt: number) {
	return {
		...snapshot(state, dueAt),
		key: `${deckId}/${factId}`,
		deckId,
		factId,
		suspended: 0,
		leech: 0
	} satisfies MemoryRow;
}

describe('loadDayAggregates', () => {
	const log = Array.from({ length: 400 }, (_, i) => review(NOW - (i * DAY) / 7 - i * 37_000, i));

	it('gives the day totals of the whole log, from the kept quarter-hour totals', async () => {
		await db.reviews.bulkAdd(log.slice(0, 250));
		await db.reviews.bulkAdd(log.slice(250));
		for (const [hour, zone] of [
			[4, 'UTC'],
			[0, 'Asia/Tokyo'],
			[4, 'Asia/Kolkata']
		] as const) {
			expect(sortedAggregates(await loadDayAggregates(db, hour, zone))).toEqual(
				sortedAggregates(aggregatesFromReviews(log, hour, zone))
			);
		}
	});

	it('follows deletions from the log', async () => {
		await db.reviews.bulkAdd(log);
		await db.reviews.filter((row) => row.deckId === 'other').delete();
		const kept = log.filter((row) => row.deckId !== 'other');
		expect(sortedAggregates(await loadDayAggregates(db, 4, 'UTC'))).toEqual(
			sortedAggregates(aggregatesFromReviews(kept, 4, 'UTC'))
		);
	});

	it('is empty for an empty log', async () => {
		expect((await loadDayAggregates(db, 4, 'UTC')).size).toBe(0);
	});

	it('counts again from the log when rows were written around the kept totals', async () => {
		await db.reviews.bulkAdd(log.slice(0, 100));
		await db.reviewTotals.clear();
		expect(sortedAggregates(await loadDayAggregates(db, 4, 'UTC'))).toEqual(
			sortedAggregates(aggregatesFromReviews(log.slice(0, 100), 4, 'UTC'))
		);
		expect(await db.reviewTotals.count()).toBeGreaterThan(0);
	});
});

describe('loadActivity', () => {
	const log = Array.from({ length: 60 }, (_, i) => review(NOW - i * 3_600_000, i));
	const damaged = { ...review(NOW, 99), rating: 9 } as unknown as ReviewRow;

	function countLogReads(): () => number {
		let reads = 0;
		db.reviews.hook('reading', (row) => {
			reads += 1;
			return row;
		});
		return () => reads;
	}

	it('reads no log row when the kept totals add up to the log', async () => {
		await db.reviews.bulkAdd(log);
		const reads = countLogReads();
		const { aggregates, leftOut } = await loadActivity(db, 4, 'UTC');
		expect(sortedAggregates(aggregates)).toEqual(
			sortedAggregates(aggregatesFromReviews(log, 4, 'UTC'))
		);
		expect(leftOut).toBe(0);
		expect(reads()).toBe(0);
	});

	it('counts a log with damaged rows once, and later visits trust what that count kept', async () => {
		await db.reviews.bulkAdd([...log, damaged, damaged]);
		const reads = countLogReads();
		const first = await loadActivity(db, 4, 'UTC');
		expect(first.leftOut).toBe(2);
		expect(sortedAggregates(first.aggregates)).toEqual(
			sortedAggregates(aggregatesFromReviews(log, 4, 'UTC'))
		);
		expect(reads()).toBe(log.length + 2);
		const next = await loadActivity(db, 4, 'UTC');
		expect(next).toEqual(first);
		expect(reads()).toBe(log.length + 2);
		// An answer after that keeps the totals exact without another count.
		await db.reviews.add(review(NOW + 60_000, 7));
		const after = await loadActivity(db, 4, 'UTC');
		expect(sortedAggregates(after.aggregates)).toEqual(
			sortedAggregates(aggregatesFromReviews([...log, review(NOW + 60_000, 7)], 4, 'UTC'))
		);
		expect(reads()).toBe(log.length + 2);
	});

	it('counts again when a damaged row leaves the log, and then leaves none out', async () => {
		await db.reviews.bulkAdd([...log, damaged]);
		expect((await loadActivity(db, 4, 'UTC')).leftOut).toBe(1);
		await db.reviews.filter((row) => row.rating === (9 as never)).delete();
		const { aggregates, leftOut } = await loadActivity(db, 4, 'UTC');
		expect(leftOut).toBe(0);
		expect(sortedAggregates(aggregates)).toEqual(
			sortedAggregates(aggregatesFromReviews(log, 4, 'UTC'))
		);
	});
});

describe('countUnindexedMemory', () => {
	it('counts the memory rows the schedule index cannot hold, reading none', async () => {
		await db.memory.bulkAdd([memory('kosovo', 'a', 2, NOW), memory('kosovo', 'b', 1, NOW)]);
		let reads = 0;
		db.memory.hook('reading', (row) => {
			reads += 1;
			return row;
		});
		expect(await countUnindexedMemory(db)).toBe(0);
		await db.memory.put({ ...memory('kosovo', 'c', 2, NOW), dueAt: null as never });
		await db.memory.put({ ...memory('kosovo', 'd', 2, NOW), state: undefined as never });
		expect(await countUnindexedMemory(db)).toBe(2);
		expect(reads).toBe(0);
	});
});

describe('memory reads', () => {
	beforeEach(async () => {
		await db.memory.bulkAdd([
			memory('kosovo', 'a', 2, NOW - DAY),
			memory('kosovo', 'b', 1, NOW + 10 * DAY),
			memory('kosovo', 'c', 2, NOW + 40 * DAY),
			memory('other', 'a', 2, NOW + 2 * DAY)
		]);
	});

	it('counts due facts per forecast day in the database, as forecast does from the rows', async () => {
		await db.memory.bulkAdd([
			{ ...memory('kosovo', 'suspended', 2, NOW), suspended: 1 },
			memory('kosovo', 'new-again', 0, NOW),
			memory('other', 'relearning', 3, NOW + 3 * DAY)
		]);
		const zone = 'America/New_York';
		const edges = forecastEdges(NOW, 4, zone);
		const { overdue, counts } = await countDueByDay(db, edges);
		expect(forecastFromCounts(studyDayKey(NOW, 4, zone), overdue, counts)).toEqual(
			forecast(await db.memory.toArray(), NOW, 4, zone)
		);
		expect(overdue).toBe(1);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
	});

	it('agrees with forecast on random rows (states, suspensions, due times)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
						suspended: fc.constantFrom(0 as const, 1 as const),
						dueIn: fc.integer({ min: -40 * DAY, max: 40 * DAY })
					}),
					{ maxLength: 40 }
				),
				fc.constantFrom('UTC', 'Asia/Tokyo', 'America/New_York'),
				async (specs, zone) => {
					await db.memory.clear();
					await db.memory.bulkAdd(
						specs.map((spec, i) => ({
							...memory('kosovo', `r${i}`, spec.state, NOW + spec.dueIn),
							suspended: spec.suspended
						}))
					);
					const { overdue, counts } = await countDueByDay(db, forecastEdges(NOW, 4, zone));
					expect(forecastFromCounts(studyDayKey(NOW, 4, zone), overdue, counts)).toEqual(
						forecast(await db.memory.toArray(), NOW, 4, zone)
					);
				}
			),
			{ numRuns: 40 }
		);
	});

	it("reads one deck's rows", async () => {
		const rows = await loadDeckMemory(db, 'kosovo');
		expect(rows.map((row) => row.factId).sort()).toEqual(['a', 'b', 'c']);
	});

	it('reads some facts by id, leaving out the never studied', async () => {
		const byFact = await loadFactMemory(db, 'kosovo', ['a', 'c', 'zzz']);
		expect([...byFact.keys()].sort()).toEqual(['a', 'c']);
		expect(byFact.get('a')?.deckId).toBe('kosovo');
	});
});

describe('loadAttempts', () => {
	it('reads attempts oldest first', async () => {
		const attempt = (id: string, startedAt: number): AttemptRow => ({
			id,
			deckId: 'kosovo',
			kind: 'self',
			itemIds: ['x'],
			answers: {},
			config: {},
			startedAt,
			submittedAt: startedAt + 1000,
			score: 0.5,
			durationMs: 1000
		});
		await db.attempts.bulkAdd([attempt('late', NOW), attempt('early', NOW - DAY)]);
		expect((await loadAttempts(db)).map((a) => a.id)).toEqual(['early', 'late']);
	});
});
