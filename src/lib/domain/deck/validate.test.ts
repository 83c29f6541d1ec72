import { describe, expect, it } from 'vitest';
import { itemShapeProblems, validateFacts } from '$lib/domain/deck/validate';
import type { DeckMeta, Fact, McqItem } from '$lib/domain/types';

const meta: DeckMeta = {
	id: 'd',
	title: 'D',
	description: 'D.',
	version: 1,
	topics: [{ id: 't', title: 'T' }],
	sources: [{ id: 'doc', title: 'Doc' }]
};
const documents = { doc: 'KFOR was established in 1999. It had 42,000 troops.' };
const good: Fact = {
	id: 'kfor-1999',
	topic: 't',
	document: 'doc',
	quote: 'KFOR was established in 1999.',
	question: 'When was KFOR established?',
	answer: '1999',
	answerKind: 'year',
	statement: 'KFOR was established in 1999.',
	explanation: 'The document says so.'
};

describe('validateFacts', () => {
	it('accepts a fact quoted verbatim', () => {
		expect(validateFacts(meta, [good], documents, 'facts.json').errors).toEqual([]);
	});

	it('names the file and fact of a quote that is not verbatim', () => {
		const { errors } = validateFacts(
			meta,
			[{ ...good, quote: 'KFOR was set up in 1999.' }],
			documents,
			'facts.json'
		);
		expect(errors).toEqual([
			{
				file: 'facts.json',
				factId: 'kfor-1999',
				message: 'quote not found verbatim in doc.txt: "KFOR was set up in 1999."'
			}
		]);
	});

	it('refuses an answer outside its quote, duplicate ids, unknown topics and bad dates', () => {
		const facts = [
			{ ...good, answer: '2002', statement: 'It was 2002.' },
			{ ...good, topic: 'nope', when: '1999-13-01', event: 'x' }
		];
		const messages = validateFacts(meta, facts, documents, 'f').errors.map((e) => e.message);
		expect(messages).toContain('answer "2002" is not in the quote');
		expect(messages).toContain('duplicate fact id "kfor-1999"');
		expect(messages).toContain('unknown topic "nope"');
		expect(messages.some((m) => m.startsWith('"when" is not'))).toBe(true);
	});
});

describe('itemShapeProblems', () => {
	const mcq: McqItem = {
		id: 'm',
		factId: 'kfor-1999',
		type: 'mcq',
		prompt: 'When?',
		answer: '1999',
		options: ['1999', '2002', '2005', '2008'],
		explanation: '',
		topic: 't',
		source: { document: 'doc', quote: good.quote }
	};

	it('accepts a well-formed mcq', () => {
		expect(itemShapeProblems(mcq)).toEqual([]);
	});

	it('reports too few options, a missing answer, duplicates and a true distractor', () => {
		expect(itemShapeProblems({ ...mcq, options: ['1999', '2002'] })).toContain(
			'mcq has 2 options; it needs at least 4'
		);
		expect(itemShapeProblems({ ...mcq, options: ['1998', '2002', '2005', '2008'] })).toContain(
			'mcq answer "1999" appears 0 times among its options'
		);
		expect(itemShapeProblems({ ...mcq, options: ['1999', '2002', '2002', '2008'] })).toContain(
			'mcq has duplicate options'
		);
		expect(itemShapeProblems(mcq, { ...good, alsoTrue: ['2002'] })).toContain(
			'mcq distractor "2002" is also true'
		);
	});
});
