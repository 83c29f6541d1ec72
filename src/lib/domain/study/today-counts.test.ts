import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '$fixtures/study-deck';
import {
	addCounts,
	countAnswers,
	newLeftToday,
	NO_ANSWERS,
	reviewsLeftToday
} from '$lib/domain/study/today-counts';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { MemorySnapshot } from '$lib/domain/types';

const before = (state: MemorySnapshot['state'] | null) => ({
	before: state === null ? null : fixtureSnapshot(state, 5, 0)
});

describe('countAnswers', () => {
	it('counts every answer once, and sorts it as new, learning or review', () => {
		const rows = [before(null), before(0), before(1), before(3), before(2), before(2)];
		expect(countAnswers(rows)).toEqual({
			reviews: 6,
			newLearned: 2,
			learning: 2,
			reviewAnswers: 2
		});
		expect(countAnswers([])).toEqual(NO_ANSWERS);
	});

	it('adds the counts of several decks', () => {
		const a = countAnswers([before(null), before(2)]);
		const b = countAnswers([before(1)]);
		expect(addCounts([a, b])).toEqual(countAnswers([before(null), before(2), before(1)]));
		expect(addCounts([])).toEqual(NO_ANSWERS);
	});
});

describe('the daily limits', () => {
	it('leave the limit minus what was done, never below zero', () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 3, reviewsPerDay: 5 };
		const today = { reviews: 9, newLearned: 2, learning: 3, reviewAnswers: 4 };
		expect(newLeftToday(settings, today)).toBe(1);
		expect(reviewsLeftToday(settings, today)).toBe(1);
		const spent = { ...today, newLearned: 7, reviewAnswers: 8 };
		expect(newLeftToday(settings, spent)).toBe(0);
		expect(reviewsLeftToday(settings, spent)).toBe(0);
	});
});
