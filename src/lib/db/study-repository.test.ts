import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import fc from 'fast-check';
import { fixtureAnswer } from '$fixtures/study-memory';
import { FactdeckDB, type MemoryRow } from '$lib/db/schema';
import { WAIT_WINDOW_MS } from '$lib/domain/study/session-summary';
import {
	changeRating,
	countToday,
	getMemory,
	getSettings,
	knownFactIds,
	loadDueRows,
	loadStudyQueue,
	nextDueAt,
	recordAnswer,
	saveSettings,
	setSuspended,
	updateSettings,
	undoLast,
	vanishedFacts,
	type AnswerInput
} from '$lib/db/study-repository';
import { LEECH_LAPSES } from '$lib/domain/study/answer-outcome';
import { applyRating, previewIntervals } from '$lib/domain/study/fsrs-adapter';
import { buildQueue } from '$lib/domain/study/study-queue';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { studyDayStart } from '$lib/domain/study/study-day';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOON = new Date(2026, 0, 10, 12).getTime();

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB('test-' + Math.random().toString(36).slice(2));
});

afterEach(async () => {
	await db.delete();
});

function answer(
	factId: string,
	rating: 1 | 2 | 3 | 4,
	now: number,
	extra: Partial<AnswerInput> = {}
) {
	return recordAnswer(db, fixtureAnswer('kosovo', factId, rating, now, extra));
}

describe('recordAnswer', () => {
	it('writes the memory the preview promised and one review row with before and after', async () => {
		const preview = previewIntervals(null, 'kosovo/f1', NOON, DEFAULT_SETTINGS);
		const { memory, review } = await answer('f1', 3, NOON);
		expect(memory).toEqual({
			...preview[3].after,
			key: 'kosovo/f1',
			deckId: 'kosovo',
			factId: 'f1',
			suspended: 0,
			leech: 0
		});
		expect(await db.memory.get('kosovo/f1')).toEqual(memory);
		const reviews = await db.reviews.toArray();
		expect(reviews).toHaveLength(1);
		expect(reviews[0]).toEqual(review);
		expect(reviews[0]).toMatchObject({
			deckId: 'kosovo',
			factId: 'f1',
			itemId: 'f1-mcq',
			rating: 3,
			reviewedAt: NOON,
			elapsedDays: 0,
			durationMs: 4000,
			before: null,
			after: preview[3].after,
			origin: 'study'
		});
	});

	it('records the previous memory as before, and elapsed study days', async () => {
		const first = await answer('f1', 3, NOON);
		const secondAt = first.memory.dueAt;
		const second = await answer('f1', 3, secondAt);
		const third = await answer('f1', 3, second.memory.dueAt + 2 * DAY);
		const {
			key: _k,
			deckId: _d,
			factId: _f,
			suspended: _s,
			leech: _l,
			...snapshot
		} = second.memory;
		expect(third.review.before).toEqual(snapshot);
		expect(third.review.elapsedDays).toBe(second.memory.scheduledDays + 2);
		expect(third.memory.reps).toBe(3);
		expect(await db.reviews.count()).toBe(3);
	});

	it('keeps a suspension and flags a leech once the lapses reach the limit', async () => {
		const now = NOON;
		const start: MemoryRow = {
			...applyRating(null, 'kosovo/f1', 4, now, DEFAULT_SETTINGS),
			lapses: LEECH_LAPSES - 1,
			key: 'kosovo/f1',
			deckId: 'kosovo',
			factId: 'f1',
			suspended: 1,
			leech: 0
		};
		await db.memory.put(start);
		const result = await answer('f1', 1, start.dueAt);
		expect(result.memory.lapses).toBe(LEECH_LAPSES);
		expect(result.memory.leech).toBe(1);
		expect(result.memory.suspended).toBe(1);
		expect(result.isNewLeech).toBe(true);
		const again = await answer('f1', 1, result.memory.dueAt);
		expect(again.memory.leech).toBe(1);
		expect(again.isNewLeech).toBe(false);
	});

	it('writes nothing when appending the review fails after the memory was put', async () => {
		await answer('f1', 3, NOON);
		const before = await db.memory.get('kosovo/f1');
		db.reviews.hook('creating', () => {
			throw new Error('disk full');
		});
		await expect(answer('f1', 3, NOON + 10 * MINUTE)).rejects.toThrow('disk full');
		expect(await db.memory.get('kosovo/f1')).toEqual(before);
		expect(await db.reviews.count()).toBe(1);
	});
});

