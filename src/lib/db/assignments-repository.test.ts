import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import {
	countResultsByAssignment,
	deleteAssignment,
	getAssignment,
	getStudentAttempt,
	listAssignments,
	listResults,
	listStudentAttempts,
	resultIds,
	saveAssignment,
	saveAttemptAnswer,
	saveAttemptAnswers,
	saveResults,
	startStudentAttempt,
	studentAttemptId,
	submitStudentAttempt,
	submitStudentAttemptOnce
} from '$lib/db/assignments-repository';
import type { Assignment, Item } from '$lib/domain/types';
import type { StoredResult } from '$lib/domain/teach/result-codec';

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB('test-' + Math.random().toString(36).slice(2));
});

afterEach(async () => {
	await db.delete();
});

const source = { document: 'doc', quote: 'KFOR entered Kosovo in 1999.' };
const items: Item[] = [
	{
		id: 'i1',
		factId: 'f1',
		type: 'mcq',
		prompt: 'When did KFOR enter Kosovo?',
		answer: '1999',
		options: ['1998', '1999', '2000'],
		explanation: 'It entered in June 1999.',
		topic: 'origins',
		source
	},
	{
		id: 'i2',
		factId: 'f2',
		type: 'truefalse',
		prompt: 'KFOR entered Kosovo in 1999.',
		answer: 'True',
		explanation: 'It did.',
		topic: 'origins',
		source
	}
];

function assignment(id: string, createdAt: number): Assignment {
	return {
		v: 1,
		id,
		title: `Assignment ${id}`,
		deckId: 'kosovo',
		deckTitle: 'Kosovo',
		instructions: '',
		items,
		shuffle: false,
		timeLimitMinutes: 0,
		feedback: 'after',
		passMark: 50,
		createdAt
	};
}

function result(assignmentId: string, student: string, answer: string): StoredResult {
	return {
		v: 2,
		assignmentId,
		student,
		startedAt: 1000,
		submittedAt: 2000,
		answers: [['i1', answer]]
	};
}

describe('assignments', () => {
	it('saves, lists newest first and gets by id', async () => {
		await saveAssignment(db, assignment('a1', 100));
		await saveAssignment(db, assignment('a2', 300));
		await saveAssignment(db, assignment('a3', 200));
		expect((await listAssignments(db)).map((row) => row.id)).toEqual(['a2', 'a3', 'a1']);
		expect((await getAssignment(db, 'a3'))?.title).toBe('Assignment a3');
		expect(await getAssignment(db, 'nope')).toBeUndefined();
	});

	it('deletes an assignment together with its results only', async () => {
		await saveAssignment(db, assignment('a1', 100));
		await saveAssignment(db, assignment('a2', 200));
		await saveResults(
			db,
			[
				{ id: 'r1', result: result('a1', 'Ana', '1999') },
				{ id: 'r2', result: result('a2', 'Ben', '1999') }
			],
			5
		);
		await deleteAssignment(db, 'a1');
		expect(await getAssignment(db, 'a1')).toBeUndefined();
		expect((await listResults(db, 'a1')).length).toBe(0);
		expect((await listResults(db, 'a2')).map((row) => row.id)).toEqual(['r2']);
	});
});

describe('results', () => {
	it('adds new results and reports duplicates without overwriting them', async () => {
		const first = await saveResults(db, [{ id: 'r1', result: result('a1', 'Ana', '1999') }], 10);
		expect(first).toEqual({ added: ['r1'], duplicates: [] });

		const second = await saveResults(
			db,
			[
				{ id: 'r1', result: result('a1', 'Forged', '1998') },
				{ id: 'r2', result: result('a1', 'Ben', '1998') },
				{ id: 'r2', result: result('a1', 'Ben', '1998') }
			],
			20
		);
		expect(second).toEqual({ added: ['r2'], duplicates: ['r1', 'r2'] });

		const rows = await listResults(db, 'a1');
		expect(rows.map((row) => [row.id, row.student, row.receivedAt])).toEqual([
			['r1', 'Ana', 10],
			['r2', 'Ben', 20]
		]);
		expect(await resultIds(db, 'a1')).toEqual(new Set(['r1', 'r2']));
	});

	it('keeps results of different assignments apart and counts them', async () => {
		await saveResults(
			db,
			[
				{ id: 'r1', result: result('a1', 'Ana', '1999') },
				{ id: 'r2', result: result('a1', 'Ben', '1999') },
				{ id: 'r3', result: result('a2', 'Cy', '1999') }
			],
			1
		);
		expect((await listResults(db, 'a2')).map((row) => row.student)).toEqual(['Cy']);
		expect(await countResultsByAssignment(db)).toEqual(
			new Map([
				['a1', 2],
				['a2', 1]
			])
		);
	});
});

