/**
 * A deck sent between the page and a worker in parts. Posting a message clones it on the
 * sender's thread and again on the receiver's; a 2 MB deck (3,000 facts and their questions)
 * cloned in one message is a task of a second or more on a slow machine. In parts of a few
 * hundred facts and items, with the page's thread given back between them, no task is long.
 */
import type { Deck, Fact, Item } from '$lib/domain/types';

/** Facts or items per part: a part clones in a few tens of ms on a slow machine. */
export const DECK_PART_SIZE = 250;

/** One slice of a deck's facts and items, in deck order. */
export interface DeckPart {
	kind: 'deck-part';
	facts: Fact[];
	items: Item[];
}

/** The deck without its facts and items (its title, topics, sources…): small. */
export type DeckHead = Omit<Deck, 'facts' | 'items'>;

/** The deck's head and its facts and items in parts of at most `size` each. */
export function splitDeck(
	deck: Deck,
	size = DECK_PART_SIZE
): { head: DeckHead; parts: DeckPart[] } {
	const { facts, items, ...head } = deck;
	const parts: DeckPart[] = [];
	for (let at = 0; at < Math.max(facts.length, items.length); at += size)
		parts.push({
			kind: 'deck-part',
			facts: facts.slice(at, at + size),
			items: items.slice(at, at + size)
		});
	return { head, parts };
}

/** Gathers the parts of one deck as they arrive, then puts it together with its head. */
export class DeckCollector {
	#facts: Fact[] = [];
	#items: Item[] = [];

	add(part: Pick<DeckPart, 'facts' | 'items'>): void {
		for (const fact of part.facts) this.#facts.push(fact);
		for (const item of part.items) this.#items.push(item);
	}

	/** The whole deck; the collector starts empty again. */
	finish(head: DeckHead): Deck {
		const deck = { ...head, facts: this.#facts, items: this.#items };
		this.#facts = [];
		this.#items = [];
		return deck;
	}
}

/** Resolves after the page's thread has had a turn (rendering, input) between two parts. */
export function yieldToPage(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
