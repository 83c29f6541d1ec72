import { describe, expect, it } from 'vitest';
import { filterItems } from '$lib/domain/deck/item-search';
import type { Item } from '$lib/domain/types';

const base = { explanation: 'Because.', source: { document: 'doc', quote: 'Quote text.' } };
const items: Item[] = [
	{
		id: 'a',
		factId: 'f1',
		type: 'flashcard',
		prompt: 'Who withdrew?',
		answer: 'Milošević',
		topic: 'case',
		...base
	},
	{
		id: 'b',
		factId: 'f2',
		type: 'mcq',
		prompt: 'Which year?',
		answer: '1999',
		options: ['1999', '2002', '2005', '2008'],
		topic: 'origins',
		...base
	},
	{
		id: 'c',
		factId: 'f3',
		type: 'cloze',
		prompt: 'KFOR was set up in _____.',
		answer: '1999',
		topic: 'origins',
		...base
	}
];

describe('filterItems', () => {
	it('finds by any word of the question or answer, ignoring case and accents', () => {
		expect(
			filterItems(items, { query: 'milosevic', type: '', topic: '' }).map((i) => i.id)
		).toEqual(['a']);
		expect(
			filterItems(items, { query: 'KFOR 1999', type: '', topic: '' }).map((i) => i.id)
		).toEqual(['c']);
	});

	it('filters by type and topic together', () => {
		expect(filterItems(items, { query: '', type: 'mcq', topic: '' }).map((i) => i.id)).toEqual([
			'b'
		]);
		expect(
			filterItems(items, { query: '1999', type: '', topic: 'origins' }).map((i) => i.id)
		).toEqual(['b', 'c']);
		expect(filterItems(items, { query: '', type: 'flashcard', topic: 'origins' })).toEqual([]);
	});
});