describe('changeRating', () => {
	it('rewrites the newest answer of a fact and its memory in place, as if rated so at first', async () => {
		const first = await answer('a', 1, NOON);
		const changed = await changeRating(db, first.review.id!, 4, DEFAULT_SETTINGS);
		expect(changed?.review.id).toBe(first.review.id);
		const reviews = await db.reviews.toArray();
		expect(reviews).toHaveLength(1);
		expect(reviews[0].rating).toBe(4);
		expect(reviews[0].after).toEqual(applyRating(null, 'kosovo/a', 4, NOON, DEFAULT_SETTINGS));
		expect(await getMemory(db, 'kosovo', 'a')).toMatchObject(reviews[0].after);
		// Undo still takes the changed answer back whole.
		await undoLast(db, 'kosovo');
		expect(await db.reviews.count()).toBe(0);
		expect(await getMemory(db, 'kosovo', 'a')).toBeUndefined();
	});

	it('changes nothing when a later answer to the fact built on it, or it is gone', async () => {
		const first = await answer('a', 3, NOON);
		await answer('a', 3, first.memory.dueAt);
		const memory = await getMemory(db, 'kosovo', 'a');
		expect(await changeRating(db, first.review.id!, 1, DEFAULT_SETTINGS)).toBeNull();
		expect(await getMemory(db, 'kosovo', 'a')).toEqual(memory);
		expect((await db.reviews.get(first.review.id!))?.rating).toBe(3);
		expect(await changeRating(db, 999, 1, DEFAULT_SETTINGS)).toBeNull();
	});
});

describe('undoLast', () => {
	it('undoes a first answer by deleting the memory row and the review', async () => {
		await answer('f1', 3, NOON);
		const undone = await undoLast(db, 'kosovo');
		expect(undone?.review.factId).toBe('f1');
		expect(undone?.memory).toBeNull();
		expect(await db.memory.count()).toBe(0);
		expect(await db.reviews.count()).toBe(0);
		expect(await undoLast(db, 'kosovo')).toBeNull();
	});

	it('walks back through at least ten answers, restoring each memory exactly', async () => {
		const facts = ['f1', 'f2', 'f3'];
		const states: Array<MemoryRow[]> = [];
		let now = NOON;
		for (let i = 0; i < 12; i++) {
			states.push(await db.memory.orderBy('key').toArray());
			await answer(facts[i % 3], ((i % 4) + 1) as 1 | 2 | 3 | 4, now);
			now += 7 * MINUTE;
		}
		await setSuspended(db, 'kosovo', 'f2', true);
		for (let i = 11; i >= 0; i--) {
			const undone = await undoLast(db, null);
			expect(undone?.review.factId).toBe(facts[i % 3]);
			const expected = states[i].map((row) =>
				row.factId === 'f2' ? { ...row, suspended: 1 } : row
			);
			const actual = await db.memory.orderBy('key').toArray();
			// Undoing f2's first answer deletes its row, suspension and all.
			expect(actual).toEqual(expected);
			expect(await db.reviews.count()).toBe(i);
		}
		expect(await undoLast(db, null)).toBeNull();
	});

	it('only undoes within the given deck, and never a quiz answer', async () => {
		await answer('f1', 3, NOON);
		await answer('x1', 3, NOON + MINUTE, { deckId: 'other' });
		const undone = await undoLast(db, 'kosovo');
		expect(undone?.review.deckId).toBe('kosovo');
		expect(await db.memory.get('other/x1')).toBeDefined();

		await answer('f2', 3, NOON + 2 * MINUTE, { origin: 'quiz' });
		expect(await undoLast(db, 'kosovo')).toBeNull();
		expect(await db.reviews.where('[deckId+factId]').equals(['kosovo', 'f2']).count()).toBe(1);
	});
});

