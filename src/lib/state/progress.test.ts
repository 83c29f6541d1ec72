/**
 * The progress page's state on fake-indexeddb with a fixed clock: every figure loads, today's
 * numbers agree with the study session's, and a failure reaches the page in plain words.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDeck } from '$fixtures/study-deck';
import { fixtureAnswer } from '$fixtures/study-memory';
import { FactdeckDB } from '$lib/db/schema';
import { recordAnswer } from '$lib/db/study-repository';
import { progressDeck } from '$lib/domain/stats/progress-deck';
import { ProgressStats, type ProgressDeps } from '$lib/state/progress.svelte';
import { StudySession } from '$lib/state/study-session.svelte';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Noon UTC; the tests count days in UTC. */
const NOW = Date.parse('2026-03-12T12:00:00Z');
const ZONE = 'UTC';

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB(`progress-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
	await db.delete();
});

function deps(extra: Partial<ProgressDeps> = {}): ProgressDeps {
	return {
		db: () => db,
		now: () => NOW,
		timeZone: () => ZONE,
		...extra
	};
}

function answer(factId: string, rating: 1 | 2 | 3 | 4, now: number) {
	return recordAnswer(db, fixtureAnswer('fixture', factId, rating, now));
}

describe('ProgressStats', () => {
	it('loads today, the heatmap, retention, the forecast, fact states and quizzes', async () => {
		const yesterday = await answer('f1', 3, NOW - DAY);
		await answer('f2', 4, NOW - DAY);
		await answer('f1', 3, Math.max(yesterday.memory.dueAt, NOW - 2 * HOUR));
		await answer('f3', 1, NOW - HOUR);
		const stats = new ProgressStats(deps());
		expect(stats.status).toBe('loading');
		await stats.load([progressDeck(fixtureDeck(4))]);
		expect(stats.status).toBe('ready');
		expect(stats.today).toMatchObject({ reviews: 2, newLearned: 1, durationMs: 8_000, streak: 2 });
		expect(stats.heatmap).not.toBeNull();
		expect(stats.weeks).not.toBeNull();
		expect(stats.months).not.toBeNull();
		expect(stats.forecast?.total).toBeGreaterThan(0);
		expect(stats.decks).toHaveLength(1);
		expect(stats.decks?.[0].states.counts).toMatchObject({ new: 1 });
		expect(stats.quizzes?.count).toBe(0);
	});

	it('counts today as the study session does', async () => {
		const deck = fixtureDeck(3);
		const first = await answer('f1', 3, NOW - 3 * HOUR);
		await answer('f1', 3, first.memory.dueAt);
		await answer('f2', 1, NOW - HOUR);
		const stats = new ProgressStats(deps());
		await stats.load([progressDeck(deck)]);
		// The session counts in the process's zone, so the check runs in UTC like the page.
		const previous = process.env.TZ;
		process.env.TZ = ZONE;
		try {
			const session = new StudySession([deck.id], [], {
				db: () => db,
				now: () => NOW,
				loadDeck: async () => deck,
				setTimer: () => () => undefined
			});
			await session.start();
			session.destroy();
			expect(session.today.reviews).toBe(stats.today?.reviews);
			expect(session.today.newLearned).toBe(stats.today?.newLearned);
			expect(session.today).toEqual({ reviews: 3, newLearned: 2, learning: 1, reviewAnswers: 0 });
		} finally {
			if (previous === undefined) delete process.env.TZ;
			else process.env.TZ = previous;
		}
	});

	it('reads the kept totals, never the review log', async () => {
		await answer('f1', 3, NOW - HOUR);
		await answer('f2', 3, NOW - DAY);
		let logReads = 0;
		db.reviews.hook('reading', (row) => {
			logReads += 1;
			return row;
		});
		const stats = new ProgressStats(deps());
		await stats.load([]);
		expect(stats.today?.reviews).toBe(1);
		expect(stats.heatmap).not.toBeNull();
		expect(logReads).toBe(0);
	});

	it('names only the small tables to check for damage when the counts show none elsewhere', async () => {
		await answer('f1', 3, NOW - HOUR);
		const stats = new ProgressStats(deps());
		await stats.load([progressDeck(fixtureDeck(2))]);
		expect(stats.damageTables).toEqual(['userDecks', 'settings']);
	});

	it('adds the log and the memory rows to the check when their counts show rows left out', async () => {
		await answer('f1', 3, NOW - HOUR);
		// A review no page can count and a memory row missing from the schedule index, written
		// around the app's checks.
		await db.reviews.add({
			...(await db.reviews.toCollection().first())!,
			id: undefined,
			rating: 9 as never
		});
		await db.memory.put({
			...(await db.memory.toCollection().first())!,
			key: 'fixture/f9',
			dueAt: null as never
		});
		let logReads = 0;
		db.reviews.hook('reading', (row) => {
			logReads += 1;
			return row;
		});
		const stats = new ProgressStats(deps());
		await stats.load([]);
		expect(stats.damageTables).toEqual(['userDecks', 'settings', 'reviews', 'memory']);
		expect(stats.today?.reviews).toBe(1);
		// The first visit counts the log again, once; the next one trusts what that count kept.
		expect(logReads).toBe(2);
		const next = new ProgressStats(deps());
		await next.load([]);
		expect(next.damageTables).toContain('reviews');
		expect(logReads).toBe(2);
	});

	it('shows a storage failure in plain words', async () => {
		db.close({ disableAutoOpen: true });
		const stats = new ProgressStats(deps());
		await stats.load([]);
		expect(stats.status).toBe('error');
		expect(stats.errorMessage).toMatch(/updated in another tab/);
	});
});
