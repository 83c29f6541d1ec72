/**
 * Reads for the progress views. The review log can hold hundreds of thousands of rows, so it is
 * read through the reviewedAt index, only as far back as the charts look, in chunks that are
 * folded into per-study-day totals at once and never held all together.
 * Errors are not caught here; the caller at the edge decides what the learner sees.
 */
import Dexie from 'dexie';
import type { AttemptRow, FactdeckDB, MemoryRow, ReviewRow } from '$lib/db/schema';
import { addReviewToAggregates, type DayAggregates } from '$lib/domain/stats/aggregate';

const DAY_MS = 86_400_000;

/**
 * How far back (ms) the progress page reads reviews: a year of heatmap, twelve calendar months
 * and 26 ISO weeks of retention all start less than 400 days ago, whatever the day boundary.
 */
export const STATS_LOOKBACK_MS = 400 * DAY_MS;

/** Reviews read per chunk: big enough for few round trips, small enough to keep memory flat. */
export const REVIEW_CHUNK_SIZE = 10_000;

export interface AggregateOptions {
	dayStartHour: number;
	/** IANA zone; undefined for the system's own. */
	timeZone?: string;
	chunkSize?: number;
	/** Called after each chunk with the number of reviews read so far. */
	onChunk?: (rowsRead: number) => void | Promise<void>;
}

/**
 * Per-study-day totals of every review at or after `since` (epoch ms), read in chunks by the
 * reviewedAt index. Reviews sharing a timestamp across a chunk boundary are counted once.
 */
export async function aggregateReviewsSince(
	db: FactdeckDB,
	since: number,
	options: AggregateOptions
): Promise<{ aggregates: DayAggregates; rowsRead: number }> {
	const chunkSize = options.chunkSize ?? REVIEW_CHUNK_SIZE;
	const aggregates: DayAggregates = new Map();
	let lower = since;
	// Ids already counted whose reviewedAt equals `lower`: the next chunk starts at `lower` again.
	let seenAtLower = new Set<number>();
	let rowsRead = 0;
	for (;;) {
		const limit = chunkSize + seenAtLower.size;
		const rows: ReviewRow[] = await db.reviews
			.where('reviewedAt')
			.between(lower, Dexie.maxKey, true, true)
			.limit(limit)
			.toArray();
		let added = 0;
		for (const row of rows) {
			if (row.reviewedAt === lower && seenAtLower.has(row.id as number)) continue;
			addReviewToAggregates(aggregates, row, options.dayStartHour, options.timeZone);
			added += 1;
		}
		rowsRead += added;
		if (added > 0) await options.onChunk?.(rowsRead);
		// A short chunk is the end of the range; a chunk of nothing new means the same.
		if (rows.length < limit || added === 0) break;
		const last = rows[rows.length - 1].reviewedAt;
		const boundary = last === lower ? seenAtLower : new Set<number>();
		for (let i = rows.length - 1; i >= 0 && rows[i].reviewedAt === last; i -= 1) {
			boundary.add(rows[i].id as number);
		}
		seenAtLower = boundary;
		lower = last;
	}
	return { aggregates, rowsRead };
}

/**
 * Memory rows (all decks) that could fall due before `until` (epoch ms), for the forecast:
 * one range of the dueAt index rather than every memory row.
 */
export function loadDueBefore(db: FactdeckDB, until: number): Promise<MemoryRow[]> {
	return db.memory.where('dueAt').below(until).toArray();
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
	const rows = await db.memory.bulkGet(factIds.map((factId) => `${deckId}/${factId}`));
	const byFact = new Map<string, MemoryRow>();
	for (const row of rows) if (row) byFact.set(row.factId, row);
	return byFact;
}

/** Quiz attempts (all decks), oldest first; there are few, so all are read. */
export function loadAttempts(db: FactdeckDB): Promise<AttemptRow[]> {
	return db.attempts.orderBy('startedAt').toArray();
}
