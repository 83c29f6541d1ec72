import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type {
	Answer,
	ClozeItem,
	FlashcardItem,
	Grade,
	Item,
	MatchItem,
	McqItem,
	OrderItem,
	TrueFalseItem
} from '$lib/domain/types';
import {
	PARTIAL_PASS_SCORE,
	expectedText,
	gradeAnswer,
	ratingFor,
	scoreAttempt
} from '$lib/domain/quiz/grade';

const base = {
	explanation: 'Because the source says so.',
	topic: 'mission',
	source: { document: 'doc', quote: 'quote' }
};

const mcq: McqItem = {
	...base,
	id: 'mcq-1',
	factId: 'f1',
	type: 'mcq',
	prompt: 'In which year was KFOR deployed?',
	answer: '1999',
	options: ['1998', '1999', '2000', '2008']
};
const truefalse: TrueFalseItem = {
	...base,
	id: 'tf-1',
	factId: 'f2',
	type: 'truefalse',
	prompt: 'KFOR was deployed in 2000.',
	answer: 'False',
	correction: '1999'
};
const cloze: ClozeItem = {
	...base,
	id: 'cloze-1',
	factId: 'f3',
	type: 'cloze',
	prompt: 'The _____ entered Kosovo on 12 June 1999.',
	answer: 'Kosovo Force',
	alternatives: ['KFOR']
};
const flashcard: FlashcardItem = {
	...base,
	id: 'card-1',
	factId: 'f4',
	type: 'flashcard',
	prompt: 'Who was President of Yugoslavia in 1999?',
	answer: 'Slobodan Milošević',
	alternatives: ['Milošević']
};
const order: OrderItem = {
	...base,
	id: 'order-1',
	factId: 'f5',
	factIds: ['f5', 'f6', 'f7', 'f8', 'f9'],
	type: 'order',
	prompt: 'Put these events in order.',
	answer: ['A', 'B', 'C', 'D', 'E'],
	options: ['C', 'A', 'E', 'B', 'D']
};
const match: MatchItem = {
	...base,
	id: 'match-1',
	factId: 'f10',
	factIds: ['f10', 'f11', 'f12', 'f13'],
	type: 'match',
	prompt: 'Match each organisation to its role.',
	answer: [
		{ term: 'KFOR', meaning: 'security' },
		{ term: 'UNMIK', meaning: 'civil administration' },
		{ term: 'OSCE', meaning: 'elections' },
		{ term: 'EULEX', meaning: 'rule of law' }
	],
	options: ['elections', 'rule of law', 'security', 'civil administration']
};

const allItems: Item[] = [mcq, truefalse, cloze, flashcard, order, match];

function grade(score: number, isCorrect: boolean, hasTypo: boolean, expected: string): Grade {
	return { score, isCorrect, hasTypo, expected };
}

describe('gradeAnswer: mcq', () => {
	it('accepts exactly the right option', () => {
		expect(gradeAnswer(mcq, '1999')).toEqual(grade(1, true, false, '1999'));
	});
	it('rejects a wrong option, and does not grade leniently', () => {
		expect(gradeAnswer(mcq, '1998')).toEqual(grade(0, false, false, '1999'));
		expect(gradeAnswer(mcq, ' 1999 ').isCorrect).toBe(false);
	});
});

describe('gradeAnswer: truefalse', () => {
	it('accepts the right verdict only', () => {
		expect(gradeAnswer(truefalse, 'False')).toEqual(grade(1, true, false, 'False'));
		expect(gradeAnswer(truefalse, 'True')).toEqual(grade(0, false, false, 'False'));
	});
	it('rejects booleans and other spellings (the contract is the strings True/False)', () => {
		expect(gradeAnswer(truefalse, false).score).toBe(0);
		expect(gradeAnswer(truefalse, 'false').score).toBe(0);
	});
});

