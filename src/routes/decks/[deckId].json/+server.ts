import { error, json } from '@sveltejs/kit';
import { allDecks, getDeck } from '$lib/content/decks.server';

// The deck as data: prerendered to build/decks/<id>.json, read by study and quiz in the browser
// and cached by the service worker for offline use.
export const prerender = true;

export function entries() {
	return allDecks().map((deck) => ({ deckId: deck.id }));
}

export function GET({ params }) {
	const deck = getDeck(params.deckId);
	if (!deck) error(404, 'No such deck');
	return json(deck);
}
