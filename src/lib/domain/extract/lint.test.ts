import { describe, expect, it } from 'vitest';
import {
	isBrokenForm,
	isCitationYear,
	isFragment,
	isTrivialAnswer,
	opensWithPronoun,
	questionWordProblem,
	splitsPhrase
} from './lint';

describe('lint', () => {
	it('finds broken fragments among options', () => {
		expect(isFragment('East Timor (INTERFET')).toBe(true);
		expect(isFragment('a detailed account of')).toBe(true);
		expect(isFragment('with up to 1')).toBe(true);
		expect(isFragment('8', 'Some 8,950 troops came.')).toBe(true);
		expect(isFragment('the Stamp Act')).toBe(false);
	});

	it('finds trivial answers and citation years', () => {
		for (const answer of ['a result', 'the loss', 'the same day', 'an effort'])
			expect(isTrivialAnswer(answer)).toBe(true);
		expect(isTrivialAnswer('negative feedback')).toBe(false);
		expect(isCitationYear('Mead studied the self (Mead 1934).', '1934')).toBe(true);
		expect(isCitationYear('Jean Piaget (1896–1980) was a psychologist.', '1896')).toBe(true);
		expect(isTrivialAnswer('1807', 'Britain abolished the slave trade in 1807.')).toBe(false);
	});

	it('finds stems that lean on the sentence before', () => {
		expect(opensWithPronoun('It was headed by _____ of Brazil.')).toBe(true);
		expect(opensWithPronoun('Complete: This is known as _____.')).toBe(true);
		expect(opensWithPronoun('Complete: That’s not _____ that we are born with.')).toBe(true);
		expect(opensWithPronoun('Thatcher led the party.')).toBe(false);
		expect(opensWithPronoun('In contrast, what reduces blood flow to the skin?')).toBe(true);
		expect(opensWithPronoun('First published in 1807, what ...?')).toBe(false);
		expect(opensWithPronoun('Who founded Kilwa?')).toBe(false);
	});

	it('finds question words that do not fit the answer', () => {
		expect(
			questionWordProblem('The UN adopted resolution which year?', '1244', 'number')
		).not.toBeNull();
		expect(questionWordProblem('According to which place, ...?', 'Jung', 'person')).not.toBeNull();
		expect(
			questionWordProblem('What sent the second largest contingent?', 'New Zealand', 'place')
		).toBeNull();
		expect(
			questionWordProblem('Who sent the second largest contingent?', 'New Zealand', 'place')
		).not.toBeNull();
		expect(questionWordProblem('In which year did Fort Jesus fall?', '1698', 'year')).toBeNull();
		expect(questionWordProblem('How many troops moved in?', 'Kosovo', 'place')).not.toBeNull();
	});

	it('finds blanks that split a name or a number', () => {
		expect(splitsPhrase('The Holy Roman Empire fell.', 'Roman Empire')).toBe(true);
		expect(splitsPhrase('After the Thirty Years’ War ended.', 'Thirty Years’')).toBe(true);
		expect(splitsPhrase('Some 8,950 troops came.', '950 troops')).toBe(true);
		expect(
			splitsPhrase(
				'Psychologist Harry Harlow studied monkeys.',
				'Harry Harlow',
				'He was a psychologist.'
			)
		).toBe(false);
		expect(splitsPhrase('The Sheikh of Malindi signed with Vasco da Gama.', 'Vasco da Gama')).toBe(
			false
		);
	});

	it('finds questions the rewording broke, whatever their answer', () => {
		expect(
			isBrokenForm(
				'In which century did Starting, settlements on the coast of East Africa begin to trade?'
			)
		).toBe(true);
		expect(isBrokenForm('Another sociologist, who (1936–), recognized a gender bias?')).toBe(true);
		expect(
			isBrokenForm('The underlying connective tissue, called what (literally “own layer”), helps?')
		).toBe(false);
		expect(isBrokenForm('In which century were the first mosques built?')).toBe(false);
	});

	it('lets a blank follow a class noun ("the hormone insulin") and not split a clause for a list', () => {
		const quote = 'Beta cells respond by releasing the hormone insulin into the bloodstream.';
		expect(splitsPhrase(quote, 'insulin', quote)).toBe(false);
		const peritoneum =
			'A fourth, the peritoneum, is the serous membrane that covers abdominal organs and forms sheets.';
		expect(splitsPhrase(peritoneum, 'peritoneum', peritoneum)).toBe(false);
		const list = 'It lines the joints of the shoulder, elbow, and knee.';
		expect(splitsPhrase(list, 'the shoulder', list)).toBe(true);
	});
});
