import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Grade, Item, ItemType } from '$lib/domain/types';
import { ITEM_TYPES } from '$lib/domain/types';
import {
	assembleQuiz,
	clampCount,
	factsOf,
	normalizeStudentName,
	orderForStudent,
	retryMissed
} from '$lib/domain/quiz/quiz-assembly';

const source = { document: 'doc', quote: 'quote' };

/** A minimal item of any type; order and match items carry several facts. */
function makeItem(id: string, type: ItemType, facts: string[], topic = 'mission'): Item {
	const common = {
		id,
		factId: facts[0],
		prompt: `Question ${id}`,
		explanation: 'Because.',
		topic,
		source
	};
	switch (type) {
		case 'order':
			return { ...common, factIds: facts, type, answer: facts, options: [...facts].reverse() };
		case 'match':
			return {
				...common,
				factIds: facts,
				type,
				answer: facts.map((f) => ({ term: f, meaning: `meaning of ${f}` })),
				options: facts.map((f) => `meaning of ${f}`)
			};
		case 'mcq':
			return { ...common, type, answer: 'a', options: ['a', 'b', 'c', 'd'] };
		case 'truefalse':
			return { ...common, type, answer: 'True' };
		default:
			return { ...common, type, answer: 'a' };
	}
}

/** `perType` single-fact items of each given type, each on its own fact. */
function uniformPool(types: readonly ItemType[], perType: number, topic = 'mission'): Item[] {
	return types.flatMap((type) =>
		Array.from({ length: perType }, (_, i) =>
			makeItem(`${topic}-${type}-${i}`, type, [`${topic}-${type}-fact-${i}`], topic)
		)
	);
}

function countByType(items: Item[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) counts[item.type] = (counts[item.type] ?? 0) + 1;
	return counts;
}

const allTypes = [...ITEM_TYPES];

describe('factsOf', () => {
	it('uses every fact of an order or match item, and factId otherwise', () => {
		expect(factsOf(makeItem('o', 'order', ['f1', 'f2', 'f3']))).toEqual(['f1', 'f2', 'f3']);
		expect(factsOf(makeItem('c', 'cloze', ['f9']))).toEqual(['f9']);
		const inconsistent = { ...makeItem('m', 'match', ['f2', 'f3']), factId: 'f1' };
		expect(factsOf(inconsistent).sort()).toEqual(['f1', 'f2', 'f3']);
	});
});

