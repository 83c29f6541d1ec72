import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB, type MemoryRow } from '$lib/db/schema';
import {
	deleteUserDeck,
	getUserDeck,
	listUserDeckIds,
	listUserDecks,
	loadUserDecks,
	saveUserDeck
} from '$lib/db/user-decks-repository';
import type { Deck } from '$lib/domain/types';

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB('test-' + Math.random().toString(36).slice(2));
});

afterEach(async () => {
	await db.delete();
});

const TEXT = 'The commission was founded in 1856.';

function deck(id: string, title: string): Deck {
	const source = { document: 'notes', quote: TEXT };
	return {
		id,
		title,
		description: 'From notes.md.',
		version: 1,
		topics: [{ id: 'general', title: 'General' }],
		sources: [{ id: 'notes', title: 'notes.md' }],
		facts: [
			{
				id: 'notes-1856-a',
				topic: 'general',
				document: 'notes',
				quote: TEXT,
				question: 'In which year was the commission founded?',
				answer: '1856',
				answerKind: 'year',
				statement: TEXT,
				explanation: `From the text: ${TEXT}`
			}
		],
		items: [
			{
				id: 'flashcard-a',
				factId: 'notes-1856-a',
				type: 'flashcard',
				prompt: 'In which year was the commission founded?',
				answer: '1856',
				explanation: `From the text: ${TEXT}`,
				topic: 'general',
				source
			}
		]
	};
}

function memory(deckId: string, factId: string): MemoryRow {
	return {
		key: `${deckId}/${factId}`,
		deckId,
		factId,
		dueAt: 1,
		stability: 1,
		difficulty: 5,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: 1,
		lastReviewAt: 0,
		suspended: 0,
		leech: 0
	};
}

describe('user decks repository', () => {
	it('saves a deck with its documents and gets it back whole', async () => {
		await saveUserDeck(db, deck('my-a-1', 'Alpha'), { notes: TEXT }, 1000);
		const row = await getUserDeck(db, 'my-a-1');
		expect(row).toEqual({
			id: 'my-a-1',
			createdAt: 1000,
			updatedAt: 1000,
			deck: deck('my-a-1', 'Alpha'),
			documents: { notes: TEXT }
		});
		expect(await getUserDeck(db, 'my-missing')).toBeUndefined();
	});

	it('saving the same id again replaces the deck but keeps when it was first made', async () => {
		await saveUserDeck(db, deck('my-a-1', 'Alpha'), { notes: TEXT }, 1000);
		await saveUserDeck(db, deck('my-a-1', 'Alpha, edited'), { notes: TEXT }, 5000);
		const row = await getUserDeck(db, 'my-a-1');
		expect(row?.deck.title).toBe('Alpha, edited');
		expect([row?.createdAt, row?.updatedAt]).toEqual([1000, 5000]);
		expect(await db.userDecks.count()).toBe(1);
	});

	it('lists summaries newest first, and ids oldest first for studying in order', async () => {
		await saveUserDeck(db, deck('my-a-1', 'Alpha'), { notes: TEXT }, 1000);
		await saveUserDeck(db, deck('my-b-2', 'Beta'), { notes: TEXT }, 2000);
		expect(await listUserDecks(db)).toEqual([
			{ id: 'my-b-2', title: 'Beta', facts: 1, items: 1, createdAt: 2000, updatedAt: 2000 },
			{ id: 'my-a-1', title: 'Alpha', facts: 1, items: 1, createdAt: 1000, updatedAt: 1000 }
		]);
		expect(await listUserDeckIds(db)).toEqual(['my-a-1', 'my-b-2']);
		expect(await loadUserDecks(db)).toEqual([deck('my-a-1', 'Alpha'), deck('my-b-2', 'Beta')]);
	});

	it('deletes a deck with what was learned on it, and nothing of other decks', async () => {
		await saveUserDeck(db, deck('my-a-1', 'Alpha'), { notes: TEXT }, 1000);
		await saveUserDeck(db, deck('my-b-2', 'Beta'), { notes: TEXT }, 2000);
		await db.memory.bulkPut([memory('my-a-1', 'f'), memory('my-b-2', 'f'), memory('kosovo', 'f')]);
		const review = { factId: 'f', itemId: 'i', rating: 3 as const, elapsedDays: 0 };
		const after = memory('x', 'f');
		await db.reviews.bulkAdd([
			{
				...review,
				deckId: 'my-a-1',
				reviewedAt: 10,
				durationMs: 1,
				before: null,
				after,
				origin: 'study'
			},
			{
				...review,
				deckId: 'kosovo',
				reviewedAt: 10,
				durationMs: 1,
				before: null,
				after,
				origin: 'study'
			}
		]);
		const attempt = { itemIds: [], answers: {}, config: {}, kind: 'self' as const, startedAt: 1 };
		await db.attempts.bulkAdd([
			{ ...attempt, id: 'q1', deckId: 'my-a-1', submittedAt: null, score: null, durationMs: null },
			{ ...attempt, id: 'q2', deckId: 'kosovo', submittedAt: null, score: null, durationMs: null }
		]);
		await deleteUserDeck(db, 'my-a-1');
		expect((await db.attempts.toArray()).map((a) => a.id)).toEqual(['q2']);
		expect(await getUserDeck(db, 'my-a-1')).toBeUndefined();
		expect((await listUserDecks(db)).map((d) => d.id)).toEqual(['my-b-2']);
		expect((await db.memory.toArray()).map((m) => m.deckId).sort()).toEqual(['kosovo', 'my-b-2']);
		expect((await db.reviews.toArray()).map((r) => r.deckId)).toEqual(['kosovo']);
	});
});
