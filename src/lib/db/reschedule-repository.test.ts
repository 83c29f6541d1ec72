import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkMemory } from '$fixtures/study-memory';
import { fixtureMemoryRow } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { previewReschedule, rescheduleReviews } from '$lib/db/reschedule-repository';
import { saveSettings } from '$lib/db/study-repository';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB('test-' + Math.random().toString(36).slice(2));
});

afterEach(async () => {
	await db.delete();
});

const rows = ['a', 'b', 'c'].map((id) =>
	fixtureMemoryRow('kosovo', id, walkMemory([3, 3, 3, 3], `kosovo/${id}`), {
		suspended: id === 'c' ? 1 : 0
	})
);
const learning = fixtureMemoryRow('kosovo', 'l', walkMemory([3]));

describe('rescheduling', () => {
	it('tells what would move without writing, then moves exactly that in one go', async () => {
		await db.memory.bulkPut([...rows, learning]);
		await saveSettings(db, { ...DEFAULT_SETTINGS, maximumInterval: 3 });
		const before = await db.memory.toArray();
		const preview = await previewReschedule(db, 0);
		expect(preview.inReview).toBe(3);
		expect(preview.moved).toHaveLength(3);
		expect(await db.memory.toArray()).toEqual(before);

		const done = await rescheduleReviews(db, 0);
		expect(done.moved).toEqual(preview.moved);
		for (const id of ['a', 'b', 'c']) {
			expect((await db.memory.get(`kosovo/${id}`))?.scheduledDays).toBe(3);
		}
		expect(await db.memory.get('kosovo/l')).toEqual(learning);
		expect((await previewReschedule(db, 0)).moved).toEqual([]);
	});

	it('writes nothing when the transaction fails', async () => {
		await db.memory.bulkPut(rows);
		await saveSettings(db, { ...DEFAULT_SETTINGS, maximumInterval: 3 });
		const before = await db.memory.toArray();
		db.memory.hook('updating', () => {
			throw new Error('disk full');
		});
		await expect(rescheduleReviews(db, 0)).rejects.toThrow();
		db.close();
		const reopened = new FactdeckDB(db.name);
		expect(await reopened.memory.toArray()).toEqual(before);
		reopened.close();
	});
});