describe('assembleQuiz', () => {
	it('never asks a fact twice, even across order and match items', () => {
		const pool = [
			makeItem('mcq-f1', 'mcq', ['f1']),
			makeItem('cloze-f1', 'cloze', ['f1']),
			makeItem('order-f1-f2-f3', 'order', ['f1', 'f2', 'f3']),
			makeItem('match-f3-f4', 'match', ['f3', 'f4']),
			makeItem('card-f4', 'flashcard', ['f4']),
			makeItem('tf-f5', 'truefalse', ['f5'])
		];
		for (let seed = 0; seed < 50; seed++) {
			const quiz = assembleQuiz(pool, { count: 50, types: [], topics: [], seed });
			const facts = quiz.flatMap(factsOf);
			expect(new Set(facts).size).toBe(facts.length);
		}
	});

	it('property: no fact twice, filters respected, never more than asked, and stops only when the pool is exhausted', () => {
		const itemArb = fc.record({
			type: fc.constantFrom(...ITEM_TYPES),
			topic: fc.constantFrom('t1', 't2', 't3'),
			facts: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 4 })
		});
		fc.assert(
			fc.property(
				fc.array(itemArb, { maxLength: 60 }),
				fc.subarray([...ITEM_TYPES]),
				fc.subarray(['t1', 't2', 't3']),
				fc.integer({ min: -5, max: 80 }),
				fc.integer(),
				(specs, types, topics, count, seed) => {
					const pool = specs.map((s, i) =>
						makeItem(
							`item-${i}`,
							s.type,
							s.type === 'order' || s.type === 'match'
								? s.facts.map((f) => `f${f}`)
								: [`f${s.facts[0]}`],
							s.topic
						)
					);
					const quiz = assembleQuiz(pool, { count, types, topics, seed });

					const facts = quiz.flatMap(factsOf);
					expect(new Set(facts).size).toBe(facts.length);
					expect(new Set(quiz.map((i) => i.id)).size).toBe(quiz.length);
					expect(quiz.length).toBeLessThanOrEqual(clampCount(count));

					const eligible = pool.filter(
						(i) =>
							(types.length === 0 || types.includes(i.type)) &&
							(topics.length === 0 || topics.includes(i.topic))
					);
					for (const item of quiz) expect(eligible).toContain(item);

					if (quiz.length < clampCount(count)) {
						// Short only because every unused eligible item repeats a fact already asked.
						const used = new Set(facts);
						for (const item of eligible) {
							if (quiz.includes(item)) continue;
							expect(factsOf(item).some((f) => used.has(f))).toBe(true);
						}
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('keeps only the chosen types', () => {
		const pool = uniformPool(allTypes, 5);
		const quiz = assembleQuiz(pool, { count: 50, types: ['mcq', 'cloze'], topics: [], seed: 3 });
		expect(quiz).toHaveLength(10);
		expect(new Set(quiz.map((i) => i.type))).toEqual(new Set(['mcq', 'cloze']));
	});

	it('treats an empty type list as all types', () => {
		const pool = uniformPool(allTypes, 2);
		const quiz = assembleQuiz(pool, { count: 50, types: [], topics: [], seed: 3 });
		expect(quiz).toHaveLength(pool.length);
	});

	it('keeps only the chosen topics, and an empty topic list means all', () => {
		const pool = [
			...uniformPool(['mcq'], 4, 'history'),
			...uniformPool(['mcq'], 4, 'law'),
			...uniformPool(['mcq'], 4, 'people')
		];
		const some = assembleQuiz(pool, {
			count: 50,
			types: ['mcq'],
			topics: ['law', 'people'],
			seed: 1
		});
		expect(some).toHaveLength(8);
		expect(new Set(some.map((i) => i.topic))).toEqual(new Set(['law', 'people']));
		const all = assembleQuiz(pool, { count: 50, types: ['mcq'], topics: [], seed: 1 });
		expect(all).toHaveLength(12);
	});

	it('clamps the count to 1..50 and returns fewer when the pool is smaller', () => {
		const big = uniformPool(allTypes, 20);
		const opts = { types: [], topics: [], seed: 5 };
		expect(assembleQuiz(big, { ...opts, count: 0 })).toHaveLength(1);
		expect(assembleQuiz(big, { ...opts, count: -10 })).toHaveLength(1);
		expect(assembleQuiz(big, { ...opts, count: Number.NaN })).toHaveLength(1);
		expect(assembleQuiz(big, { ...opts, count: 7.9 })).toHaveLength(7);
		expect(assembleQuiz(big, { ...opts, count: 500 })).toHaveLength(50);
		expect(assembleQuiz(big, { ...opts, count: Infinity })).toHaveLength(50);
		expect(assembleQuiz(uniformPool(['mcq'], 3), { ...opts, count: 10 })).toHaveLength(3);
		expect(assembleQuiz([], { ...opts, count: 10 })).toEqual([]);
	});

	it('is deterministic for a seed and varies between seeds', () => {
		const pool = uniformPool(allTypes, 10);
		const opts = { count: 12, types: [], topics: [] };
		const ids = (seed: number) => assembleQuiz(pool, { ...opts, seed }).map((i) => i.id);
		expect(ids(42)).toEqual(ids(42));
		expect(ids(42)).not.toEqual(ids(43));
	});

	it('does not mutate the pool or the options', () => {
		const pool = uniformPool(allTypes, 3);
		const before = JSON.stringify(pool);
		const types: ItemType[] = ['mcq', 'cloze'];
		assembleQuiz(Object.freeze(pool) as Item[], { count: 5, types, topics: [], seed: 1 });
		expect(JSON.stringify(pool)).toBe(before);
		expect(types).toEqual(['mcq', 'cloze']);
	});

	it('spreads the chosen types evenly when the pool allows', () => {
		const pool = uniformPool(allTypes, 20);
		for (let seed = 0; seed < 20; seed++) {
			const quiz = assembleQuiz(pool, {
				count: 10,
				types: ['mcq', 'cloze', 'truefalse'],
				topics: [],
				seed
			});
			const counts = Object.values(countByType(quiz)).sort();
			expect(counts).toEqual([3, 3, 4]);
		}
		const six = assembleQuiz(pool, { count: 30, types: [], topics: [], seed: 9 });
		expect(Object.values(countByType(six))).toEqual([5, 5, 5, 5, 5, 5]);
	});

	it('gives the rest of the count to other types when one type runs short', () => {
		const pool = [...uniformPool(['order'], 2), ...uniformPool(['mcq', 'cloze'], 20)];
		const quiz = assembleQuiz(pool, {
			count: 12,
			types: ['order', 'mcq', 'cloze'],
			topics: [],
			seed: 4
		});
		expect(countByType(quiz)).toEqual({ order: 2, mcq: 5, cloze: 5 });
	});

	it('mixes the types through the quiz rather than in a fixed cycle for every seed', () => {
		const pool = uniformPool(['mcq', 'cloze'], 10);
		const patterns = new Set<string>();
		for (let seed = 0; seed < 10; seed++) {
			const quiz = assembleQuiz(pool, { count: 6, types: ['mcq', 'cloze'], topics: [], seed });
			patterns.add(quiz.map((i) => i.type).join(','));
		}
		expect(patterns.size).toBeGreaterThan(2);
	});
});

describe('retryMissed', () => {
	const items = uniformPool(['mcq'], 4);
	const g = (isCorrect: boolean, score = isCorrect ? 1 : 0): Grade => ({
		score,
		isCorrect,
		hasTypo: false,
		expected: 'a'
	});

	it('returns the items not fully right, in quiz order', () => {
		const grades = {
			[items[0].id]: g(false),
			[items[1].id]: g(true),
			[items[2].id]: g(false, 0.8),
			[items[3].id]: g(true)
		};
		expect(retryMissed(items, grades)).toEqual([items[0], items[2]]);
	});

	it('skips items that were not graded at all', () => {
		expect(retryMissed(items, { [items[1].id]: g(false) })).toEqual([items[1]]);
		expect(retryMissed(items, {})).toEqual([]);
	});

	it('does not read inherited keys as grades', () => {
		const odd = { ...items[0], id: 'constructor' };
		expect(retryMissed([odd], {})).toEqual([]);
	});
});

describe('orderForStudent', () => {
	const ids = Array.from({ length: 20 }, (_, i) => `item-${i}`);

	it('keeps the given order when shuffling is off', () => {
		const out = orderForStudent(ids, 'Ada', false);
		expect(out).toEqual(ids);
		expect(out).not.toBe(ids);
	});

	it('gives each student a permutation that can be rebuilt from the name alone', () => {
		const ada = orderForStudent(ids, 'Ada Lovelace', true);
		expect([...ada].sort()).toEqual([...ids].sort());
		expect(ada).not.toEqual(ids);
		expect(orderForStudent(ids, 'Ada Lovelace', true)).toEqual(ada);
		expect(orderForStudent(ids, 'Grace Hopper', true)).not.toEqual(ada);
	});

	it('rebuilds the same paper however the name was typed', () => {
		const paper = orderForStudent(ids, 'José O’Neil', true);
		expect(orderForStudent(ids, "  jose   o'neil ", true)).toEqual(paper);
		expect(orderForStudent(ids, 'JOSÉ O’NEIL', true)).toEqual(paper);
		expect(normalizeStudentName('  José  O’Neil-Smith ')).toBe('jose oneil smith');
	});
});
