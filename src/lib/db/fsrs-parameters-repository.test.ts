import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import {
	getParameterRecord,
	loadOptimiserReviews,
	loadWorkloadCards,
	saveParameterRecord
} from '$lib/db/fsrs-parameters-repository';
import { getSettings, recordAnswer, setSuspended } from '$lib/db/study-repository';
import { applyRating } from '$lib/domain/study/fsrs-adapter';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import {
	DEFAULT_PARAMETERS,
	PARAMETERS_SETTING_KEY,
	applyParameters
} from '$lib/domain/study/optimise/parameters';

let db: FactdeckDB;
let n = 0;
beforeEach(() => {
	db = new FactdeckDB(`fsrs-params-${n++}`);
});
afterEach(async () => {
	await db.delete();
});

const FITTED = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 4 : w));
const NOW = Date.UTC(2025, 5, 1, 9);

describe('fsrs parameters repository', () => {
	it('reads the defaults when nothing (or something invalid) is stored', async () => {
		expect((await getParameterRecord(db)).current).toBeNull();
		await db.settings.put({ key: PARAMETERS_SETTING_KEY, value: { current: [1] } });
		expect((await getParameterRecord(db)).current).toBeNull();
		expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
	});

	it('saves a record that getSettings then hands to the scheduler', async () => {
		const record = applyParameters(await getParameterRecord(db), FITTED, NOW);
		await saveParameterRecord(db, record);
		expect(await getParameterRecord(db)).toEqual(record);
		const settings = await getSettings(db);
		expect(settings.parameters).toEqual(FITTED);
		// A first Good with four times the initial stability comes back later than by default.
		const own = applyRating(null, 'd/f', 3, NOW, settings);
		const byDefault = applyRating(null, 'd/f', 3, NOW, DEFAULT_SETTINGS);
		expect(own.stability).toBeCloseTo(FITTED[2], 4);
		expect(byDefault.stability).toBeCloseTo(DEFAULT_PARAMETERS[2], 4);
	});

	it('refuses to save an invalid record', async () => {
		await expect(
			saveParameterRecord(db, { current: [1, 2], updatedAt: NOW } as never)
		).rejects.toThrow();
		expect(await db.settings.get(PARAMETERS_SETTING_KEY)).toBeUndefined();
	});

	it('reads the review log with what the optimiser needs', async () => {
		await recordAnswer(db, {
			deckId: 'd',
			factId: 'f',
			itemId: 'i',
			rating: 3,
			now: NOW,
			durationMs: 1000,
			settings: DEFAULT_SETTINGS,
			origin: 'study'
		});
		await recordAnswer(db, {
			deckId: 'd',
			factId: 'f',
			itemId: 'i',
			rating: 2,
			now: NOW + 3 * 86_400_000,
			durationMs: 1000,
			settings: DEFAULT_SETTINGS,
			origin: 'quiz'
		});
		const reviews = await loadOptimiserReviews(db);
		expect(reviews.map((r) => [r.rating, r.elapsedDays, r.before?.state ?? null])).toEqual([
			[3, 0, null],
			[2, 3, 1]
		]);
	});

	it('reads studied, unsuspended facts for the workload in study days from today', async () => {
		const answer = (factId: string, rating: 1 | 3, now: number) =>
			recordAnswer(db, {
				deckId: 'd',
				factId,
				itemId: 'i',
				rating,
				now,
				durationMs: 1,
				settings: DEFAULT_SETTINGS,
				origin: 'study'
			});
		await answer('a', 3, NOW);
		await answer('a', 3, NOW + 20 * 60_000);
		await answer('b', 3, NOW);
		await setSuspended(db, 'd', 'b', true);
		await setSuspended(db, 'd', 'never-studied', true);
		const cards = await loadWorkloadCards(db, NOW + 2 * 86_400_000, DEFAULT_SETTINGS.dayStartHour);
		expect(cards).toHaveLength(1);
		expect(cards[0].lastReviewDay).toBe(-2);
		expect(cards[0].dueDay).toBeGreaterThanOrEqual(0);
		expect(cards[0].stability).toBeGreaterThan(0);
	});
});
