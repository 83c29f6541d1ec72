import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import {
	FactdeckDB,
	type AttemptRow,
	type MemoryRow,
	type MemorySnapshot,
	type ReviewRow
} from '$lib/db/schema';
import {
	aggregateReviewsSince,
	loadAttempts,
	loadDeckMemory,
	loadDueBefore,
	loadFactMemory
} from '$lib/db/stats-repository';
import { aggregatesFromReviews, sortedAggregates } from '$lib/domain/stats/aggregate';

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

describe('aggregateReviewsSince', () => {
	it('totals the reviews since a time per study day, the same as a full scan', async () => {
		// Many rows share timestamps, so chunk boundaries fall inside runs of equal reviewedAt.
		const log = Array.from({ length: 700 }, (_, i) =>
			review(NOW - Math.floor(i / 7) * 0.37 * DAY, i)
		);
		await db.reviews.bulkAdd(log);
		const since = NOW - 20 * DAY;
		const chunks: number[] = [];
		const { aggregates, rowsRead } = await aggregateReviewsSince(db, since, {
			dayStartHour: 4,
			timeZone: 'America/New_York',
			chunkSize: 13,
			onChunk: (rows) => {
				chunks.push(rows);
			}
		});
		const expected = log.filter((row) => row.reviewedAt >= since);
		expect(rowsRead).toBe(expected.length);
		expect(expected.length).toBeGreaterThan(300);
		expect(sortedAggregates(aggregates)).toEqual(
			sortedAggregates(aggregatesFromReviews(expected, 4, 'America/New_York'))
		);
		expect(chunks.length).toBeGreaterThan(expected.length / 14);
		expect(chunks[chunks.length - 1]).toBe(expected.length);
	});

	it('counts a run of equal timestamps longer than a chunk once', async () => {
		await db.reviews.bulkAdd(Array.from({ length: 25 }, (_, i) => review(NOW, i)));
		await db.reviews.add(review(NOW + 1, 99));
		const { rowsRead, aggregates } = await aggregateReviewsSince(db, 0, {
			dayStartHour: 4,
			timeZone: 'UTC',
			chunkSize: 4
		});
		expect(rowsRead).toBe(26);
		expect(aggregates.get('2026-03-12')?.reviews).toBe(26);
	});

	it('is empty for an empty log', async () => {
		const result = await aggregateReviewsSince(db, 0, { dayStartHour: 4 });
		expect(result.rowsRead).toBe(0);
		expect(result.aggregates.size).toBe(0);
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

	it('reads the rows due before a time across decks', async () => {
		const rows = await loadDueBefore(db, NOW + 31 * DAY);
		expect(rows.map((row) => row.key).sort()).toEqual(['kosovo/a', 'kosovo/b', 'other/a']);
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
