import { error } from '@sveltejs/kit';
import { allDecks, getDeck } from '$lib/content/decks.server';
import { summariseDeck } from '$lib/domain/deck/summaries';

export function entries() {
	return allDecks().map((deck) => ({ deckId: deck.id }));
}

export function load({ params }) {
	const deck = getDeck(params.deckId);
	if (!deck) error(404, 'No such deck');
	return { deck: summariseDeck(deck) };
}
