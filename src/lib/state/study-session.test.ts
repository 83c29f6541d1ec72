/**
 * A study session driven through whole sessions on fake-indexeddb, with a fixed clock that the
 * test moves: answer, change of rating, undo, leech, waiting for a learning card, day boundary.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDeck, fixtureMemoryRow, fixtureSnapshot } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { saveSettings } from '$lib/db/study-repository';
import { LEECH_LAPSES } from '$lib/domain/study/answer-outcome';
import { applyRating } from '$lib/domain/study/fsrs-adapter';
import { nextStudyDayStart } from '$lib/domain/study/study-day';
import { DEFAULT_SETTINGS, type StudySettings } from '$lib/domain/study/study-settings';
import type { Deck, McqItem } from '$lib/domain/types';
import { StudySession } from '$lib/state/study-session.svelte';

const MINUTE = 60_000;
/** Local noon, so the study day (from 04:00) holds in whatever zone the tests run. */
const NOON = new Date(2026, 2, 12, 12).getTime();

let db: FactdeckDB;
let now: number;
let sessions: StudySession[];
/** Timers the session set, fired by the test when it moves the clock past them. */
let timers: Array<{ run: () => void; at: number; isLive: boolean }>;

beforeEach(() => {
	db = new FactdeckDB(`session-${Math.random().toString(36).slice(2)}`);
	now = NOON;
	sessions = [];
	timers = [];
});

function setTimer(run: () => void, ms: number): () => void {
	const timer = { run, at: now + ms, isLive: true };
	timers.push(timer);
	return () => (timer.isLive = false);
}

