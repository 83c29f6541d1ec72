import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { getUserDeck, saveUserDeck } from '$lib/db/user-decks-repository';
import type { Deck } from '$lib/domain/types';
import { createDeckEditHandler, type DeckEditMessage } from '$lib/workers/deck-edit-handler';
import { DeckCollector, splitDeck } from '$lib/workers/deck-transfer';
import { bigDeckRow, bigDocument } from '$fixtures/big-deck';

const T0 = Date.UTC(2026, 11, 4, 9);
const dbs: FactdeckDB[] = [];
function freshDb(): FactdeckDB {
	const db = new FactdeckDB('deck-edit-' + Math.random().toString(36).slice(2));
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

// A 600-fact deck over a real document: big enough to cross in several parts.
const text = bigDocument(150_000);
const row = bigDeckRow(text, 'my-parts-1', 600, T0);
const deck = row.deck as unknown as Deck;

/** Sends the deck in parts and a save request; resolves with every answer. */
async function saveInParts(db: FactdeckDB, toSave: Deck, title: string) {
	const handle = createDeckEditHandler();
	const answers: DeckEditMessage[] = [];
	const send = (message: DeckEditMessage) => answers.push(structuredClone(message));
	const { head, parts } = splitDeck(toSave);
	for (const part of parts) await handle(structuredClone(part), send);
	await handle(
		{
			kind: 'save',
			dbName: db.name,
			head,
			documents: row.documents,
			title,
			version: toSave.version,
			removedFactIds: [],
			now: T0
		},
		send
	);
	return { answers, parts };
}

describe('the deck-edit worker', () => {
	it('takes a deck in parts, checks it and writes it in one row', async () => {
		const db = freshDb();
		const { answers, parts } = await saveInParts(db, deck, '  Big   notes ');
		expect(parts.length).toBeGreaterThan(2);
		expect(answers).toEqual([{ kind: 'saved', title: 'Big notes', topics: deck.topics }]);
		const stored = await getUserDeck(db, deck.id);
		expect(stored?.deck).toEqual({ ...deck, title: 'Big notes' });
		expect(stored?.documents).toEqual(row.documents);
	});

	it('writes nothing when the deck breaks a rule, leaving the saved deck as it was', async () => {
		const db = freshDb();
		await saveUserDeck(db, deck, row.documents, T0);
		const broken = {
			...deck,
			facts: deck.facts.map((fact, i) =>
				i === 450 ? { ...fact, quote: 'Not in the text.' } : fact
			)
		};
		const { answers } = await saveInParts(db, broken, 'Big notes, broken');
		expect(answers).toHaveLength(1);
		expect(answers[0]).toMatchObject({ kind: 'finished', result: { ok: false } });
		expect((await getUserDeck(db, deck.id))?.deck).toEqual(deck);
	});

	it('reads a saved deck back in parts that make the same deck', async () => {
		const db = freshDb();
		await saveUserDeck(db, deck, row.documents, T0);
		const handle = createDeckEditHandler();
		const collector = new DeckCollector();
		let head: DeckEditMessage | undefined;
		let parts = 0;
		await handle({ kind: 'read', dbName: db.name, deckId: deck.id, withDocuments: false }, (m) => {
			if (m.kind === 'deck-part') {
				parts++;
				collector.add(structuredClone(m));
			} else head = m;
		});
		expect(parts).toBeGreaterThan(2);
		if (head?.kind !== 'read' || !head.row) throw new Error('no row read');
		expect(head.row.documents).toBeUndefined();
		expect(collector.finish(head.row.head)).toEqual(deck);

		const answers: DeckEditMessage[] = [];
		await handle({ kind: 'read', dbName: db.name, deckId: 'my-none', withDocuments: true }, (m) =>
			answers.push(m)
		);
		expect(answers).toEqual([{ kind: 'read', row: null }]);
	});
});
