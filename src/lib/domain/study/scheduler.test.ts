import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	DEFAULT_SETTINGS,
	LEECH_LAPSES,
	RATINGS,
	applyRating,
	buildQueue,
	chooseItemType,
	factKey,
	formatInterval,
	formatRelative,
	isLeech,
	previewIntervals,
	summariseDone,
	validateSettings,
	type QueueInput,
	type QueueMemory,
	type StudyRating
} from '$lib/domain/study/scheduler';
import {
	addStudyDays,
	nextStudyDayStart,
	studyDayStart,
	studyDaysBetween
} from '$lib/domain/study/study-day';
import type { ItemType, MemorySnapshot } from '$lib/domain/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();
const KEY = 'kosovo/kfor-founded';

/** Walks one fact through a list of ratings, each answered when it falls due (plus `late`). */
function walk(ratings: StudyRating[], key = KEY, late = 0): MemorySnapshot {
	let memory: MemorySnapshot | null = null;
	let now = NOON;
	for (const rating of ratings) {
		memory = applyRating(memory, key, rating, now, DEFAULT_SETTINGS);
		now = memory.dueAt + late;
	}
	if (!memory) throw new Error('walk needs at least one rating');
	return memory;
}

describe('validateSettings', () => {
	it('accepts the defaults and the ends of every range', () => {
		expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
		const edges = { newPerDay: 0, reviewsPerDay: 9999, desiredRetention: 0.8, dayStartHour: 23 };
		expect(validateSettings(edges)).toEqual({ ok: true, value: edges });
		expect(validateSettings({ ...edges, desiredRetention: 0.97, dayStartHour: 0 }).ok).toBe(true);
	});

	it('rejects a retention of 0, which ts-fsrs would silently replace by its default', () => {
		const result = validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0 });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.join()).toMatch(/desiredRetention/);
	});

	it.each([
		['desiredRetention', 0.79],
		['desiredRetention', 0.98],
		['desiredRetention', Number.NaN],
		['desiredRetention', '0.9'],
		['newPerDay', -1],
		['newPerDay', 10000],
		['newPerDay', 2.5],
		['reviewsPerDay', '200'],
		['dayStartHour', 24],
		['dayStartHour', -1],
		['dayStartHour', undefined]
	])('rejects %s = %s and names the field', (field, value) => {
		const result = validateSettings({ ...DEFAULT_SETTINGS, [field]: value });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors).toHaveLength(1);
			expect(result.errors[0]).toContain(field);
		}
	});

	it('rejects what is not an object and reports every bad field', () => {
		expect(validateSettings(null).ok).toBe(false);
		expect(validateSettings([1, 2]).ok).toBe(false);
		const result = validateSettings({});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors).toHaveLength(4);
	});

	it('returns only the known fields', () => {
		const result = validateSettings({ ...DEFAULT_SETTINGS, extra: 1 });
		expect(result.ok && Object.keys(result.value).sort()).toEqual(
			['dayStartHour', 'desiredRetention', 'newPerDay', 'reviewsPerDay'].sort()
		);
	});
});

