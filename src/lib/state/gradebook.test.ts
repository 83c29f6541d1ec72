import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { saveAssignment, getAssignment } from '$lib/db/assignments-repository';
import { Gradebook } from '$lib/state/gradebook.svelte';
import { encodeResult } from '$lib/domain/teach/result-codec';
import { answerKey } from '$lib/domain/teach/marking';
import type { Assignment, Item, StudentResult } from '$lib/domain/types';

const NOW = Date.UTC(2026, 2, 4, 12);
const clock = { now: () => NOW };
const base = { explanation: '', topic: 't', source: { document: 'd', quote: 'q' } };
const items: Item[] = [
	{
		...base,
		id: 'c1',
		factId: 'f1',
		type: 'cloze',
		prompt: 'Kosovo got ____.',
		answer: 'the institutions for self-rule'
	},
	{
		...base,
		id: 'm1',
		factId: 'f2',
		type: 'mcq',
		prompt: 'Who led KFOR?',
		answer: 'NATO',
		options: ['UN', 'NATO']
	},
	{
		...base,
		id: 'f1',
		factId: 'f3',
		type: 'flashcard',
		prompt: 'What is KFOR?',
		answer: 'Kosovo Force'
	}
];
const assignment: Assignment = {
	v: 1,
	id: 'as1',
	title: 'Week 3',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items,
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: Date.UTC(2026, 2, 1)
};
const result = (student: string, answers: StudentResult['answers']): StudentResult => ({
	v: 1,
	assignmentId: 'as1',
	student,
	startedAt: Date.UTC(2026, 2, 4, 9),
	submittedAt: Date.UTC(2026, 2, 4, 9, 20),
	answers
});

let db: FactdeckDB;
beforeEach(async () => {
	db = new FactdeckDB('gradebook-' + Math.random().toString(36).slice(2));
	await saveAssignment(db, assignment);
});
afterEach(async () => {
	await db.delete();
});

async function openGradebook(): Promise<Gradebook> {
	const gradebook = new Gradebook(db, clock);
	await gradebook.load('as1');
	expect(gradebook.phase).toBe('ready');
	return gradebook;
}

describe('Gradebook', () => {
	it('finds the codes in an e-mail, adds them once, and says when a text holds none', async () => {
		const gradebook = await openGradebook();
		const besnik = encodeResult(result('Besnik', { c1: 'bodies', m1: 'NATO' }), assignment);
		const ana = encodeResult(result('Ana', { m1: 'UN' }), assignment);
		await gradebook.importText(`Hi Miss, here is my code: ${besnik} Thanks, Besnik\n> ${ana}`);
		expect(gradebook.summary).toBe('2 results added.');
		await gradebook.importText(`again: ${besnik}`);
		expect(gradebook.summary).toBe('1 was already collected.');
		await gradebook.importText('Hi Miss, I lost it.');
		expect(gradebook.messages.map((m) => m.status)).toEqual(['none']);
		expect(gradebook.messages[0].text).toMatch(/No result code found/);
		await gradebook.importText(`cut: ${besnik.slice(0, -5)}`);
		expect(gradebook.messages[0].text).toMatch(/incomplete/);
		expect(gradebook.rows.map((row) => row.student).sort()).toEqual(['Ana', 'Besnik']);
	});

	it('accepts an answer for everyone who gave it, keeps it with the assignment, and undoes it', async () => {
		const gradebook = await openGradebook();
		const codes = [
			result('Ana', { c1: 'self rule bodies', m1: 'NATO', f1: true }),
			result('Ben', { c1: 'Self-rule bodies', m1: 'UN', f1: false }),
			result('Cleo', { c1: 'self-rule institutions', m1: 'NATO', f1: true })
		].map((r) => encodeResult(r, assignment));
		await gradebook.importText(codes.join('\n'));
		const percents = () =>
			Object.fromEntries(gradebook.analysis!.students.map((s) => [s.student, s.percent]));
		// The flashcard is self-marked and not counted; "self-rule institutions" is right anyway.
		expect(percents()).toEqual({ Ana: 50, Ben: 0, Cleo: 100 });

		const ana = gradebook.analysis!.students.find((s) => s.student === 'Ana')!;
		gradebook.open(ana.id);
		const key = answerKey(items[0], 'self rule bodies');
		expect(gradebook.sameAnswerCount('c1', key)).toBe(2);
		await gradebook.decide({ itemId: 'c1', answer: key, resultId: null, accept: true }, 'accepted');
		expect(percents()).toEqual({ Ana: 100, Ben: 50, Cleo: 100 });
		expect(gradebook.openMarks?.marks.marks[0].override).toEqual({ accept: true, scope: 'all' });
		expect(gradebook.analysis!.items[0].facility).toBe(1);
		expect((await getAssignment(db, 'as1'))?.overrides).toHaveLength(1);

		// A fresh page reads the override back from the database.
		const reloaded = await openGradebook();
		expect(
			Object.fromEntries(reloaded.analysis!.students.map((s) => [s.student, s.percent]))
		).toEqual({ Ana: 100, Ben: 50, Cleo: 100 });

		await gradebook.undo();
		expect(percents()).toEqual({ Ana: 50, Ben: 0, Cleo: 100 });
		expect(gradebook.undoSteps).toEqual([]);
		expect((await getAssignment(db, 'as1'))?.overrides).toBeUndefined();
	});

	it('flags names that look alike and survives a stored time no date can show', async () => {
		const gradebook = await openGradebook();
		await gradebook.importText(
			[result('Ana', { m1: 'NATO' }), result('Аna', { m1: 'UN' })]
				.map((r) => encodeResult(r, assignment))
				.join(' ')
		);
		expect(gradebook.lookAlikes).toEqual([['Ana', 'Аna']]);
		const forged = encodeResult(
			{ ...result('Dan', {}), submittedAt: 8_640_000_000_000_001 },
			assignment
		);
		await gradebook.importText(forged);
		expect(gradebook.messages[0].text).toMatch(/submittedAt/);
		expect(gradebook.rows).toHaveLength(2);
	});
});
