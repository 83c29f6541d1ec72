import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import {
	createAttempt,
	discardAttempt,
	findUnfinished,
	getAttempt,
	listAttempts,
	saveAnswer,
	saveFirstAnswer,
	submitAttempt,
	submitAttemptOnce,
	type NewAttempt
} from '$lib/db/attempts-repository';

let db: FactdeckDB;
let dbCount = 0;

beforeEach(async () => {
	db = new FactdeckDB(`attempts-test-${++dbCount}`);
	await db.open();
});

afterEach(async () => {
	await db.delete();
});

const T0 = new Date(2026, 0, 10, 12).getTime();

const attempt = (over: Partial<NewAttempt> = {}): NewAttempt => ({
	deckId: 'kosovo',
	kind: 'self',
	itemIds: ['a', 'b', 'c'],
	config: { count: 3, feedback: 'immediate' },
	startedAt: T0,
	...over
});

describe('attempts repository', () => {
	it('creates an unfinished attempt with no answers', async () => {
		const row = await createAttempt(db, attempt({ id: 'q1' }));
		expect(row).toEqual({
			id: 'q1',
			deckId: 'kosovo',
			kind: 'self',
			itemIds: ['a', 'b', 'c'],
			answers: {},
			config: { count: 3, feedback: 'immediate' },
			startedAt: T0,
			submittedAt: null,
			score: null,
			durationMs: null
		});
		expect(await getAttempt(db, 'q1')).toEqual(row);
	});

	it('gives each attempt its own id when none is given', async () => {
		const one = await createAttempt(db, attempt());
		const two = await createAttempt(db, attempt());
		expect(one.id).not.toBe(two.id);
		expect(await db.attempts.count()).toBe(2);
	});

	it('saves answers one by one, of every shape, keeping the earlier ones', async () => {
		await createAttempt(db, attempt({ id: 'q1', itemIds: ['a', 'b', 'c', 'd', '__proto__'] }));
		await saveAnswer(db, 'q1', 'a', 'KFOR');
		await saveAnswer(db, 'q1', 'b', ['x', 'y']);
		await saveAnswer(db, 'q1', 'c', { T: 'M' });
		await saveAnswer(db, 'q1', '__proto__', false);
		const row = await getAttempt(db, 'q1');
		expect(Object.keys(row!.answers)).toEqual(['a', 'b', 'c', '__proto__']);
		expect(row!.answers.a).toBe('KFOR');
		expect(row!.answers.b).toEqual(['x', 'y']);
		expect(row!.answers.c).toEqual({ T: 'M' });
		expect(Object.getOwnPropertyDescriptor(row!.answers, '__proto__')?.value).toBe(false);
	});

	it('refuses to save into a missing or submitted attempt', async () => {
		await expect(saveAnswer(db, 'nope', 'a', 'x')).rejects.toThrow(/missing/);
		await createAttempt(db, attempt({ id: 'q1' }));
		await submitAttempt(db, 'q1', { submittedAt: T0 + 1000, score: 0, durationMs: 1000 });
		await expect(saveAnswer(db, 'q1', 'a', 'x')).rejects.toThrow(/already submitted/);
		expect((await getAttempt(db, 'q1'))!.answers).toEqual({});
	});

	it('finds the newest unfinished self attempt of the deck to resume', async () => {
		await createAttempt(db, attempt({ id: 'old', startedAt: T0 }));
		await createAttempt(db, attempt({ id: 'new', startedAt: T0 + 5000 }));
		await createAttempt(db, attempt({ id: 'other-deck', deckId: 'x', startedAt: T0 + 9000 }));
		await createAttempt(
			db,
			attempt({ id: 'assignment', kind: 'assignment', startedAt: T0 + 9000 })
		);
		await createAttempt(db, attempt({ id: 'done', startedAt: T0 + 9000 }));
		await submitAttempt(db, 'done', { submittedAt: T0 + 9500, score: 1, durationMs: 500 });
		await saveAnswer(db, 'new', 'a', 'kept');

		const unfinished = await findUnfinished(db, 'kosovo');
		expect(unfinished?.id).toBe('new');
		expect(unfinished?.answers).toEqual({ a: 'kept' });
		expect((await findUnfinished(db, 'kosovo', 'assignment'))?.id).toBe('assignment');
		expect(await findUnfinished(db, 'empty')).toBeUndefined();
	});

	it('submits once, with score and duration', async () => {
		await createAttempt(db, attempt({ id: 'q1' }));
		await submitAttempt(db, 'q1', { submittedAt: T0 + 60_000, score: 0.75, durationMs: 60_000 });
		const row = await getAttempt(db, 'q1');
		expect(row).toMatchObject({ submittedAt: T0 + 60_000, score: 0.75, durationMs: 60_000 });
		expect(await findUnfinished(db, 'kosovo')).toBeUndefined();
		await expect(
			submitAttempt(db, 'q1', { submittedAt: T0 + 1, score: 1, durationMs: 1 })
		).rejects.toThrow(/already submitted/);
		expect((await getAttempt(db, 'q1'))!.score).toBe(0.75);
		await expect(
			submitAttempt(db, 'missing', { submittedAt: T0, score: 1, durationMs: 1 })
		).rejects.toThrow(/missing/);
	});

	it('lists a deck’s submitted self attempts, newest first', async () => {
		for (const [id, at] of [
			['first', 1],
			['third', 3],
			['second', 2]
		] as const) {
			await createAttempt(db, attempt({ id, startedAt: T0 + at }));
			await submitAttempt(db, id, { submittedAt: T0 + at * 1000, score: at / 4, durationMs: 10 });
		}
		await createAttempt(db, attempt({ id: 'open' }));
		await createAttempt(db, attempt({ id: 'elsewhere', deckId: 'x' }));
		await submitAttempt(db, 'elsewhere', { submittedAt: T0, score: 1, durationMs: 1 });

		const listed = await listAttempts(db, 'kosovo');
		expect(listed.map((row) => row.id)).toEqual(['third', 'second', 'first']);
		expect(listed.map((row) => row.score)).toEqual([0.75, 0.5, 0.25]);
		expect(await listAttempts(db, 'nothing')).toEqual([]);
	});

	it("keeps the first answer to an item (another tab's) and says so; never writes a submitted one", async () => {
		await createAttempt(db, attempt({ id: 'q1' }));
		expect((await saveFirstAnswer(db, 'q1', '__proto__', 'first')).outcome).toBe('saved');
		const taken = await saveFirstAnswer(db, 'q1', '__proto__', 'second');
		expect(taken.outcome).toBe('taken');
		expect((await getAttempt(db, 'q1'))?.answers).toEqual(JSON.parse('{"__proto__":"first"}'));
		const once = await submitAttemptOnce(db, 'q1', (row) => ({
			submittedAt: T0 + 5,
			score: Object.keys(row.answers).length / 3,
			durationMs: 5
		}));
		expect(once.isNew).toBe(true);
		expect(once.row?.score).toBeCloseTo(1 / 3);
		const twice = await submitAttemptOnce(db, 'q1', () => ({
			submittedAt: T0 + 9,
			score: 1,
			durationMs: 9
		}));
		expect(twice.isNew).toBe(false);
		expect(twice.row?.submittedAt).toBe(T0 + 5);
		expect((await saveFirstAnswer(db, 'q1', 'b', 'late')).outcome).toBe('submitted');
		expect((await saveFirstAnswer(db, 'gone', 'b', 'x')).outcome).toBe('missing');
		expect(
			(await submitAttemptOnce(db, 'gone', () => ({ submittedAt: 1, score: 0, durationMs: 0 }))).row
		).toBeUndefined();
	});

	it('discards an attempt', async () => {
		await createAttempt(db, attempt({ id: 'q1' }));
		await discardAttempt(db, 'q1');
		expect(await getAttempt(db, 'q1')).toBeUndefined();
		expect(await findUnfinished(db, 'kosovo')).toBeUndefined();
	});
});