describe('student attempts', () => {
	const start = (student: string, startedAt = 1000) =>
		startStudentAttempt(db, {
			assignment: assignment('a1', 1),
			student,
			itemIds: ['i2', 'i1'],
			startedAt
		});

	it('starts an attempt once per normalised name and resumes it', async () => {
		const row = await start('Ana  López');
		expect(row).toMatchObject({
			kind: 'assignment',
			assignmentId: 'a1',
			student: 'Ana  López',
			itemIds: ['i2', 'i1'],
			submittedAt: null
		});
		await saveAttemptAnswers(db, row.id, { i2: 'True' });
		const again = await start('ana lopez', 5000);
		expect(again.id).toBe(row.id);
		expect(again.startedAt).toBe(1000);
		expect(again.answers).toEqual({ i2: 'True' });
		expect((await getStudentAttempt(db, 'a1', 'ANA LOPEZ'))?.answers).toEqual({ i2: 'True' });
		expect(studentAttemptId('a1', 'Ana')).not.toBe(studentAttemptId('a1', 'Ben'));
	});

	it('lists the attempts of one assignment, newest first', async () => {
		await start('Ana', 1000);
		await start('Ben', 3000);
		await startStudentAttempt(db, {
			assignment: assignment('a2', 1),
			student: 'Cy',
			itemIds: ['i1'],
			startedAt: 2000
		});
		expect((await listStudentAttempts(db, 'a1')).map((row) => row.student)).toEqual(['Ben', 'Ana']);
	});

	it('submits once: later answers and submissions do not change it', async () => {
		const row = await start('Ana');
		const done = await submitStudentAttempt(db, row.id, { i1: '1999' }, 61_000, 0.5);
		expect(done).toMatchObject({ submittedAt: 61_000, score: 0.5, durationMs: 60_000 });
		await saveAttemptAnswers(db, row.id, { i1: '1998' });
		const twice = await submitStudentAttempt(db, row.id, { i1: '1998' }, 90_000, 0);
		expect(twice).toMatchObject({ submittedAt: 61_000, score: 0.5, answers: { i1: '1999' } });
		expect((await getStudentAttempt(db, 'a1', 'Ana'))?.answers).toEqual({ i1: '1999' });
	});

	it('two tabs write one item each and keep both; the submit counts the stored answers, once', async () => {
		const row = await start('Ana');
		await saveAttemptAnswer(db, row.id, 'i1', '1999');
		await saveAttemptAnswer(db, row.id, 'i2', 'True');
		expect((await saveAttemptAnswer(db, row.id, 'i2', undefined))?.answers).toEqual({ i1: '1999' });
		const once = await submitStudentAttemptOnce(db, row.id, 61_000, (stored) => ({
			answers: stored.answers,
			score: 0.5
		}));
		expect(once).toMatchObject({ isNew: true, row: { answers: { i1: '1999' }, score: 0.5 } });
		const late = await saveAttemptAnswer(db, row.id, 'i1', '1998');
		expect(late?.answers).toEqual({ i1: '1999' });
		const twice = await submitStudentAttemptOnce(db, row.id, 90_000, () => ({
			answers: {},
			score: 1
		}));
		expect(twice).toMatchObject({ isNew: false, row: { submittedAt: 61_000, score: 0.5 } });
		expect(await saveAttemptAnswer(db, 'missing', 'i1', 'x')).toBeUndefined();
	});

	it('refuses to submit an attempt that is gone', async () => {
		await expect(submitStudentAttempt(db, 'missing', {}, 1, 0)).rejects.toThrow(/no longer/);
	});
});
