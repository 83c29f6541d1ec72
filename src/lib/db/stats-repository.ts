/**
 * Reads for the progress views. Reading a review row back from IndexedDB costs far more than
 * folding it into the totals, so the per-study-day totals are kept in the settings table with a
 * watermark (the highest review id folded in): each visit reads only the reviews added since.
 * The log is append-only; when a folded row is deleted (an undo), the row count gives it away and
 * the totals are rebuilt. Errors are not caught here; the caller at the edge decides.
 */
import Dexie from 'dexie';
import { AGGREGATE_CACHE_KEY } from '$lib/db/cache-keys';
import type { AttemptRow, FactdeckDB, MemoryRow } from '$lib/db/schema';
import {
	addReviewToAggregates,
	isCountableReview,
	sortedAggregates,
	type DayAggregate,
	type DayAggregates
} from '$lib/domain/stats/aggregate';

/** Reviews read per chunk: big enough for few round trips, small enough to keep memory flat. */
export const REVIEW_CHUNK_SIZE = 10_000;

export { AGGREGATE_CACHE_KEY };

/** The saved totals; valid only for the day boundary and zone they were built with. */
export interface AggregateCache {
	v: 1;
	dayStartHour: number;
	timeZone: string;
	/** Highest review id folded in. */
	lastId: number;
	/** Reviews folded in. */
	count: number;
	days: DayAggregate[];
}

export interface AggregateOptions {
	dayStartHour: number;
	/** IANA zone the study days are counted in (part of the cache's identity). */
	timeZone: string;
	chunkSize?: number;
	/** Called after each chunk with the reviews read so far in this call and how many in all. */
	onChunk?: (rowsRead: number, toRead: number) => void | Promise<void>;
}

export interface AggregateResult {
	aggregates: DayAggregates;
	/** Reviews read from the log in this call (0 when the saved totals were up to date). */
	rowsRead: number;
	/** Reviews the totals cover. */
	count: number;
}

function isUsableCache(value: unknown, options: AggregateOptions): value is AggregateCache {
	if (typeof value !== 'object' || value === null) return false;
	const cache = value as Partial<AggregateCache>;
	return (
		cache.v === 1 &&
		cache.dayStartHour === options.dayStartHour &&
		cache.timeZone === options.timeZone &&
		typeof cache.lastId === 'number' &&
		typeof cache.count === 'number' &&
		Array.isArray(cache.days)
	);
}

/**
 * Per-study-day totals of the whole review log, brought up to date from the saved totals by
 * reading only newer reviews (by primary key, in chunks), and saved again after each chunk so
 * an interrupted first count resumes where it stopped.
 */
export async function updateDayAggregates(
	db: FactdeckDB,
	options: AggregateOptions
): Promise<AggregateResult> {
	const chunkSize = options.chunkSize ?? REVIEW_CHUNK_SIZE;
	const saved = (await db.settings.get(AGGREGATE_CACHE_KEY))?.value;
	let cache: AggregateCache | null = isUsableCache(saved, options) ? saved : null;
	const total = await db.reviews.count();
	if (cache) {
		const newer = await db.reviews.where('id').above(cache.lastId).count();
		// Fewer rows than counted plus the new ones: a folded review was deleted.
		if (cache.count + newer !== total) cache = null;
	}
	const toRead = total - (cache?.count ?? 0);
	const aggregates: DayAggregates = new Map(cache?.days.map((day) => [day.day, day]) ?? []);
	let lastId = cache?.lastId ?? 0;
	let count = cache?.count ?? 0;
	let rowsRead = 0;
	for (;;) {
		const rows = await db.reviews.where('id').above(lastId).limit(chunkSize).toArray();
		if (rows.length === 0) break;
		for (const row of rows) {
			if (!isCountableReview(row)) continue;
			addReviewToAggregates(aggregates, row, options.dayStartHour, options.timeZone);
		}
		lastId = rows[rows.length - 1].id as number;
		count += rows.length;
		rowsRead += rows.length;
		const value: AggregateCache = {
			v: 1,
			dayStartHour: options.dayStartHour,
			timeZone: options.timeZone,
			lastId,
			count,
			days: sortedAggregates(aggregates)
		};
		await db.settings.put({ key: AGGREGATE_CACHE_KEY, value });
		await options.onChunk?.(rowsRead, Math.max(toRead, rowsRead));
		if (rows.length < chunkSize) break;
	}
	return { aggregates, rowsRead, count };
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
	// factKey's format, written out: importing the scheduler would put ts-fsrs in the stats worker.
	const rows = await db.memory.bulkGet(factIds.map((factId) => `${deckId}/${factId}`));
	const byFact = new Map<string, MemoryRow>();
	for (const row of rows) if (row) byFact.set(row.factId, row);
	return byFact;
}

/** Quiz attempts (all decks), oldest first; there are few, so all are read. */
export function loadAttempts(db: FactdeckDB): Promise<AttemptRow[]> {
	return db.attempts.orderBy('startedAt').toArray();
}
