// Runs inside Chromium (bundled by scripts/bench.ts): seeds a large collection into the app's own
// database and times the app's data layer against raw IndexedDB doing the same reads and writes.
import { FactdeckDB, type MemoryRow, type ReviewRow } from '$lib/db/schema';
import {
	countToday,
	knownFactIds,
	loadDueRows,
	loadStudyQueue,
	recordAnswerIfUnchanged
} from '$lib/db/study-repository';
import { buildQueue } from '$lib/domain/study/study-queue';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';

const DAY = 86_400_000;

function memoryRow(deckId: string, n: number, now: number): MemoryRow {
	return {
		key: `${deckId}/f${n}`,
		deckId,
		factId: `f${n}`,
		dueAt: now - DAY * 30 + ((n * 7919) % (DAY * 60)),
		stability: 5 + (n % 50),
		difficulty: 1 + (n % 9),
		scheduledDays: 3,
		learningSteps: 0,
		reps: 4,
		lapses: n % 3,
		state: 2,
		lastReviewAt: now - DAY * 3,
		suspended: 0,
		leech: 0
	};
}

function reviewRow(deckId: string, n: number, now: number): ReviewRow {
	const snapshot = {
		dueAt: now,
		stability: 5,
		difficulty: 5,
		scheduledDays: 3,
		learningSteps: 0,
		reps: 3,
		lapses: 0,
		state: 2 as const,
		lastReviewAt: now - DAY * 4
	};
	return {
		deckId,
		factId: `f${n % 10_000}`,
		itemId: `i${n % 10_000}`,
		rating: ((n % 4) + 1) as 1 | 2 | 3 | 4,
		reviewedAt: now - ((n * 104_729) % (DAY * 365)),
		elapsedDays: 3,
		durationMs: 4000 + (n % 5000),
		before: snapshot,
		after: { ...snapshot, reps: 4, lastReviewAt: now },
		origin: 'study'
	};
}

/**
 * Fills the app's database: `facts` memory rows (numbered from `fromFact`) over `decks` decks and
 * `reviews` log rows.
 */
async function seed(
	facts: number,
	reviews: number,
	decks: number,
	fromFact = 0
): Promise<{ memory: number; reviews: number }> {
	const db = new FactdeckDB();
	const now = Date.now();
	const chunk = 20_000;
	const end = fromFact + facts;
	for (let start = fromFact; start < end; start += chunk) {
		const rows = [];
		for (let n = start; n < Math.min(end, start + chunk); n++)
			rows.push(memoryRow(`bench-${n % decks}`, n, now));
		await db.memory.bulkPut(rows);
	}
	for (let start = 0; start < reviews; start += chunk) {
		const rows = [];
		for (let n = start; n < Math.min(reviews, start + chunk); n++)
			rows.push(reviewRow(`bench-${n % decks}`, n, now));
		await db.reviews.bulkAdd(rows);
	}
	const counts = { memory: await db.memory.count(), reviews: await db.reviews.count() };
	db.close();
	return counts;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function timeIt(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn(i);
		times.push(performance.now() - start);
	}
	return median(times);
}

