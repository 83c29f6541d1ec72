import { describe, it, expect } from 'vitest';
import type { Answer, Assignment, Item, StudentResult } from '$lib/domain/types';
import { analyseItems, answerAsText, groupSize } from '$lib/domain/teach/item-analysis';
import { resultId } from '$lib/domain/teach/result-codec';

const base = { explanation: '', topic: 't', source: { document: 'd', quote: 'q' } };
const q1: Item = {
	...base,
	id: 'q1',
	factId: 'f1',
	type: 'mcq',
	prompt: 'Who led KFOR?',
	answer: 'NATO',
	options: ['NATO', 'UN', 'OSCE', 'EU']
};
const q2: Item = {
	...base,
	id: 'q2',
	factId: 'f2',
	type: 'truefalse',
	prompt: 'KFOR came in 1999.',
	answer: 'True'
};
const q3: Item = {
	...base,
	id: 'q3',
	factId: 'f3',
	type: 'order',
	prompt: 'Order these.',
	answer: ['A', 'B', 'C'],
	options: ['C', 'A', 'B']
};

const assignment: Assignment = {
	v: 1,
	id: 'asg',
	title: 'Quiz',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items: [q1, q2, q3],
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 60,
	createdAt: 0
};

function result(student: string, answers: Record<string, Answer>, seconds = 60): StudentResult {
	return {
		v: 1,
		assignmentId: 'asg',
		student,
		startedAt: 1000,
		submittedAt: 1000 + seconds * 1000,
		answers
	};
}

/*
 * Hand-worked example, six students. The order item earns a third per event in its place
 * (A,C,B and C,B,A and B,A,C each have one event in place; C,A,B has none).
 *
 *            q1 (mcq NATO)   q2 (T/F True)   q3 (order A,B,C)     points   %
 *   Ana      NATO   1        False  0        A,B,C  1             2        66.67  passed
 *   Ben      UN     0        True   1        A,B,C  1             2        66.67  passed
 *   Cleo     NATO   1        False  0        A,C,B  1/3           4/3      44.44
 *   Dan      OSCE   0        True   1        C,B,A  1/3           4/3      44.44
 *   Eve      UN     0        True   1        C,A,B  0             1        33.33
 *   Fay      UN     0        True   1        (none) 0             1        33.33
 *
 * Six students: group size round(0.27 * 6) = round(1.62) = 2.
 * Ranked by points, ties by name: Ana, Ben | Cleo, Dan | Eve, Fay. Upper = Ana, Ben; lower = Eve, Fay.
 *
 * q1: facility 2/6 = 1/3. Upper (1 + 0) / 2 = 0.5, lower (0 + 0) / 2 = 0, D = 0.5.
 *     Wrong: UN x3 (Ben, Eve, Fay), OSCE x1 -> "UN", 3.
 * q2: facility 4/6 = 2/3. Upper (0 + 1) / 2 = 0.5, lower (1 + 1) / 2 = 1, D = -0.5.
 *     Wrong: False x2 (Ana, Cleo) -> "False", 2.
 * q3: facility (1 + 1 + 1/3 + 1/3 + 0 + 0) / 6 = (8/3) / 6 = 4/9. Upper 1, lower 0, D = 1.
 *     Wrong: A,C,B / C,B,A / C,A,B once each; Fay did not answer. Ties go to the first in text
 *     order: "A → C → B", 1. Answered: 5.
 */
const results = [
	result('Ana', { q1: 'NATO', q2: 'False', q3: ['A', 'B', 'C'] }, 300),
	result('Ben', { q1: 'UN', q2: 'True', q3: ['A', 'B', 'C'] }, 240),
	result('Cleo', { q1: 'NATO', q2: 'False', q3: ['A', 'C', 'B'] }),
	result('Dan', { q1: 'OSCE', q2: 'True', q3: ['C', 'B', 'A'] }),
	result('Eve', { q1: 'UN', q2: 'True', q3: ['C', 'A', 'B'] }),
	result('Fay', { q1: 'UN', q2: 'True' }, 45.5)
];

