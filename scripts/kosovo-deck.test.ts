import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildDeck } from '$lib/domain/deck/build-deck';
import { ITEM_TYPES, type Deck } from '$lib/domain/types';
import { readDeckFolder } from './questions.ts';
import { opensWithPronoun } from '$lib/domain/extract/lint';

// The shipped deck, built exactly as the app's build builds it.
const files = readDeckFolder(path.resolve('questions'), 'kosovo');

function build(facts: unknown = files.facts): Deck {
	const result = buildDeck({ ...files, facts });
	if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
	return result.deck;
}

describe('the Kosovo deck', () => {
	const deck = build();

	it('has at least 150 items of all six types, every quote verbatim in its document', () => {
		expect(deck.items.length).toBeGreaterThanOrEqual(150);
		expect(new Set(deck.items.map((item) => item.type))).toEqual(new Set(ITEM_TYPES));
		for (const item of deck.items) {
			expect(files.documents[item.source.document]).toContain(item.source.quote);
		}
	});

	it('has no cloze that opens with a pronoun or a demonstrative, and no false statement without three distractors', () => {
		const clozes = deck.items.filter((item) => item.type === 'cloze');
		expect(clozes.length).toBeGreaterThan(100);
		for (const item of clozes)
			expect({ prompt: item.prompt, opens: opensWithPronoun(item.prompt) }).toEqual({
				prompt: item.prompt,
				opens: false
			});
		const mcqFacts = new Set(deck.items.filter((i) => i.type === 'mcq').map((i) => i.factId));
		for (const item of deck.items)
			if (item.type === 'truefalse' && item.answer === 'False')
				expect(mcqFacts.has(item.factId)).toBe(true);
	});

	it('draws on both documents', () => {
		const documents = new Set(deck.facts.map((fact) => fact.document));
		expect(documents).toEqual(new Set(Object.keys(files.documents)));
	});

	it('builds to byte-identical JSON twice', () => {
		expect(JSON.stringify(build())).toBe(JSON.stringify(deck));
	});

	it('keeps every item id when the facts file is reordered', () => {
		const shuffled = [...(files.facts as unknown[])].reverse();
		shuffled.push(shuffled.shift());
		const ids = (d: Deck) => d.items.map((item) => item.id).sort();
		expect(ids(build(shuffled))).toEqual(ids(deck));
	});

	it('spreads the correct option of its multiple-choice items evenly', () => {
		const counts = [0, 0, 0, 0];
		for (const item of deck.items) {
			if (item.type === 'mcq') counts[item.options.indexOf(item.answer)] += 1;
		}
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	});
});
