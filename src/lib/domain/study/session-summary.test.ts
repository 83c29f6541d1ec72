import { describe, expect, it } from 'vitest';
import { walkMemory } from '$fixtures/study-memory';
import { formatInterval, formatRelative } from '$lib/domain/study/interval-labels';
import {
	combineDone,
	shouldWait,
	summariseDone,
	WAIT_WINDOW_MS,
	waitMessage
} from '$lib/domain/study/session-summary';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';

const MINUTE = 60_000;

const HOUR = 60 * MINUTE;

const DAY = 24 * HOUR;

/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();

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
		const review = { ...walkMemory([3]), state: 2 as const };
		expect(formatInterval({ ...review, scheduledDays: 3 }, NOON)).toBe('3d');
		expect(formatInterval({ ...review, scheduledDays: 60 }, NOON)).toBe('2mo');
		expect(formatInterval({ ...review, scheduledDays: 45 }, NOON)).toBe('1.5mo');
		expect(formatInterval({ ...review, scheduledDays: 730 }, NOON)).toBe('2y');
		expect(formatInterval({ ...review, state: 1, dueAt: NOON + 5 * HOUR }, NOON)).toBe('5h');
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