describe('analyseItems', () => {
	it('matches the hand-worked example, item by item', () => {
		const analysis = analyseItems(assignment, results);
		expect(analysis.groupSize).toBe(2);
		expect(analysis.method).toBe('27%');
		const [a1, a2, a3] = analysis.items;
		expect(a1).toMatchObject({
			itemId: 'q1',
			type: 'mcq',
			answered: 6,
			blank: 0,
			topWrongAnswer: 'UN',
			topWrongCount: 3
		});
		expect(a1.facility).toBeCloseTo(1 / 3, 9);
		expect(a1.discrimination).toBeCloseTo(0.5, 9);
		expect(a2).toMatchObject({
			itemId: 'q2',
			answered: 6,
			topWrongAnswer: 'False',
			topWrongCount: 2
		});
		expect(a2.facility).toBeCloseTo(2 / 3, 9);
		expect(a2.discrimination).toBeCloseTo(-0.5, 9);
		expect(a3).toMatchObject({
			itemId: 'q3',
			answered: 5,
			// Left blank by one: counted apart, never as a wrong answer of its own.
			blank: 1,
			topWrongAnswer: 'A → C → B',
			topWrongCount: 1
		});
		expect(a3.facility).toBeCloseTo(4 / 9, 9);
		expect(a3.discrimination).toBeCloseTo(1, 9);
	});

	it('matches the hand-worked example, student by student', () => {
		const { students } = analyseItems(assignment, results);
		expect(students.map((s) => s.student)).toEqual(['Ana', 'Ben', 'Cleo', 'Dan', 'Eve', 'Fay']);
		expect(students.map((s) => s.correct)).toEqual([2, 2, 1, 1, 1, 1]);
		expect(students.map((s) => s.total)).toEqual([3, 3, 3, 3, 3, 3]);
		expect(students.map((s) => s.passed)).toEqual([true, true, false, false, false, false]);
		const percents = students.map((s) => s.percent);
		[200 / 3, 200 / 3, 400 / 9, 400 / 9, 100 / 3, 100 / 3].forEach((p, i) =>
			expect(percents[i]).toBeCloseTo(p, 6)
		);
		expect(students[2].points).toBeCloseTo(4 / 3, 9);
		expect(students[2].score).toBeCloseTo(4 / 9, 9);
		expect(students.map((s) => s.timeTakenMs)).toEqual([
			300000, 240000, 60000, 60000, 60000, 45500
		]);
		expect(students[0].id).toBe(resultId(results[0]));
	});

	it('does not depend on the order results arrive in', () => {
		const forward = analyseItems(assignment, results).items;
		const backward = analyseItems(assignment, [...results].reverse()).items;
		expect(backward).toEqual(forward);
	});

	it('passes a student exactly at the pass mark despite floating point', () => {
		// 57 of 100 items: 57 / 100 * 100 is 56.99999999999999 in floating point.
		const many: Item[] = Array.from({ length: 100 }, (_, i) => ({ ...q2, id: `t${i}` }));
		const answers = Object.fromEntries(many.map((item, i) => [item.id, i < 57 ? 'True' : 'False']));
		const analysis = analyseItems({ ...assignment, items: many, passMark: 57 }, [
			result('Zed', answers)
		]);
		expect(analysis.students[0].percent).toBe(57);
		expect(analysis.students[0].passed).toBe(true);
	});

	it('uses halves below four students and no groups below two', () => {
		expect([0, 1, 2, 3, 4, 7, 10, 30].map(groupSize)).toEqual([0, 0, 1, 1, 1, 2, 3, 8]);
		// Three students: Ana (3 right) upper, Fay (0 right) lower, Ben in neither.
		const three = analyseItems(assignment, [
			result('Ben', { q1: 'NATO', q2: 'False', q3: ['C', 'A', 'B'] }),
			result('Ana', { q1: 'NATO', q2: 'True', q3: ['A', 'B', 'C'] }),
			result('Fay', { q1: 'UN', q2: 'True', q3: ['C', 'A', 'B'] })
		]);
		expect(three.method).toBe('halves');
		expect(three.groupSize).toBe(1);
		// q1: Ana 1 - Fay 0 = 1 (Ben's right answer does not count); q2: Ana 1 - Fay 1 = 0.
		expect(three.items.map((i) => i.discrimination)).toEqual([1, 0, 1]);
		expect(three.items[0].facility).toBeCloseTo(2 / 3, 9);
		const one = analyseItems(assignment, [results[0]]);
		expect(one.items[0].discrimination).toBeNull();
		expect(one.items[0].facility).toBe(1);
		const none = analyseItems(assignment, []);
		expect(none.items[0]).toMatchObject({
			facility: null,
			discrimination: null,
			answered: 0,
			blank: 0,
			topWrongAnswer: null
		});
		// Everyone who answered was right, one left it blank: no wrong answer, one blank.
		const blankOnly = analyseItems(assignment, [
			results[0],
			{ ...results[0], student: 'Zed', answers: {} }
		]);
		expect(blankOnly.items[0]).toMatchObject({ answered: 1, blank: 1, topWrongAnswer: null });
	});

	it('regrades from answers, ignores other assignments and groups typed answers like the grader', () => {
		const cloze: Item = {
			...base,
			id: 'c',
			factId: 'f',
			type: 'cloze',
			prompt: 'KFOR is led by _____.',
			answer: 'NATO'
		};
		const a = { ...assignment, items: [cloze] };
		const forged = { ...result('Max', { c: 'the UN' }), score: 100 } as StudentResult;
		const analysis = analyseItems(a, [
			forged,
			result('Ida', { c: 'UN' }),
			result('Jo', { c: '  un ' }),
			result('Kim', { c: 'OSCE' }),
			{ ...result('Lee', { c: 'NATO' }), assignmentId: 'other' }
		]);
		expect(analysis.students.map((s) => s.student)).toEqual(['Max', 'Ida', 'Jo', 'Kim']);
		expect(analysis.students[0].percent).toBe(0);
		expect(analysis.items[0]).toMatchObject({
			facility: 0,
			topWrongAnswer: 'the UN',
			topWrongCount: 3
		});
	});
});

describe('answerAsText', () => {
	it('writes every answer type as readable text', () => {
		const match: Item = {
			...base,
			id: 'm',
			factId: 'f',
			type: 'match',
			prompt: 'Match',
			answer: [
				{ term: 'KFOR', meaning: 'NATO force' },
				{ term: 'UNMIK', meaning: 'UN mission' }
			],
			options: ['UN mission', 'NATO force']
		};
		const card: Item = {
			...base,
			id: 'f',
			factId: 'f',
			type: 'flashcard',
			prompt: 'KFOR?',
			answer: 'Kosovo Force'
		};
		expect(answerAsText(match, { UNMIK: 'NATO force', KFOR: 'UN mission' })).toBe(
			'KFOR — UN mission; UNMIK — NATO force'
		);
		expect(answerAsText(match, { KFOR: 'UN mission' })).toBe('KFOR — UN mission; UNMIK — ?');
		expect(answerAsText(card, false)).toBe('Marked as not known');
		expect(answerAsText(q3, ['B', 'A', 'C'])).toBe('B → A → C');
		expect(answerAsText(q1, ' UN ')).toBe('UN');
	});
});
