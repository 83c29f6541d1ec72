import { describe, expect, it } from 'vitest';
import type { MemorySnapshot, ReviewRow, ReviewTotalsRow } from '$lib/domain/types';
import { aggregatesFromReviews, sortedAggregates } from '$lib/domain/stats/aggregate';
import {
	LEFT_OUT_SLOT,
	changeTotals,
	dayAggregatesFromTotals,
	leftOutTotals,
	totalsFromReviews,
	totalsSlot,
	touchedSlots
} from '$lib/domain/stats/review-totals';

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
	durationMs = 1000
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

/** A log spread over a year at pseudo-random times, every kind of before-state and rating. */
function log(count: number): ReviewRow[] {
	let state = 7;
	const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
	const from = at('2026-01-01T00:00:00Z');
	return Array.from({ length: count }, () =>
		review(
			from + Math.floor(random() * 365 * 86_400_000),
			[null, 0, 1, 2, 3][Math.floor(random() * 5)] as MemorySnapshot['state'] | null,
			(1 + Math.floor(random() * 4)) as ReviewRow['rating'],
			Math.floor(random() * 20_000)
		)
	);
}

const bySlot = (rows: ReviewTotalsRow[]) => new Map(rows.map((row) => [row.slot, row]));

describe('review totals by quarter hour', () => {
	it('puts reviews 15 minutes apart in neighbouring slots', () => {
		const slot = totalsSlot(at('2026-03-01T10:00:00Z'));
		expect(totalsSlot(at('2026-03-01T10:14:59.999Z'))).toBe(slot);
		expect(totalsSlot(at('2026-03-01T10:15:00Z'))).toBe(slot + 1);
	});

	it('counts what the day totals count: reviews, new, review answers, passed, time', () => {
		const rows = totalsFromReviews([
			review(at('2026-03-01T10:01:00Z'), null, 3, 1500),
			review(at('2026-03-01T10:02:00Z'), 2, 1, 2500),
			review(at('2026-03-01T10:03:00Z'), 2, 2, 500),
			review(at('2026-03-01T10:20:00Z'), 1, 3, 100)
		]);
		expect(rows).toEqual([
			{
				slot: totalsSlot(at('2026-03-01T10:00:00Z')),
				reviews: 3,
				newLearned: 1,
				passed: 1,
				reviewAnswers: 2,
				durationMs: 4500
			},
			{
				slot: totalsSlot(at('2026-03-01T10:15:00Z')),
				reviews: 1,
				newLearned: 0,
				passed: 0,
				reviewAnswers: 0,
				durationMs: 100
			}
		]);
	});

	it('folds into the same study days as the whole log, in any zone and day start', () => {
		const reviews = log(3000);
		const totals = totalsFromReviews(reviews);
		for (const [hour, zone] of [
			[4, 'UTC'],
			[0, 'Europe/Belgrade'],
			[4, 'Asia/Kolkata'],
			[6, 'Asia/Kathmandu'],
			[3, 'America/St_Johns']
		] as const) {
			expect(sortedAggregates(dayAggregatesFromTotals(totals, hour, zone))).toEqual(
				sortedAggregates(aggregatesFromReviews(reviews, hour, zone))
			);
		}
	});

	it('folds every quarter hour of daylight-saving days, gaps and the ends of time alike', () => {
		// Every quarter hour around both of Belgrade's 2026 clock changes and Sydney's, days
		// without reviews between, and the first and last times a review can carry.
		const times: number[] = [];
		for (const start of ['2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z', '2026-04-03T00:00:00Z']) {
			for (let q = 0; q < 4 * 24 * 4; q++) times.push(at(start) + q * 900_000);
		}
		times.push(at('2026-06-01T12:00:00Z'), at('2026-06-09T12:00:00Z'));
		times.push(-8_640_000_000_000_000, -8_640_000_000_000_000 + 900_000);
		times.push(8_640_000_000_000_000 - 900_000, 8_640_000_000_000_000);
		const reviews = times.map((time, i) => review(time, 2, ((i % 4) + 1) as ReviewRow['rating']));
		const totals = totalsFromReviews(reviews).reverse();
		for (const [hour, zone] of [
			[2, 'Europe/Belgrade'],
			[3, 'Europe/Belgrade'],
			[0, 'Australia/Sydney'],
			[4, 'Australia/Lord_Howe'],
			[4, undefined]
		] as const) {
			expect(sortedAggregates(dayAggregatesFromTotals(totals, hour, zone))).toEqual(
				sortedAggregates(aggregatesFromReviews(reviews, hour, zone))
			);
		}
	});

	it('folds no day from the row that counts the log rows left out', () => {
		const reviews = log(50);
		const totals = [...totalsFromReviews(reviews), leftOutTotals(3)];
		expect(leftOutTotals(3)).toMatchObject({ slot: LEFT_OUT_SLOT, reviews: 3 });
		expect(sortedAggregates(dayAggregatesFromTotals(totals, 4, 'UTC'))).toEqual(
			sortedAggregates(aggregatesFromReviews(reviews, 4, 'UTC'))
		);
	});

	it('an answer adds to its slot, an undo takes it away and empties the slot', () => {
		const first = review(at('2026-03-01T10:01:00Z'), null, 3);
		const answer = changeTotals(new Map(), [first]);
		expect(answer.put).toEqual(totalsFromReviews([first]));
		expect(answer.remove).toEqual([]);
		const undo = changeTotals(bySlot(answer.put), [], [first]);
		expect(undo).toEqual({ put: [], remove: [totalsSlot(first.reviewedAt)] });
	});

	it('a changed rating moves the review from failed to passed in place', () => {
		const old = review(at('2026-03-01T10:01:00Z'), 2, 1);
		const other = review(at('2026-03-01T10:05:00Z'), 2, 3);
		const current = bySlot(totalsFromReviews([old, other]));
		const { put, remove } = changeTotals(current, [{ ...old, rating: 3 }], [old]);
		expect(remove).toEqual([]);
		expect(put).toEqual(totalsFromReviews([{ ...old, rating: 3 }, other]));
	});

	it('any sequence of adds and removes ends where a rebuild from the log would', () => {
		const reviews = log(400);
		let totals = new Map<number, ReviewTotalsRow>();
		const apply = (added: ReviewRow[], removed: ReviewRow[]) => {
			const { put, remove } = changeTotals(totals, added, removed);
			totals = new Map(totals);
			for (const slot of remove) totals.delete(slot);
			for (const row of put) totals.set(row.slot, row);
		};
		apply(reviews.slice(0, 300), []);
		apply([], reviews.slice(100, 200));
		apply(reviews.slice(300), reviews.slice(0, 50));
		const kept = [...reviews.slice(50, 100), ...reviews.slice(200)];
		const sort = (rows: ReviewTotalsRow[]) => [...rows].sort((a, b) => a.slot - b.slot);
		expect(sort([...totals.values()])).toEqual(sort(totalsFromReviews(kept)));
	});

	it('names each touched slot once', () => {
		const a = review(at('2026-03-01T10:01:00Z'), null, 3);
		const b = review(at('2026-03-01T10:02:00Z'), null, 3);
		const c = review(at('2026-03-01T12:00:00Z'), null, 3);
		expect(touchedSlots([a, b], [c]).sort()).toEqual(
			[totalsSlot(a.reviewedAt), totalsSlot(c.reviewedAt)].sort()
		);
	});
});
