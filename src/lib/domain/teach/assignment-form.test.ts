import { describe, it, expect } from 'vitest';
import {
	buildAssignment,
	candidateItems,
	distinctFactCount,
	emptyForm,
	newAssignmentId,
	parseNumber,
	validateAssignmentForm,
	type AssignmentForm
} from '$lib/domain/teach/assignment-form';
import type { Deck, Item } from '$lib/domain/types';

const source = { document: 'doc', quote: 'q' };
function mcq(id: string, factId: string, topic: string): Item {
	return {
		id,
		factId,
		type: 'mcq',
		prompt: `Question ${id}?`,
		answer: 'A',
		options: ['A', 'B'],
		explanation: '',
		topic,
		source
	};
}
function tf(id: string, factId: string, topic: string): Item {
	return {
		id,
		factId,
		type: 'truefalse',
		prompt: `${id}.`,
		answer: 'True',
		explanation: '',
		topic,
		source
	};
}

const deck: Deck = {
	id: 'kosovo',
	title: 'Kosovo',
	description: '',
	version: 1,
	topics: [
		{ id: 't1', title: 'One' },
		{ id: 't2', title: 'Two' }
	],
	sources: [],
	facts: [],
	items: [
		mcq('m1', 'f1', 't1'),
		tf('tf1', 'f1', 't1'),
		mcq('m2', 'f2', 't1'),
		tf('tf2', 'f2', 't1'),
		mcq('m3', 'f3', 't2'),
		tf('tf3', 'f4', 't2')
	]
};

function form(patch: Partial<AssignmentForm> = {}): AssignmentForm {
	return { ...emptyForm(deck), title: 'Week 3 check', count: 3, ...patch };
}

const context = { id: 'abc123', now: 1_700_000_000_000, seed: 7 };

describe('parseNumber', () => {
	it('reads numbers, empties and text', () => {
		expect(parseNumber(12)).toBe(12);
		expect(parseNumber(' 7 ')).toBe(7);
		expect(parseNumber('')).toBeNull();
		expect(parseNumber(null)).toBeNull();
		expect(parseNumber(undefined)).toBeNull();
		expect(parseNumber('7.5')).toBe(7.5);
		expect(parseNumber('ten')).toBeNaN();
		expect(parseNumber('-3')).toBeNaN();
	});
});

describe('validateAssignmentForm', () => {
	it('accepts a complete form', () => {
		expect(validateAssignmentForm(form(), deck)).toEqual({});
	});

	it('names every missing or wrong field', () => {
		const errors = validateAssignmentForm(
			form({
				title: '   ',
				topics: [],
				types: [],
				count: '',
				timeLimit: '2.5',
				passMark: 120,
				instructions: 'x'.repeat(5001)
			}),
			deck
		);
		expect(Object.keys(errors).sort()).toEqual(
			['count', 'instructions', 'passMark', 'timeLimit', 'title', 'topics', 'types'].sort()
		);
		expect(errors.title).toMatch(/title/);
		expect(errors.timeLimit).toMatch(/whole minutes/);
		expect(errors.passMark).toMatch(/0 to 100/);
	});

	it('needs a loaded deck', () => {
		expect(validateAssignmentForm(form({ deckId: '' }), deck).deckId).toMatch(/Choose the deck/);
		expect(validateAssignmentForm(form(), undefined).deckId).toMatch(/not loaded/);
	});

	it('refuses a count outside 1..50 or above the distinct questions available', () => {
		expect(validateAssignmentForm(form({ count: 0 }), deck).count).toMatch(/1 to 50/);
		expect(validateAssignmentForm(form({ count: 51 }), deck).count).toMatch(/1 to 50/);
		expect(validateAssignmentForm(form({ count: '2.5' }), deck).count).toMatch(/whole number/);
		// Four facts in the deck: a fifth question would repeat a fact.
		expect(validateAssignmentForm(form({ count: 5 }), deck).count).toMatch(/Only 4 different/);
		expect(validateAssignmentForm(form({ count: 4 }), deck)).toEqual({});
		expect(
			validateAssignmentForm(form({ topics: ['t2'], types: ['mcq'], count: 2 }), deck).count
		).toMatch(/Only 1 different/);
	});

	it('allows an empty or zero time limit and checks the range', () => {
		expect(validateAssignmentForm(form({ timeLimit: '' }), deck)).toEqual({});
		expect(validateAssignmentForm(form({ timeLimit: 0 }), deck)).toEqual({});
		expect(validateAssignmentForm(form({ timeLimit: 601 }), deck).timeLimit).toBeDefined();
		expect(validateAssignmentForm(form({ timeLimit: 'soon' }), deck).timeLimit).toBeDefined();
	});

	it('in pick mode needs a picked question and ignores topics and types', () => {
		expect(
			validateAssignmentForm(form({ mode: 'pick', pickedIds: [], topics: [] }), deck).pickedIds
		).toMatch(/Pick at least one/);
		expect(
			validateAssignmentForm(form({ mode: 'pick', pickedIds: ['gone'] }), deck).pickedIds
		).toBeDefined();
		expect(
			validateAssignmentForm(form({ mode: 'pick', pickedIds: ['m3'], topics: [], types: [] }), deck)
		).toEqual({});
	});
});

