import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { findUnfinished, getAttempt } from '$lib/db/attempts-repository';
import { QuizRun, NO_ANSWER } from '$lib/state/quiz-run.svelte';
import { factKey } from '$lib/domain/study/memory';
import type { QuizConfig } from '$lib/domain/quiz/quiz-session';
import type { Deck, MatchItem, OrderItem } from '$lib/domain/types';
import { fixtureDeck } from '$fixtures/study-deck';

const T0 = Date.UTC(2026, 2, 4, 9, 0, 0);
const deck: Deck = fixtureDeck(4, 'quizdeck');
const order: OrderItem = {
	id: 'o1',
	factId: 'f4',
	type: 'order',
	prompt: 'Put in order',
	answer: ['first', 'second', 'third'],
	options: ['second', 'first', 'third'],
	explanation: '',
	topic: 'topic-1',
	source: { document: 'doc-1', quote: 'q' }
};
const match: MatchItem = {
	id: 'x1',
	factId: 'f3',
	type: 'match',
	prompt: 'Match them',
	answer: [
		{ term: 'A', meaning: 'a' },
		{ term: 'B', meaning: 'b' }
	],
	options: ['b', 'a'],
	explanation: 'A: a; B: b.',
	topic: 'topic-1',
	source: { document: 'doc-1', quote: 'q' }
};
deck.items.push(order, match);

function config(feedback: QuizConfig['feedback']): QuizConfig {
	return { count: 5, types: [], topics: [], feedback, seed: 7 };
}

let db: FactdeckDB;
beforeEach(() => {
	db = new FactdeckDB('quiz-run-' + Math.random().toString(36).slice(2));
});
afterEach(async () => {
	await db.delete();
});

