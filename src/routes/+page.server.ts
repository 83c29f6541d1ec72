import { allDecks } from '$lib/content/decks.server';
import { summariseDeck } from '$lib/content/summaries';

export function load() {
	return { decks: allDecks().map(summariseDeck) };
}
