import { error } from '@sveltejs/kit';
import { allDecks, getDeck, getSource } from '$lib/content/decks.server';
import { groupBlocks, locateQuote } from '$lib/domain/document';

export function entries() {
	return allDecks().flatMap((deck) =>
		deck.sources.map((source) => ({ deckId: deck.id, sourceId: source.id }))
	);
}

export function load({ params }) {
	const deck = getDeck(params.deckId);
	const source = getSource(params.deckId, params.sourceId);
	if (!deck || !source) error(404, 'No such source');
	// sentence index -> the facts quoted from it, so "See in source" can land on #f-<factId>
	const anchors: Record<number, string[]> = {};
	for (const fact of deck.facts) {
		if (fact.document !== params.sourceId) continue;
		const sentence = locateQuote(source.parsed, source.text, fact.quote);
		if (sentence) (anchors[sentence.index] ??= []).push(fact.id);
	}
	return {
		deckId: deck.id,
		deckTitle: deck.title,
		title: deck.sources.find((s) => s.id === params.sourceId)!.title,
		sections: groupBlocks(source.parsed.blocks),
		references: source.parsed.references,
		anchors
	};
}
