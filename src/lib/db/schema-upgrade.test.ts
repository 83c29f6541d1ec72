import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { totalsFromReviews, totalsSlot } from '$lib/domain/stats/review-totals';
import { loadStudyQueue, undoLast } from '$lib/db/study-repository';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { MemoryRow, ReviewRow } from '$lib/domain/types';

/*
 * A learner's data must survive every schema upgrade. Each shipped version is frozen here as it
 * shipped (its stores, copied, never imported from schema.ts) with rows written by that version.
 * The test writes them with a raw Dexie instance of that version, then opens the database with
 * today's FactdeckDB and expects every row back (as `expected` says a later upgrade reshapes it).
 *
 * When you add version N to schema.ts: add its stores to SHIPPED as they ship, and a case for N
 * whose rows use version N's shape. Old cases stay; they prove upgrades from every old version.
 */

type Stores = Record<string, string>;
type Rows = Record<string, unknown[]>;

/** Every shipped version's stores, in order; append only. */
const SHIPPED: Array<{ version: number; stores: Stores }> = [
	{
		version: 1,
		stores: {
			memory: '&key, [deckId+dueAt], deckId, dueAt',
			reviews: '++id, [deckId+reviewedAt], [deckId+factId], reviewedAt',
			settings: '&key',
			attempts: '&id, deckId, assignmentId, startedAt',
			assignments: '&id, createdAt',
			results: '&id, assignmentId',
			userDecks: '&id'
		}
	},
	{
		version: 2,
		stores: {
			memory:
				'&key, [deckId+dueAt], [deckId+suspended+state+dueAt], [suspended+state+dueAt], deckId, dueAt'
		}
	},
	{ version: 5, stores: { autoBackups: '++id, madeAt' } },
	{ version: 6, stores: {} },
	{ version: 7, stores: { reviewTotals: '&slot' } },
	{ version: 8, stores: { studyCursors: '&deckId' } }
];

const T0 = Date.UTC(2026, 0, 10, 12);
const snapshot = {
	dueAt: T0 + 86_400_000,
	stability: 3.1,
	difficulty: 4.9,
	scheduledDays: 1,
	learningSteps: 0,
	reps: 1,
	lapses: 0,
	state: 2,
	lastReviewAt: T0
};

const VERSION_1_ROWS: Rows = {
	memory: [
		{ ...snapshot, key: 'kosovo/k1', deckId: 'kosovo', factId: 'k1', suspended: 0, leech: 0 },
		{ ...snapshot, key: 'kosovo/k2', deckId: 'kosovo', factId: 'k2', suspended: 1, leech: 1 }
	],
	reviews: [
		{
			id: 1,
			deckId: 'kosovo',
			factId: 'k1',
			itemId: 'k1-mcq',
			rating: 3,
			reviewedAt: T0,
			elapsedDays: 0,
			durationMs: 2500,
			before: null,
			after: snapshot,
			origin: 'study'
		}
	],
	settings: [
		{
			key: 'study',
			value: { newPerDay: 12, reviewsPerDay: 100, desiredRetention: 0.9, dayStartHour: 4 }
		}
	],
	attempts: [
		{
			id: 'attempt-1',
			deckId: 'kosovo',
			kind: 'self',
			itemIds: ['k1-mcq'],
			answers: { 'k1-mcq': 'NATO' },
			config: { count: 1 },
			startedAt: T0,
			submittedAt: T0 + 1000,
			score: 1,
			durationMs: 1000
		}
	],
	assignments: [{ id: 'as-1', createdAt: T0, assignment: { v: 1, id: 'as-1', title: 'Homework' } }],
	results: [
		{ id: 'res-1', assignmentId: 'as-1', student: 'Ada', receivedAt: T0, result: { v: 1 } }
	],
	userDecks: [
		{ id: 'my-deck', createdAt: T0, updatedAt: T0, deck: { id: 'my-deck', title: 'Mine' } }
	]
};

/** Version 2 only added an index: its rows have version 1's shape. */
const VERSION_2_ROWS: Rows = {
	...VERSION_1_ROWS,
	memory: [
		...VERSION_1_ROWS.memory,
		{
			...snapshot,
			state: 1,
			learningSteps: 1,
			key: 'my-deck/m1',
			deckId: 'my-deck',
			factId: 'm1',
			suspended: 0,
			leech: 0
		}
	]
};

/** Version 5 added the automatic backups taken before an import. */
const VERSION_5_ROWS: Rows = {
	...VERSION_2_ROWS,
	autoBackups: [
		{ id: 1, madeAt: T0, reason: 'Before restoring a.json', reviews: 1, text: '{"format":"x"}' }
	]
};

interface UpgradeCase {
	/** The version that wrote the rows. */
	from: number;
	rows: Rows;
	/** The rows today's schema must hold afterwards (the same rows unless an upgrade reshapes). */
	expected: Rows;
	/** Index reads the app relies on, checked after the upgrade. */
	check?: (db: FactdeckDB) => Promise<void>;
}

