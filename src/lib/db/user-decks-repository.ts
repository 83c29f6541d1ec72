/**
 * Reads and writes of the learner's own decks (made from their documents), each stored whole
 * with the document text its quotes come from. Every function takes the database first, so
 * tests pass their own fresh instance. Errors are not caught here.
 */
import type { FactdeckDB, UserDeckRow } from '$lib/db/schema';
import type { Deck } from '$lib/domain/types';
import { factKey } from '$lib/domain/study/memory';
import { userDeckRowProblem } from '$lib/domain/deck/damaged-row';

/** What a list of decks shows, without carrying every deck's items and documents around. */
export interface UserDeckSummary {
	id: string;
	title: string;
	facts: number;
	items: number;
	createdAt: number;
	updatedAt: number;
}

/**
 * Saves a deck (a new one, or a new version of one with the same id, which keeps its
 * `createdAt`); `now` in epoch ms. The memory rows of `removedFactIds` (facts an edit took out
 * of a saved deck) go in the same transaction, so study never meets a card of a fact the deck no
 * longer has; every other fact keeps its memory and all reviews stay as history.
 */
export async function saveUserDeck(
	db: FactdeckDB,
	deck: Deck,
	documents: Record<string, string>,
	now: number,
	removedFactIds: readonly string[] = []
): Promise<void> {
	await db.transaction('rw', [db.userDecks, db.memory], async () => {
		const existing = await db.userDecks.get(deck.id);
		await db.userDecks.put({
			id: deck.id,
			createdAt: existing?.createdAt ?? now,
			updatedAt: now,
			deck,
			documents
		});
		if (removedFactIds.length > 0)
			await db.memory.bulkDelete(removedFactIds.map((factId) => factKey(deck.id, factId)));
	});
}

/**
 * True when a stored row holds a deck a page can show and study (domain/deck/damaged-row): an
 * id of the learner's own that is its deck's id, a title, and facts and questions with the
 * fields a page reads. Rows that do not are left out of every list, so one damaged row never
 * stops a page; the study pages name them (damaged-rows-repository) and Settings → Check the data
 * repairs or removes them.
 */
function holdsDeck(row: UserDeckRow): boolean {
	return userDeckRowProblem(row) === null;
}

/** Every row holding a usable deck (damaged rows left out: see holdsDeck). */
async function deckRows(db: FactdeckDB): Promise<UserDeckRow[]> {
	return (await db.userDecks.toArray()).filter(holdsDeck);
}

/** The learner's decks, newest first. */
export async function listUserDecks(db: FactdeckDB): Promise<UserDeckSummary[]> {
	const rows = await deckRows(db);
	return rows
		.map((row) => ({
			id: row.id,
			title: row.deck.title,
			facts: row.deck.facts.length,
			items: row.deck.items.length,
			createdAt: row.createdAt,
			updatedAt: row.updatedAt
		}))
		.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
}

/** The learner's decks whole (without their documents), oldest first. */
export async function loadUserDecks(db: FactdeckDB): Promise<Deck[]> {
	const rows = await deckRows(db);
	return rows
		.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
		.map((row) => row.deck);
}

/** The ids of the learner's decks, oldest first (the order /study works through them). */
export async function listUserDeckIds(db: FactdeckDB): Promise<string[]> {
	const rows = await listUserDecks(db);
	return rows.reverse().map((row) => row.id);
}

/** One stored deck with its documents, or undefined when this browser does not hold it. */
export function getUserDeck(db: FactdeckDB, id: string): Promise<UserDeckRow | undefined> {
	return db.userDecks.get(id);
}

/**
 * Deletes a deck and everything learned on it (its memory rows, reviews and quiz attempts), in
 * one transaction: a deck made again from the same document starts afresh.
 */
export async function deleteUserDeck(db: FactdeckDB, id: string): Promise<void> {
	await db.transaction('rw', [db.userDecks, db.memory, db.reviews, db.attempts], async () => {
		await db.memory.where('deckId').equals(id).delete();
		await db.reviews.where('[deckId+reviewedAt]').between([id, -Infinity], [id, Infinity]).delete();
		await db.attempts.where('deckId').equals(id).delete();
		await db.userDecks.delete(id);
	});
}
