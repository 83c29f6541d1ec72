import { describe, it, expect } from 'vitest';
import type { Item } from '$lib/domain/types';
import { gradeAnswer } from '$lib/domain/quiz/grade';
import {
	answerText,
	explanationBeyondAnswer,
	isBlankMatch,
	formatDuration,
	itemsForIds,
	parseQuizConfig,
	quizRatingForScheduler,
	resumeIndex,
	validateQuizSetup,
	type SetupInput
} from '$lib/domain/quiz/quiz-session';

const source = { document: 'doc', quote: 'q' };
const base = { prompt: 'p', explanation: 'e', topic: 't', source };
const mcq: Item = {
	...base,
	id: 'm1',
	factId: 'f1',
	type: 'mcq',
	answer: 'A',
	options: ['A', 'B']
};
const order: Item = {
	...base,
	id: 'o1',
	factId: 'f2',
	type: 'order',
	answer: ['a', 'b', 'c', 'd', 'e'],
	options: ['b', 'a', 'c', 'd', 'e']
};
const match: Item = {
	...base,
	id: 'x1',
	factId: 'f3',
	type: 'match',
	answer: [
		{ term: 'T1', meaning: 'M1' },
		{ term: 'T2', meaning: 'M2' }
	],
	options: ['M2', 'M1']
};
const card: Item = { ...base, id: 'c1', factId: 'f4', type: 'flashcard', answer: 'x' };

const setup = (over: Partial<SetupInput> = {}): SetupInput => ({
	count: '10',
	types: ['mcq', 'order'],
	topics: ['a', 'b'],
	feedback: 'immediate',
	seed: 7,
	...over
});

describe('validateQuizSetup', () => {
	it('accepts 5 to 50 questions and keeps only known types and topics', () => {
		const result = validateQuizSetup(setup({ types: ['order', 'bogus', 'mcq'] }), ['a', 'b', 'c']);
		expect(result).toEqual({
			ok: true,
			config: {
				count: 10,
				types: ['mcq', 'order'],
				topics: ['a', 'b'],
				feedback: 'immediate',
				seed: 7
			}
		});
		expect(validateQuizSetup(setup({ count: 5 }), ['a']).ok).toBe(true);
		expect(validateQuizSetup(setup({ count: ' 50 ' }), ['a']).ok).toBe(true);
	});

	it.each(['4', '51', '', '7.5', 'ten', '-5'])(
		'rejects the count %j with a clear message',
		(count) => {
			const result = validateQuizSetup(setup({ count }), ['a']);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.errors.count).toMatch(/from 5 to 50/);
		}
	);

	it('asks for at least one type and one topic', () => {
		const result = validateQuizSetup(setup({ types: [], topics: ['zzz'] }), ['a']);
		expect(result).toEqual({
			ok: false,
			errors: { types: 'Choose at least one question type.', topics: 'Choose at least one topic.' }
		});
	});

	it('reads feedback "end" and treats anything else as immediate', () => {
		const end = validateQuizSetup(setup({ feedback: 'end' }), ['a']);
		const other = validateQuizSetup(setup({ feedback: 'weird' }), ['a']);
		expect(end.ok && end.config.feedback).toBe('end');
		expect(other.ok && other.config.feedback).toBe('immediate');
	});
});

