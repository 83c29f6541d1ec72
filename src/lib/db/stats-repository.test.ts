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
	AGGREGATE_CACHE_KEY,
	loadAttempts,
	loadDeckMemory,
	countDueByDay,
	loadFactMemory,
	updateDayAggregates
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

describe('updateDayAggregates', () => {
	const options = { dayStartHour: 4, timeZone: 'America/New_York', chunkSize: 13 };
	// Many rows share timestamps and arrive out of time order, as imports may add them.
	const log = Array.from({ length: 400 }, (_, i) =>
		review(NOW - ((i * 7919) % 97) * 0.37 * DAY, i)
	);
	const expectedOf = (rows: ReviewRow[]) =>
		sortedAggregates(aggregatesFromReviews(rows, 4, 'America/New_York'));

	it('totals the whole log per study day in chunks, the same as a full scan', async () => {
		await db.reviews.bulkAdd(log);
		const chunks: number[] = [];
		const totals = new Set<number>();
		const result = await updateDayAggregates(db, {
			...options,
			onChunk: (rows, toRead) => {
				chunks.push(rows);
				totals.add(toRead);
			}
		});
		expect(result.rowsRead).toBe(400);
		expect(result.count).toBe(400);
		expect(sortedAggregates(result.aggregates)).toEqual(expectedOf(log));
		expect(chunks).toHaveLength(Math.ceil(400 / 13));
		expect(chunks[chunks.length - 1]).toBe(400);
		expect([...totals]).toEqual([400]);
	});

	it('reads only the reviews added since the saved totals', async () => {
		await db.reviews.bulkAdd(log.slice(0, 300));
		await updateDayAggregates(db, options);
		await db.reviews.bulkAdd(log.slice(300));
		const again = await updateDayAggregates(db, options);
		expect(again.rowsRead).toBe(100);
		expect(sortedAggregates(again.aggregates)).toEqual(expectedOf(log));
		const unchanged = await updateDayAggregates(db, options);
		expect(unchanged.rowsRead).toBe(0);
		expect(unchanged.count).toBe(400);
		expect(sortedAggregates(unchanged.aggregates)).toEqual(expectedOf(log));
	});

	it('rebuilds when a counted review was deleted (an undo), even after new ones', async () => {
		await db.reviews.bulkAdd(log.slice(0, 300));
		await updateDayAggregates(db, options);
		const first = await db.reviews.orderBy('id').first();
		await db.reviews.delete(first!.id!);
		await db.reviews.bulkAdd(log.slice(300, 301));
		const result = await updateDayAggregates(db, options);
		expect(result.rowsRead).toBe(300);
		expect(sortedAggregates(result.aggregates)).toEqual(expectedOf(log.slice(1, 301)));
	});

	it('rebuilds for another day boundary or time zone', async () => {
		await db.reviews.bulkAdd(log);
		await updateDayAggregates(db, options);
		const tokyo = await updateDayAggregates(db, { ...options, timeZone: 'Asia/Tokyo' });
		expect(tokyo.rowsRead).toBe(400);
		expect(sortedAggregates(tokyo.aggregates)).toEqual(
			sortedAggregates(aggregatesFromReviews(log, 4, 'Asia/Tokyo'))
		);
		const midnight = await updateDayAggregates(db, { ...options, dayStartHour: 0 });
		expect(midnight.rowsRead).toBe(400);
	});

	it('resumes an interrupted count from the last saved chunk', async () => {
		await db.reviews.bulkAdd(log);
		await expect(
			updateDayAggregates(db, {
				...options,
				onChunk: (rows) => {
					if (rows >= 130) throw new Error('page closed');
				}
			})
		).rejects.toThrow('page closed');
		const resumed = await updateDayAggregates(db, options);
		expect(resumed.rowsRead).toBe(400 - 130);
		expect(sortedAggregates(resumed.aggregates)).toEqual(expectedOf(log));
	});

	it('is empty for an empty log', async () => {
		const result = await updateDayAggregates(db, options);
		expect(result.rowsRead).toBe(0);
		expect(result.aggregates.size).toBe(0);
		expect(await db.settings.get(AGGREGATE_CACHE_KEY)).toBeUndefined();
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
