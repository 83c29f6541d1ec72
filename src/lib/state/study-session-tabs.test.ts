/**
 * Two study sessions on one database, as two tabs of one browser: each hears the other's answers
 * over a real BroadcastChannel (Node has one), never reviews a fact the other answered since it
 * was drawn, and undoes only its own answers.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDeck } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { recordAnswer } from '$lib/db/study-repository';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { Deck, McqItem } from '$lib/domain/types';
import { StudySession } from '$lib/state/study-session.svelte';
import { openTabChannel, type TabChannel } from '$lib/state/tab-sync';

const NOON = new Date(2026, 2, 12, 12).getTime();
let db: FactdeckDB;
let now: number;
let channelName: string;
const cleanups: Array<() => void> = [];

beforeEach(() => {
	db = new FactdeckDB(`tabs-${Math.random().toString(36).slice(2)}`);
	channelName = `tabs-test-${Math.random().toString(36).slice(2)}`;
	now = NOON;
});

afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) cleanup();
	await db.delete();
});

/** One tab: a session with its own channel (or none) over the shared database. */
async function openTab(deck: Deck, isListening = true): Promise<StudySession> {
	const channel: TabChannel | undefined = isListening ? openTabChannel(channelName) : undefined;
	const session = new StudySession([deck.id], [], {
		db: () => db,
		now: () => now,
		loadDeck: async () => deck,
		setTimer: () => () => undefined,
		tabs: channel ? () => channel : undefined
	});
	cleanups.push(() => {
		session.destroy();
		channel?.close();
	});
	await session.start();
	return session;
}

function mcq(session: StudySession): McqItem {
	const item = session.card?.item;
	if (item?.type !== 'mcq') throw new Error(`expected an mcq card, got ${item?.type}`);
	return item;
}

/** Answers the card on screen right and goes on. */
async function answerRight(session: StudySession): Promise<string> {
	const factId = session.card!.fact.id;
	now += 2_000;
	await session.choose(mcq(session).answer);
	await session.continue();
	return factId;
}

async function reviewedFacts(): Promise<string[]> {
	return (await db.reviews.orderBy('id').toArray()).map((r) => r.factId);
}

describe('two study tabs', () => {
	it('drop a card the other tab answered since it was drawn and draw the next', async () => {
		const deck = fixtureDeck(6);
		const a = await openTab(deck);
		const b = await openTab(deck);
		expect(a.card?.fact.id).toBe('f1');
		expect(b.card?.fact.id).toBe('f1');

		expect(await answerRight(a)).toBe('f1');
		await expect.poll(() => b.card?.fact.id).toBe('f2');
		expect(b.message).toMatch(/answered in another tab/);
		expect(b.phase).toBe('question');

		// A moved on to f2 too; B answers it first, and A drops it.
		expect(a.card?.fact.id).toBe('f2');
		expect(await answerRight(b)).toBe('f2');
		await expect.poll(() => a.card?.fact.id).toBe('f3');
		expect(await reviewedFacts()).toEqual(['f1', 'f2']);
	});

	it('refuse an answer to a fact answered since it was drawn even with no message', async () => {
		const deck = fixtureDeck(3);
		const a = await openTab(deck, false);
		const b = await openTab(deck, false);
		await answerRight(a);
		expect(b.card?.fact.id).toBe('f1');
		now += 1_000;
		await b.choose(mcq(b).answer);
		// Nothing written: the fact was answered once in this drawing, by A.
		expect(await reviewedFacts()).toEqual(['f1']);
		expect(b.card?.fact.id).toBe('f2');
		expect(b.phase).toBe('question');
		expect(b.message).toMatch(/answered in another tab/);
		expect(b.canUndo).toBe(false);
	});

	it("undo in each tab takes back that tab's own newest answer", async () => {
		const deck = fixtureDeck(6);
		const a = await openTab(deck);
		const b = await openTab(deck);
		await answerRight(a); // f1
		await expect.poll(() => b.card?.fact.id).toBe('f2');
		await answerRight(b); // f2
		await expect.poll(() => a.card?.fact.id).toBe('f3');
		await answerRight(a); // f3
		await expect.poll(() => b.card?.fact.id).toBe('f4');
		await answerRight(b); // f4
		expect(await reviewedFacts()).toEqual(['f1', 'f2', 'f3', 'f4']);

		// B gave the newest answer; A's undo still takes back A's own (f3), not B's.
		await a.undo();
		expect(await reviewedFacts()).toEqual(['f1', 'f2', 'f4']);
		expect(a.card?.fact.id).toBe('f3');
		expect(await db.memory.get('fixture/f3')).toBeUndefined();
		await b.undo();
		expect(await reviewedFacts()).toEqual(['f1', 'f2']);
		expect(b.card?.fact.id).toBe('f4');
		await a.undo();
		expect(await reviewedFacts()).toEqual(['f2']);
		expect(a.canUndo).toBe(false);
		await b.undo();
		expect(await reviewedFacts()).toEqual([]);
	});

	it('refuse to undo an answer another tab has built on', async () => {
		const deck = fixtureDeck(3);
		const a = await openTab(deck, false);
		await answerRight(a); // f1
		now += 60_000;
		// Another tab (or a quiz) answered f1 again after A did.
		await recordAnswer(db, {
			deckId: 'fixture',
			factId: 'f1',
			itemId: 'f1-mcq',
			rating: 3,
			now,
			durationMs: 1_000,
			settings: DEFAULT_SETTINGS,
			origin: 'study'
		});
		await a.undo();
		expect(a.message).toMatch(/cannot be taken back/);
		expect(await reviewedFacts()).toEqual(['f1', 'f1']);
		expect(a.canUndo).toBe(false);
	});
});
