import { describe, it, expect } from 'vitest';
import { applyRating, DEFAULT_SETTINGS, summariseDone } from '$lib/domain/study/scheduler';
import {
	STUDY_ITEM_TYPES,
	WAIT_WINDOW_MS,
	cardSeed,
	focusQueue,
	parseFocusParam,
	combineDone,
	pickNextEntry,
	pickStudyItem,
	shouldWait,
	studyFactIdSet,
	studyFactIds,
	sumCounts,
	waitMessage
} from '$lib/domain/study/study-card';
import type { Item, ItemType, MemorySnapshot } from '$lib/domain/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOON = new Date(2026, 0, 10, 12).getTime();

function item(id: string, type: ItemType): Item {
	const base = {
		id,
		factId: 'f1',
		prompt: `prompt ${id}`,
		explanation: 'because',
		topic: 't',
		source: { document: 'doc', quote: 'quote' }
	};
	switch (type) {
		case 'mcq':
			return { ...base, type, answer: 'a', options: ['a', 'b'] };
		case 'truefalse':
			return { ...base, type, answer: 'True' };
		case 'order':
			return { ...base, type, answer: ['x', 'y'], options: ['y', 'x'] };
		case 'match':
			return { ...base, type, answer: [{ term: 'x', meaning: 'y' }], options: ['y'] };
		default:
			return { ...base, type, answer: 'a' };
	}
}

const ALL: Item[] = [
	item('fc', 'flashcard'),
	item('mc', 'mcq'),
	item('tf', 'truefalse'),
	item('cz', 'cloze'),
	item('or', 'order'),
	item('ma', 'match')
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

describe('studyFactIds', () => {
	it('keeps deck order and leaves out facts whose only items are order or match', () => {
		const deck = {
			facts: ['f3', 'f1', 'f2'].map((id) => ({ id }) as never),
			items: [
				{ ...item('a', 'flashcard'), factId: 'f1' },
				{ ...item('b', 'order'), factId: 'f2' },
				{ ...item('c', 'cloze'), factId: 'f3' }
			]
		};
		expect(studyFactIds(deck)).toEqual(['f3', 'f1']);
		expect([...studyFactIdSet(deck)].sort()).toEqual(['f1', 'f3']);
		// Worked out once per deck object.
		expect(studyFactIds(deck)).toBe(studyFactIds(deck));
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
		expect(pickStudyItem([item('or', 'order'), item('ma', 'match')], null, 1)).toBeNull();
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
		const items = [item('tf1', 'truefalse'), item('tf2', 'truefalse')];
		const ids = new Set<string>();
		for (let seed = 0; seed < 100; seed++) ids.add(pickStudyItem(items, null, seed)!.id);
		expect([...ids].sort()).toEqual(['tf1', 'tf2']);
		expect(pickStudyItem(items, null, 42)!.id).toBe(pickStudyItem(items, null, 42)!.id);
	});
});

describe('pickNextEntry', () => {
	it('takes a studied fact from any deck before a new one from the first deck', () => {
		const next = pickNextEntry([
			{ deckId: 'a', queue: [{ factId: 'a1', isNew: true }] },
			{ deckId: 'b', queue: [{ factId: 'b1', isNew: false }] }
		]);
		expect(next).toEqual({ deckId: 'b', entry: { factId: 'b1', isNew: false } });
	});

	it('takes new facts in deck order, and null when all queues are empty', () => {
		expect(
			pickNextEntry([
				{ deckId: 'a', queue: [] },
				{ deckId: 'b', queue: [{ factId: 'b1', isNew: true }] }
			])?.entry.factId
		).toBe('b1');
		expect(pickNextEntry([{ deckId: 'a', queue: [] }])).toBeNull();
	});
});

describe('sumCounts', () => {
	it('adds the counts of several decks', () => {
		expect(
			sumCounts([
				{ new: 2, learning: 1, due: 3 },
				{ new: 5, learning: 0, due: 1 }
			])
		).toEqual({ new: 7, learning: 1, due: 4 });
		expect(sumCounts([])).toEqual({ new: 0, learning: 0, due: 0 });
	});
});

describe('shouldWait and waitMessage', () => {
	it('waits only for a card due in the future within the window', () => {
		expect(shouldWait(NOON + 4 * MINUTE, NOON)).toBe(true);
		expect(shouldWait(NOON + WAIT_WINDOW_MS, NOON)).toBe(true);
		expect(shouldWait(NOON + WAIT_WINDOW_MS + 1, NOON)).toBe(false);
		expect(shouldWait(null, NOON)).toBe(false);
		expect(shouldWait(NOON - 1, NOON)).toBe(false);
	});

	it('says how long until the next card', () => {
		expect(waitMessage(NOON + 4 * MINUTE, NOON)).toBe('Next card in 4 min');
		expect(waitMessage(NOON, NOON)).toBe('Next card is due now');
	});
});

describe('combineDone', () => {
	it('passes one deck summary through unchanged', () => {
		const one = summariseDone({
			now: NOON,
			settings: DEFAULT_SETTINGS,
			nextDueAt: NOON + 3 * HOUR,
			unseenCount: 50
		});
		expect(combineDone([one], NOON)).toBe(
			'Nothing due. Next review in 3 h; 20 new facts tomorrow.'
		);
	});

	it('takes the earliest review and adds the new facts of all decks', () => {
		const a = summariseDone({
			now: NOON,
			settings: DEFAULT_SETTINGS,
			nextDueAt: NOON + 5 * HOUR,
			unseenCount: 3
		});
		const b = summariseDone({
			now: NOON,
			settings: DEFAULT_SETTINGS,
			nextDueAt: NOON + 2 * HOUR,
			unseenCount: 50
		});
		expect(combineDone([a, b], NOON)).toBe(
			'Nothing due. Next review in 2 h; 23 new facts tomorrow.'
		);
		const none = summariseDone({
			now: NOON,
			settings: DEFAULT_SETTINGS,
			nextDueAt: null,
			unseenCount: 0
		});
		expect(combineDone([none, none], NOON)).toBe('Nothing due and no new facts left.');
	});
});

describe('focusQueue', () => {
	it('queues the chosen facts in deck order, due or not, skipping those answered', () => {
		const result = focusQueue(
			['a', 'b', 'c', 'd'],
			new Set(['d', 'b', 'c']),
			new Set(['c']),
			new Set(['d'])
		);
		expect(result.queue).toEqual([
			{ factId: 'b', isNew: true },
			{ factId: 'd', isNew: false }
		]);
		expect(result.counts).toEqual({ new: 1, learning: 0, due: 1 });
	});

	it('ignores chosen ids the deck does not have', () => {
		expect(focusQueue(['a'], new Set(['zzz']), new Set(), new Set()).queue).toEqual([]);
	});
});

describe('parseFocusParam', () => {
	it('reads a comma list of ids, dropping blanks, duplicates and anything odd', () => {
		expect(parseFocusParam('a-1,b-2, a-1,,<script>')).toEqual(['a-1', 'b-2']);
		expect(parseFocusParam(null)).toEqual([]);
	});
});
