import { allDecks } from '$lib/content/decks.server';
import type { ProgressDeck } from '$lib/state/progress.svelte';

// Each deck's fact ids by topic, prerendered into the page (a few kilobytes), so counting new
// facts and mastery needs no download of the whole deck.
export function load(): { decks: ProgressDeck[] } {
	return {
		decks: allDecks().map((deck) => ({
			id: deck.id,
			title: deck.title,
			topics: deck.topics.map((topic) => ({
				id: topic.id,
				title: topic.title,
				factIds: deck.facts.filter((fact) => fact.topic === topic.id).map((fact) => fact.id)
			}))
		}))
	};
}
