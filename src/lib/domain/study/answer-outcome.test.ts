import { describe, expect, it } from 'vitest';
import { fixtureAnswer, walkMemory } from '$fixtures/study-memory';
import { fixtureMemoryRow, fixtureSnapshot } from '$fixtures/study-deck';
import {
	answerFuzzWindow,
	answerOutcome,
	isLeech,
	LEECH_LAPSES,
	leechFlag,
	regradeOutcome,
	snapshotOf,
	undoOutcome,
	withDueDay,
	type AnswerInput
} from '$lib/domain/study/answer-outcome';
import { addStudyDays } from '$lib/domain/study/study-day';
import { applyRating, type StudyRating } from '$lib/domain/study/fsrs-adapter';
import { DEFAULT_SETTINGS, withDeckRetention } from '$lib/domain/study/study-settings';

/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();

const KEY = 'kosovo/kfor-founded';

describe('leeches', () => {
	it('flags a fact once it has lapsed LEECH_LAPSES times', () => {
		expect(LEECH_LAPSES).toBe(8);
		expect(isLeech(null)).toBe(false);
		let memory = walkMemory([3, 3]);
		for (let lapse = 1; lapse <= LEECH_LAPSES; lapse++) {
			expect(isLeech(memory)).toBe(false);
			memory = applyRating(memory, KEY, 1, memory.dueAt, DEFAULT_SETTINGS);
			expect(memory.lapses).toBe(lapse);
			memory = applyRating(memory, KEY, 3, memory.dueAt, DEFAULT_SETTINGS);
		}
		expect(isLeech(memory)).toBe(true);
	});
});

function input(rating: StudyRating, now = NOON, extra: Partial<AnswerInput> = {}): AnswerInput {
	return fixtureAnswer('kosovo', 'kfor-founded', rating, now, extra);
}

describe('leechFlag', () => {
	it('is set from the lapses, and kept once a row carries it', () => {
		const young = fixtureSnapshot(2, 10, NOON, { lapses: LEECH_LAPSES - 1 });
		expect(leechFlag(young, false)).toBe(0);
		expect(leechFlag(young, true)).toBe(1);
		expect(leechFlag({ ...young, lapses: LEECH_LAPSES }, false)).toBe(1);
	});
});

describe('answerOutcome', () => {
	it('makes a new fact a memory row and a review with no memory before', () => {
		const outcome = answerOutcome(undefined, input(3));
		expect(outcome.memory).toMatchObject({
			key: KEY,
			deckId: 'kosovo',
			factId: 'kfor-founded',
			suspended: 0,
			leech: 0,
			...applyRating(null, KEY, 3, NOON, DEFAULT_SETTINGS)
		});
		expect(outcome.review).toMatchObject({
			rating: 3,
			reviewedAt: NOON,
			elapsedDays: 0,
			durationMs: 4_000,
			before: null,
			origin: 'study'
		});
		expect(outcome.review.id).toBeUndefined();
		expect(outcome.isNewLeech).toBe(false);
	});

	it('keeps the suspension, counts study days since the last review, flags a new leech', () => {
		const last = NOON - 3 * 86_400_000;
		const before = fixtureSnapshot(2, 20, NOON, { lapses: LEECH_LAPSES - 1, lastReviewAt: last });
		const row = fixtureMemoryRow('kosovo', 'kfor-founded', before, { suspended: 1 });
		const outcome = answerOutcome(row, input(1));
		expect(outcome.memory.suspended).toBe(1);
		expect(outcome.memory.lapses).toBe(LEECH_LAPSES);
		expect(outcome.memory.leech).toBe(1);
		expect(outcome.isNewLeech).toBe(true);
		expect(outcome.review.elapsedDays).toBe(3);
		expect(outcome.review.before).toEqual(before);
		// A fact already flagged is not a new leech.
		expect(answerOutcome({ ...row, leech: 1 }, input(1)).isNewLeech).toBe(false);
	});
});

