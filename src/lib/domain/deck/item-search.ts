import type { Item, ItemType } from '$lib/domain/types';
import { normalizeAnswer } from '$lib/domain/quiz/lenient-match';

export interface ItemFilter {
	query: string;
	type: ItemType | '';
	topic: string;
}

/** The text an item is found by: prompt, answers, options, explanation and source quote. */
export function searchableText(item: Item): string {
	const answer =
		typeof item.answer === 'string'
			? item.answer
			: item.answer.map((a) => (typeof a === 'string' ? a : `${a.term} ${a.meaning}`)).join(' ');
	const options = 'options' in item ? item.options.join(' ') : '';
	return normalizeAnswer(
		[item.prompt, answer, options, item.explanation, item.source.quote].join(' ')
	);
}

// Each item's text normalised once: a deck of thousands, searched at every keystroke, would
// otherwise normalise all of them each time (a long task on a big deck).
const searchable = new WeakMap<Item, string>();

function searchableOnce(item: Item): string {
	let text = searchable.get(item);
	if (text === undefined) searchable.set(item, (text = searchableText(item)));
	return text;
}

/** Items matching every word of the query (accent- and case-insensitive), the type and the topic. */
export function filterItems(items: readonly Item[], filter: ItemFilter): Item[] {
	const words = normalizeAnswer(filter.query).split(' ').filter(Boolean);
	return items.filter((item) => {
		if (filter.type && item.type !== filter.type) return false;
		if (filter.topic && item.topic !== filter.topic) return false;
		if (words.length === 0) return true;
		const text = searchableOnce(item);
		return words.every((word) => text.includes(word));
	});
}
