import { describe, it, expect } from 'vitest';
import type { MemorySnapshot } from '$lib/domain/types';
import {
	factMastery,
	masteryBySentence,
	masteryByTopic,
	type MasteryMemory
} from '$lib/domain/stats/mastery';

function snap(state: MemorySnapshot['state'], stability: number, leech?: 0 | 1): MasteryMemory {
	return {
		dueAt: 0,
		stability,
		difficulty: 5,
		scheduledDays: Math.round(stability),
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state,
		lastReviewAt: 0,
		...(leech === undefined ? {} : { leech })
	};
}

const known = snap(2, 12);
const learning = snap(1, 0.3);

describe('factMastery', () => {
	it('knows a fact in review with stability of 7 days or more that is not a leech', () => {
		expect(factMastery(undefined)).toBe('unseen');
		expect(factMastery(snap(0, 0))).toBe('unseen');
		expect(factMastery(snap(1, 10))).toBe('learning');
		expect(factMastery(snap(3, 10))).toBe('learning');
		expect(factMastery(snap(2, 6.99))).toBe('learning');
		expect(factMastery(snap(2, 7))).toBe('known');
		expect(factMastery(snap(2, 30, 0))).toBe('known');
		expect(factMastery(snap(2, 30, 1))).toBe('learning');
	});
});

describe('masteryByTopic', () => {
	it('gives the share known per topic, in first-seen order', () => {
		const facts = [
			{ id: 'a', topic: 'mandate' },
			{ id: 'b', topic: 'history' },
			{ id: 'c', topic: 'mandate' },
			{ id: 'd', topic: 'mandate' },
			{ id: 'e', topic: 'mandate' }
		];
		const memories = new Map([
			['a', known],
			['c', known],
			['d', learning],
			['b', snap(2, 3)]
		]);
		expect(masteryByTopic(facts, memories)).toEqual([
			{ topic: 'mandate', total: 4, unseen: 1, learning: 1, known: 2, shareKnown: 0.5 },
			{ topic: 'history', total: 1, unseen: 0, learning: 1, known: 0, shareKnown: 0 }
		]);
	});
});

describe('masteryBySentence', () => {
	it('is known when all facts are, unseen when none was studied, else learning', () => {
		const facts = [
			{ id: 'a1', quote: 'A' },
			{ id: 'b1', quote: 'B' },
			{ id: 'a2', quote: 'A' },
			{ id: 'b2', quote: 'B' },
			{ id: 'c1', quote: 'C' },
			{ id: 'c2', quote: 'C' },
			{ id: 'd1', quote: 'D' },
			{ id: 'e1', quote: 'E' }
		];
		const memories = new Map<string, MasteryMemory>([
			['a1', known],
			['a2', known],
			['b1', known],
			['d1', learning],
			['e1', snap(2, 40, 1)]
		]);
		const sentences = masteryBySentence(facts, memories);
		expect([...sentences.keys()]).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(sentences.get('A')).toEqual({
			level: 'known',
			factIds: ['a1', 'a2'],
			total: 2,
			unseen: 0,
			learning: 0,
			known: 2,
			shareKnown: 1
		});
		expect(sentences.get('B')).toMatchObject({ level: 'learning', known: 1, unseen: 1 });
		expect(sentences.get('C')).toMatchObject({ level: 'unseen', unseen: 2, shareKnown: 0 });
		expect(sentences.get('D')?.level).toBe('learning');
		// a leech is not known however stable it looks
		expect(sentences.get('E')?.level).toBe('learning');
	});
});