describe('gradeAnswer: cloze', () => {
	it('grades typed text leniently, alternatives included', () => {
		expect(gradeAnswer(cloze, 'kosovo force')).toEqual(grade(1, true, false, 'Kosovo Force'));
		expect(gradeAnswer(cloze, 'K.F.O.R.')).toEqual(grade(1, true, false, 'Kosovo Force'));
		expect(gradeAnswer(cloze, 'Kosovo Froce')).toEqual(grade(1, true, true, 'Kosovo Force'));
		expect(gradeAnswer(cloze, 'UNMIK')).toEqual(grade(0, false, false, 'Kosovo Force'));
	});
	it('rejects a boolean for a typed item', () => {
		expect(gradeAnswer(cloze, true).score).toBe(0);
	});
	it('accepts the head of the answer when the prompt gives the rest', () => {
		const waves: ClozeItem = {
			...cloze,
			id: 'cloze-waves',
			prompt: 'In deep sleep, the high amplitude _____ waves of stage 3 appear: _____.',
			answer: 'high amplitude delta waves',
			alternatives: []
		};
		expect(gradeAnswer(waves, 'delta')).toEqual(
			grade(1, true, false, 'high amplitude delta waves')
		);
		expect(gradeAnswer(waves, 'waves').isCorrect).toBe(false);
	});
});

describe('gradeAnswer: flashcard', () => {
	it("takes the learner's own verdict when they self-grade", () => {
		expect(gradeAnswer(flashcard, true)).toEqual(grade(1, true, false, 'Slobodan Milošević'));
		expect(gradeAnswer(flashcard, false)).toEqual(grade(0, false, false, 'Slobodan Milošević'));
	});
	it('grades a typed answer leniently', () => {
		expect(gradeAnswer(flashcard, 'slobodan milosevic').isCorrect).toBe(true);
		expect(gradeAnswer(flashcard, 'Milosevic')).toEqual(
			grade(1, true, false, 'Slobodan Milošević')
		);
		expect(gradeAnswer(flashcard, 'Milosevc')).toEqual(grade(1, true, true, 'Slobodan Milošević'));
		expect(gradeAnswer(flashcard, 'Tito').isCorrect).toBe(false);
	});
});

describe('gradeAnswer: order', () => {
	it('gives full credit for the right order, joined with arrows in expected', () => {
		expect(gradeAnswer(order, ['A', 'B', 'C', 'D', 'E'])).toEqual(
			grade(1, true, false, 'A → B → C → D → E')
		);
	});
	it('gives the share of positions that match', () => {
		// Swapping two neighbours leaves 3 of 5 in place.
		const g = gradeAnswer(order, ['A', 'C', 'B', 'D', 'E']);
		expect(g.score).toBeCloseTo(0.6);
		expect(g.isCorrect).toBe(false);
		expect(gradeAnswer(order, ['E', 'D', 'C', 'B', 'A']).score).toBeCloseTo(0.2);
		expect(gradeAnswer(order, ['B', 'C', 'D', 'E', 'A']).score).toBe(0);
	});
	it('scores 0 for anything that is not a permutation of the events', () => {
		expect(gradeAnswer(order, ['A', 'B', 'C', 'D']).score).toBe(0);
		expect(gradeAnswer(order, ['A', 'B', 'C', 'D', 'E', 'E']).score).toBe(0);
		// Duplicates could otherwise farm credit: four right positions and a repeated guess.
		expect(gradeAnswer(order, ['A', 'B', 'C', 'D', 'D']).score).toBe(0);
		expect(gradeAnswer(order, ['A', 'B', 'C', 'D', 'X']).score).toBe(0);
		expect(gradeAnswer(order, 'A → B → C → D → E').score).toBe(0);
		expect(gradeAnswer(order, ['A', 'B', 'C', 'D', 5] as unknown as Answer).score).toBe(0);
	});
	it('score is always within 0..1 and 1 only for the right order', () => {
		fc.assert(
			fc.property(fc.shuffledSubarray(order.answer, { minLength: 5, maxLength: 5 }), (perm) => {
				const g = gradeAnswer(order, perm);
				expect(g.score).toBeGreaterThanOrEqual(0);
				expect(g.score).toBeLessThanOrEqual(1);
				expect(g.score === 1).toBe(perm.join() === order.answer.join());
				expect(g.isCorrect).toBe(g.score === 1);
			})
		);
	});
});

