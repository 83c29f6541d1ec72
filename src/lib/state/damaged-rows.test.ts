import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { findDamagedRows } from '$lib/state/damaged-rows';

let db: FactdeckDB;
beforeEach(async () => {
	db = new FactdeckDB(`damaged-${Math.random().toString(36).slice(2)}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

it('names rows of the wrong shape (a null deck, a null memory) instead of failing on them', async () => {
	await db.userDecks.put({ id: 'my-broken', createdAt: 1, updatedAt: 1, deck: null } as never);
	await db.reviews.put({
		deckId: 'kosovo',
		factId: 'no-such-fact',
		itemId: 'x',
		rating: 9,
		reviewedAt: 8_640_000_000_000_001,
		elapsedDays: -1,
		durationMs: 'long',
		before: null,
		after: null,
		origin: 'study'
	} as never);
	const all = await findDamagedRows(db, Date.UTC(2026, 2, 4));
	expect(all.map((row) => [row.table, row.key])).toEqual([
		['userDecks', 'my-broken'],
		['reviews', '1']
	]);
	expect(all[0].problem).toMatch(/"my-broken".*field "deck"/);
	expect(all[1].problem).toMatch(/Reviews \(1\), field "rating"/);
	const reviewsOnly = await findDamagedRows(db, Date.UTC(2026, 2, 4), ['reviews']);
	expect(reviewsOnly.map((row) => row.table)).toEqual(['reviews']);
});

it('reads only the tables asked for (and the decks) when told to', async () => {
	await db.userDecks.put({ id: 'my-broken', createdAt: 1, updatedAt: 1, deck: null } as never);
	await db.reviews.put({ deckId: 'kosovo', rating: 9 } as never);
	let logReads = 0;
	db.reviews.hook('reading', (row) => {
		logReads += 1;
		return row;
	});
	const now = Date.UTC(2026, 2, 4);
	const small = await findDamagedRows(db, now, ['userDecks', 'settings'], true);
	expect(small.map((row) => [row.table, row.key])).toEqual([['userDecks', 'my-broken']]);
	expect(logReads).toBe(0);
	const withLog = await findDamagedRows(db, now, ['settings', 'reviews'], true);
	expect(withLog.map((row) => row.table)).toEqual(['reviews']);
	expect(logReads).toBe(1);
});
