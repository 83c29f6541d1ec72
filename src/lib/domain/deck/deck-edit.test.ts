import { describe, expect, it } from 'vitest';
import type { Deck, McqItem } from '$lib/domain/types';
import { itemShapeProblems } from '$lib/domain/deck/validate';
import { parseDocument } from '$lib/domain/extract/sentences';
import { deckFromDocument } from '$lib/domain/deck/user-deck';
import {
	addFact,
	completeQuestion,
	deleteFact,
	deleteItem,
	editItem,
	factFromSelection,
	finishDeck,
	groupItemsByFact,
	guessAnswerKind,
	sentenceAround,
	type DraftDocument
} from '$lib/domain/deck/deck-edit';

const TEXT = `# River notes

## Founding

The European Commission of the Danube (ECD) was created by the Treaty of Paris in 1856. Delegates from seven states met in Galați on 4 November 1856. By 1860 the commission employed 350 workers on the river mouth.

## Works

The channel was deepened from 9 feet to 20 feet between 1858 and 1902. In 1939 the commission was dissolved after the Sinaia Agreement. Its lighthouse at Sulina still stands beside the old harbour.
`;

const built = deckFromDocument(TEXT, { title: 'River notes', fileName: 'river.md' });
if (!built.ok) throw new Error(built.error);
const deck: Deck = built.deck;
const documents = built.documents;
const doc: DraftDocument = { id: 'river', text: documents.river, parsed: parseDocument(TEXT) };

const firstOf = <T extends Deck['items'][number]['type']>(type: T) =>
	deck.items.find((item) => item.type === type) as Extract<Deck['items'][number], { type: T }>;

/** Offsets of `needle` in the document. */
function span(needle: string): [number, number] {
	const at = TEXT.indexOf(needle);
	if (at < 0) throw new Error(`not in the text: ${needle}`);
	return [at, at + needle.length];
}