describe('gradeAnswer: match', () => {
	const right = {
		KFOR: 'security',
		UNMIK: 'civil administration',
		OSCE: 'elections',
		EULEX: 'rule of law'
	};
	it('gives full credit for all pairs, with a readable expected answer', () => {
		expect(gradeAnswer(match, right)).toEqual(
			grade(
				1,
				true,
				false,
				'KFOR — security; UNMIK — civil administration; OSCE — elections; EULEX — rule of law'
			)
		);
	});
	it('gives the share of correct pairs', () => {
		const g = gradeAnswer(match, { ...right, OSCE: 'rule of law', EULEX: 'elections' });
		expect(g).toEqual({ ...g, score: 0.5, isCorrect: false });
		expect(gradeAnswer(match, { KFOR: 'security' }).score).toBe(0.25);
		expect(gradeAnswer(match, { ...right, EULEX: 'security' }).score).toBe(0.75);
	});
	it('ignores unknown terms and non-string meanings', () => {
		const hostile = { KFOR: 'security', NATO: 'security', UNMIK: 3 } as unknown as Answer;
		expect(gradeAnswer(match, hostile).score).toBe(0.25);
	});
	it('scores 0 for an answer that is not a record', () => {
		expect(gradeAnswer(match, ['security', 'civil administration']).score).toBe(0);
		expect(gradeAnswer(match, 'KFOR — security').score).toBe(0);
		expect(gradeAnswer(match, null as unknown as Answer).score).toBe(0);
	});
	it('does not find inherited properties for a term named like one', () => {
		const tricky: MatchItem = {
			...match,
			answer: [
				{ term: 'constructor', meaning: 'builds' },
				{ term: 'toString', meaning: 'prints' }
			]
		};
		expect(gradeAnswer(tricky, {}).score).toBe(0);
		expect(gradeAnswer(tricky, { constructor: 'builds' } as Answer).score).toBe(0.5);
	});
});

describe('gradeAnswer: hostile inputs', () => {
	const junk: unknown[] = [
		undefined,
		null,
		42,
		Number.NaN,
		{},
		[],
		{ toString: 'x' },
		[1, 2],
		() => '1999',
		Symbol('x')
	];
	it.each(allItems.map((item) => [item.type, item] as const))(
		'%s: junk answers score 0 and never throw',
		(_type, item) => {
			for (const value of junk) {
				const g = gradeAnswer(item, value as Answer);
				expect(g.score).toBe(0);
				expect(g.isCorrect).toBe(false);
				expect(g.hasTypo).toBe(false);
				expect(g.expected).toBe(expectedText(item));
			}
		}
	);
	it('never throws on arbitrary JSON answers, and scores stay within 0..1', () => {
		fc.assert(
			fc.property(fc.constantFrom(...allItems), fc.jsonValue(), (item, value) => {
				const g = gradeAnswer(item, value as Answer);
				expect(g.score).toBeGreaterThanOrEqual(0);
				expect(g.score).toBeLessThanOrEqual(1);
			})
		);
	});
	it('survives malformed items (from an edited share link)', () => {
		const broken = [
			{ ...order, answer: 'A' },
			{ ...match, answer: [{ term: 1 }, null] },
			{ ...cloze, answer: undefined },
			{ ...mcq, type: 'essay' },
			{ ...order, answer: [] }
		] as unknown as Item[];
		for (const item of broken) {
			const g = gradeAnswer(item, ['A'] as Answer);
			expect(g.score).toBe(0);
			expect(g.isCorrect).toBe(false);
		}
		expect(gradeAnswer(null as unknown as Item, '1999').score).toBe(0);
	});
});

