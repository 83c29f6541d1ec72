/**
 * One quiz attempt open in two tabs, as two QuizRuns on one database with a real
 * BroadcastChannel between them (Node has one): each question is answered and reaches the
 * scheduler once, a tab whose question was answered elsewhere moves on and says so, and a quiz
 * finished in one tab shows its result in the other instead of being submitted twice.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { discardAttempt, getAttempt } from '$lib/db/attempts-repository';
import type { QuizConfig } from '$lib/domain/quiz/quiz-session';
import { FINISHED_ELSEWHERE } from '$lib/domain/quiz/shared-attempt';
import { QuizRun } from '$lib/state/quiz-run.svelte';
import { openTabChannel, type TabChannel, type TabMessage } from '$lib/state/tab-sync';
import { fixtureDeck } from '$fixtures/study-deck';

const T0 = Date.UTC(2026, 2, 4, 9, 0, 0);
const deck = fixtureDeck(4, 'quizdeck');
const ids = ['f1-mcq', 'f2-mcq', 'f3-mcq'];
const config = (feedback: QuizConfig['feedback']): QuizConfig => ({
	count: 3,
	types: [],
	topics: [],
	feedback,
	seed: 7
});

let db: FactdeckDB;
let channelName: string;
let now: number;
const cleanups: Array<() => void> = [];

beforeEach(() => {
	db = new FactdeckDB('quiz-tabs-' + Math.random().toString(36).slice(2));
	channelName = `quiz-tabs-${Math.random().toString(36).slice(2)}`;
	now = T0;
});
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) cleanup();
	await db.delete();
});

function channel(): TabChannel {
	const opened = openTabChannel(channelName);
	cleanups.push(() => opened.close());
	return opened;
}

function watch(run: QuizRun): QuizRun {
	cleanups.push(run.watchTabs(() => now));
	return run;
}

/** A quiz started in one tab and resumed (from the resume prompt) in a second. */
async function twoTabs(feedback: QuizConfig['feedback']): Promise<[QuizRun, QuizRun]> {
	const first = watch(await QuizRun.start(db, deck, config(feedback), now, ids, channel()));
	return [first, watch(await resume(first, channel()))];
}

/** The same attempt opened in another tab (from the resume prompt). */
async function resume(run: QuizRun, tabs?: TabChannel): Promise<QuizRun> {
	const resumed = await QuizRun.resume(db, deck, run.attempt, now, tabs);
	if (!resumed) throw new Error('the attempt is gone');
	return resumed;
}

