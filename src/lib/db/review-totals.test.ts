import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureAnswer } from '$fixtures/study-memory';
import { FactdeckDB } from '$lib/db/schema';
import { changeRating, recordAnswer, undoLast } from '$lib/db/study-repository';
import { deleteUserDeck } from '$lib/db/user-decks-repository';
import { applyImport, createBackup } from '$lib/db/backup-repository';
import { totalsFromReviews } from '$lib/domain/stats/review-totals';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { ReviewTotalsRow } from '$lib/domain/types';

const MINUTE = 60_000;
const NOON = Date.UTC(2026, 0, 10, 12);

const databases: FactdeckDB[] = [];
let db: FactdeckDB;

function fresh(): FactdeckDB {
	const made = new FactdeckDB('totals-' + Math.random().toString(36).slice(2));
	databases.push(made);
	return made;
}

beforeEach(() => {
	db = fresh();
});

afterEach(async () => {
	for (const made of databases.splice(0)) await made.delete();
});

const bySlot = (rows: ReviewTotalsRow[]) => [...rows].sort((a, b) => a.slot - b.slot);

/** The stored totals, and what a count of the whole log gives: they must always agree. */
async function totalsAndRebuild(target: FactdeckDB) {
	return {
		stored: bySlot(await target.reviewTotals.toArray()),
		rebuilt: bySlot(totalsFromReviews(await target.reviews.toArray()))
	};
}

function answer(target: FactdeckDB, deckId: string, factId: string, rating: 1 | 3, now: number) {
	return recordAnswer(target, fixtureAnswer(deckId, factId, rating, now));
}

describe('review totals kept in the log’s own transactions', () => {
	it('an answer adds to its quarter hour', async () => {
		await answer(db, 'kosovo', 'f1', 3, NOON);
		await answer(db, 'kosovo', 'f2', 1, NOON + MINUTE);
		await answer(db, 'kosovo', 'f3', 3, NOON + 20 * MINUTE);
		const { stored, rebuilt } = await totalsAndRebuild(db);
		expect(stored.map((row) => row.reviews)).toEqual([2, 1]);
		expect(stored).toEqual(rebuilt);
	});

	it('an undo takes its answer away, and an emptied quarter hour goes', async () => {
		await answer(db, 'kosovo', 'f1', 3, NOON);
		await answer(db, 'kosovo', 'f2', 3, NOON + 30 * MINUTE);
		await undoLast(db, 'kosovo');
		const { stored, rebuilt } = await totalsAndRebuild(db);
		expect(stored).toHaveLength(1);
		expect(stored).toEqual(rebuilt);
		await undoLast(db, 'kosovo');
		expect(await db.reviewTotals.count()).toBe(0);
	});

	it('a changed rating moves its answer between failed and passed', async () => {
		await answer(db, 'kosovo', 'f1', 3, NOON);
		await answer(db, 'kosovo', 'f1', 1, NOON + 3 * 86_400_000);
		const last = await db.reviews.orderBy('id').last();
		const before = (await totalsAndRebuild(db)).stored;
		expect(await changeRating(db, last!.id!, 3, DEFAULT_SETTINGS)).not.toBeNull();
		const { stored, rebuilt } = await totalsAndRebuild(db);
		expect(stored).toEqual(rebuilt);
		expect(stored.reduce((sum, row) => sum + row.reviews, 0)).toBe(2);
		expect(before).toHaveLength(2);
	});

	it('a review rewritten in place (Again to Good on a review card) counts as passed', async () => {
		await answer(db, 'kosovo', 'f1', 3, NOON);
		const row = (await db.reviews.toArray())[0];
		const again = { ...row, rating: 1 as const, before: { ...row.after, state: 2 as const } };
		await db.reviews.put(again);
		expect((await db.reviewTotals.toArray())[0]).toMatchObject({ reviewAnswers: 1, passed: 0 });
		await db.reviews.put({ ...again, rating: 3 });
		expect((await db.reviewTotals.toArray())[0]).toMatchObject({
			reviews: 1,
			reviewAnswers: 1,
			passed: 1
		});
	});

	it('deleting a deck takes its answers out, and leaves the other decks’', async () => {
		await answer(db, 'kosovo', 'f1', 3, NOON);
		await answer(db, 'mine', 'm1', 3, NOON + MINUTE);
		await answer(db, 'mine', 'm2', 1, NOON + 40 * MINUTE);
		await deleteUserDeck(db, 'mine');
		const { stored, rebuilt } = await totalsAndRebuild(db);
		expect(stored).toEqual(rebuilt);
		expect(stored.map((row) => row.reviews)).toEqual([1]);
	});

	it('a restore replaces the totals with the file’s, a merge adds the new answers', async () => {
		const phone = fresh();
		await answer(phone, 'kosovo', 'p1', 3, NOON + 2 * 86_400_000);
		await answer(phone, 'kosovo', 'p2', 1, NOON + 2 * 86_400_000 + MINUTE);
		const { file } = await createBackup(phone, NOON + 3 * 86_400_000);

		await answer(db, 'kosovo', 'f1', 3, NOON);
		await applyImport(db, file, 'merge', NOON + 3 * 86_400_000);
		let { stored, rebuilt } = await totalsAndRebuild(db);
		expect(stored).toEqual(rebuilt);
		expect(stored.reduce((sum, row) => sum + row.reviews, 0)).toBe(3);

		await applyImport(db, file, 'replace', NOON + 3 * 86_400_000);
		({ stored, rebuilt } = await totalsAndRebuild(db));
		expect(stored).toEqual(rebuilt);
		expect(stored).toEqual((await totalsAndRebuild(phone)).stored);
	});

	it('a failed transaction leaves the totals as they were', async () => {
		await answer(db, 'kosovo', 'f1', 3, NOON);
		const before = await db.reviewTotals.toArray();
		await expect(
			db.transaction('rw', db.reviews, async () => {
				const { id: _id, ...row } = (await db.reviews.toArray())[0];
				await db.reviews.add({ ...row, reviewedAt: NOON + 20 * MINUTE });
				expect(await db.reviewTotals.count()).toBe(2);
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		expect(await db.reviewTotals.toArray()).toEqual(before);
	});
});
