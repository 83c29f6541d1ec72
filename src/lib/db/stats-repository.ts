/**
 * Reads for the progress views. The review log is never read here: its totals by quarter hour
 * are kept in `reviewTotals` by every write to the log (schema version 7), and folded into study
 * days on each visit. Errors are not caught here; the caller at the edge decides.
 */
import Dexie from 'dexie';
import type { AttemptRow, FactdeckDB, MemoryRow } from '$lib/db/schema';
import type { DayAggregates } from '$lib/domain/stats/aggregate';
import {
	LEFT_OUT_SLOT,
	addReviewToTotals,
	dayAggregatesFromTotals,
	leftOutTotals
} from '$lib/domain/stats/review-totals';
import type { ReviewTotalsRow } from '$lib/domain/types';

/** The review log's day totals, and how many of its rows they leave out. */
export interface ActivityTotals {
	aggregates: DayAggregates;
	/** Rows of the log no page can count (damaged, written around the checks). */
	leftOut: number;
}

/**
 * Per-study-day totals of the whole review log, folded from the quarter-hour totals that every
 * write to the log keeps (schema version 7): a few thousand small rows, never the log itself.
 * Only when the totals do not add up to the log's row count (rows written around Dexie, by a
 * test fixture or a tool) are they counted again from the log, once: the count records the rows
 * it had to leave out (LEFT_OUT_SLOT), so damaged rows do not make every visit count again.
 */
export async function loadActivity(
	db: FactdeckDB,
	dayStartHour: number,
	timeZone: string
): Promise<ActivityTotals> {
	const [rows, logged] = await db.transaction('r', db.reviewTotals, db.reviews, () =>
		Promise.all([db.reviewTotals.toArray(), db.reviews.count()])
	);
	const counted = rows.reduce((sum, row) => sum + row.reviews, 0);
	const totals = counted === logged ? rows : await rebuildReviewTotals(db);
	const leftOut = totals.find((row) => row.slot === LEFT_OUT_SLOT)?.reviews ?? 0;
	return { aggregates: dayAggregatesFromTotals(totals, dayStartHour, timeZone), leftOut };
}

/** The day totals of the whole review log (see loadActivity). */
export async function loadDayAggregates(
	db: FactdeckDB,
	dayStartHour: number,
	timeZone: string
): Promise<DayAggregates> {
	return (await loadActivity(db, dayStartHour, timeZone)).aggregates;
}

/**
 * Counts the review totals again from the whole log (streamed), in one transaction; rows no
 * page can count are recorded as left out (LEFT_OUT_SLOT).
 */
export function rebuildReviewTotals(db: FactdeckDB): Promise<ReviewTotalsRow[]> {
	return db.transaction('rw', db.reviews, db.reviewTotals, async () => {
		const slots = new Map<number, ReviewTotalsRow>();
		let logged = 0;
		await db.reviews.each((review) => {
			logged++;
			addReviewToTotals(slots, review);
		});
		const rows = [...slots.values()];
		const leftOut = logged - rows.reduce((sum, row) => sum + row.reviews, 0);
		if (leftOut > 0) rows.push(leftOutTotals(leftOut));
		await db.reviewTotals.clear();
		await db.reviewTotals.bulkPut(rows);
		return rows;
	});
}

/**
 * How many memory rows are missing from the [suspended+state+dueAt] index: a row of a sound
 * shape is always in it, so a row that is not has a field no page can read. Two counts, no row
 * read.
 */
export function countUnindexedMemory(db: FactdeckDB): Promise<number> {
	return db.transaction('r', db.memory, async () => {
		const [all, indexed] = await Promise.all([
			db.memory.count(),
			db.memory.orderBy('[suspended+state+dueAt]').count()
		]);
		return all - indexed;
	});
}

/** Facts due before a forecast's first day, and in each of its days. */
export interface DueCounts {
	overdue: number;
	counts: number[];
}

/**
 * How many studied, unsuspended facts (all decks) fall due before `edges[0]` and between each
 * pair of `edges` (epoch ms, ascending; see forecastEdges): counted by the database on the
 * [suspended+state+dueAt] index, so no memory row is read at all.
 */
export async function countDueByDay(db: FactdeckDB, edges: readonly number[]): Promise<DueCounts> {
	// Learning, Review, Relearning: every state but New (whose facts wait for the new-fact limit).
	const studied = [1, 2, 3];
	const count = (state: number, from: unknown, to: number) =>
		db.memory
			.where('[suspended+state+dueAt]')
			.between([0, state, from], [0, state, to], true, false)
			.count();
	return db.transaction('r', db.memory, async () => {
		const perState = await Promise.all(
			studied.map((state) =>
				Promise.all([
					count(state, Dexie.minKey, edges[0]),
					...edges.slice(1).map((edge, k) => count(state, edges[k], edge))
				])
			)
		);
		const sums = perState[0].map((_, i) => perState.reduce((sum, counts) => sum + counts[i], 0));
		return { overdue: sums[0], counts: sums.slice(1) };
	});
}

/** Every memory row of one deck (one per studied or suspended fact). */
export function loadDeckMemory(db: FactdeckDB, deckId: string): Promise<MemoryRow[]> {
	return db.memory.where('deckId').equals(deckId).toArray();
}

/** The memory rows of some facts of one deck, by fact id; facts never studied are absent. */
export async function loadFactMemory(
	db: FactdeckDB,
	deckId: string,
	factIds: readonly string[]
): Promise<Map<string, MemoryRow>> {
	// One read of the deck's rows by its index: a get per fact (bulkGet) is a long task on the
	// page's thread for a deck of thousands of facts, most of them never studied.
	const wanted = new Set(factIds);
	const rows = await db.memory.where('deckId').equals(deckId).toArray();
	const byFact = new Map<string, MemoryRow>();
	for (const row of rows) if (wanted.has(row.factId)) byFact.set(row.factId, row);
	return byFact;
}

/** Quiz attempts (all decks), oldest first; there are few, so all are read. */
export function loadAttempts(db: FactdeckDB): Promise<AttemptRow[]> {
	return db.attempts.orderBy('startedAt').toArray();
}
