import { describe, expect, it } from 'vitest';
import { fixtureItem, walkMemory } from '$fixtures/study-memory';
import { applyRating } from '$lib/domain/study/fsrs-adapter';
import {
	cardSeed,
	chooseItemType,
	pickStudyItem,
	STUDY_ITEM_TYPES
} from '$lib/domain/study/item-choice';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { Item, ItemType, MemorySnapshot } from '$lib/domain/types';

/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();

const ALL: Item[] = [
	fixtureItem('fc', 'flashcard'),
	fixtureItem('mc', 'mcq'),
	fixtureItem('tf', 'truefalse'),
	fixtureItem('cz', 'cloze'),
	fixtureItem('or', 'order'),
	fixtureItem('ma', 'match')
];

/** A memory that has been reviewed long enough to count as stable (recall formats). */
function stableMemory(): MemorySnapshot {
	let memory: MemorySnapshot | null = null;
	let now = NOON;
	for (let i = 0; i < 6; i++) {
		memory = applyRating(memory, 'k/f1', 3, now, DEFAULT_SETTINGS);
		now = memory.dueAt;
	}
	if (!memory || memory.stability < 21) throw new Error('expected a stable memory');
	return memory;
}

describe('chooseItemType', () => {
	const all: ItemType[] = ['flashcard', 'mcq', 'truefalse', 'cloze', 'order', 'match'];
	const chosen = (memory: MemorySnapshot | null, available: ItemType[]) =>
		new Set(Array.from({ length: 60 }, (_, seed) => chooseItemType(memory, available, seed)));
	const stable = { ...walkMemory([3, 3, 3]), stability: 40 };

	it('shows recognition formats while a fact is young', () => {
		expect(chosen(null, all)).toEqual(new Set(['mcq', 'truefalse', 'flashcard']));
		expect(chosen(walkMemory([3]), all)).toEqual(new Set(['mcq', 'truefalse', 'flashcard']));
		expect(chosen({ ...stable, stability: 20.9 }, all)).toEqual(
			new Set(['mcq', 'truefalse', 'flashcard'])
		);
		expect(chosen({ ...stable, state: 3 }, all)).toEqual(
			new Set(['mcq', 'truefalse', 'flashcard'])
		);
	});

	it('shows recall formats once a fact is stable', () => {
		expect(chosen(stable, all)).toEqual(new Set(['cloze', 'flashcard']));
		expect(chosen({ ...stable, stability: 21 }, ['mcq', 'cloze'])).toEqual(new Set(['cloze']));
	});

	it('falls back to whatever the fact has', () => {
		expect(chosen(null, ['cloze'])).toEqual(new Set(['cloze']));
		expect(chosen(stable, ['mcq', 'truefalse'])).toEqual(new Set(['mcq', 'truefalse']));
		expect(chosen(stable, ['order'])).toEqual(new Set(['order']));
		expect(() => chooseItemType(null, [], 1)).toThrow();
	});

	it('is the same for the same seed, whatever the order of the available types', () => {
		for (let seed = 0; seed < 20; seed++) {
			expect(chooseItemType(null, ['mcq', 'truefalse', 'flashcard'], seed)).toBe(
				chooseItemType(null, ['flashcard', 'truefalse', 'mcq'], seed)
			);
		}
	});
});

describe('cardSeed', () => {
	it('is stable for the same key and repetition and differs when either changes', () => {
		expect(cardSeed('kosovo/a', 0)).toBe(cardSeed('kosovo/a', 0));
		expect(cardSeed('kosovo/a', 0)).not.toBe(cardSeed('kosovo/a', 1));
		expect(cardSeed('kosovo/a', 0)).not.toBe(cardSeed('kosovo/b', 0));
		expect(Number.isInteger(cardSeed('x', 3)) && cardSeed('x', 3) >= 0).toBe(true);
	});
});

describe('pickStudyItem', () => {
	it('never picks an order or match item, and returns null when only those exist', () => {
		for (let seed = 0; seed < 200; seed++) {
			const picked = pickStudyItem(ALL, null, seed);
			expect(picked && STUDY_ITEM_TYPES.includes(picked.type)).toBe(true);
		}
		expect(
			pickStudyItem([fixtureItem('or', 'order'), fixtureItem('ma', 'match')], null, 1)
		).toBeNull();
	});

	it('shows a new fact as mcq, true/false or flashcard, and uses all three over many seeds', () => {
		const seen = new Set<ItemType>();
		for (let seed = 0; seed < 300; seed++) seen.add(pickStudyItem(ALL, null, seed)!.type);
		expect([...seen].sort()).toEqual(['flashcard', 'mcq', 'truefalse']);
	});

	it('shows a stable fact as cloze or flashcard', () => {
		const memory = stableMemory();
		const seen = new Set<ItemType>();
		for (let seed = 0; seed < 300; seed++) seen.add(pickStudyItem(ALL, memory, seed)!.type);
		expect([...seen].sort()).toEqual(['cloze', 'flashcard']);
	});

	it('picks among several items of the chosen type, always the same one for a seed', () => {
		const items = [fixtureItem('tf1', 'truefalse'), fixtureItem('tf2', 'truefalse')];
		const ids = new Set<string>();
		for (let seed = 0; seed < 100; seed++) ids.add(pickStudyItem(items, null, seed)!.id);
		expect([...ids].sort()).toEqual(['tf1', 'tf2']);
		expect(pickStudyItem(items, null, 42)!.id).toBe(pickStudyItem(items, null, 42)!.id);
	});
});