describe('regradeOutcome', () => {
	it('rates the same answer again from the memory before it, keeping its id and time', () => {
		const first = answerOutcome(undefined, input(1));
		const stored = { ...first.review, id: 7 };
		const again = regradeOutcome(stored, first.memory, 4, DEFAULT_SETTINGS);
		const direct = answerOutcome(undefined, input(4));
		expect(again.review).toEqual({ ...direct.review, id: 7 });
		expect(again.memory).toEqual(direct.memory);
	});

	it('keeps the suspension the fact has now and takes back a leech the first rating made', () => {
		const before = fixtureSnapshot(2, 20, NOON, { lapses: LEECH_LAPSES - 1 });
		const row = fixtureMemoryRow('kosovo', 'kfor-founded', before);
		const lapse = answerOutcome(row, input(1));
		expect(lapse.isNewLeech).toBe(true);
		const stored = { ...lapse.review, id: 3 };
		const pass = regradeOutcome(stored, { ...lapse.memory, suspended: 1 }, 3, DEFAULT_SETTINGS);
		expect(pass.memory.leech).toBe(0);
		expect(pass.memory.suspended).toBe(1);
		expect(pass.memory.lapses).toBe(LEECH_LAPSES - 1);
	});
});

describe('undoOutcome', () => {
	it('gives no row for a fact that was new, and the memory before otherwise', () => {
		const first = answerOutcome(undefined, input(3));
		expect(undoOutcome(first.review, first.memory)).toBeNull();
		const second = answerOutcome(first.memory, input(3, first.memory.dueAt));
		const restored = undoOutcome(second.review, { ...second.memory, suspended: 1 });
		expect(restored).toEqual({ ...first.memory, suspended: 1 });
	});

	it('restores the leech flag from the memory it goes back to', () => {
		const before = fixtureSnapshot(2, 20, NOON, { lapses: LEECH_LAPSES - 1 });
		const lapse = answerOutcome(fixtureMemoryRow('kosovo', 'kfor-founded', before), input(1));
		expect(lapse.memory.leech).toBe(1);
		expect(undoOutcome(lapse.review, lapse.memory)?.leech).toBe(0);
	});
});

describe('a deck with its own retention', () => {
	const memory = walkMemory([3, 3, 3]);
	const row = fixtureMemoryRow('kosovo', 'kfor-founded', memory);
	const strict = withDeckRetention(DEFAULT_SETTINGS, 'kosovo', 0.97);

	it('schedules that deck with its own retention and other decks with the global one', () => {
		const own = answerOutcome(row, input(3, memory.dueAt, { settings: strict }));
		const global = answerOutcome(row, input(3, memory.dueAt));
		expect(own.memory.scheduledDays).toBeLessThan(global.memory.scheduledDays);
		const elsewhere = withDeckRetention(DEFAULT_SETTINGS, 'other', 0.97);
		expect(answerOutcome(row, input(3, memory.dueAt, { settings: elsewhere }))).toEqual(global);
	});

	it('re-rates with the deck retention too', () => {
		const first = answerOutcome(row, input(3, memory.dueAt, { settings: strict }));
		const regraded = regradeOutcome(first.review, first.memory, 3, strict);
		expect(regraded.memory).toEqual(first.memory);
	});
});

describe('a balanced due day', () => {
	const memory = walkMemory([3, 3, 3]);
	const row = fixtureMemoryRow('kosovo', 'kfor-founded', memory);

	it('gives the fuzz window of a review answer, none when balancing is off', () => {
		const outcome = answerOutcome(row, input(3, memory.dueAt));
		const window = answerFuzzWindow(row, input(3, memory.dueAt));
		expect(window?.fuzzedDays).toBe(outcome.memory.scheduledDays);
		const off = { ...DEFAULT_SETTINGS, loadBalance: false };
		expect(answerFuzzWindow(row, input(3, memory.dueAt, { settings: off }))).toBeNull();
	});

	it('moves the memory and the logged after together, so the log explains the memory', () => {
		const outcome = answerOutcome(row, input(3, memory.dueAt));
		const days = outcome.memory.scheduledDays + 1;
		const moved = withDueDay(outcome, days, DEFAULT_SETTINGS.dayStartHour);
		expect(moved.memory.scheduledDays).toBe(days);
		expect(moved.memory.dueAt).toBe(addStudyDays(memory.dueAt, days));
		expect(snapshotOf(moved.memory)).toEqual(moved.review.after);
		expect(moved.review.before).toEqual(outcome.review.before);
		// Everything FSRS learnt from the answer stays.
		expect(moved.memory.stability).toBe(outcome.memory.stability);
		expect(outcome.memory.scheduledDays).toBe(days - 1);
	});
});
