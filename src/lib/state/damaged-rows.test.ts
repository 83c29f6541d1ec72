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

it('finds what a study page left out: damaged deck rows and memory rows of its decks only', async () => {
	const { findStudyDamage } = await import('$lib/state/damaged-rows');
	const fact = { id: 'f1', topic: 't', document: 'd', quote: 'q', question: 'q?', answer: 'a' };
	const deck = (id: string) => ({
		id,
		title: 'Mine',
		topics: [],
		sources: [],
		facts: [fact],
		items: []
	});
	await db.userDecks.put({
		id: 'my-good',
		createdAt: 1,
		updatedAt: 1,
		deck: deck('my-good')
	} as never);
	await db.userDecks.put({ id: 'my-a', createdAt: 1, updatedAt: 1, deck: deck('my-b') } as never);
	await db.userDecks.put({
		id: 'kosovo',
		createdAt: 1,
		updatedAt: 1,
		deck: deck('kosovo')
	} as never);
	const memory = {
		deckId: 'kosovo',
		dueAt: 1,
		stability: 1,
		difficulty: 5,
		scheduledDays: 1,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: 2,
		lastReviewAt: null,
		suspended: 0,
		leech: 0
	};
	await db.memory.bulkPut([
		{ ...memory, key: 'kosovo/f1', factId: 'f1' },
		{ ...memory, key: 'kosovo/f2', factId: 'f2', stability: null },
		{ ...memory, key: 'other/f3', deckId: 'other', factId: 'f3', dueAt: 'soon' }
	] as never);

	const all = await findStudyDamage(db, ['kosovo', 'my-good']);
	expect(all.map((row) => [row.table, row.key])).toEqual([
		['userDecks', 'kosovo'],
		['userDecks', 'my-a'],
		['memory', 'kosovo/f2']
	]);
	expect(all[2].problem).toBe('Facts studied ("kosovo/f2"), field "stability": not a number');
	// One deck's page names only that deck's row; a built-in deck's page reads no deck row.
	expect((await findStudyDamage(db, ['my-a'], 'my-a')).map((row) => row.key)).toEqual(['my-a']);
	expect((await findStudyDamage(db, ['kosovo'], 'kosovo')).map((row) => row.key)).toEqual([
		'kosovo/f2'
	]);
	expect(await findStudyDamage(db, ['my-good'], 'my-good')).toEqual([]);
});
