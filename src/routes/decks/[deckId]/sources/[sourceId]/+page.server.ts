import { error } from '@sveltejs/kit';
import { allDecks, getDeck, getSource } from '$lib/content/decks.server';
import { sourceLayout } from '$lib/domain/deck/document';

export function entries() {
	return allDecks().flatMap((deck) =>
		deck.sources.map((source) => ({ deckId: deck.id, sourceId: source.id }))
	);
}

export function load({ params }) {
	const deck = getDeck(params.deckId);
	const source = getSource(params.deckId, params.sourceId);
	if (!deck || !source) error(404, 'No such source');
	return {
		deckId: deck.id,
		deckTitle: deck.title,
		title: deck.sources.find((s) => s.id === params.sourceId)!.title,
		...sourceLayout(source.parsed, source.text, params.sourceId, deck.facts)
	};
}