/** Moves the clock to `to` and runs the timers due by then; waits for what they started. */
async function advanceTo(to: number): Promise<void> {
	now = to;
	for (const timer of timers.filter((t) => t.isLive && t.at <= now)) {
		timer.isLive = false;
		timer.run();
	}
	// Let the reads a timer started finish (fake-indexeddb answers on later macrotasks).
	for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const liveTimers = () => timers.filter((t) => t.isLive);

afterEach(async () => {
	for (const session of sessions) session.destroy();
	await db.delete();
});

async function startSession(deck: Deck, settings?: Partial<StudySettings>): Promise<StudySession> {
	if (settings) await saveSettings(db, { ...DEFAULT_SETTINGS, ...settings });
	const session = new StudySession([deck.id], [], {
		db: () => db,
		now: () => now,
		loadDeck: async (id) => {
			if (id !== deck.id) throw new Error(`no deck ${id}`);
			return deck;
		},
		setTimer
	});
	sessions.push(session);
	await session.start();
	return session;
}

function shownItem(session: StudySession): McqItem {
	const item = session.card?.item;
	if (item?.type !== 'mcq') throw new Error(`expected an mcq card, got ${item?.type}`);
	return item;
}

/** Answers the card on screen right (or wrong) by choosing an option. */
async function answerShown(session: StudySession, isRight: boolean): Promise<void> {
	const item = shownItem(session);
	now += 5_000;
	await session.choose(isRight ? item.answer : item.options.find((o) => o !== item.answer)!);
}

describe('StudySession', () => {
	it('shows new facts in deck order and saves an answer when it is checked', async () => {
		const session = await startSession(fixtureDeck(3));
		expect(session.status).toBe('studying');
		expect(session.card?.fact.id).toBe('f1');
		expect(session.card?.isNew).toBe(true);
		expect(session.counts).toEqual({ new: 3, learning: 0, due: 0 });

		await answerShown(session, true);
		expect(session.phase).toBe('answered');
		expect(session.grade?.isCorrect).toBe(true);
		expect(session.chosenRating).toBe(3);
		// Saved at Check, before Continue: a reload now loses nothing.
		const [review] = await db.reviews.toArray();
		expect(review).toMatchObject({ factId: 'f1', itemId: 'f1-mcq', rating: 3, durationMs: 5_000 });
		expect((await db.memory.get('fixture/f1'))?.reps).toBe(1);

		await session.continue();
		expect(session.card?.fact.id).toBe('f2');
		expect(session.today).toEqual({ reviews: 1, newLearned: 1, learning: 0, reviewAnswers: 0 });
		expect(session.counts.new).toBe(2);
		expect(await db.reviews.count()).toBe(1);
	});

	it('rewrites the same review when the rating changes before Continue', async () => {
		const session = await startSession(fixtureDeck(2));
		await answerShown(session, true);
		const answeredAt = now;
		await session.selectRating(1);
		await session.selectRating(4);
		const reviews = await db.reviews.toArray();
		expect(reviews).toHaveLength(1);
		expect(reviews[0].rating).toBe(4);
		const expected = applyRating(null, 'fixture/f1', 4, answeredAt, DEFAULT_SETTINGS);
		expect(reviews[0].after).toEqual(expected);
		expect(await db.memory.get('fixture/f1')).toMatchObject(expected);
		await session.continue();
		expect(await db.reviews.count()).toBe(1);
		expect(session.card?.fact.id).toBe('f2');
	});

	it('takes a rating change and Continue pressed while the answer is still being saved', async () => {
		const session = await startSession(fixtureDeck(2));
		const item = shownItem(session);
		const checking = session.choose(item.answer);
		expect(session.isBusy).toBe(false);
		const changing = session.selectRating(2);
		const going = session.continue();
		await Promise.all([checking, changing, going]);
		const reviews = await db.reviews.toArray();
		expect(reviews.map((r) => r.rating)).toEqual([2]);
		expect(session.card?.fact.id).toBe('f2');
		expect(session.message).toBe('Saved as Hard.');
	});

	it('undoes the last answer: the review goes, the memory is restored, the card is back', async () => {
		const session = await startSession(fixtureDeck(3));
		await answerShown(session, true);
		await session.continue();
		expect(session.card?.fact.id).toBe('f2');
		expect(session.canUndo).toBe(true);

		await session.undo();
		expect(session.card?.fact.id).toBe('f1');
		expect(session.card?.isNew).toBe(true);
		expect(session.phase).toBe('question');
		expect(await db.reviews.count()).toBe(0);
		expect(await db.memory.get('fixture/f1')).toBeUndefined();
		expect(session.canUndo).toBe(false);
		await session.undo();
		expect(session.message).toBe('Nothing to undo in this session.');
	});

	it('undoes an answer saved at Check before the learner went on', async () => {
		const session = await startSession(fixtureDeck(2));
		await answerShown(session, false);
		expect(await db.reviews.count()).toBe(1);
		await session.undo();
		expect(await db.reviews.count()).toBe(0);
		expect(session.card?.fact.id).toBe('f1');
		expect(session.phase).toBe('question');
	});

	it('flags a leech on the lapse that reaches the limit, and suspends it on request', async () => {
		const lapsed = fixtureSnapshot(2, 30, NOON - MINUTE, { lapses: LEECH_LAPSES - 1 });
		await db.memory.put(fixtureMemoryRow('fixture', 'f1', lapsed));
		const session = await startSession(fixtureDeck(2));
		expect(session.card?.fact.id).toBe('f1');
		expect(session.counts.due).toBe(1);

		await answerShown(session, false);
		expect(session.chosenRating).toBe(1);
		expect(session.leech?.fact.id).toBe('f1');
		expect((await db.memory.get('fixture/f1'))?.leech).toBe(1);

		// Changing the rating to a pass takes the lapse, and so the leech, back.
		await session.selectRating(3);
		expect(session.leech).toBeNull();
		expect((await db.memory.get('fixture/f1'))?.leech).toBe(0);
		await session.selectRating(1);
		expect(session.leech?.fact.id).toBe('f1');

		await session.suspendLeech();
		expect((await db.memory.get('fixture/f1'))?.suspended).toBe(1);
		expect(session.leech).toBeNull();
		expect(session.card?.fact.id).toBe('f2');
	});

	it('leaves out a fact whose memory row is damaged and studies the rest', async () => {
		// Due now, but its schedule cannot be read: shown, it could never be graded.
		const damaged = { ...fixtureSnapshot(2, 30, NOON - MINUTE), stability: null, difficulty: 'x' };
		await db.memory.put(fixtureMemoryRow('fixture', 'f1', damaged as never));
		const session = await startSession(fixtureDeck(2));
		expect(session.status).toBe('studying');
		expect(session.card?.fact.id).toBe('f2');
		await answerShown(session, true);
		expect(await db.reviews.count()).toBe(1);
		expect((await db.memory.get('fixture/f1'))?.stability).toBeNull();
	});

	it('waits for a learning card due within minutes, then shows it when it falls due', async () => {
		const session = await startSession(fixtureDeck(1));
		await answerShown(session, false);
		await session.continue();
		expect(session.status).toBe('waiting');
		expect(session.card).toBeNull();
		const dueAt = (await db.memory.get('fixture/f1'))!.dueAt;
		expect(session.waitUntil).toBe(dueAt);
		expect(dueAt - now).toBeLessThanOrEqual(10 * MINUTE);

		// The session polls while it waits: not yet before the card is due, then it shows it.
		await advanceTo(dueAt - 1);
		expect(session.status).toBe('waiting');
		expect(session.now).toBe(dueAt - 1);
		expect(liveTimers()).toHaveLength(1);
		await advanceTo(dueAt + 10_000);
		expect(session.status).toBe('studying');
		expect(liveTimers()).toHaveLength(0);
		expect(session.card?.fact.id).toBe('f1');
		expect(session.card?.isNew).toBe(false);
		expect(session.counts).toEqual({ new: 0, learning: 1, due: 0 });
	});

	it('stops at the daily new limit and starts again when the next study day begins', async () => {
		const session = await startSession(fixtureDeck(3), { newPerDay: 1 });
		expect(session.counts.new).toBe(1);
		await answerShown(session, true);
		await session.selectRating(4); // Easy: straight to review, due on a later day
		await session.continue();
		expect(session.status).toBe('done');
		expect(session.doneMessage).toMatch(/1 new fact tomorrow/);
		expect(session.today.newLearned).toBe(1);

		now = nextStudyDayStart(now, DEFAULT_SETTINGS.dayStartHour) - 1;
		await session.refresh();
		expect(session.status).toBe('done');
		now += 1;
		await session.refresh();
		expect(session.status).toBe('studying');
		expect(session.card?.fact.id).toBe('f2');
		expect(session.today).toEqual({ reviews: 0, newLearned: 0, learning: 0, reviewAnswers: 0 });
	});

	it('left open when done, shows the new study day’s cards when that day begins', async () => {
		const session = await startSession(fixtureDeck(2), { newPerDay: 1 });
		await answerShown(session, true);
		await session.selectRating(4);
		await session.continue();
		expect(session.status).toBe('done');
		const dayStart = nextStudyDayStart(now, DEFAULT_SETTINGS.dayStartHour);
		expect(liveTimers().map((t) => t.at)).toEqual([dayStart]);
		await advanceTo(dayStart - 60_000);
		expect(session.status).toBe('done');
		await advanceTo(dayStart);
		expect(session.status).toBe('studying');
		expect(session.card?.fact.id).toBe('f2');
		expect(session.counts.new).toBe(1);
	});

	it('stops its timers when the screen goes away', async () => {
		const session = await startSession(fixtureDeck(1));
		await answerShown(session, false);
		await session.continue();
		expect(session.status).toBe('waiting');
		session.destroy();
		expect(liveTimers()).toHaveLength(0);
	});

	it('shows the failure in plain words when the deck cannot be loaded', async () => {
		const session = new StudySession(['missing'], [], {
			db: () => db,
			now: () => now,
			loadDeck: () => Promise.reject(new TypeError('Failed to fetch')),
			setTimer
		});
		await session.start();
		expect(session.status).toBe('error');
		expect(session.error).toMatch(/could not reach the network/);
	});
});
