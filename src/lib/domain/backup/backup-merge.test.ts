import { describe, expect, it } from 'vitest';
import { isNoOp, planImport, reviewIdentity } from '$lib/domain/backup/backup-merge';
import {
	emptyTables,
	type BackupTables,
	type MemoryRowData,
	type ReviewRowData
} from '$lib/domain/backup/backup-schema';

const T0 = Date.UTC(2026, 0, 10, 12);
const HOUR = 3_600_000;
const NOW = T0 + 48 * HOUR;

function memory(factId: string, lastReviewAt: number | null, reps = 1): MemoryRowData {
	return {
		key: `kosovo/${factId}`,
		deckId: 'kosovo',
		factId,
		suspended: 0,
		leech: 0,
		dueAt: (lastReviewAt ?? T0) + 24 * HOUR,
		stability: 1,
		difficulty: 5,
		scheduledDays: 1,
		learningSteps: 0,
		reps,
		lapses: 0,
		state: lastReviewAt === null ? 0 : 2,
		lastReviewAt
	};
}

function review(
	factId: string,
	reviewedAt: number,
	id?: number,
	itemId = `${factId}-mcq`
): ReviewRowData {
	return {
		...(id === undefined ? {} : { id }),
		deckId: 'kosovo',
		factId,
		itemId,
		rating: 3,
		reviewedAt,
		elapsedDays: 0,
		durationMs: 1000,
		before: null,
		after: memory(factId, reviewedAt),
		origin: 'study'
	} as ReviewRowData;
}

function tables(partial: Partial<BackupTables>): BackupTables {
	return { ...emptyTables(), ...partial };
}

describe('planImport, merge', () => {
	it('keeps the newer memory of each fact by lastReviewAt', () => {
		const current = tables({
			memory: [memory('a', T0 + HOUR, 5), memory('b', T0, 1), memory('c', T0)]
		});
		const incoming = tables({
			memory: [memory('a', T0, 2), memory('b', T0 + HOUR, 9), memory('d', T0)]
		});
		const plan = planImport(current, incoming, 'merge', NOW);
		expect(plan.rows.memory.map((row) => [row.factId, row.reps])).toEqual([
			['b', 9],
			['d', 1]
		]);
		expect(plan.summary.memory).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 0 });
	});

	it('lets a reviewed fact win over one that was never reviewed (null lastReviewAt)', () => {
		const plan = planImport(
			tables({ memory: [memory('a', null, 0)] }),
			tables({ memory: [memory('a', T0, 1)] }),
			'merge',
			NOW
		);
		expect(plan.summary.memory.updated).toBe(1);
		const back = planImport(
			tables({ memory: [memory('a', T0, 1)] }),
			tables({ memory: [memory('a', null, 0)] }),
			'merge',
			NOW
		);
		expect(back.summary.memory).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
	});

	it('unites the review logs without duplicates, whatever the local ids are', () => {
		const current = tables({ reviews: [review('a', T0, 1), review('a', T0 + HOUR, 2)] });
		const incoming = tables({
			reviews: [
				review('a', T0, 7),
				review('a', T0 + HOUR, 8),
				review('a', T0 + 2 * HOUR, 9),
				review('a', T0 + 2 * HOUR, 10),
				review('a', T0, 11, 'a-cloze')
			]
		});
		const plan = planImport(current, incoming, 'merge', NOW);
		expect(plan.summary.reviews).toEqual({ added: 2, updated: 0, unchanged: 2, removed: 0 });
		expect(plan.rows.reviews.map(reviewIdentity)).toEqual([
			reviewIdentity(review('a', T0 + 2 * HOUR)),
			reviewIdentity(review('a', T0, undefined, 'a-cloze'))
		]);
		for (const row of plan.rows.reviews) expect(row).not.toHaveProperty('id');
	});

	it('keeps settings already on the device and adds missing ones', () => {
		const plan = planImport(
			tables({ settings: [{ key: 'study', value: { newPerDay: 5 } }] }),
			tables({
				settings: [
					{ key: 'study', value: { newPerDay: 50 } },
					{ key: 'theme', value: 'dark' }
				]
			}),
			'merge',
			NOW
		);
		expect(plan.rows.settings).toEqual([{ key: 'theme', value: 'dark' }]);
		expect(plan.summary.settings).toEqual({ added: 1, updated: 0, unchanged: 1, removed: 0 });
	});

	it('counts a file that matches the device as all unchanged', () => {
		const same = tables({ memory: [memory('a', T0)], reviews: [review('a', T0, 1)] });
		const plan = planImport(same, structuredClone(same), 'merge', NOW);
		expect(isNoOp(plan.summary)).toBe(true);
		expect(plan.summary.memory.unchanged + plan.summary.reviews.unchanged).toBe(2);
	});
});

describe('planImport, replace', () => {
	it('writes exactly the file and counts what it adds, updates and removes', () => {
		const current = tables({
			memory: [memory('a', T0), memory('b', T0), memory('gone', T0)],
			reviews: [review('a', T0, 1), review('old', T0, 2)]
		});
		const incoming = tables({
			memory: [memory('a', T0), memory('b', T0 - HOUR, 3), memory('new', T0)],
			reviews: [review('a', T0, 40), review('new', T0, 41)]
		});
		const plan = planImport(current, incoming, 'replace', NOW);
		expect(plan.rows.memory).toEqual(incoming.memory);
		expect(plan.summary.memory).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 1 });
		expect(plan.summary.reviews).toEqual({ added: 1, updated: 0, unchanged: 1, removed: 1 });
		expect(plan.rows.reviews.map((row) => row.factId)).toEqual(['a', 'new']);
		expect(isNoOp(plan.summary)).toBe(false);
	});

	it('replacing with an empty file removes everything', () => {
		const plan = planImport(tables({ memory: [memory('a', T0)] }), emptyTables(), 'replace', NOW);
		expect(plan.summary.memory).toEqual({ added: 0, updated: 0, unchanged: 0, removed: 1 });
		expect(plan.rows.memory).toEqual([]);
	});
});

describe('merge poisoning (issue 18, data-loss path 4)', () => {
	const FAR = 8_640_000_000_000_000;
	const poisoned = (factId: string): MemoryRowData => ({
		...memory(factId, T0),
		dueAt: FAR,
		lastReviewAt: FAR
	});
	const genuine = () =>
		tables({
			memory: [memory('a', T0), memory('b', T0)],
			reviews: [review('a', T0), review('b', T0)]
		});

	it('a memory row from the far future never beats the one its history explains', () => {
		const plan = planImport(genuine(), tables({ memory: [poisoned('a')] }), 'merge', NOW);
		expect(plan.summary.memory).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
		expect(plan.rows.memory).toEqual([]);
	});

	it('a genuine backup merged after a poisoned one repairs it', () => {
		const onDevice = genuine();
		onDevice.memory = [poisoned('a'), memory('b', T0)];
		const plan = planImport(onDevice, genuine(), 'merge', NOW);
		expect(plan.summary.memory).toEqual({ added: 0, updated: 1, unchanged: 1, removed: 0 });
		expect(plan.rows.memory).toEqual([memory('a', T0)]);
	});

	it('a due date that no review in the united log left loses to one a review did', () => {
		const onDevice = genuine();
		// Newer by lastReviewAt, but no review at that time: it moves the fact out of study.
		onDevice.memory = [{ ...memory('a', T0 + HOUR), dueAt: T0 + 40 * HOUR }, memory('b', T0)];
		const plan = planImport(onDevice, genuine(), 'merge', NOW);
		expect(plan.rows.memory).toEqual([memory('a', T0)]);
	});
});
