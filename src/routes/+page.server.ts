import { allDecks } from '$lib/content/decks.server';
import { summariseDeck } from '$lib/domain/deck/summaries';

export function load() {
	return { decks: allDecks().map(summariseDeck) };
}
