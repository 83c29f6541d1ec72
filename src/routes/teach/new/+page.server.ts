import { allDecks } from '$lib/content/decks.server';

export function load() {
	return { decks: allDecks().map((deck) => ({ id: deck.id, title: deck.title })) };
}