describe('buildAssignment', () => {
	it('draws the asked number of questions from the chosen topics and types, no fact twice', () => {
		const outcome = buildAssignment(form({ count: 3, topics: ['t1', 't2'] }), deck, context);
		if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
		const { assignment } = outcome;
		expect(assignment.items).toHaveLength(3);
		const facts = assignment.items.map((item) => item.factId);
		expect(new Set(facts).size).toBe(3);
		expect(assignment).toMatchObject({
			v: 1,
			id: 'abc123',
			title: 'Week 3 check',
			deckId: 'kosovo',
			deckTitle: 'Kosovo',
			shuffle: false,
			timeLimitMinutes: 0,
			feedback: 'after',
			passMark: 50,
			createdAt: context.now
		});
		// The same seed gives the same paper.
		const again = buildAssignment(form({ count: 3 }), deck, context);
		expect(again.ok && again.assignment.items.map((i) => i.id)).toEqual(
			assignment.items.map((i) => i.id)
		);
	});

	it('keeps hand-picked questions in the order picked, once each', () => {
		const outcome = buildAssignment(
			form({
				mode: 'pick',
				pickedIds: ['tf3', 'm1', 'tf3'],
				order: 'shuffle',
				timeLimit: '20',
				passMark: '60'
			}),
			deck,
			context
		);
		expect(outcome.ok && outcome.assignment.items.map((i) => i.id)).toEqual(['tf3', 'm1']);
		expect(outcome.ok && outcome.assignment).toMatchObject({
			shuffle: true,
			timeLimitMinutes: 20,
			passMark: 60
		});
	});

	it('returns the errors instead of an assignment when the form is wrong', () => {
		const outcome = buildAssignment(form({ title: '' }), deck, context);
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.errors.title).toBeDefined();
	});
});

describe('helpers', () => {
	it('filters candidates by topic and type', () => {
		expect(
			candidateItems(deck, form({ topics: ['t2'], types: ['truefalse'] })).map((i) => i.id)
		).toEqual(['tf3']);
	});

	it('counts questions with distinct facts', () => {
		expect(distinctFactCount(deck.items)).toBe(4);
	});

	it('makes 10-character URL-safe ids', () => {
		const id = newAssignmentId(new Uint32Array([1, 4294967295]));
		expect(id).toMatch(/^[0-9a-z]{10}$/);
		expect(newAssignmentId(new Uint32Array([5, 6]))).not.toBe(
			newAssignmentId(new Uint32Array([6, 5]))
		);
	});
});
