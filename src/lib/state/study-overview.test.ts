import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDeck } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { recordAnswer } from '$lib/db/study-repository';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { StudySession } from '$lib/state/study-session.svelte';
import { loadStudyOverview } from '$lib/state/study-overview';

const NOON = new Date(2026, 2, 12, 12).getTime();
const decks = new Map([
	['one', fixtureDeck(3, 'one')],
	['two', fixtureDeck(2, 'two')]
]);

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB(`overview-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
	await db.delete();
});

const deps = () => ({
	db: () => db,
	now: () => NOON,
	loadDeck: async (id: string) => decks.get(id)!,
	setTimer: () => () => undefined
});

describe('loadStudyOverview', () => {
	it('counts each deck’s cards and today’s answers as a study session of all decks does', async () => {
		for (const [deckId, factId, rating] of [
			['one', 'f1', 1],
			['one', 'f2', 4],
			['two', 'f1', 3]
		] as const) {
			await recordAnswer(db, {
				deckId,
				factId,
				itemId: `${factId}-mcq`,
				rating,
				now: NOON - 60 * 60_000,
				durationMs: 1_000,
				settings: DEFAULT_SETTINGS,
				origin: 'study'
			});
		}
		const overview = await loadStudyOverview(['one', 'two'], deps());
		expect(overview.decks.map((d) => [d.deckId, d.counts])).toEqual([
			['one', { new: 1, learning: 1, due: 0 }],
			['two', { new: 1, learning: 1, due: 0 }]
		]);
		expect(overview.total).toEqual({ new: 2, learning: 2, due: 0 });
		expect(overview.today).toEqual({ reviews: 3, newLearned: 3, learning: 0, reviewAnswers: 0 });

		const session = new StudySession(['one', 'two'], [], deps());
		await session.start();
		session.destroy();
		expect(session.counts).toEqual(overview.total);
		expect(session.today).toEqual(overview.today);
	});
});