describe('reading the queue', () => {
	it('loads exactly the deck rows due by now', async () => {
		const a = await answer('a', 3, NOON - 20 * MINUTE); // due 10 minutes ago
		await answer('b', 3, NOON - 5 * MINUTE); // due in 5 minutes
		await answer('c', 3, NOON - 20 * MINUTE, { deckId: 'other' });
		const rows = await loadDueRows(db, 'kosovo', NOON);
		expect(rows.map((r) => r.factId)).toEqual(['a']);
		expect(await loadDueRows(db, 'kosovo', a.memory.dueAt)).toHaveLength(1);
		expect(await loadDueRows(db, 'kosovo', a.memory.dueAt - 1)).toHaveLength(0);
		expect(await getMemory(db, 'kosovo', 'a')).toEqual(a.memory);
	});

	it('knows which facts have memory rows, per deck, from keys alone', async () => {
		await answer('a', 3, NOON);
		await answer('b/with-slash', 3, NOON);
		await answer('z', 3, NOON, { deckId: 'kosovo-2' });
		await setSuspended(db, 'kosovo', 'c', true);
		expect(await knownFactIds(db, 'kosovo')).toEqual(new Set(['a', 'b/with-slash', 'c']));
	});

	it('counts answers, new facts, learning steps and reviews since the start of the study day', async () => {
		const dayStart = studyDayStart(NOON, 4);
		const old = await answer('a', 4, dayStart - DAY); // introduced yesterday, in review
		await answer('b', 3, dayStart - MINUTE);
		await answer('a', 3, old.memory.dueAt > NOON ? NOON : old.memory.dueAt); // a review today
		await answer('c', 1, NOON); // new today
		await answer('c', 3, NOON + MINUTE); // a learning step, neither new nor review
		await answer('d', 3, NOON, { deckId: 'other' });
		expect(await countToday(db, 'kosovo', dayStart)).toEqual({
			reviews: 3,
			newLearned: 1,
			learning: 1,
			reviewAnswers: 1
		});
		expect(await countToday(db, null, dayStart)).toEqual({
			reviews: 4,
			newLearned: 2,
			learning: 1,
			reviewAnswers: 1
		});
		await undoLast(db, 'kosovo');
		await undoLast(db, 'kosovo');
		expect(await countToday(db, 'kosovo', dayStart)).toEqual({
			reviews: 1,
			newLearned: 0,
			learning: 0,
			reviewAnswers: 1
		});
	});

	it('finds the next due time among studied, unsuspended facts', async () => {
		expect(await nextDueAt(db, 'kosovo')).toBeNull();
		const a = await answer('a', 3, NOON); // due in 10 minutes
		const b = await answer('b', 4, NOON); // due in days
		await answer('c', 1, NOON - 5 * MINUTE, { deckId: 'other' }); // due 4 minutes ago
		expect(await nextDueAt(db, 'kosovo')).toBe(a.memory.dueAt);
		expect(await nextDueAt(db, null)).toBe(NOON - 4 * MINUTE);
		await setSuspended(db, 'kosovo', 'a', true);
		await setSuspended(db, 'kosovo', 'never-seen', true);
		expect(await nextDueAt(db, 'kosovo')).toBe(b.memory.dueAt);
		expect(await nextDueAt(db, 'kosovo', new Set(['a', 'c']))).toBeNull();
	});

	it('reports facts the deck no longer has and deletes nothing', async () => {
		await answer('a', 3, NOON);
		await answer('gone', 3, NOON);
		await answer('also-gone', 3, NOON);
		expect(await vanishedFacts(db, 'kosovo', ['a', 'b'])).toEqual(['also-gone', 'gone']);
		expect(await db.memory.count()).toBe(3);
	});
});

