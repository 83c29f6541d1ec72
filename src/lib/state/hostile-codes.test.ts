/**
 * The fuzz of links and codes: 1,000+ hostile assignment links opened by a student's run and
 * 1,000+ hostile result codes pasted into a teacher's gradebook, on fake-indexeddb. Each is
 * refused with a message naming the field it attacks, or accepted only where what it decodes
 * to is valid; the database dump is identical after every refusal. Seeded and deterministic.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	FRAME_REFUSAL,
	HOSTILE_ASSIGNMENT,
	HOSTILE_DECK,
	HOSTILE_NOW,
	hostileAssignmentLinks,
	hostileResultCodes,
	type HostileCase
} from '$fixtures/hostile-codes';
import { dumpDatabase } from '$lib/db/backup-repository';
import { listResults, saveAssignment } from '$lib/db/assignments-repository';
import { FactdeckDB } from '$lib/db/schema';
import { assignmentSchema } from '$lib/domain/teach/assignment-codec';
import { MAX_EPOCH_MS, studentResultSchema } from '$lib/domain/teach/result-codec';
import { markResult } from '$lib/domain/teach/marking';
import { fromStoredResult } from '$lib/domain/teach/stored-result';
import { AssignmentRun } from '$lib/state/assignment-run.svelte';
import { Gradebook } from '$lib/state/gradebook.svelte';

let db: FactdeckDB;
beforeEach(async () => {
	db = new FactdeckDB(`hostile-${Math.random().toString(36).slice(2)}`);
	await saveAssignment(db, HOSTILE_ASSIGNMENT);
});
afterEach(async () => {
	await db.delete();
});

const clock = { now: () => HOSTILE_NOW };

/** Cases whose refusal did not name the field (or was wrongly accepted), for one clear failure. */
let misses: string[] = [];
beforeEach(() => (misses = []));

/** The refusal names the attacked field, or (for a cut or flipped code) says the frame broke. */
function expectNamed(message: string, found: HostileCase): void {
	const pattern = found.field === null ? FRAME_REFUSAL : new RegExp(found.field, 'i');
	if (!pattern.test(message)) misses.push(`${found.category} /${found.field}/: ${message}`);
}

function isShowableTime(ms: number): boolean {
	return Number.isInteger(ms) && ms <= MAX_EPOCH_MS && !Number.isNaN(new Date(ms).getTime());
}

describe('hostile assignment links', () => {
	it('refuses 1,000+ links naming the field, or accepts only a valid assignment; nothing written', async () => {
		const cases = await hostileAssignmentLinks();
		expect(cases.length).toBeGreaterThanOrEqual(1_000);
		expect(new Set(cases.map((c) => c.category)).size).toBeGreaterThanOrEqual(8);
		const loadDeck = async () => HOSTILE_DECK;
		const before = JSON.stringify(await dumpDatabase(db));
		let refused = 0;
		for (const found of cases) {
			const run = new AssignmentRun(db, clock, loadDeck);
			await run.open(`#a=${found.code}`);
			if (run.phase === 'invalid') {
				refused++;
				expectNamed(run.linkError, found);
				expect(JSON.stringify(await dumpDatabase(db))).toBe(before);
			} else {
				if (!found.mayAccept) misses.push(`accepted ${found.category} ${found.field}`);
				expect(run.phase).toBe('intro');
				const assignment = run.assignment!;
				expect(assignmentSchema.safeParse(assignment).success).toBe(true);
				expect(isShowableTime(assignment.createdAt)).toBe(true);
				expect(assignment.createdAt).toBeLessThanOrEqual(HOSTILE_NOW + 86_400_000);
			}
		}
		expect(misses.slice(0, 30)).toEqual([]);
		// Nearly all are refused: only text fields with control characters may pass.
		expect(refused).toBeGreaterThan(cases.length * 0.9);
	}, 60_000);

	it('is deterministic: the same seed makes the same links', async () => {
		const a = await hostileAssignmentLinks(7, 200);
		const b = await hostileAssignmentLinks(7, 200);
		expect(a.map((c) => c.code)).toEqual(b.map((c) => c.code));
	});
});

describe('hostile result codes', () => {
	it('refuses 1,000+ codes naming the field, or adds only a valid result; nothing written on refusal', async () => {
		const cases = await hostileResultCodes();
		expect(cases.length).toBeGreaterThanOrEqual(1_000);
		const gradebook = new Gradebook(db, clock);
		await gradebook.load(HOSTILE_ASSIGNMENT.id);
		expect(gradebook.phase).toBe('ready');
		let before = JSON.stringify(await dumpDatabase(db));
		let refused = 0;
		for (const [index, found] of cases.entries()) {
			await gradebook.importCodes([{ label: `Code ${index}`, code: found.code }]);
			const [message] = gradebook.messages;
			if (message.status === 'unreadable' || message.status === 'wrong-assignment') {
				refused++;
				if (message.status === 'unreadable') expectNamed(message.text, found);
				expect(JSON.stringify(await dumpDatabase(db))).toBe(before);
			} else {
				if (!found.mayAccept) misses.push(`accepted ${found.category} ${found.field}`);
				expect(['added', 'duplicate']).toContain(message.status);
				before = JSON.stringify(await dumpDatabase(db));
			}
		}
		expect(misses.slice(0, 30)).toEqual([]);
		expect(refused).toBeGreaterThan(cases.length * 0.9);
		// Every result that got in is valid, shows its times, and marks without throwing.
		const rows = await listResults(db, HOSTILE_ASSIGNMENT.id);
		for (const row of rows) {
			expect(studentResultSchema.safeParse(row.result).success).toBe(true);
			expect(isShowableTime(row.result.submittedAt)).toBe(true);
			expect(() =>
				markResult(HOSTILE_ASSIGNMENT, fromStoredResult(row.result), row.id)
			).not.toThrow();
		}
		const reloaded = new Gradebook(db, clock);
		await reloaded.load(HOSTILE_ASSIGNMENT.id);
		expect(reloaded.phase).toBe('ready');
	}, 60_000);
});