describe('a quiz open in two tabs', () => {
	it('answers each question once: the second tab moves on, says so, and records no second review', async () => {
		const [a, b] = await twoTabs('end');
		a.draft = 'wrong-1-f1';
		now += 3_000;
		await a.submit(now);
		expect(a.index).toBe(1);
		// The second tab heard of it and left the question it showed.
		await expect.poll(() => b.index).toBe(1);
		expect(b.otherTabNotice).toMatch(/Question 1 was answered in another tab/);
		expect(b.attempt.answers['f1-mcq']).toBe('wrong-1-f1');

		// A tab that did not hear (no channel) is refused at the database: the first answer stays.
		const deaf = await resume(a);
		const late = await resume(a);
		deaf.draft = 'answer-f2';
		await deaf.submit(now + 1_000);
		late.draft = 'wrong-2-f2';
		await late.submit(now + 2_000);
		expect(late.otherTabNotice).toMatch(/Question 2 was answered in another tab/);
		expect(late.index).toBe(2);
		const stored = await getAttempt(db, a.attempt.id);
		expect(stored?.answers).toEqual({ 'f1-mcq': 'wrong-1-f1', 'f2-mcq': 'answer-f2' });
		// One review: the wrong answer to question 1; the refused wrong answer to 2 made none.
		expect((await db.reviews.toArray()).map((r) => r.itemId)).toEqual(['f1-mcq']);
	});

	it('a quiz finished in one tab shows its result in the other, submitted once', async () => {
		const [a, b] = await twoTabs('immediate');
		for (const id of ids) {
			a.draft = `answer-${id.split('-')[0]}`;
			now += 1_000;
			await a.submit(now);
			await a.next(now);
		}
		expect(a.phase).toBe('results');
		expect(a.otherTabNotice).toBe('');
		const submittedAt = a.attempt.submittedAt;
		await expect.poll(() => b.phase).toBe('results');
		expect(b.otherTabNotice).toBe(FINISHED_ELSEWHERE);
		expect(b.score.correct).toBe(3);
		// A late finish from the other tab changes nothing.
		await b.finish(now + 60_000);
		expect((await getAttempt(db, a.attempt.id))?.submittedAt).toBe(submittedAt);
		expect(await db.attempts.count()).toBe(1);
	});

	it('the tab that answers the last question finishes the quiz; the other shows that result', async () => {
		// Tabs whose messages arrive at once: the other tab starts following before this one has
		// gone on, the order in which a browser's two tabs raced to submit.
		const listeners = new Map<TabChannel, Array<(message: TabMessage) => void>>();
		const instant = (): TabChannel => {
			const own: Array<(message: TabMessage) => void> = [];
			const tab: TabChannel = {
				post: (message) => {
					for (const [other, heard] of listeners)
						if (other !== tab) heard.forEach((l) => l(message));
				},
				listen: (listener) => {
					own.push(listener);
					return () => own.splice(own.indexOf(listener), 1);
				},
				close: () => listeners.delete(tab)
			};
			listeners.set(tab, own);
			return tab;
		};
		const a = watch(await QuizRun.start(db, deck, config('end'), now, ids, instant()));
		const b = watch(await resume(a, instant()));
		for (const id of ids) {
			a.draft = `answer-${id.split('-')[0]}`;
			now += 1_000;
			await a.submit(now);
		}
		expect(a.phase).toBe('results');
		expect(a.otherTabNotice).toBe('');
		expect(a.attempt.submittedAt).toBe(now);
		await expect.poll(() => b.phase).toBe('results');
		expect(b.otherTabNotice).toBe(FINISHED_ELSEWHERE);
	});

	it('a tab still on feedback when the other finished shows that result at Next', async () => {
		const a = await QuizRun.start(db, deck, config('immediate'), now, ids);
		const b = await resume(a);
		a.draft = 'answer-f1';
		await a.submit(now + 1_000);
		// The second tab (deaf) answers 2 and 3 and finishes while the first shows feedback.
		b.draft = 'answer-f2';
		await b.submit(now + 2_000);
		expect(b.index).toBe(1);
		expect(b.otherTabNotice).toMatch(/Question 1 was answered/);
		b.draft = 'answer-f2';
		await b.submit(now + 3_000);
		await b.next(now + 3_500);
		b.draft = 'answer-f3';
		await b.submit(now + 4_000);
		await b.next(now + 4_500);
		expect(b.phase).toBe('results');
		await a.next(now + 5_000);
		expect(a.phase).toBe('results');
		expect(a.otherTabNotice).toBe(FINISHED_ELSEWHERE);
		expect(a.score.correct).toBe(3);
	});

	it('a quiz resumed from a stale prompt after it was finished shows the result; a discarded one says so', async () => {
		const a = await QuizRun.start(db, deck, config('end'), now, ids);
		const staleRow = a.attempt;
		for (const id of ids) {
			a.draft = `answer-${id.split('-')[0]}`;
			await a.submit(now);
		}
		const b = (await QuizRun.resume(db, deck, staleRow, now))!;
		expect(b.phase).toBe('results');
		expect(b.otherTabNotice).toBe(FINISHED_ELSEWHERE);

		const c = await QuizRun.start(db, deck, config('end'), now, ids);
		const d = await resume(c);
		await discardAttempt(db, c.attempt.id);
		d.draft = 'answer-f1';
		await d.submit(now);
		expect(d.isGone).toBe(true);
		expect(d.otherTabNotice).toMatch(/discarded in another tab/);
		expect(await QuizRun.resume(db, deck, c.attempt, now)).toBeNull();
	});
});