describe('scoreAttempt', () => {
	it('averages item scores and counts fully correct items', () => {
		const result = scoreAttempt(allItems, {
			'mcq-1': '1999',
			'tf-1': 'True',
			'cloze-1': 'KFOR',
			'card-1': true,
			'order-1': ['A', 'C', 'B', 'D', 'E'],
			'match-1': { KFOR: 'security', UNMIK: 'civil administration' }
		});
		expect(result.total).toBe(6);
		expect(result.correct).toBe(3);
		expect(result.score).toBeCloseTo((1 + 0 + 1 + 1 + 0.6 + 0.5) / 6);
		expect(Object.keys(result.perItem).sort()).toEqual(allItems.map((i) => i.id).sort());
		expect(result.perItem['order-1'].score).toBeCloseTo(0.6);
		expect(result.perItem['tf-1'].isCorrect).toBe(false);
	});
	it('scores unanswered items 0, ignores answers to other items and inherited keys', () => {
		const result = scoreAttempt([mcq, { ...truefalse, id: 'toString' }], {
			'mcq-1': '1999',
			'not-in-quiz': 'x'
		});
		expect(result.perItem['toString']).toEqual(grade(0, false, false, 'False'));
		expect(result.score).toBe(0.5);
		expect(result.correct).toBe(1);
		expect(result.perItem['not-in-quiz']).toBeUndefined();
	});
	it('keeps an item id like __proto__ as an ordinary key', () => {
		const result = scoreAttempt([{ ...mcq, id: '__proto__' }], JSON.parse('{"__proto__":"1999"}'));
		expect(Object.hasOwn(result.perItem, '__proto__')).toBe(true);
		expect(result.perItem['__proto__' as string]).toMatchObject({ score: 1 });
		expect(result.score).toBe(1);
	});
	it('gives 0 for an empty attempt and survives a missing answers object', () => {
		expect(scoreAttempt([], {})).toEqual({ score: 0, correct: 0, total: 0, perItem: {} });
		expect(scoreAttempt([mcq], null as unknown as Record<string, Answer>).score).toBe(0);
	});
});

describe('ratingFor', () => {
	it('maps wrong to Again, typo to Hard, right to Good', () => {
		expect(ratingFor(grade(0, false, false, 'x'))).toBe(1);
		expect(ratingFor(grade(1, true, true, 'x'))).toBe(2);
		expect(ratingFor(grade(1, true, false, 'x'))).toBe(3);
	});
	it(`counts partial credit as remembered (Hard) only from ${PARTIAL_PASS_SCORE}`, () => {
		expect(PARTIAL_PASS_SCORE).toBe(0.8);
		expect(ratingFor(grade(0.8, false, false, 'x'))).toBe(2);
		expect(ratingFor(grade(0.79, false, false, 'x'))).toBe(1);
		expect(ratingFor(grade(0.6, false, false, 'x'))).toBe(1);
	});
	it('agrees with real grades', () => {
		expect(ratingFor(gradeAnswer(order, ['A', 'C', 'B', 'D', 'E']))).toBe(1);
		expect(ratingFor(gradeAnswer(cloze, 'Kosovo Froce'))).toBe(2);
		expect(ratingFor(gradeAnswer(cloze, 'KFOR'))).toBe(3);
		// 4 of 5 positions cannot happen in an order, but 4 of 5 pairs can in a match.
		const fivePairs: MatchItem = {
			...match,
			answer: [...match.answer, { term: 'NATO', meaning: 'alliance' }]
		};
		const g = gradeAnswer(fivePairs, {
			KFOR: 'security',
			UNMIK: 'civil administration',
			OSCE: 'elections',
			EULEX: 'rule of law',
			NATO: 'security'
		});
		expect(g.score).toBe(0.8);
		expect(ratingFor(g)).toBe(2);
	});
});
