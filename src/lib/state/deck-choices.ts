/**
 * The decks a learner or teacher can pick from: the built-in ones (known at build time) and then
 * the learner's own, read from this browser. One list, so exports and assignments offer the same.
 */
import { getDb } from '$lib/db/database';
import type { FactdeckDB } from '$lib/db/schema';
import { listUserDecks } from '$lib/db/user-decks-repository';

export interface DeckChoice {
	id: string;
	/** What the choice shows; a learner's own deck says so. */
	title: string;
	isOwn: boolean;
}

/** Built-in decks first, then the learner's own (newest first); rejects if storage fails. */
export async function deckChoices(
	builtIn: ReadonlyArray<{ id: string; title: string }>,
	db: () => FactdeckDB = getDb
): Promise<DeckChoice[]> {
	const own = await listUserDecks(db());
	return [
		...builtIn.map((deck) => ({ id: deck.id, title: deck.title, isOwn: false })),
		...own.map((deck) => ({ id: deck.id, title: `${deck.title} (yours)`, isOwn: true }))
	];
}
