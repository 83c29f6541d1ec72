/**
 * A deck as the progress views know it: its topics and the fact ids in each, enough to count
 * facts by state and mastery by topic without carrying items, quotes or documents around.
 */
import type { Deck } from '$lib/domain/types';

export interface ProgressTopic {
	id: string;
	title: string;
	factIds: string[];
}

export interface ProgressDeck {
	id: string;
	title: string;
	topics: ProgressTopic[];
}

/** The progress view of a deck: every topic in deck order, each with its facts in deck order. */
export function progressDeck(deck: Pick<Deck, 'id' | 'title' | 'topics' | 'facts'>): ProgressDeck {
	const byTopic = new Map<string, string[]>(deck.topics.map((topic) => [topic.id, []]));
	for (const fact of deck.facts) byTopic.get(fact.topic)?.push(fact.id);
	return {
		id: deck.id,
		title: deck.title,
		topics: deck.topics.map((topic) => ({
			id: topic.id,
			title: topic.title,
			factIds: byTopic.get(topic.id) ?? []
		}))
	};
}
