import { describe, expect, it } from 'vitest';
import type { Assignment, Item, StudentResult } from '$lib/domain/types';
import { applyOverride, answerKey, countSameAnswer, markResult } from '$lib/domain/teach/marking';
import { analyseItems } from '$lib/domain/teach/item-analysis';
import { resultId } from '$lib/domain/teach/result-codec';

const base = { explanation: '', topic: 't', source: { document: 'd', quote: 'q' } };
const items: Item[] = [
	{
		...base,
		id: 'c1',
		factId: 'f1',
		type: 'cloze',
		prompt: 'Kosovo got ____.',
		answer: 'the institutions for self-rule'
	},
	{
		...base,
		id: 'm1',
		factId: 'f2',
		type: 'mcq',
		prompt: 'Who?',
		answer: 'NATO',
		options: ['UN', 'NATO']
	},
	{
		...base,
		id: 'f1',
		factId: 'f3',
		type: 'flashcard',
		prompt: 'What is KFOR?',
		answer: 'Kosovo Force'
	}
];
const assignment: Assignment = {
	v: 1,
	id: 'a1',
	title: 'T',
	deckId: 'kosovo',
	deckTitle: 'K',
	instructions: '',
	items,
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: Date.UTC(2026, 0, 1)
};
const result = (student: string, answers: StudentResult['answers']): StudentResult => ({
	v: 1,
	assignmentId: 'a1',
	student,
	startedAt: Date.UTC(2026, 0, 2),
	submittedAt: Date.UTC(2026, 0, 2, 0, 5),
	answers
});
const ana = result('Ana', { c1: 'self rule bodies', m1: 'NATO', f1: true });
const ben = result('Ben', { c1: 'Self rule bodies', m1: 'UN', f1: true });
const cleo = result('Cleo', { c1: 'nothing', m1: 'NATO', f1: false });
const AT = Date.UTC(2026, 0, 3);

describe('self-marked items', () => {
	it('never change a score unless the teacher counts them', () => {
		const known = markResult(assignment, ana, resultId(ana));
		const unknown = markResult(assignment, { ...ana, answers: { ...ana.answers, f1: false } }, 'x');
		expect(known.total).toBe(2);
		expect(known.score).toBe(unknown.score);
		expect(known.marks[2]).toMatchObject({ selfMarked: true, counted: false, isCorrect: true });
		const counted = { ...assignment, countSelfMarked: true };
		expect(markResult(counted, ana, 'x').total).toBe(3);
		expect(markResult(counted, ana, 'x').score).toBeGreaterThan(
			markResult(counted, { ...ana, answers: { ...ana.answers, f1: false } }, 'x').score
		);
	});
});

describe('overrides', () => {
	it('accept for everyone who gave it: scores and item analysis change, and back when removed', () => {
		const key = answerKey(items[0], 'self rule bodies');
		expect(answerKey(items[0], '  Self rule bodies ')).toBe(key);
		expect(countSameAnswer(assignment, [ana, ben, cleo], 'c1', key)).toBe(2);
		const before = analyseItems(assignment, [ana, ben, cleo]);
		const overrides = applyOverride(undefined, {
			itemId: 'c1',
			answer: key,
			resultId: null,
			accept: true,
			at: AT
		});
		const after = analyseItems({ ...assignment, overrides }, [ana, ben, cleo]);
		expect(before.students.map((s) => s.percent)).toEqual([50, 0, 50]);
		expect(after.students.map((s) => s.percent)).toEqual([100, 50, 50]);
		expect(after.items[0].facility).toBeCloseTo(2 / 3);
		expect(before.items[0].topWrongAnswer).toBe('self rule bodies');
		expect(after.items[0].topWrongAnswer).toBe('nothing');
		expect(after.items[0].overrides).toBe(2);
		const undone = applyOverride(overrides, {
			itemId: 'c1',
			answer: key,
			resultId: null,
			accept: null,
			at: AT
		});
		expect(analyseItems({ ...assignment, overrides: undone }, [ana, ben, cleo])).toEqual(before);
	});

	it('a verdict for one result wins over the one for everyone, and can reject a keyed answer', () => {
		const key = answerKey(items[0], 'self rule bodies');
		let overrides = applyOverride(undefined, {
			itemId: 'c1',
			answer: key,
			resultId: null,
			accept: true,
			at: AT
		});
		overrides = applyOverride(overrides, {
			itemId: 'c1',
			answer: key,
			resultId: resultId(ben),
			accept: false,
			at: AT
		});
		overrides = applyOverride(overrides, {
			itemId: 'm1',
			answer: 'NATO',
			resultId: resultId(cleo),
			accept: false,
			at: AT
		});
		const marked = { ...assignment, overrides };
		expect(markResult(marked, ana, resultId(ana)).marks[0]).toMatchObject({
			isCorrect: true,
			override: { accept: true, scope: 'all' }
		});
		expect(markResult(marked, ben, resultId(ben)).marks[0]).toMatchObject({
			isCorrect: false,
			override: { accept: false, scope: 'one' }
		});
		expect(markResult(marked, cleo, resultId(cleo)).marks[1]).toMatchObject({
			score: 0,
			isCorrect: false
		});
		expect(markResult(marked, ana, resultId(ana)).marks[1].override).toBeNull();
	});

	it('a blank answer is never overridden', () => {
		const overrides = applyOverride(undefined, {
			itemId: 'c1',
			answer: '',
			resultId: null,
			accept: true,
			at: AT
		});
		expect(
			markResult({ ...assignment, overrides }, result('Dan', {}), 'x').marks[0].isCorrect
		).toBe(false);
	});
});
