import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { AssignmentRun } from '$lib/state/assignment-run.svelte';
import { assignmentLink, encodeAssignment } from '$lib/domain/teach/assignment-codec';
import { decodeResult, fromStoredResult } from '$lib/domain/teach/result-codec';
import type { Assignment, Deck, Item } from '$lib/domain/types';
import { openTabChannel } from '$lib/state/tab-sync';

const base = { explanation: '', topic: 't', source: { document: 'd', quote: 'q' } };
const items: Item[] = [
	{
		...base,
		id: 'm1',
		factId: 'f1',
		type: 'mcq',
		prompt: 'Who led KFOR?',
		answer: 'NATO',
		options: ['UN', 'NATO']
	},
	{ ...base, id: 'c1', factId: 'f2', type: 'cloze', prompt: 'KFOR came in ____.', answer: '1999' },
	{
		...base,
		id: 'f1',
		factId: 'f3',
		type: 'flashcard',
		prompt: 'What is KFOR?',
		answer: 'Kosovo Force'
	}
];
const deck = { id: 'kosovo', title: 'Kosovo', version: 1, items } as Pick<
	Deck,
	'id' | 'title' | 'version' | 'items'
>;
const assignment: Assignment = {
	v: 1,
	id: 'as1',
	title: 'Week 3',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items,
	shuffle: false,
	timeLimitMinutes: 10,
	feedback: 'after',
	passMark: 50,
	createdAt: Date.UTC(2026, 2, 1)
};

/** A clock the test moves by hand (epoch ms). */
class FakeClock {
	constructor(public time: number) {}
	now = () => this.time;
}

let db: FactdeckDB;
let clock: FakeClock;
beforeEach(() => {
	db = new FactdeckDB('run-' + Math.random().toString(36).slice(2));
	clock = new FakeClock(Date.UTC(2026, 2, 4, 9, 0, 0, 250));
});
afterEach(async () => {
	await db.delete();
});

async function openRun(): Promise<AssignmentRun> {
	const link = assignmentLink('https://x.test', await encodeAssignment(assignment, deck));
	const run = new AssignmentRun(db, clock, async () => deck);
	await run.open(new URL(link).hash);
	return run;
}

