import type { Deck, ItemType } from '$lib/domain/types';
import { ITEM_TYPES } from '$lib/domain/types';

/** What a deck page shows without shipping the whole deck: counts by type and by topic. */
export interface DeckSummary {
	id: string;
	title: string;
	description: string;
	facts: number;
	items: number;
	byType: Record<ItemType, number>;
	topics: Array<{ id: string; title: string; facts: number; items: number; factIds: string[] }>;
	sources: Array<{ id: string; title: string }>;
}

/** Summarises a deck for its page and the home page. */
export function summariseDeck(deck: Deck): DeckSummary {
	const byType = Object.fromEntries(ITEM_TYPES.map((type) => [type, 0])) as Record<
		ItemType,
		number
	>;
	for (const item of deck.items) byType[item.type] += 1;
	return {
		id: deck.id,
		title: deck.title,
		description: deck.description,
		facts: deck.facts.length,
		items: deck.items.length,
		byType,
		topics: deck.topics.map((topic) => ({
			...topic,
			facts: deck.facts.filter((fact) => fact.topic === topic.id).length,
			factIds: deck.facts.filter((fact) => fact.topic === topic.id).map((fact) => fact.id),
			items: deck.items.filter((item) => item.topic === topic.id).length
		})),
		sources: deck.sources
	};
}

export const TYPE_LABELS: Record<ItemType, string> = {
	flashcard: 'Flashcard',
	mcq: 'Multiple choice',
	truefalse: 'True or false',
	cloze: 'Fill the blank',
	order: 'Chronology',
	match: 'Matching'
};