describe('previewIntervals and applyRating', () => {
	it('labels the buttons of a new fact with its learning steps and first interval', () => {
		const preview = previewIntervals(null, KEY, NOON, DEFAULT_SETTINGS);
		expect(preview[1].label).toBe('1m');
		expect(preview[2].label).toBe('6m');
		expect(preview[3].label).toBe('10m');
		expect(preview[4].label).toMatch(/^\d+d$/);
		expect(preview[1].after.dueAt).toBe(NOON + MINUTE);
		expect(preview[3].after.dueAt).toBe(NOON + 10 * MINUTE);
		expect(preview[3].after).toMatchObject({ state: 1, reps: 1, lapses: 0, lastReviewAt: NOON });
		expect(preview[4].after.state).toBe(2);
	});

	it('applies exactly what it previews, for any history, rating and lateness', () => {
		const rating = fc.constantFrom<StudyRating>(1, 2, 3, 4);
		fc.assert(
			fc.property(
				fc.array(fc.tuple(rating, fc.integer({ min: 0, max: 40 * DAY })), { maxLength: 12 }),
				rating,
				fc.string({ minLength: 1, maxLength: 12 }),
				(history, next, factId) => {
					const key = factKey('kosovo', factId);
					let memory: MemorySnapshot | null = null;
					let now = NOON;
					for (const [r, late] of history) {
						memory = applyRating(memory, key, r, now, DEFAULT_SETTINGS);
						now = memory.dueAt + late;
					}
					const preview = previewIntervals(memory, key, now, DEFAULT_SETTINGS);
					const applied = applyRating(memory, key, next, now, DEFAULT_SETTINGS);
					expect(applied).toEqual(preview[next].after);
					expect(preview[next].label).toBe(formatInterval(applied, now));
				}
			),
			{ numRuns: 150 }
		);
	});

	it('orders the intervals Again < Hard < Good < Easy for a fact in review', () => {
		const memory = walk([3, 3, 3]);
		const preview = previewIntervals(memory, KEY, memory.dueAt, DEFAULT_SETTINGS);
		const due = RATINGS.map((r) => preview[r].after.dueAt);
		expect(due).toEqual([...due].sort((a, b) => a - b));
		expect(new Set(due).size).toBe(4);
		expect(preview[1].after).toMatchObject({ state: 3, lapses: memory.lapses + 1 });
		expect(preview[1].label).toBe('10m');
	});

	it('seeds fuzz per fact, the same every time for the same fact', () => {
		const intervals = new Set<number>();
		for (let i = 0; i < 30; i++) {
			const key = `kosovo/fact-${i}`;
			const memory = walk([3, 3, 3, 3], key);
			const again = walk([3, 3, 3, 3], key);
			expect(again).toEqual(memory);
			intervals.add(memory.scheduledDays);
		}
		// Without fuzz all thirty identical histories would share one interval.
		expect(intervals.size).toBeGreaterThan(1);
	});

	it('asks for a higher retention with shorter intervals', () => {
		const memory = walk([3, 3, 3]);
		const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.97 };
		const loose = { ...DEFAULT_SETTINGS, desiredRetention: 0.8 };
		const strictGood = applyRating(memory, KEY, 3, memory.dueAt, strict);
		const looseGood = applyRating(memory, KEY, 3, memory.dueAt, loose);
		expect(strictGood.scheduledDays).toBeLessThan(looseGood.scheduledDays);
	});
});

describe('the study day', () => {
	it('starts at the chosen local hour, the day before when that hour is still to come', () => {
		const at = (h: number, m = 0) => new Date(2026, 0, 10, h, m).getTime();
		expect(studyDayStart(at(12), 4)).toBe(at(4));
		expect(studyDayStart(at(4), 4)).toBe(at(4));
		expect(studyDayStart(at(3, 59), 4)).toBe(new Date(2026, 0, 9, 4).getTime());
		expect(studyDayStart(at(0, 30), 0)).toBe(at(0));
		expect(nextStudyDayStart(at(3, 59), 4)).toBe(at(4));
		expect(nextStudyDayStart(at(12), 4)).toBe(new Date(2026, 0, 11, 4).getTime());
		expect(addStudyDays(at(4), 30, 4)).toBe(new Date(2026, 1, 9, 4).getTime());
	});

	it('counts study days, not calendar days, between reviews', () => {
		const at = (d: number, h: number) => new Date(2026, 0, d, h).getTime();
		expect(studyDaysBetween(at(10, 23), at(11, 3), 4)).toBe(0);
		expect(studyDaysBetween(at(10, 23), at(11, 5), 4)).toBe(1);
		expect(studyDaysBetween(at(10, 5), at(13, 3), 4)).toBe(2);
		expect(studyDaysBetween(at(10, 5), at(13, 3), 0)).toBe(3);
	});

	it('makes a review fall due at the start of a later study day', () => {
		const settings = { ...DEFAULT_SETTINGS, dayStartHour: 6 };
		const learning = applyRating(null, KEY, 3, NOON, settings);
		const review = applyRating(learning, KEY, 3, learning.dueAt, settings);
		expect(review.state).toBe(2);
		expect(review.scheduledDays).toBeGreaterThanOrEqual(1);
		const today = studyDayStart(learning.dueAt, 6);
		expect(review.dueAt).toBe(addStudyDays(today, review.scheduledDays, 6));
		expect(new Date(review.dueAt).getHours()).toBe(6);
	});

	it('keeps the exact minute for learning steps, even across the day start', () => {
		const lateEvening = new Date(2026, 0, 10, 3, 55).getTime();
		const step = applyRating(null, KEY, 3, lateEvening, DEFAULT_SETTINGS);
		expect(step.state).toBe(1);
		expect(step.dueAt).toBe(lateEvening + 10 * MINUTE);
	});
});