describe('loadStudyQueue', () => {
	/** A memory row of the deck `kosovo` in a given state, due `dueIn` ms from NOON. */
	function row(factId: string, state: 0 | 1 | 2 | 3, dueIn: number, suspended: 0 | 1 = 0) {
		return {
			key: `kosovo/${factId}`,
			deckId: 'kosovo',
			factId,
			dueAt: NOON + dueIn,
			stability: 3,
			difficulty: 5,
			scheduledDays: 1,
			learningSteps: 0,
			reps: state === 0 ? 0 : 2,
			lapses: 0,
			state,
			lastReviewAt: state === 0 ? null : NOON - DAY,
			suspended,
			leech: 0 as const
		} satisfies MemoryRow;
	}

	it('gives the same queue as buildQueue over every due row, from bounded reads', async () => {
		const rowArbitrary = fc.record({
			fact: fc.nat({ max: 60 }),
			state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
			dueIn: fc.integer({ min: -40 * DAY, max: DAY }),
			suspended: fc.constantFrom(0 as const, 0 as const, 1 as const)
		});
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(rowArbitrary, { selector: (r) => r.fact, maxLength: 50 }),
				fc.nat({ max: 8 }),
				fc.nat({ max: 8 }),
				fc.nat({ max: 3 }),
				async (specs, reviewsPerDay, newPerDay, reviewedToday) => {
					await db.memory.clear();
					await db.reviews.clear();
					await db.memory.bulkPut(
						specs.map((r) => row(`f${r.fact}`, r.state, r.dueIn, r.suspended))
					);
					for (let i = 0; i < reviewedToday; i++) {
						await db.reviews.add({
							deckId: 'kosovo',
							factId: `f${i}`,
							itemId: `f${i}-mcq`,
							rating: 3,
							reviewedAt: NOON - MINUTE * (i + 1),
							elapsedDays: 1,
							durationMs: 1000,
							before: { ...row(`f${i}`, 2, 0), suspended: undefined } as never,
							after: row(`f${i}`, 2, DAY),
							origin: 'study'
						});
					}
					// The deck has facts f0..f49: rows f50..f60 are facts the deck no longer has.
					const factIds = Array.from({ length: 50 }, (_, i) => `f${i}`);
					const settings = { ...DEFAULT_SETTINGS, reviewsPerDay, newPerDay };
					const dayStart = studyDayStart(NOON, settings.dayStartHour);
					const bounded = await loadStudyQueue(db, 'kosovo', factIds, NOON, settings, dayStart);
					const today = await countToday(db, 'kosovo', dayStart);
					const everything = buildQueue({
						now: NOON,
						settings,
						factIds,
						memories: await loadDueRows(db, 'kosovo', NOON + WAIT_WINDOW_MS),
						today,
						knownFactIds: await knownFactIds(db, 'kosovo')
					});
					expect(bounded.queue).toEqual(everything);
					expect(bounded.today).toEqual(today);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('finds the same new facts from its cursor as from every key, through learning, undoing and clearing', async () => {
		const opArbitrary = fc.oneof(
			fc.record({ op: fc.constant('learn' as const), fact: fc.nat({ max: 69 }) }),
			fc.record({ op: fc.constant('learnNext' as const), count: fc.nat({ max: 40 }) }),
			fc.record({ op: fc.constant('forget' as const), fact: fc.nat({ max: 69 }) }),
			fc.record({ op: fc.constant('clear' as const) })
		);
		// The deck has facts f0..f59 in this order; f60..f69 are facts it no longer has.
		const factIds = Array.from({ length: 60 }, (_, i) => `f${i}`);
		await fc.assert(
			fc.asyncProperty(
				fc.array(opArbitrary, { maxLength: 12 }),
				fc.nat({ max: 30 }),
				async (ops, newPerDay) => {
					await db.memory.clear();
					const settings = { ...DEFAULT_SETTINGS, newPerDay };
					const dayStart = NOON - DAY;
					const compare = async () => {
						const bounded = await loadStudyQueue(db, 'kosovo', factIds, NOON, settings, dayStart);
						const everything = buildQueue({
							now: NOON,
							settings,
							factIds,
							memories: await loadDueRows(db, 'kosovo', NOON + WAIT_WINDOW_MS),
							today: await countToday(db, 'kosovo', dayStart),
							knownFactIds: await knownFactIds(db, 'kosovo')
						});
						expect(bounded.queue).toEqual(everything);
					};
					await compare();
					for (const step of ops) {
						if (step.op === 'learn') await db.memory.put(row(`f${step.fact}`, 2, DAY));
						else if (step.op === 'learnNext') {
							const known = await knownFactIds(db, 'kosovo');
							const next = factIds.filter((id) => !known.has(id)).slice(0, step.count);
							await db.memory.bulkPut(next.map((id) => row(id, 2, DAY)));
						} else if (step.op === 'forget') await db.memory.delete(`kosovo/f${step.fact}`);
						else await db.memory.clear();
						await compare();
						// A second read starts from the cursor the first one left.
						await compare();
					}
				}
			),
			{ numRuns: 40 }
		);
	});

	it('reads a few keys past the cursor, not every studied fact, once the cursor is found', async () => {
		const factIds = Array.from({ length: 400 }, (_, i) => `f${String(i).padStart(3, '0')}`);
		await db.memory.bulkPut(factIds.slice(0, 300).map((id) => row(id, 2, 30 * DAY)));
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 10 };
		const first = await loadStudyQueue(db, 'kosovo', factIds, NOON, settings, NOON - DAY);
		expect(first.queue.queue.map((e) => e.factId)).toEqual(factIds.slice(300, 310));
		expect(await db.studyCursors.get('kosovo')).toMatchObject({ prefix: 300 });
		let rowsRead = 0;
		db.memory.hook('reading', (value) => {
			// Keys looked up past the cursor, which have no row, come back undefined.
			if (value) rowsRead++;
			return value;
		});
		const where = vi.spyOn(db.memory, 'where');
		const next = await loadStudyQueue(db, 'kosovo', factIds, NOON, settings, NOON - DAY);
		expect(next.queue).toEqual(first.queue);
		// Neither the deck's keys (the read by deckId) nor any of the 300 studied facts' rows.
		expect(where.mock.calls.map(([index]) => index)).not.toContain('deckId');
		expect(rowsRead).toBe(0);
		// The first read, without a cursor, did read the deck's keys: the spy sees that read.
		await db.studyCursors.clear();
		await loadStudyQueue(db, 'kosovo', factIds, NOON, settings, NOON - DAY);
		expect(where.mock.calls.map(([index]) => index)).toContain('deckId');
	});

	it('reads no more due reviews than a day allows, however long the backlog', async () => {
		await db.memory.bulkPut(
			Array.from({ length: 500 }, (_, i) => row(`f${String(i).padStart(3, '0')}`, 2, -DAY - i))
		);
		const factIds = Array.from({ length: 500 }, (_, i) => `f${String(i).padStart(3, '0')}`);
		const settings = { ...DEFAULT_SETTINGS, reviewsPerDay: 20 };
		let rowsRead = 0;
		db.memory.hook('reading', (value) => {
			rowsRead++;
			return value;
		});
		const { queue } = await loadStudyQueue(db, 'kosovo', factIds, NOON, settings, NOON - DAY);
		expect(queue.counts).toEqual({ new: 0, learning: 0, due: 20 });
		// The 20 most overdue come first.
		expect(queue.queue[0].factId).toBe('f499');
		expect(rowsRead).toBeLessThanOrEqual(20);
		// The same hook sees every row of an unbounded read: the count above means something.
		rowsRead = 0;
		await loadDueRows(db, 'kosovo', NOON);
		expect(rowsRead).toBe(500);
	});
});

describe('setSuspended', () => {
	it('suspends and releases a studied fact without touching its memory', async () => {
		const { memory } = await answer('a', 3, NOON);
		await setSuspended(db, 'kosovo', 'a', true);
		expect(await db.memory.get('kosovo/a')).toEqual({ ...memory, suspended: 1 });
		await setSuspended(db, 'kosovo', 'a', false);
		expect(await db.memory.get('kosovo/a')).toEqual(memory);
	});

	it('holds a never-studied fact back with a placeholder row, removed on release', async () => {
		await setSuspended(db, 'kosovo', 'n', true);
		expect(await db.memory.get('kosovo/n')).toMatchObject({ state: 0, reps: 0, suspended: 1 });
		await setSuspended(db, 'kosovo', 'n', false);
		expect(await db.memory.count()).toBe(0);
		await setSuspended(db, 'kosovo', 'n', false);
		expect(await db.memory.count()).toBe(0);
	});
});

describe('settings', () => {
	it('gives the defaults until settings are saved', async () => {
		expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
	});

	it('saves valid settings and refuses invalid ones without writing', async () => {
		const mine = {
			...DEFAULT_SETTINGS,
			newPerDay: 5,
			reviewsPerDay: 50,
			desiredRetention: 0.85,
			dayStartHour: 0,
			maximumInterval: 90,
			loadBalance: false,
			deckRetention: [{ deckId: 'kosovo', desiredRetention: 0.95 }]
		};
		expect(await saveSettings(db, mine)).toEqual({ ok: true, value: mine });
		expect(await getSettings(db)).toEqual(mine);
		const bad = await saveSettings(db, { ...mine, desiredRetention: 0 });
		expect(bad.ok).toBe(false);
		expect(await getSettings(db)).toEqual(mine);
	});

	it('fills fields missing from an older stored value with defaults', async () => {
		await db.settings.put({ key: 'study', value: { newPerDay: 7 } });
		expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 7 });
	});

	it('updates some fields and keeps the others, refusing an invalid change', async () => {
		const overrides = [{ deckId: 'kosovo', desiredRetention: 0.95 }];
		await saveSettings(db, { ...DEFAULT_SETTINGS, maximumInterval: 30, deckRetention: overrides });
		const updated = await updateSettings(db, { newPerDay: 3 });
		expect(updated.ok).toBe(true);
		expect(await getSettings(db)).toEqual({
			...DEFAULT_SETTINGS,
			newPerDay: 3,
			maximumInterval: 30,
			deckRetention: overrides
		});
		expect((await updateSettings(db, { maximumInterval: 0 })).ok).toBe(false);
		expect((await getSettings(db)).maximumInterval).toBe(30);
	});
});