describe('AssignmentRun', () => {
	it('opens a link that names its questions, resumes after a reload, and hands back a code the teacher reads', async () => {
		const run = await openRun();
		expect(run.phase).toBe('intro');
		await run.start('  Besnik\u200b ');
		expect(run.phase).toBe('running');
		expect(run.attempt?.student).toBe('Besnik');
		run.setAnswer('m1', 'NATO');
		run.setAnswer('f1', true);
		await run.saved();

		clock.time += 60_000;
		const again = await openRun();
		expect(again.previous).toHaveLength(1);
		await again.resume(again.previous[0]);
		expect(again.answers).toEqual({ m1: 'NATO', f1: true });
		again.setAnswer('c1', '1998');
		clock.time += 60_000;
		await again.submit();
		expect(again.phase).toBe('submitted');
		// The flashcard is self-marked and not counted: one of two counted questions right.
		expect(again.score?.total).toBe(2);
		expect(again.score?.score).toBe(0.5);
		expect(again.resultCode.length).toBeLessThan(80);

		const decoded = await decodeResult(again.resultCode, assignment, clock.time);
		expect(decoded.ok && fromStoredResult(decoded.value)).toEqual(again.result);
		expect(again.result?.submittedAt).toBe(Date.UTC(2026, 2, 4, 9, 2));
	});

	it('submits by itself when the time runs out, never after the deadline', async () => {
		const run = await openRun();
		await run.start('Ana');
		run.setAnswer('m1', 'UN');
		clock.time += 11 * 60_000;
		run.tick();
		// The submit runs on its own; on a busy machine it can take longer than a few ms.
		await vi.waitFor(() => expect(run.phase).toBe('submitted'), { timeout: 5_000 });
		expect(run.attempt?.submittedAt).toBe(run.deadline);
	});

	it('refuses a name that is empty once hidden characters are gone', async () => {
		const run = await openRun();
		await run.start('\u200b\u200d');
		expect(run.phase).toBe('intro');
	});

	it('says why a link cannot be opened', async () => {
		const run = new AssignmentRun(db, clock, async () => deck);
		await run.open('#a=FD2.a.3.00000000.AAA');
		expect(run.phase).toBe('invalid');
		expect(run.linkError).toMatch(/damaged/);
	});

	it('open twice: a submit in one tab shows in the other as submitted elsewhere, kept once', async () => {
		const name = `run-tabs-${Math.random().toString(36).slice(2)}`;
		const channels = [openTabChannel(name), openTabChannel(name)];
		const link = assignmentLink('https://x.test', await encodeAssignment(assignment, deck));
		const [first, second] = channels.map(
			(channel) =>
				new AssignmentRun(
					db,
					clock,
					async () => deck,
					undefined,
					() => channel
				)
		);
		const stops = [first.watchTabs(), second.watchTabs()];
		for (const run of [first, second]) await run.open(new URL(link).hash);
		await first.start('Ana');
		await second.start('Ana');
		expect(second.attempt?.id).toBe(first.attempt?.id);
		first.setAnswer('m1', 'NATO');
		await first.submit();
		expect(first.phase).toBe('submitted');
		expect(first.isSubmittedElsewhere).toBe(false);
		await expect.poll(() => second.phase).toBe('submitted');
		expect(second.isSubmittedElsewhere).toBe(true);
		expect(second.answers).toEqual({ m1: 'NATO' });
		expect(second.resultCode).toBe(first.resultCode);

		// A submit from a tab that never heard keeps the first submission.
		const third = new AssignmentRun(db, clock, async () => deck);
		await third.open(new URL(link).hash);
		await third.resume({ ...first.attempt!, submittedAt: null });
		third.setAnswer('m1', 'UN');
		clock.time += 1_000;
		await third.submit();
		expect(third.isSubmittedElsewhere).toBe(true);
		expect(third.answers).toEqual({ m1: 'NATO' });
		for (const stop of stops) stop();
		for (const channel of channels) channel.close();
	});
	it("open twice: answers given in each tab are all kept, each tab shows the other's, and the submit counts both", async () => {
		const name = `run-tabs-${Math.random().toString(36).slice(2)}`;
		const channels = [openTabChannel(name), openTabChannel(name)];
		const link = assignmentLink('https://x.test', await encodeAssignment(assignment, deck));
		const [first, second] = channels.map(
			(channel) =>
				new AssignmentRun(
					db,
					clock,
					async () => deck,
					undefined,
					() => channel
				)
		);
		const stops = [first.watchTabs(), second.watchTabs()];
		for (const run of [first, second]) {
			await run.open(new URL(link).hash);
			await run.start('Ana');
		}
		first.setAnswer('m1', 'NATO');
		second.setAnswer('c1', '1999');
		await Promise.all([first.saved(), second.saved()]);
		// Neither write replaced the other's: the stored row holds both answers.
		expect((await db.attempts.get(first.attempt!.id))?.answers).toEqual({ m1: 'NATO', c1: '1999' });
		// Each tab heard of the other's answer, shows it and names the question.
		await expect.poll(() => first.answerTo('c1')).toBe('1999');
		expect(first.otherTabNotice).toMatch(/^Question 2 was answered in another tab/);
		await expect.poll(() => second.answerTo('m1')).toBe('NATO');
		expect(second.otherTabNotice).toMatch(/^Question 1 was answered in another tab/);

		// A tab that never heard (no channel) still submits both answers: the submit reads the row.
		const deaf = new AssignmentRun(db, clock, async () => deck);
		await deaf.open(new URL(link).hash);
		await deaf.start('Ana');
		second.setAnswer('f1', true);
		await second.saved();
		clock.time += 30_000;
		await deaf.submit();
		expect(deaf.isSubmittedElsewhere).toBe(false);
		expect(deaf.answers).toEqual({ m1: 'NATO', c1: '1999', f1: true });
		expect(deaf.score?.score).toBe(1);
		// The listening tabs were not told by the deaf one; their next write finds it submitted.
		first.setAnswer('m1', 'UN');
		await first.saved();
		expect(first.phase).toBe('submitted');
		expect(first.isSubmittedElsewhere).toBe(true);
		expect(first.answers).toEqual({ m1: 'NATO', c1: '1999', f1: true });
		expect((await db.attempts.get(first.attempt!.id))?.answers.m1).toBe('NATO');
		for (const stop of stops) stop();
		for (const channel of channels) channel.close();
	});
});
