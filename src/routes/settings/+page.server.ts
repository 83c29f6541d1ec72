import { allDecks } from '$lib/content/decks.server';

// The built-in decks the exports offer, prerendered into the page; the decks themselves are
// fetched (or read from the offline cache) only when an export is made.
export function load(): { decks: Array<{ id: string; title: string }> } {
	return { decks: allDecks().map((deck) => ({ id: deck.id, title: deck.title })) };
}