function openRaw(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open('factdeck');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/** A deck's first `count` due rows by a raw `getAll` on the index Dexie names "[deckId+dueAt]". */
function rawDueRows(
	raw: IDBDatabase,
	deckId: string,
	now: number,
	count: number
): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const request = raw
			.transaction('memory', 'readonly')
			.objectStore('memory')
			.index('[deckId+dueAt]')
			.getAll(IDBKeyRange.bound([deckId, -Infinity], [deckId, now]), count);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/** The due queue through the app (loadDueRows, limit 50) against a raw index range read. */
async function dueQueue(runs: number): Promise<{ app: number; raw: number; rows: number }> {
	const db = new FactdeckDB();
	await db.open();
	const now = Date.now();
	let rows = 0;
	const app = await timeIt(runs, async () => {
		rows = (await loadDueRows(db, 'bench-0', now, 50)).length;
	});
	db.close();
	const raw = await openRaw();
	const rawTime = await timeIt(runs, () => rawDueRows(raw, 'bench-0', now, 50));
	raw.close();
	return { app, raw: rawTime, rows };
}

/**
 * One answer committed by the app as a study card commits it (recordAnswerIfUnchanged, given the
 * memory the card was drawn with: memory + log row and the review totals, load balanced, one
 * transaction) against a raw put pair.
 */
async function answerCommit(runs: number): Promise<{ app: number; raw: number }> {
	const db = new FactdeckDB();
	await db.open();
	const now = Date.now();
	const factIds = Array.from({ length: runs }, (_, i) => `f${1 + i * 10}`);
	// The card on screen already has its memory (read with the queue): not part of the answer.
	const drawn = await db.memory.bulkGet(factIds.map((factId) => `bench-1/${factId}`));
	const app = await timeIt(runs, async (i) => {
		const answered = await recordAnswerIfUnchanged(
			db,
			{
				deckId: 'bench-1',
				factId: factIds[i],
				itemId: 'i',
				rating: 3,
				now: now + i,
				durationMs: 3000,
				settings: DEFAULT_SETTINGS,
				origin: 'study'
			},
			drawn[i] ?? null
		);
		if (!answered) throw new Error('the answer was refused');
	});
	db.close();
	const raw = await openRaw();
	const rawTime = await timeIt(
		runs,
		(i) =>
			new Promise((resolve, reject) => {
				const tx = raw.transaction(['memory', 'reviews'], 'readwrite');
				tx.objectStore('memory').put(memoryRow('bench-2', 2 + i * 10, now));
				tx.objectStore('reviews').add(reviewRow('bench-2', i, now));
				tx.oncomplete = () => resolve(undefined);
				tx.onerror = () => reject(tx.error);
			})
	);
	raw.close();
	return { app, raw: rawTime };
}

/**
 * The study queue of one deck as a study step reads it after each answer (loadStudyQueue), and
 * the same queue built from every due row of the deck (the read it replaced), against a raw read
 * of the rows the queue shows: the first `reviewsPerDay` due rows of the deck.
 */
async function studyQueue(
	runs: number
): Promise<{ app: number; unbounded: number; raw: number; facts: number; due: number }> {
	const db = new FactdeckDB();
	await db.open();
	const now = Date.now();
	const deckId = 'bench-0';
	const keys = await db.memory.where('deckId').equals(deckId).primaryKeys();
	const factIds = keys.map((key) => key.slice(deckId.length + 1));
	const settings = DEFAULT_SETTINGS;
	// A study day begun an hour ago: the seeded log spreads its rows over a year, so a whole
	// day of them would already use up the daily review limit.
	const dayStart = now - 3_600_000;
	let due = 0;
	const app = await timeIt(runs, async () => {
		const read = await loadStudyQueue(db, deckId, factIds, now, settings, dayStart);
		due = read.queue.counts.due;
	});
	const unbounded = await timeIt(runs, async () => {
		const [rows, known, today] = await Promise.all([
			loadDueRows(db, deckId, now),
			knownFactIds(db, deckId),
			countToday(db, deckId, dayStart)
		]);
		buildQueue({
			now,
			settings,
			factIds,
			memories: rows,
			today,
			knownFactIds: known
		});
	});
	db.close();
	const raw = await openRaw();
	const rawTime = await timeIt(runs, () => rawDueRows(raw, deckId, now, settings.reviewsPerDay));
	raw.close();
	return { app, unbounded, raw: rawTime, facts: factIds.length, due };
}

/** Runs one readonly transaction of raw requests and resolves when it completes. */
function rawReads(
	raw: IDBDatabase,
	stores: string[],
	requests: (tx: IDBTransaction) => void
): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = raw.transaction(stores, 'readonly');
		requests(tx);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
}

/**
 * The baseline of the study page's first card: the reads it needs (settings, the deck's memory
 * keys, its due rows by state, today's answers) as raw requests in one transaction.
 */
async function rawStudyReads(runs: number, deckId: string): Promise<number> {
	const raw = await openRaw();
	const now = Date.now();
	const time = await timeIt(runs, () =>
		rawReads(raw, ['settings', 'memory', 'reviews'], (tx) => {
			tx.objectStore('settings').get('study');
			const memory = tx.objectStore('memory');
			memory.index('deckId').getAllKeys(deckId);
			const byState = memory.index('[deckId+suspended+state+dueAt]');
			for (const state of [0, 1, 3]) {
				byState.getAll(IDBKeyRange.bound([deckId, 0, state, -Infinity], [deckId, 0, state, now]));
			}
			byState.getAll(IDBKeyRange.bound([deckId, 0, 2, -Infinity], [deckId, 0, 2, now]), 200);
			tx.objectStore('reviews')
				.index('[deckId+reviewedAt]')
				.getAll(IDBKeyRange.bound([deckId, now - DAY], [deckId, Infinity]));
		})
	);
	raw.close();
	return time;
}

/**
 * The baseline of /progress: the reads a visit needs, as raw requests in one transaction. Every
 * visit alike (no visit reads the review log): the kept review totals and the log's row count,
 * the forecast's counts of due facts per day (3 states x 31 days) on the schedule index, the
 * memory counts that look for damaged rows, the deck's memory rows, the quiz attempts, and the
 * learner's decks and settings that the damage check reads.
 */
async function rawProgressReads(runs: number): Promise<number> {
	const raw = await openRaw();
	const now = Date.now();
	const time = await timeIt(runs, () =>
		rawReads(
			raw,
			['settings', 'memory', 'reviews', 'reviewTotals', 'attempts', 'userDecks'],
			(tx) => {
				tx.objectStore('reviewTotals').getAll();
				tx.objectStore('reviews').count();
				const memory = tx.objectStore('memory');
				const byState = memory.index('[suspended+state+dueAt]');
				for (const state of [1, 2, 3]) {
					byState.count(IDBKeyRange.upperBound([0, state, now], true));
					for (let day = 0; day < 31; day++) {
						byState.count(
							IDBKeyRange.bound(
								[0, state, now + day * DAY],
								[0, state, now + (day + 1) * DAY],
								false,
								true
							)
						);
					}
				}
				memory.count();
				byState.count();
				memory.index('deckId').getAll('kosovo');
				tx.objectStore('attempts').getAll();
				tx.objectStore('userDecks').getAll();
				tx.objectStore('settings').getAll();
			}
		)
	);
	raw.close();
	return time;
}

(globalThis as unknown as { factdeckBench: unknown }).factdeckBench = {
	seed,
	dueQueue,
	answerCommit,
	studyQueue,
	rawStudyReads,
	rawProgressReads
};
