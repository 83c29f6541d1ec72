import { describe, expect, it } from 'vitest';
import { walkMemory } from '$fixtures/study-memory';
import { fixtureMemoryRow } from '$fixtures/study-deck';
import { fuzzRange, plainInterval } from '$lib/domain/study/fsrs-adapter';
import { describeReschedule, planReschedule, rescheduleRow } from '$lib/domain/study/reschedule';
import { addStudyDays } from '$lib/domain/study/study-day';
import { DEFAULT_SETTINGS, withDeckRetention } from '$lib/domain/study/study-settings';

const inReview = (factId: string, deckId = 'kosovo') =>
	fixtureMemoryRow(deckId, factId, walkMemory([3, 3, 3, 3], `${deckId}/${factId}`));

describe('rescheduleRow', () => {
	it('gives a fact in review the plain interval of its stability, from its last review', () => {
		const row = inReview('a');
		const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.97 };
		const next = rescheduleRow(row, strict);
		const interval = plainInterval(row.stability, strict);
		expect(next.scheduledDays).toBe(interval);
		expect(next.dueAt).toBe(addStudyDays(row.lastReviewAt ?? 0, interval));
		expect(next.dueAt).toBeLessThan(row.dueAt);
		// Only the due date moves: the memory FSRS learnt stays.
		expect({ ...next, dueAt: 0, scheduledDays: 0 }).toEqual({ ...row, dueAt: 0, scheduledDays: 0 });
	});

	it('caps the interval at the maximum and uses a deck’s own retention', () => {
		const row = inReview('a');
		expect(rescheduleRow(row, { ...DEFAULT_SETTINGS, maximumInterval: 2 }).scheduledDays).toBe(2);
		const loose = withDeckRetention(DEFAULT_SETTINGS, 'kosovo', 0.8);
		expect(rescheduleRow(row, loose).scheduledDays).toBeGreaterThan(
			rescheduleRow(row, DEFAULT_SETTINGS).scheduledDays
		);
	});

	it('leaves learning and new facts alone', () => {
		const learning = fixtureMemoryRow('kosovo', 'l', walkMemory([3]));
		expect(learning.state).toBe(1);
		expect(rescheduleRow(learning, { ...DEFAULT_SETTINGS, maximumInterval: 1 })).toBe(learning);
	});
});

describe('planReschedule', () => {
	const rows = ['a', 'b', 'c', 'd'].map((id) => inReview(id));
	const learning = fixtureMemoryRow('kosovo', 'l', walkMemory([3]));

	it('counts what moves, sooner or later, and what becomes due today', () => {
		const strict = { ...DEFAULT_SETTINGS, maximumInterval: 1 };
		const now = Math.min(...rows.map((row) => row.dueAt)) - 1;
		const plan = planReschedule([...rows, learning], strict, now);
		expect(plan.inReview).toBe(4);
		expect(plan.moved).toHaveLength(4);
		expect(plan.sooner).toBe(4);
		expect(plan.later).toBe(0);
		expect(plan.dueNow).toBe(4);
		expect(plan.moved.every((row) => row.scheduledDays === 1)).toBe(true);
		expect(describeReschedule(plan)).toMatch(/moves the due dates of 4 facts of the 4 in review/);
		expect(describeReschedule(plan)).toMatch(/4 facts would become due today/);
	});

	it('moves later with a lower retention, and nothing when the settings give the same', () => {
		const loose = planReschedule(rows, { ...DEFAULT_SETTINGS, desiredRetention: 0.8 }, 0);
		expect(loose.later).toBe(4);
		const again = planReschedule(loose.moved, { ...DEFAULT_SETTINGS, desiredRetention: 0.8 }, 0);
		expect(again.moved).toEqual([]);
		expect(describeReschedule(again)).toMatch(/nothing would move/);
		expect(describeReschedule(planReschedule([learning], DEFAULT_SETTINGS, 0))).toMatch(
			/No fact is in review/
		);
	});
});

describe('rescheduling and fuzz', () => {
	it('leaves a fact whose interval fuzz could have given, and moves one outside that range', () => {
		const row = inReview('a');
		const interval = plainInterval(row.stability, DEFAULT_SETTINGS);
		const [shortest, longest] = fuzzRange(interval, DEFAULT_SETTINGS);
		expect(longest).toBeGreaterThan(shortest);
		const fuzzed = {
			...row,
			scheduledDays: longest,
			dueAt: addStudyDays(row.lastReviewAt ?? 0, longest)
		};
		expect(rescheduleRow(fuzzed, DEFAULT_SETTINGS)).toBe(fuzzed);
		const outside = { ...fuzzed, scheduledDays: longest + 5 };
		expect(rescheduleRow(outside, DEFAULT_SETTINGS).scheduledDays).toBe(interval);
	});
});