const CASES: UpgradeCase[] = [
	{
		from: 1,
		rows: VERSION_1_ROWS,
		expected: VERSION_1_ROWS,
		check: async (db) => {
			const due = await db.memory
				.where('[deckId+dueAt]')
				.between(['kosovo', Dexie.minKey], ['kosovo', Dexie.maxKey])
				.primaryKeys();
			expect(due.sort()).toEqual(['kosovo/k1', 'kosovo/k2']);
			expect(await db.reviews.where('[deckId+factId]').equals(['kosovo', 'k1']).count()).toBe(1);
			expect(await db.attempts.where('deckId').equals('kosovo').count()).toBe(1);
			// Version 2's index is built over the rows version 1 wrote.
			const active = await db.memory
				.where('[deckId+suspended+state+dueAt]')
				.between(['kosovo', 0, 2, Dexie.minKey], ['kosovo', 0, 2, Dexie.maxKey])
				.primaryKeys();
			expect(active).toEqual(['kosovo/k1']);
			const suspended = await db.memory
				.where('[suspended+state+dueAt]')
				.between([1, 2, Dexie.minKey], [1, 2, Dexie.maxKey])
				.primaryKeys();
			expect(suspended).toEqual(['kosovo/k2']);
		}
	},
	{
		from: 2,
		rows: VERSION_2_ROWS,
		expected: VERSION_2_ROWS,
		check: async (db) => {
			const learning = await db.memory
				.where('[deckId+suspended+state+dueAt]')
				.between(['my-deck', 0, 1, Dexie.minKey], ['my-deck', 0, 1, Dexie.maxKey])
				.primaryKeys();
			expect(learning).toEqual(['my-deck/m1']);
		}
	},
	{
		from: 5,
		rows: VERSION_5_ROWS,
		expected: VERSION_5_ROWS,
		check: async (db) => {
			expect(await db.autoBackups.orderBy('madeAt').primaryKeys()).toEqual([1]);
		}
	},
	{
		from: 6,
		rows: {
			...VERSION_2_ROWS,
			results: [
				{
					id: 'res-6',
					assignmentId: 'as-1',
					student: 'Ada',
					receivedAt: T0,
					result: {
						v: 2,
						assignmentId: 'as-1',
						student: 'Ada',
						startedAt: T0,
						submittedAt: T0 + 1000,
						answers: [['q1', [['constructor', 'x']]]]
					}
				}
			]
		},
		expected: {
			...VERSION_2_ROWS,
			results: [
				{
					id: 'res-6',
					assignmentId: 'as-1',
					student: 'Ada',
					receivedAt: T0,
					result: {
						v: 2,
						assignmentId: 'as-1',
						student: 'Ada',
						startedAt: T0,
						submittedAt: T0 + 1000,
						answers: [['q1', [['constructor', 'x']]]]
					}
				}
			]
		}
	},
	{
		from: 7,
		rows: {
			...VERSION_5_ROWS,
			reviewTotals: [
				{
					slot: totalsSlot(T0),
					reviews: 1,
					newLearned: 1,
					passed: 0,
					reviewAnswers: 0,
					durationMs: 2500
				}
			]
		},
		expected: {
			...VERSION_5_ROWS,
			reviewTotals: [
				{
					slot: totalsSlot(T0),
					reviews: 1,
					newLearned: 1,
					passed: 0,
					reviewAnswers: 0,
					durationMs: 2500
				}
			]
		}
	},
	{
		from: 8,
		rows: {
			...VERSION_5_ROWS,
			reviewTotals: [],
			studyCursors: [{ deckId: 'kosovo', order: '2:abc', prefix: 1, epoch: 0, version: 1 }]
		},
		expected: {
			...VERSION_5_ROWS,
			studyCursors: [{ deckId: 'kosovo', order: '2:abc', prefix: 1, epoch: 0, version: 1 }]
		}
	}
];

const opened: Dexie[] = [];

afterEach(async () => {
	for (const db of opened.splice(0)) db.close();
});

async function writeAsVersion(name: string, version: number, rows: Rows): Promise<void> {
	const raw = new Dexie(name);
	for (const shipped of SHIPPED.filter((entry) => entry.version <= version)) {
		raw.version(shipped.version).stores(shipped.stores);
	}
	await raw.open();
	await raw.transaction('rw', raw.tables, async () => {
		for (const [table, tableRows] of Object.entries(rows))
			await raw.table(table).bulkAdd(tableRows);
	});
	raw.close();
}

describe('schema upgrades keep every row', () => {
	it('knows every version that schema.ts declares', () => {
		const current = new FactdeckDB('versions-' + Math.random());
		opened.push(current);
		expect(current.verno).toBe(SHIPPED[SHIPPED.length - 1].version);
		expect(CASES.map((c) => c.from)).toEqual(SHIPPED.map((entry) => entry.version));
	});

	it.each(CASES)(
		'a database written by version $from opens with today’s schema',
		async (upgrade) => {
			const name = `upgrade-${upgrade.from}-${Math.random().toString(36).slice(2)}`;
			await writeAsVersion(name, upgrade.from, upgrade.rows);

			const db = new FactdeckDB(name);
			opened.push(db);
			await db.open();
			for (const [table, expectedRows] of Object.entries(upgrade.expected)) {
				expect(await db.table(table).toArray(), table).toEqual(expectedRows);
			}
			await upgrade.check?.(db);
			await db.delete();
		}
	);
});