describe('QuizRun', () => {
	it('takes the exact items of a retry, grades each answer, shows feedback, then scores the attempt', async () => {
		const ids = ['f1-mcq', 'f2-mcq', 'o1'];
		const run = await QuizRun.start(db, deck, config('immediate'), T0, ids);
		expect(run.items.map((item) => item.id)).toEqual(ids);
		expect(run.phase).toBe('question');
		expect(run.attempt.startedAt).toBe(T0);

		run.draft = 'answer-f1';
		await run.submit(T0 + 4_000);
		expect(run.phase).toBe('feedback');
		expect(run.lastGrade?.isCorrect).toBe(true);
		expect(run.answeredCount).toBe(1);
		// Submitting twice while feedback shows does not answer the next question.
		await run.submit(T0 + 4_500);
		expect(run.answeredCount).toBe(1);

		await run.next(T0 + 5_000);
		expect(run.index).toBe(1);
		expect(run.draft).toBeUndefined();
		run.draft = 'wrong-1-f2';
		await run.submit(T0 + 12_000);
		expect(run.lastGrade?.isCorrect).toBe(false);
		await run.next(T0 + 13_000);

		// An order question left as shown is answered as shown (and is wrong here).
		expect(run.isLast).toBe(true);
		await run.submit(T0 + 20_000);
		expect(run.attempt.answers['o1']).toEqual(order.options);
		await run.next(T0 + 21_000);

		expect(run.phase).toBe('results');
		expect(run.score.correct).toBe(1);
		const stored = await getAttempt(db, run.attempt.id);
		expect(stored?.submittedAt).toBe(T0 + 21_000);
		expect(stored?.durationMs).toBe(21_000);
		expect(stored?.score).toBeCloseTo(run.score.score);
		expect(stored?.answers).toEqual({
			'f1-mcq': 'answer-f1',
			'f2-mcq': 'wrong-1-f2',
			o1: order.options
		});
	});

	it('sends wrong answers to the scheduler as Again, timed from when the question was shown', async () => {
		const run = await QuizRun.start(db, deck, config('end'), T0, ['f1-mcq', 'f2-mcq']);
		run.draft = 'answer-f1';
		await run.submit(T0 + 3_000);
		// With feedback at the end, a submit moves straight on.
		expect(run.phase).toBe('question');
		expect(run.index).toBe(1);
		run.draft = 'wrong-2-f2';
		await run.submit(T0 + 10_000);
		expect(run.phase).toBe('results');

		const reviews = await db.reviews.toArray();
		expect(reviews).toHaveLength(1);
		expect(reviews[0]).toMatchObject({
			deckId: 'quizdeck',
			factId: 'f2',
			itemId: 'f2-mcq',
			rating: 1,
			reviewedAt: T0 + 10_000,
			durationMs: 7_000,
			origin: 'quiz'
		});
		// A right answer leaves the schedule alone; the wrong one wrote the fact's memory.
		expect(await db.memory.get(factKey('quizdeck', 'f1'))).toBeUndefined();
		expect(await db.memory.get(factKey('quizdeck', 'f2'))).toBeDefined();
	});

	it('records a question submitted blank as no answer, graded wrong', async () => {
		const run = await QuizRun.start(db, deck, config('immediate'), T0, ['f3-mcq']);
		await run.submit(T0 + 1_000);
		expect(run.attempt.answers['f3-mcq']).toBe(NO_ANSWER);
		expect(run.lastGrade?.isCorrect).toBe(false);
	});

	it('resumes an unfinished attempt at its first unanswered question, or at the results', async () => {
		const first = await QuizRun.start(db, deck, config('immediate'), T0, ['f1-mcq', 'f2-mcq']);
		first.draft = 'answer-f1';
		await first.submit(T0 + 2_000);

		const row = await findUnfinished(db, 'quizdeck');
		expect(row?.id).toBe(first.attempt.id);
		const resumed = (await QuizRun.resume(db, deck, row!, T0 + 60_000))!;
		expect(resumed.index).toBe(1);
		expect(resumed.phase).toBe('question');
		expect(resumed.config.feedback).toBe('immediate');
		resumed.draft = 'answer-f2';
		await resumed.submit(T0 + 61_000);
		await resumed.next(T0 + 62_000);
		expect(resumed.phase).toBe('results');
		expect(resumed.score.correct).toBe(2);
		expect(await findUnfinished(db, 'quizdeck')).toBeUndefined();

		// Every question answered but never submitted: resuming goes to the results.
		const second = await QuizRun.start(db, deck, config('immediate'), T0, ['f3-mcq']);
		second.draft = 'answer-f3';
		await second.submit(T0 + 1_000);
		const done = (await QuizRun.resume(db, deck, second.attempt, T0 + 5_000))!;
		expect(done.phase).toBe('results');
		expect((await getAttempt(db, second.attempt.id))?.submittedAt).toBe(T0 + 5_000);
	});

	it('assembles a quiz from the config, and refuses one that nothing matches', async () => {
		const run = await QuizRun.start(db, deck, { ...config('immediate'), count: 3 }, T0);
		expect(run.total).toBe(3);
		expect(new Set(run.items.map((item) => item.id)).size).toBe(3);
		await expect(
			QuizRun.start(db, deck, { ...config('immediate'), topics: ['no-such-topic'] }, T0)
		).rejects.toThrow('No questions match');
	});

	it('asks once more before handing in a matching question with nothing matched', async () => {
		const run = await QuizRun.start(db, deck, config('immediate'), T0, ['x1', 'f1-mcq']);
		await run.submit(T0 + 1_000);
		expect(run.isBlankPending).toBe(true);
		expect(run.phase).toBe('question');
		expect(run.answeredCount).toBe(0);
		expect((await getAttempt(db, run.attempt.id))?.answers).toEqual({});

		// Choosing a meaning then submitting hands in that answer, not a blank.
		run.draft = { A: 'a' };
		await run.submit(T0 + 2_000);
		expect(run.isBlankPending).toBe(false);
		expect(run.attempt.answers['x1']).toEqual({ A: 'a' });
		expect(run.lastGrade?.score).toBe(0.5);
	});

	it('hands in a blank match on the second press, as no answer', async () => {
		const run = await QuizRun.start(db, deck, config('immediate'), T0, ['x1']);
		await run.submit(T0 + 1_000);
		await run.submit(T0 + 1_500);
		expect(run.isBlankPending).toBe(false);
		expect(run.attempt.answers['x1']).toBe(NO_ANSWER);
		expect(run.lastGrade?.isCorrect).toBe(false);
	});
});
