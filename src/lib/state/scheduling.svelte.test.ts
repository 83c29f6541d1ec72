import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkMemory } from '$fixtures/study-memory';
import { fixtureMemoryRow } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { getSettings, saveSettings } from '$lib/db/study-repository';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { Rescheduling, SchedulingLimits } from '$lib/state/scheduling.svelte';

let db: FactdeckDB;
let n = 0;
const BUILT_IN = [{ id: 'kosovo', title: 'Peacekeeping in Kosovo' }];
const memory = walkMemory([3, 3, 3, 3]);

// Own decks have ids that start with "my-" (as the app makes them); another id is a damaged row.
beforeEach(async () => {
	db = new FactdeckDB(`scheduling-state-${n++}`);
	await db.userDecks.put({
		id: 'my-notes',
		deck: { id: 'my-notes', title: 'My notes', facts: [], items: [], topics: [], sources: [] },
		createdAt: 1,
		updatedAt: 1
	} as never);
});
afterEach(async () => {
	await db.delete();
});

describe('SchedulingLimits', () => {
	it('lists the built-in decks and your own, each on the global retention at first', async () => {
		const limits = new SchedulingLimits(db);
		expect(limits.status).toBe('loading');
		await limits.load(BUILT_IN);
		expect(limits.status).toBe('ready');
		expect(limits.maximumIntervalText).toBe('36500');
		expect(limits.loadBalance).toBe(true);
		expect(limits.decks.map((deck) => [deck.deckId, deck.choice])).toEqual([
			['kosovo', ''],
			['my-notes', '']
		]);
	});

	it('saves the maximum interval, load balancing and a deck’s own retention, keeping the rest', async () => {
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		const limits = new SchedulingLimits(db);
		await limits.load(BUILT_IN);
		limits.maximumIntervalText = '120';
		limits.loadBalance = false;
		limits.decks[0].choice = '0.95';
		expect(await limits.save()).toBe(true);
		expect(limits.message).toMatch(/next answers/);
		expect(await getSettings(db)).toEqual({
			...DEFAULT_SETTINGS,
			newPerDay: 7,
			maximumInterval: 120,
			loadBalance: false,
			deckRetention: [{ deckId: 'kosovo', desiredRetention: 0.95 }]
		});
		const again = new SchedulingLimits(db);
		await again.load(BUILT_IN);
		expect(again.decks[0].choice).toBe('0.95');
		again.decks[0].choice = '';
		await again.save();
		expect((await getSettings(db)).deckRetention).toEqual([]);
	});

	it('refuses a wrong maximum interval with a plain message and writes nothing', async () => {
		const limits = new SchedulingLimits(db);
		await limits.load(BUILT_IN);
		limits.maximumIntervalText = '0';
		expect(await limits.save()).toBe(false);
		expect(limits.maximumIntervalError).toMatch(/from 1 to 36500/);
		expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
	});
});

describe('Rescheduling', () => {
	beforeEach(async () => {
		await db.memory.bulkPut(
			['a', 'b'].map((id) =>
				fixtureMemoryRow('kosovo', id, walkMemory([3, 3, 3, 3], `kosovo/${id}`))
			)
		);
		await db.memory.put(fixtureMemoryRow('kosovo', 'step', walkMemory([3])));
	});

	it('says what it will move first, then moves it when confirmed', async () => {
		await saveSettings(db, { ...DEFAULT_SETTINGS, maximumInterval: 2 });
		const state = new Rescheduling(db, () => memory.lastReviewAt ?? 0);
		await state.preview();
		expect(state.hasChanges).toBe(true);
		expect(state.planText).toMatch(
			/moves the due dates of 2 facts of the 2 in review \(2 sooner, 0 later\)/
		);
		expect((await db.memory.get('kosovo/a'))?.scheduledDays).not.toBe(2);
		await state.apply();
		expect(state.message).toBe('Rescheduled 2 facts: 2 sooner, 0 later.');
		expect(state.plan).toBeNull();
		expect((await db.memory.get('kosovo/a'))?.scheduledDays).toBe(2);
		expect((await db.memory.get('kosovo/step'))?.state).toBe(1);
	});

	it('changes nothing when cancelled', async () => {
		await saveSettings(db, { ...DEFAULT_SETTINGS, maximumInterval: 2 });
		const before = await db.memory.toArray();
		const state = new Rescheduling(db, () => 0);
		await state.preview();
		state.cancel();
		expect(state.planText).toBe('');
		expect(await db.memory.toArray()).toEqual(before);
	});
});
