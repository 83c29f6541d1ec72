import { describe, expect, it } from 'vitest';
import { memoryRowProblem, userDeckRowProblem } from '$lib/domain/deck/damaged-row';

const fact = {
	id: 'f1',
	topic: 't',
	document: 'd',
	quote: 'KFOR came in 1999.',
	question: 'When did KFOR come?',
	answer: '1999'
};
const item = {
	id: 'f1-c',
	factId: 'f1',
	type: 'cloze',
	prompt: 'KFOR came in ____.',
	answer: '1999'
};
const row = (deck: Record<string, unknown> = {}, id = 'my-a') => ({
	id,
	createdAt: 1,
	updatedAt: 1,
	deck: { id, title: 'Mine', topics: [], sources: [], facts: [fact], items: [item], ...deck }
});
const memory = {
	key: 'kosovo/f1',
	deckId: 'kosovo',
	factId: 'f1',
	dueAt: 1,
	stability: 1,
	difficulty: 5,
	scheduledDays: 1,
	learningSteps: 0,
	reps: 1,
	lapses: 0,
	state: 2,
	lastReviewAt: null,
	suspended: 0,
	leech: 0
};

describe('userDeckRowProblem', () => {
	it('accepts a deck a page can show', () => {
		expect(userDeckRowProblem(row())).toBeNull();
	});

	it.each([
		['a row with no deck', { id: 'my-a', deck: null }, /\("my-a"\), field "deck": no deck/],
		['a row id that is not its deck id', row({ id: 'my-b' }), /field "deck.id": not the row's id/],
		[
			'a built-in id',
			row({}, 'kosovo'),
			/\("kosovo"\), field "id": not the id of a deck of your own/
		],
		['an id without my-', row({}, 'plain'), /field "id"/],
		['facts that are not a list', row({ facts: 'no' }), /field "deck.facts": not a list/],
		['a null fact', row({ facts: [fact, null] }), /field "deck.facts\[1\]": not a fact/],
		[
			'a fact without a question',
			row({ facts: [{ ...fact, question: 3 }] }),
			/"deck.facts\[0\].question"/
		],
		[
			'a question of no known type',
			row({ items: [{ ...item, type: 'essay' }] }),
			/"deck.items\[0\].type"/
		],
		[
			'options that are not a list',
			row({ items: [{ ...item, options: null }] }),
			/"deck.items\[0\].options"/
		],
		['not a row at all', 'x', /\("\?"\), field "id": not text/]
	])('names %s', (_, value, problem) => {
		const found = userDeckRowProblem(value);
		expect(found?.table).toBe('userDecks');
		expect(found?.problem).toMatch(/^Your own decks \(/);
		expect(found?.problem).toMatch(problem);
	});

	it('cuts a very long key', () => {
		expect(userDeckRowProblem(row({}, 'x'.repeat(500)))?.key.length).toBeLessThanOrEqual(81);
	});
});

describe('memoryRowProblem', () => {
	it('accepts a schedule the scheduler can read', () => {
		expect(memoryRowProblem(memory)).toBeNull();
		expect(memoryRowProblem({ ...memory, lastReviewAt: 5 })).toBeNull();
	});

	it.each([
		['a due time that is text', { ...memory, dueAt: 'soon' }, 'dueAt'],
		['a stability that is null', { ...memory, stability: null }, 'stability'],
		['a difficulty that is NaN', { ...memory, difficulty: NaN }, 'difficulty'],
		['an unknown state', { ...memory, state: 9 }, 'state'],
		['a last review that is text', { ...memory, lastReviewAt: 'y' }, 'lastReviewAt'],
		['a key that is not its fact', { ...memory, key: 'kosovo/f2' }, 'key']
	])('names %s', (_, value, field) => {
		const found = memoryRowProblem(value);
		expect(found?.table).toBe('memory');
		expect(found?.key).toBe(value.key);
		expect(found?.problem).toMatch(
			new RegExp(`^Facts studied \\("${value.key}"\\), field "${field}": `)
		);
	});
});
