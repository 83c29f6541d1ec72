import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDeck } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { saveUserDeck } from '$lib/db/user-decks-repository';
import { deckChoices } from '$lib/state/deck-choices';

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB(`choices-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
	await db.delete();
});

describe('deckChoices', () => {
	it('offers the built-in decks first, then the learner’s own, newest first, marked as theirs', async () => {
		await saveUserDeck(db, { ...fixtureDeck(1, 'my-old'), title: 'Old notes' }, {}, 1_000);
		await saveUserDeck(db, { ...fixtureDeck(1, 'my-new'), title: 'New notes' }, {}, 2_000);
		const choices = await deckChoices([{ id: 'kosovo', title: 'Kosovo' }], () => db);
		expect(choices).toEqual([
			{ id: 'kosovo', title: 'Kosovo', isOwn: false },
			{ id: 'my-new', title: 'New notes (yours)', isOwn: true },
			{ id: 'my-old', title: 'Old notes (yours)', isOwn: true }
		]);
	});

	it('rejects when storage fails, so the caller can say so', async () => {
		db.close({ disableAutoOpen: true });
		await expect(deckChoices([], () => db)).rejects.toMatchObject({
			name: 'DatabaseClosedError'
		});
	});
});