describe('parseQuizConfig', () => {
	it('round-trips a config, retryOf included', () => {
		const config = {
			count: 3,
			types: ['mcq'],
			topics: ['a'],
			feedback: 'end',
			seed: 1,
			retryOf: 'x'
		};
		expect(parseQuizConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
	});
	it('rejects what is not a config', () => {
		expect(parseQuizConfig(null)).toBeNull();
		expect(parseQuizConfig({ count: '3', seed: 1, types: [], topics: [] })).toBeNull();
		expect(parseQuizConfig({ count: 3, seed: 1, types: 'mcq', topics: [] })).toBeNull();
	});
});

describe('resuming', () => {
	it('picks up at the first unanswered item, or past the end when all are answered', () => {
		expect(resumeIndex(['a', 'b', 'c'], {})).toBe(0);
		expect(resumeIndex(['a', 'b', 'c'], { a: 'x', b: false })).toBe(2);
		expect(resumeIndex(['a', 'b'], { a: 'x', b: 'y' })).toBe(2);
	});
	it('does not count inherited keys as answers', () => {
		expect(resumeIndex(['constructor'], {})).toBe(0);
	});
	it('maps stored ids to items in stored order, skipping ids the deck lost', () => {
		expect(itemsForIds([mcq, order, match], ['x1', 'gone', 'm1']).map((i) => i.id)).toEqual([
			'x1',
			'm1'
		]);
	});
});

describe('quizRatingForScheduler', () => {
	it('sends only wrong answers, as Again', () => {
		expect(quizRatingForScheduler(gradeAnswer(mcq, 'B'))).toBe(1);
		expect(quizRatingForScheduler(gradeAnswer(mcq, undefined))).toBe(1);
		expect(quizRatingForScheduler(gradeAnswer(mcq, 'A'))).toBeNull();
		expect(quizRatingForScheduler(gradeAnswer(card, true))).toBeNull();
		expect(quizRatingForScheduler(gradeAnswer(card, false))).toBe(1);
	});
	it('leaves a nearly right order alone but sends a poor one', () => {
		// One swap of five: 3/5 in place, below the partial pass mark.
		expect(quizRatingForScheduler(gradeAnswer(order, ['b', 'a', 'c', 'd', 'e']))).toBe(1);
		expect(quizRatingForScheduler(gradeAnswer(order, ['a', 'b', 'c', 'd', 'e']))).toBeNull();
	});
});

describe('answerText', () => {
	it('reads every answer shape back', () => {
		expect(answerText(mcq, 'B')).toBe('B');
		expect(answerText(mcq, undefined)).toBe('No answer');
		expect(answerText(mcq, '')).toBe('No answer');
		expect(answerText(card, true)).toBe('I knew it');
		expect(answerText(card, false)).toBe('I didn’t know it');
		expect(answerText(order, ['b', 'a'])).toBe('b → a');
		expect(answerText(match, { T1: 'M2' })).toBe('T1 — M2; T2 — (none)');
	});
});

describe('formatDuration', () => {
	it('writes seconds, minutes and hours', () => {
		expect(formatDuration(0)).toBe('0 s');
		expect(formatDuration(44_600)).toBe('45 s');
		expect(formatDuration(185_000)).toBe('3 min 05 s');
		expect(formatDuration(3_720_000)).toBe('1 h 02 min');
		expect(formatDuration(-5)).toBe('0 s');
	});
});

describe('isBlankMatch', () => {
	const match: Item = {
		id: 'm',
		factId: 'f',
		type: 'match',
		prompt: 'Match',
		answer: [
			{ term: 'KFOR', meaning: 'Kosovo Force' },
			{ term: 'UNMIK', meaning: 'UN mission' }
		],
		options: ['UN mission', 'Kosovo Force'],
		explanation: 'KFOR: Kosovo Force; UNMIK: UN mission.',
		topic: 't',
		source: { document: 'd', quote: 'q' }
	};
	it('is true for a match with nothing chosen, false once any meaning is chosen', () => {
		expect(isBlankMatch(match, undefined)).toBe(true);
		expect(isBlankMatch(match, '')).toBe(true);
		expect(isBlankMatch(match, {})).toBe(true);
		expect(isBlankMatch(match, { KFOR: '' })).toBe(true);
		expect(isBlankMatch(match, { KFOR: 'UN mission' })).toBe(false);
	});
	it('never holds back another type of question', () => {
		const cloze: Item = { ...match, type: 'cloze', answer: '1999' } as Item;
		expect(isBlankMatch(cloze, undefined)).toBe(false);
		expect(isBlankMatch(cloze, '')).toBe(false);
	});
});

describe('explanationBeyondAnswer', () => {
	it('drops an explanation that only restates the right answer, whatever its punctuation', () => {
		expect(
			explanationBeyondAnswer(
				'KFOR: Kosovo Force; UNMIK: UN mission.',
				'KFOR — Kosovo Force; UNMIK — UN mission'
			)
		).toBeNull();
		expect(explanationBeyondAnswer('  ', '1999')).toBeNull();
		expect(explanationBeyondAnswer('1999.', '1999')).toBeNull();
	});
	it('keeps one that says more', () => {
		expect(explanationBeyondAnswer('KFOR entered in June 1999: Resolution 1244.', '1999')).toBe(
			'KFOR entered in June 1999: Resolution 1244.'
		);
		expect(explanationBeyondAnswer('Landing: 1999; Treaty: 2008.', 'Landing → Treaty')).toBe(
			'Landing: 1999; Treaty: 2008.'
		);
	});
});