describe('leeches', () => {
	it('flags a fact once it has lapsed LEECH_LAPSES times', () => {
		expect(LEECH_LAPSES).toBe(8);
		expect(isLeech(null)).toBe(false);
		let memory = walk([3, 3]);
		for (let lapse = 1; lapse <= LEECH_LAPSES; lapse++) {
			expect(isLeech(memory)).toBe(false);
			memory = applyRating(memory, KEY, 1, memory.dueAt, DEFAULT_SETTINGS);
			expect(memory.lapses).toBe(lapse);
			memory = applyRating(memory, KEY, 3, memory.dueAt, DEFAULT_SETTINGS);
		}
		expect(isLeech(memory)).toBe(true);
	});
});

describe('chooseItemType', () => {
	const all: ItemType[] = ['flashcard', 'mcq', 'truefalse', 'cloze', 'order', 'match'];
	const chosen = (memory: MemorySnapshot | null, available: ItemType[]) =>
		new Set(Array.from({ length: 60 }, (_, seed) => chooseItemType(memory, available, seed)));
	const stable = { ...walk([3, 3, 3]), stability: 40 };

	it('shows recognition formats while a fact is young', () => {
		expect(chosen(null, all)).toEqual(new Set(['mcq', 'truefalse', 'flashcard']));
		expect(chosen(walk([3]), all)).toEqual(new Set(['mcq', 'truefalse', 'flashcard']));
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
		newIntroducedToday: 0,
		reviewsDoneToday: 0,
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
			base(memories, { settings, newIntroducedToday: 1, reviewsDoneToday: 1 })
		);
		expect(result.queue.map((e) => e.factId)).toEqual(['c', 'b', 'd', 'e']);
		expect(result.counts).toEqual({ new: 2, learning: 1, due: 1 });
		const spent = buildQueue(
			base(memories, { settings, newIntroducedToday: 5, reviewsDoneToday: 9 })
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

describe('summariseDone and formatRelative', () => {
	it('says when the next review is and how many new facts come tomorrow', () => {
		const summary = summariseDone({
			now: NOON,
			settings: DEFAULT_SETTINGS,
			nextDueAt: NOON + 3 * HOUR,
			unseenCount: 57
		});
		expect(summary).toEqual({
			nextReviewAt: NOON + 3 * HOUR,
			newTomorrow: 20,
			tomorrowAt: new Date(2026, 0, 11, 4).getTime(),
			message: 'Nothing due. Next review in 3 h; 20 new facts tomorrow.'
		});
	});

	it('moves reviews held back by the daily limit to the next study day', () => {
		const summary = summariseDone({
			now: NOON,
			settings: DEFAULT_SETTINGS,
			nextDueAt: NOON - HOUR,
			unseenCount: 1
		});
		expect(summary.nextReviewAt).toBe(summary.tomorrowAt);
		expect(summary.message).toBe('Nothing due. Next review in 16 h; 1 new fact tomorrow.');
	});

	it('says so when nothing is left at all', () => {
		const summary = summariseDone({
			now: NOON,
			settings: DEFAULT_SETTINGS,
			nextDueAt: null,
			unseenCount: 0
		});
		expect(summary.nextReviewAt).toBeNull();
		expect(summary.newTomorrow).toBe(0);
		expect(summary.message).toBe('Nothing due and no new facts left.');
	});

	it('rounds durations to a readable unit', () => {
		expect(formatRelative(10_000)).toBe('1 min');
		expect(formatRelative(45 * MINUTE)).toBe('45 min');
		expect(formatRelative(59.8 * MINUTE)).toBe('1 h');
		expect(formatRelative(3 * HOUR + 10 * MINUTE)).toBe('3 h');
		expect(formatRelative(23.7 * HOUR)).toBe('1 day');
		expect(formatRelative(5 * DAY)).toBe('5 days');
	});

	it('labels long intervals in months and years', () => {
		const review = { ...walk([3]), state: 2 as const };
		expect(formatInterval({ ...review, scheduledDays: 3 }, NOON)).toBe('3d');
		expect(formatInterval({ ...review, scheduledDays: 60 }, NOON)).toBe('2mo');
		expect(formatInterval({ ...review, scheduledDays: 45 }, NOON)).toBe('1.5mo');
		expect(formatInterval({ ...review, scheduledDays: 730 }, NOON)).toBe('2y');
		expect(formatInterval({ ...review, state: 1, dueAt: NOON + 5 * HOUR }, NOON)).toBe('5h');
	});
});
