import { describe, it, expect } from 'vitest';
import type { MemoryRow } from '$lib/domain/types';
import { factGroup, factStates } from '$lib/domain/stats/states';

function memory(
	factId: string,
	state: MemoryRow['state'],
	stability: number,
	difficulty: number,
	flags: Partial<Pick<MemoryRow, 'suspended' | 'leech'>> = {}
): MemoryRow {
	return {
		key: `kosovo/${factId}`,
		deckId: 'kosovo',
		factId,
		dueAt: 0,
		stability,
		difficulty,
		scheduledDays: Math.round(stability),
		learningSteps: 0,
		reps: 3,
		lapses: 0,
		state,
		lastReviewAt: 0,
		suspended: 0,
		leech: 0,
		...flags
	};
}

const facts = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'];
const memories = [
	// f1 has no memory row: new
	memory('f2', 0, 0, 0), // new
	memory('f3', 1, 0.5, 5.2), // learning
	memory('f4', 3, 3, 8), // relearning counts as learning
	memory('f5', 2, 20.9, 4), // young
	memory('f6', 2, 21, 1), // mature from 21 days
	memory('f7', 2, 400, 10, { suspended: 1, leech: 1 }), // suspended wins over leech
	memory('f8', 2, 10, 9.99, { leech: 1 }), // leech
	memory('gone', 2, 50, 5) // not in the deck any more: ignored
];

describe('factStates', () => {
	it('puts every deck fact in exactly one group', () => {
		expect(factStates(facts, memories).counts).toEqual({
			new: 2,
			learning: 2,
			young: 1,
			mature: 1,
			suspended: 1,
			leech: 1,
			total: 8
		});
	});

	it('histograms difficulty in unit buckets from 1 to 10, over studied facts', () => {
		const { difficulty } = factStates(facts, memories);
		expect(difficulty.map((b) => b.label)).toEqual([
			'1–2',
			'2–3',
			'3–4',
			'4–5',
			'5–6',
			'6–7',
			'7–8',
			'8–9',
			'9–10'
		]);
		// 5.2, 8, 4, 1, 10 and 9.99 (10 falls in the last bucket)
		expect(difficulty.map((b) => b.count)).toEqual([1, 0, 0, 1, 1, 0, 0, 1, 2]);
	});

	it('histograms stability in widening day buckets', () => {
		const { stability } = factStates(facts, memories);
		expect(stability.map((b) => b.label)).toEqual([
			'0–1 d',
			'1–2 d',
			'2–4 d',
			'4–7 d',
			'7–14 d',
			'14–21 d',
			'21–30 d',
			'30–60 d',
			'60–90 d',
			'90–180 d',
			'180–365 d',
			'365+ d'
		]);
		// 0.5, 3, 20.9, 21, 400, 10
		expect(stability.map((b) => b.count)).toEqual([1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1]);
		expect(stability[11].to).toBe(Infinity);
	});

	it('counts a fact listed twice once', () => {
		expect(factStates(['f1', 'f1'], []).counts.total).toBe(1);
	});
});

describe('factGroup', () => {
	it('classifies one memory', () => {
		expect(factGroup(undefined)).toBe('new');
		expect(factGroup(memory('x', 2, 6, 5))).toBe('young');
		expect(factGroup(memory('x', 1, 30, 5, { suspended: 1 }))).toBe('suspended');
	});
});
