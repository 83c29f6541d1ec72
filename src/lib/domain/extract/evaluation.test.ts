import { describe, expect, it } from 'vitest';
import type { Fact, Item } from '$lib/domain/types';
import { whyUncovered, type DocumentRun, type KeyFact } from './evaluation.ts';

const quote = 'Maryland argued that all territory west of the Appalachians should be public land.';

function fact(answer: string, question: string): Fact {
	return {
		id: `f-${answer}`,
		topic: 't',
		document: 'd',
		quote,
		question,
		answer,
		answerKind: 'phrase',
		statement: quote,
		explanation: `From the text: ${quote}`
	};
}

function item(f: Fact): Item {
	return {
		id: `i-${f.id}`,
		type: 'cloze',
		factId: f.id,
		prompt: f.question,
		answer: f.answer,
		explanation: f.explanation,
		topic: f.topic,
		source: { document: 'd', quote }
	};
}

const key: KeyFact = {
	document: 'd',
	id: 'maryland',
	fact: 'Maryland argued for public land',
	sentence: 'Maryland argued',
	answer: 'Maryland'
};

function run(facts: Fact[], suggestions: Fact[] = []): DocumentRun {
	return {
		document: 'd',
		words: 12,
		facts,
		items: facts.map(item),
		suggestions: suggestions.length,
		suggestionFacts: suggestions,
		text: quote
	};
}

describe('whyUncovered', () => {
	const maryland = fact('Maryland', 'Complete: _____ argued that ...');
	const land = fact('public land', 'Complete: ... should be _____.');

	it('says when the fact was ranked out of the deck', () => {
		expect(whyUncovered(run([land], [maryland]), key, [])).toMatch(
			/^ranked out of the budget \(suggestion 1 of 1/
		);
	});

	it('says when the sentence was asked for another answer', () => {
		expect(whyUncovered(run([land]), key, [])).toBe(
			'its sentence asks for another answer: "public land"'
		);
	});

	it('says when the item that asks it is labelled reject', () => {
		const label = {
			document: 'd',
			sentence: quote,
			answer: 'Maryland',
			type: 'cloze',
			verdict: 'reject' as const,
			class: 'needs-context' as const
		};
		expect(whyUncovered(run([maryland]), key, [label])).toBe(
			'asked, but labelled reject (needs-context)'
		);
	});

	it('says when no fact comes from the sentence', () => {
		expect(whyUncovered(run([]), key, [])).toMatch(/^no fact from its sentence/);
	});
});
