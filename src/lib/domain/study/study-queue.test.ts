import { describe, expect, it } from 'vitest';
import { fixtureItem } from '$fixtures/study-memory';
import {
	buildQueue,
	focusQueue,
	parseFocusParam,
	orderedEntries,
	pickNextEntry,
	type QueueInput,
	type QueueMemory,
	studyFactIds,
	studyFactIdSet,
	sumCounts
} from '$lib/domain/study/study-queue';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { NO_ANSWERS } from '$lib/domain/study/today-counts';

const MINUTE = 60_000;

const HOUR = 60 * MINUTE;

const DAY = 24 * HOUR;

/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();

describe('buildQueue', () => {
	const now = NOON;
	const row = (factId: string, state: 0 | 1 | 2 | 3, dueAt: number, suspended: 0 | 1 = 0) =>
		({ factId, state, dueAt, suspended }) satisfies QueueMemory;
	const factIds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
	const base = (memories: QueueMemory[], extra: Partial<QueueInput> = {}): QueueInput => ({
		now,
		settings: DEFAULT_SETTINGS,
		factIds,
		memories,
		today: NO_ANSWERS,
		knownFactIds: new Set(memories.map((m) => m.factId)),
		...extra
	});

	it('puts learning first, then reviews by due time, then new facts in deck order', () => {
		const result = buildQueue(
			base([
				row('b', 2, now - 3 * DAY),
				row('d', 2, now - 5 * DAY),
				row('f', 3, now - 1 * MINUTE),
				row('c', 1, now - 5 * MINUTE)
			])
		);
		expect(result.queue).toEqual([
			{ factId: 'c', isNew: false },
			{ factId: 'f', isNew: false },
			{ factId: 'd', isNew: false },
			{ factId: 'b', isNew: false },
			{ factId: 'a', isNew: true },
			{ factId: 'e', isNew: true },
			{ factId: 'g', isNew: true },
			{ factId: 'h', isNew: true }
		]);
		expect(result.counts).toEqual({ new: 4, learning: 2, due: 2 });
	});

	it('keeps to the daily limits, counting what was already done today', () => {
		const memories = [row('a', 2, now - DAY), row('b', 2, now - 2 * DAY), row('c', 1, now - 1)];
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 3, reviewsPerDay: 2 };
		const result = buildQueue(
			base(memories, { settings, today: { ...NO_ANSWERS, newLearned: 1, reviewAnswers: 1 } })
		);
		expect(result.queue.map((e) => e.factId)).toEqual(['c', 'b', 'd', 'e']);
		expect(result.counts).toEqual({ new: 2, learning: 1, due: 1 });
		const spent = buildQueue(
			base(memories, {
				settings,
				today: { ...NO_ANSWERS, newLearned: 5, reviewAnswers: 9, reviews: 20 }
			})
		);
		// Learning steps are never held back by a limit.
		expect(spent.queue).toEqual([{ factId: 'c', isNew: false }]);
	});

	it('leaves out suspended facts, facts not yet due and facts the deck no longer has', () => {
		const result = buildQueue(
			base(
				[
					row('a', 2, now - DAY, 1),
					row('b', 2, now + MINUTE),
					row('c', 1, now - MINUTE, 1),
					row('gone', 2, now - DAY),
					row('d', 0, 0, 1)
				],
				{ factIds: ['a', 'b', 'c', 'd', 'e'] }
			)
		);
		expect(result.queue).toEqual([{ factId: 'e', isNew: true }]);
	});

	it('treats a released fact that was never studied as new, in deck order', () => {
		const result = buildQueue(base([row('c', 0, 0)], { factIds: ['a', 'c'] }));
		expect(result.queue).toEqual([
			{ factId: 'a', isNew: true },
			{ factId: 'c', isNew: true }
		]);
	});
});

describe('studyFactIds', () => {
	it('keeps deck order and leaves out facts whose only items are order or match', () => {
		const deck = {
			facts: ['f3', 'f1', 'f2'].map((id) => ({ id }) as never),
			items: [
				{ ...fixtureItem('a', 'flashcard'), factId: 'f1' },
				{ ...fixtureItem('b', 'order'), factId: 'f2' },
				{ ...fixtureItem('c', 'cloze'), factId: 'f3' }
			]
		};
		expect(studyFactIds(deck)).toEqual(['f3', 'f1']);
		expect([...studyFactIdSet(deck)].sort()).toEqual(['f1', 'f3']);
		// Worked out once per deck object.
		expect(studyFactIds(deck)).toBe(studyFactIds(deck));
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

describe('orderedEntries', () => {
	it('lists every studied fact, deck by deck, then every new one', () => {
		const order = orderedEntries([
			{
				deckId: 'a',
				queue: [
					{ factId: 'a1', isNew: false },
					{ factId: 'a2', isNew: true }
				]
			},
			{
				deckId: 'b',
				queue: [
					{ factId: 'b1', isNew: false },
					{ factId: 'b2', isNew: true }
				]
			}
		]);
		expect(order.map((e) => e.entry.factId)).toEqual(['a1', 'b1', 'a2', 'b2']);
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
