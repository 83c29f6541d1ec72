import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureAnswer, walkMemory } from '$fixtures/study-memory';
import { fixtureMemoryRow } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { balancePreview, countReviewsDueByDay } from '$lib/db/load-balance-repository';
import { recordAnswer, recordAnswerIfUnchanged } from '$lib/db/study-repository';
import { answerFuzzWindow, answerOutcome, snapshotOf } from '$lib/domain/study/answer-outcome';
import { previewIntervals } from '$lib/domain/study/fsrs-adapter';
import { formatInterval } from '$lib/domain/study/interval-labels';
import { addStudyDays } from '$lib/domain/study/study-day';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB('test-' + Math.random().toString(36).slice(2));
});

afterEach(async () => {
	await db.delete();
});

const memory = walkMemory([3, 3, 3]);
const now = memory.dueAt;

/** `count` unsuspended facts in review due `days` study days after `now`. */
async function dueLater(days: number, count: number, prefix = `d${days}`) {
	const rows = Array.from({ length: count }, (_, i) =>
		fixtureMemoryRow('other', `${prefix}-${i}`, {
			...memory,
			dueAt: addStudyDays(now, days) + i * 60_000
		})
	);
	await db.memory.bulkPut(rows);
}

describe('countReviewsDueByDay', () => {
	it('counts unsuspended reviews due on each study day, and nothing else', async () => {
		await dueLater(3, 2);
		await dueLater(5, 4);
		await db.memory.put(
			fixtureMemoryRow(
				'other',
				'held',
				{ ...memory, dueAt: addStudyDays(now, 3) },
				{ suspended: 1 }
			)
		);
		await db.memory.put(
			fixtureMemoryRow('other', 'step', { ...walkMemory([3]), dueAt: addStudyDays(now, 3) })
		);
		expect(await countReviewsDueByDay(db, now, [2, 3, 4, 5], 4)).toEqual([0, 2, 0, 4]);
	});
});

describe('recordAnswer with load balancing', () => {
	const input = fixtureAnswer('kosovo', 'kfor-founded', 3, now);
	const row = fixtureMemoryRow('kosovo', 'kfor-founded', memory);

	it('keeps the fuzzed day on an empty schedule', async () => {
		await db.memory.put(row);
		const plain = answerOutcome(row, input);
		const { memory: written } = await recordAnswer(db, input);
		expect(written).toEqual(plain.memory);
	});

	it('moves the due day off a crowded day within the fuzz range, logging the day it chose', async () => {
		const window = answerFuzzWindow(row, input);
		expect(window).not.toBeNull();
		if (!window) return;
		const plain = answerOutcome(row, input);
		// Every day of the range is crowded but one.
		const free = window.fuzzedDays === window.minDays ? window.maxDays : window.minDays;
		for (let day = window.minDays; day <= window.maxDays; day++) {
			if (day !== free) await dueLater(day, 30);
		}
		await db.memory.put(row);
		const { memory: written, review } = await recordAnswer(db, input);
		expect(written.scheduledDays).toBe(free);
		expect(written.dueAt).toBe(addStudyDays(now, free));
		expect(written.stability).toBe(plain.memory.stability);
		const logged = await db.reviews.get(review.id ?? -1);
		expect(logged?.after.dueAt).toBe(written.dueAt);
		expect(logged?.before).toEqual(plain.review.before);
	});

	it('balances a study answer too (the one refused when another tab answered first)', async () => {
		const window = answerFuzzWindow(row, input);
		if (!window) throw new Error('expected a fuzz window');
		const free = window.fuzzedDays === window.minDays ? window.maxDays : window.minDays;
		for (let day = window.minDays; day <= window.maxDays; day++) {
			if (day !== free) await dueLater(day, 30);
		}
		await db.memory.put(row);
		const answered = await recordAnswerIfUnchanged(db, input, snapshotOf(row));
		expect(answered?.memory.scheduledDays).toBe(free);
		expect(answered?.memory.dueAt).toBe(addStudyDays(now, free));
		expect((await db.reviews.get(answered?.review.id ?? -1))?.after.dueAt).toBe(
			addStudyDays(now, free)
		);
	});

	it('changes nothing when load balancing is off', async () => {
		const window = answerFuzzWindow(row, input);
		if (!window) throw new Error('expected a fuzz window');
		await dueLater(window.fuzzedDays, 50);
		await db.memory.put(row);
		const off = { ...input, settings: { ...DEFAULT_SETTINGS, loadBalance: false } };
		const { memory: written } = await recordAnswer(db, off);
		expect(written).toEqual(answerOutcome(row, off).memory);
	});
});

describe('balancePreview', () => {
	const input = fixtureAnswer('kosovo', 'kfor-founded', 3, now);
	const row = fixtureMemoryRow('kosovo', 'kfor-founded', memory);

	it('labels the grade buttons with the interval the answer will get', async () => {
		const window = answerFuzzWindow(row, input);
		if (!window) throw new Error('expected a fuzz window');
		for (let day = window.minDays; day <= window.maxDays; day++) {
			if (day !== window.maxDays) await dueLater(day, 30);
		}
		await db.memory.put(row);
		const plain = previewIntervals(memory, row.key, now, DEFAULT_SETTINGS);
		const balanced = await balancePreview(
			db,
			memory,
			'kosovo',
			'kfor-founded',
			now,
			DEFAULT_SETTINGS,
			plain
		);
		const { memory: written } = await recordAnswer(db, input);
		expect(balanced[3].after.dueAt).toBe(written.dueAt);
		expect(balanced[3].after.scheduledDays).toBe(window.maxDays);
		expect(balanced[3].label).toBe(formatInterval(written, now));
		// Again stays a relearning step, untouched.
		expect(balanced[1]).toEqual(plain[1]);
	});

	it('is the preview as given when load balancing is off', async () => {
		const off = { ...DEFAULT_SETTINGS, loadBalance: false };
		const plain = previewIntervals(memory, row.key, now, off);
		expect(await balancePreview(db, memory, 'kosovo', 'kfor-founded', now, off, plain)).toBe(plain);
	});
});