describe('editItem', () => {
	it('changes a prompt, keeping the item id and every other item', () => {
		const item = firstOf('flashcard');
		const result = editItem(deck, item.id, { prompt: '  When was it founded?  ' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const edited = result.value.items.find((i) => i.id === item.id)!;
		expect(edited.prompt).toBe('When was it founded?');
		expect(result.value.items.length).toBe(deck.items.length);
		expect(deck.items.find((i) => i.id === item.id)!.prompt).toBe(item.prompt);
	});

	it('refuses an empty prompt and a cloze prompt without its blank', () => {
		expect(editItem(deck, firstOf('flashcard').id, { prompt: '   ' })).toEqual({
			ok: false,
			error: 'The question cannot be empty.'
		});
		const cloze = firstOf('cloze');
		const noBlank = editItem(deck, cloze.id, { prompt: cloze.prompt.replace('_____', 'x') });
		expect(noBlank.ok).toBe(false);
		if (!noBlank.ok) expect(noBlank.error).toMatch(/keep its blank/);
	});

	it('lets an mcq answer move to another option but never off the options', () => {
		const mcq = firstOf('mcq') as McqItem;
		const other = mcq.options.find((o) => o !== mcq.answer)!;
		const moved = editItem(deck, mcq.id, { prompt: mcq.prompt, answer: other });
		expect(moved.ok && (moved.value.items.find((i) => i.id === mcq.id) as McqItem).answer).toBe(
			other
		);
		if (moved.ok)
			expect(itemShapeProblems(moved.value.items.find((i) => i.id === mcq.id)!)).toEqual([]);
		const off = editItem(deck, mcq.id, { prompt: mcq.prompt, answer: 'Not an option' });
		expect(off.ok).toBe(false);
		if (!off.ok) expect(off.error).toMatch(/must be one of the options/);
	});

	it('edits a flashcard answer and refuses a true/false answer other than True or False', () => {
		const card = firstOf('flashcard');
		const result = editItem(deck, card.id, { prompt: card.prompt, answer: 'the year 1856' });
		expect(result.ok && result.value.items.find((i) => i.id === card.id)).toMatchObject({
			answer: 'the year 1856'
		});
		const tf = firstOf('truefalse');
		expect(editItem(deck, tf.id, { prompt: tf.prompt, answer: 'Maybe' }).ok).toBe(false);
		expect(editItem(deck, 'no-such-item', { prompt: 'x' }).ok).toBe(false);
	});
});

describe('deleting', () => {
	it('deletes one item; the last item of a fact takes the fact with it', () => {
		const fact = deck.facts[0];
		const own = deck.items.filter((i) => i.factId === fact.id && !i.factIds);
		let current = deleteItem(deck, own[0].id);
		expect(current.items.some((i) => i.id === own[0].id)).toBe(false);
		expect(current.facts.some((f) => f.id === fact.id)).toBe(own.length > 1);
		for (const item of own.slice(1)) current = deleteItem(current, item.id);
		expect(current.facts.some((f) => f.id === fact.id)).toBe(false);
	});

	it('deletes a fact with its items and the order/match items that draw on it', () => {
		const order = deck.items.find((i) => i.type === 'order')!;
		expect(order).toBeDefined();
		const id = order.factIds![1];
		const after = deleteFact(deck, id);
		expect(after.facts.some((f) => f.id === id)).toBe(false);
		expect(after.items.some((i) => i.factId === id || i.factIds?.includes(id))).toBe(false);
		expect(after.items.length).toBeLessThan(deck.items.length);
		expect(finishDeck(after, documents, after.title).ok).toBe(true);
	});
});

describe('a fact from a selection', () => {
	it('finds the one sentence around a span, and none across sentences', () => {
		const [from, to] = span('Sulina still stands');
		expect(sentenceAround(doc.parsed, from, to)?.text).toBe(
			'Its lighthouse at Sulina still stands beside the old harbour.'
		);
		const [a] = span('the Sinaia Agreement');
		const [, b] = span('Its lighthouse');
		expect(sentenceAround(doc.parsed, a, b)).toBeNull();
	});

	it('makes answer, quote and a "Complete:" question from the selected words (trimmed)', () => {
		const [from, to] = span(' the old harbour.');
		const result = factFromSelection(deck, doc, from, to);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { fact, topic } = result.value;
		expect(fact).toMatchObject({
			answer: 'the old harbour',
			quote: 'Its lighthouse at Sulina still stands beside the old harbour.',
			question: 'Complete: Its lighthouse at Sulina still stands beside _____.',
			document: 'river',
			topic: 'works',
			answerKind: 'phrase'
		});
		expect(topic).toEqual({ id: 'works', title: 'Works' });
	});

	it.each([
		['an empty selection', 'Sulina', 0],
		['a selection across sentences', 'Agreement. Its lighthouse', 1],
		['the whole sentence', 'Its lighthouse at Sulina still stands beside the old harbour.', 1]
	])('refuses %s', (_, needle, width) => {
		const [from, to] = span(needle);
		const result = factFromSelection(deck, doc, from, width === 0 ? from : to);
		expect(result.ok).toBe(false);
	});

	it('refuses a selection that repeats an existing fact', () => {
		const existing = deck.facts.find((f) => f.answer === '1939')!;
		const at = TEXT.indexOf(existing.quote) + existing.quote.indexOf('1939');
		const result = factFromSelection(deck, doc, at, at + 4);
		expect(result).toEqual({
			ok: false,
			error: 'There is already a question with this answer on this sentence.'
		});
	});

	it('adds the fact with its own items, keeping earlier edits, and the deck stays valid', () => {
		const card = firstOf('flashcard');
		const edited = editItem(deck, card.id, { prompt: 'Edited?' });
		if (!edited.ok) throw new Error(edited.error);
		const [from, to] = span('the river mouth');
		const proposed = factFromSelection(edited.value, doc, from, to);
		if (!proposed.ok) throw new Error(proposed.error);
		proposed.value.fact.question = 'Where did the commission employ 350 workers by 1860?';
		const added = addFact(edited.value, doc, proposed.value);
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		const own = added.value.items.filter((i) => i.factId === proposed.value.fact.id);
		expect(own.map((i) => i.type)).toEqual(expect.arrayContaining(['flashcard', 'cloze']));
		expect(own.find((i) => i.type === 'flashcard')?.prompt).toBe(
			'Where did the commission employ 350 workers by 1860?'
		);
		expect(added.value.items.find((i) => i.id === card.id)?.prompt).toBe('Edited?');
		// Listed after the facts of the sentence before it, before those of later sentences.
		const quotes = added.value.facts.map((f) => TEXT.indexOf(f.quote));
		expect(quotes).toEqual([...quotes].sort((a, b) => a - b));
		expect(finishDeck(added.value, documents, 'River notes').ok).toBe(true);
	});

	it('refuses an empty question', () => {
		const [from, to] = span('the river mouth');
		const proposed = factFromSelection(deck, doc, from, to);
		if (!proposed.ok) throw new Error(proposed.error);
		const result = addFact(deck, doc, {
			...proposed.value,
			fact: { ...proposed.value.fact, question: ' ' }
		});
		expect(result.ok).toBe(false);
	});

	it('guesses the kind of a hand-picked answer', () => {
		expect(guessAnswerKind('1856')).toBe('year');
		expect(guessAnswerKind('4 November 1856')).toBe('date');
		expect(guessAnswerKind('1,500')).toBe('number');
		expect(guessAnswerKind('ECD')).toBe('acronym');
		expect(guessAnswerKind('the old harbour')).toBe('phrase');
		expect(completeQuestion('It ended in 1939.', 12, 16)).toBe('Complete: It ended in _____.');
	});
});

describe('finishDeck', () => {
	it('sets the title and drops topics no fact uses', () => {
		const onlyWorks = deck.facts
			.filter((f) => f.topic === 'founding')
			.reduce((d, f) => deleteFact(d, f.id), deck);
		const result = finishDeck(onlyWorks, documents, '  My river  ');
		expect(result.ok && result.value.title).toBe('My river');
		expect(result.ok && result.value.topics.map((t) => t.id)).toEqual(['works']);
	});

	it('refuses no title, no questions, and a quote that is not in the document', () => {
		expect(finishDeck(deck, documents, ' ')).toEqual({
			ok: false,
			error: 'Give the deck a title.'
		});
		expect(finishDeck({ ...deck, facts: [], items: [] }, documents, 'T').ok).toBe(false);
		const tampered = {
			...deck,
			items: deck.items.map((i, n) =>
				n === 0 ? { ...i, source: { ...i.source, quote: 'Not there.' } } : i
			)
		};
		const result = finishDeck(tampered, documents, 'T');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/not found verbatim/);
	});
});

describe('groupItemsByFact', () => {
	it('puts every item once: under its fact, or among the combined order/match items', () => {
		const { groups, combined } = groupItemsByFact(deck);
		expect(groups.map((g) => g.fact.id)).toEqual(deck.facts.map((f) => f.id));
		const count = groups.reduce((n, g) => n + g.items.length, 0) + combined.length;
		expect(count).toBe(deck.items.length);
		for (const g of groups) for (const item of g.items) expect(item.factId).toBe(g.fact.id);
		for (const item of combined) expect(['order', 'match']).toContain(item.type);
	});
});
