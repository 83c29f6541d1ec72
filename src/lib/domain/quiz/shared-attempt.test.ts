import { describe, expect, it } from 'vitest';
import {
	answeredElsewhereNotice,
	changedItems,
	firstOpenIndex,
	followQuizAttempt,
	mergeAnswers,
	questionList,
	quizMovedNotice
} from '$lib/domain/quiz/shared-attempt';

const ids = ['a', 'b', 'c'];

describe('followQuizAttempt', () => {
	it('stays when the question on screen is still open, whatever else was answered', () => {
		expect(
			followQuizAttempt(ids, 1, true, { answers: { a: 'x', c: 'y' }, submittedAt: null })
		).toEqual({ kind: 'stay' });
	});

	it('moves to the first open question when the one on screen was answered elsewhere', () => {
		expect(followQuizAttempt(ids, 0, true, { answers: { a: 'x' }, submittedAt: null })).toEqual({
			kind: 'moved',
			index: 1,
			question: 1
		});
		// Every question answered: the index says none is left.
		const all = { answers: { a: 'x', b: 'y', c: false }, submittedAt: null };
		expect(followQuizAttempt(ids, 2, true, all)).toEqual({ kind: 'moved', index: 3, question: 3 });
	});

	it('does not move a tab that shows its own feedback (its answer is the stored one)', () => {
		expect(followQuizAttempt(ids, 0, false, { answers: { a: 'x' }, submittedAt: null })).toEqual({
			kind: 'stay'
		});
	});

	it('shows the result of a quiz finished elsewhere, and says when the row is gone', () => {
		expect(followQuizAttempt(ids, 0, true, { answers: {}, submittedAt: 5 })).toEqual({
			kind: 'finished'
		});
		expect(followQuizAttempt(ids, 0, true, undefined)).toEqual({ kind: 'gone' });
	});

	it('treats "__proto__" and "constructor" as item ids, not as inherited keys', () => {
		expect(firstOpenIndex(['constructor', '__proto__'], {})).toBe(0);
		expect(followQuizAttempt(['constructor'], 0, true, { answers: {}, submittedAt: null })).toEqual(
			{ kind: 'stay' }
		);
	});
});

describe('mergeAnswers', () => {
	it('takes the stored answers but keeps what this tab has not written yet', () => {
		const merged = mergeAnswers(
			{ a: 'theirs', b: 'stored' },
			{ b: 'mine', c: 'mine too' },
			new Set(['b', 'c'])
		);
		expect(merged).toEqual({ a: 'theirs', b: 'mine', c: 'mine too' });
	});

	it('drops an unsaved item this tab cleared, and keeps "__proto__" as an own key', () => {
		const stored = JSON.parse('{"__proto__": "x", "a": "y"}');
		const merged = mergeAnswers(stored, {}, new Set(['a']));
		expect(Object.keys(merged)).toEqual(['__proto__']);
		expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
	});
});

describe('changedItems and notices', () => {
	it('names the questions another tab changed, in question order', () => {
		const before = { a: 'x', b: ['1', '2'] };
		const after = { a: 'x', b: ['2', '1'], c: true };
		expect(changedItems(ids, before, after)).toEqual(['b', 'c']);
		expect(changedItems(ids, after, after)).toEqual([]);
	});

	it('says which questions, in plain words', () => {
		expect(questionList([2])).toBe('Question 2');
		expect(questionList([1, 3])).toBe('Questions 1 and 3');
		expect(questionList([1, 2, 4])).toBe('Questions 1, 2 and 4');
		expect(answeredElsewhereNotice([])).toBe('');
		expect(answeredElsewhereNotice([2])).toMatch(/^Question 2 was answered in another tab/);
		expect(answeredElsewhereNotice([1, 3])).toMatch(/^Questions 1 and 3 were answered/);
		expect(quizMovedNotice(2, false)).toMatch(/next open question/);
		expect(quizMovedNotice(2, true)).toMatch(/result/);
	});
});