describe('version 6', () => {
	it('turns a collected result’s answers into pairs, so no typed term is an object key', async () => {
		const name = 'v6-' + Math.random();
		const legacy = {
			v: 1,
			assignmentId: 'as-1',
			student: 'A\u200bna\u202e',
			startedAt: T0,
			submittedAt: T0 + 1000,
			answers: { q1: 'NATO', constructor: { prototype: 'x' } }
		};
		await writeAsVersion(name, 2, {
			results: [
				{ id: 'r1', assignmentId: 'as-1', student: legacy.student, receivedAt: T0, result: legacy }
			]
		});
		const db = new FactdeckDB(name);
		opened.push(db);
		const row = await db.results.get('r1');
		expect(row?.student).toBe('Ana');
		expect(row?.result).toEqual({
			v: 2,
			assignmentId: 'as-1',
			student: 'Ana',
			startedAt: T0,
			submittedAt: T0 + 1000,
			answers: [
				['q1', 'NATO'],
				['constructor', [['prototype', 'x']]]
			]
		});
		await db.delete();
	});
});

describe('version 7', () => {
	it('builds the review totals from the log as it stands, so /progress needs no first count', async () => {
		const name = 'v7-' + Math.random();
		const base = VERSION_1_ROWS.reviews[0] as ReviewRow;
		const reviews: ReviewRow[] = [
			{ ...base, id: 1 },
			{ ...base, id: 2, reviewedAt: T0 + 60_000, rating: 1, before: { ...snapshot, state: 2 } },
			{ ...base, id: 3, reviewedAt: T0 + 120_000, rating: 4, before: { ...snapshot, state: 2 } },
			{ ...base, id: 4, reviewedAt: T0 + 86_400_000, durationMs: 900 }
		] as ReviewRow[];
		await writeAsVersion(name, 6, { reviews });
		const db = new FactdeckDB(name);
		opened.push(db);
		const totals = await db.reviewTotals.orderBy('slot').toArray();
		expect(totals).toEqual(totalsFromReviews(reviews));
		expect(totals.map((row) => row.reviews)).toEqual([3, 1]);
		expect(totals[0]).toMatchObject({ newLearned: 1, reviewAnswers: 2, passed: 1 });
		// Written from then on in the log's own transactions: an answer adds to its slot.
		await db.reviews.add({ ...base, id: undefined, reviewedAt: T0 + 86_400_000 + 1000 });
		expect((await db.reviewTotals.get(totalsSlot(T0 + 86_400_000)))?.reviews).toBe(2);
		await db.delete();
	});
});

describe('version 8', () => {
	it('adds the study cursors empty; the first study read finds each deck’s, and an undo resets it', async () => {
		const name = 'v8-' + Math.random();
		const memory = (factId: string): MemoryRow => ({
			...snapshot,
			state: 2,
			key: `kosovo/${factId}`,
			deckId: 'kosovo',
			factId,
			dueAt: T0 + 30 * 86_400_000,
			suspended: 0,
			leech: 0
		});
		const base = VERSION_1_ROWS.reviews[0] as ReviewRow;
		await writeAsVersion(name, 7, {
			memory: ['k1', 'k2', 'k4'].map(memory),
			reviews: [{ ...base, id: 1, factId: 'k4', reviewedAt: T0 - 86_400_000 }]
		});
		const db = new FactdeckDB(name);
		opened.push(db);
		expect(await db.studyCursors.toArray()).toEqual([]);
		const factIds = ['k1', 'k2', 'k3', 'k4', 'k5'];
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 2 };
		const newFacts = async () =>
			(await loadStudyQueue(db, 'kosovo', factIds, T0, settings, T0 - 3_600_000)).queue.queue
				.filter((entry) => entry.isNew)
				.map((entry) => entry.factId);
		expect(await newFacts()).toEqual(['k3', 'k5']);
		expect(await db.studyCursors.get('kosovo')).toMatchObject({ prefix: 2, epoch: 0 });
		// From the cursor on: the same new facts, and the same once one of them is learnt.
		expect(await newFacts()).toEqual(['k3', 'k5']);
		await db.memory.put(memory('k3'));
		expect(await newFacts()).toEqual(['k5']);
		// Taking back the answer to k4 makes it new again: the cursor goes with the row.
		expect((await undoLast(db, 'kosovo'))?.review.factId).toBe('k4');
		expect(await db.studyCursors.get('kosovo')).toMatchObject({ prefix: 0 });
		expect(await newFacts()).toEqual(['k4', 'k5']);
		await db.delete();
	});
});
