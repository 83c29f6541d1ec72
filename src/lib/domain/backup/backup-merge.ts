/**
 * What importing a backup does to the tables already on this device, decided before anything is
 * written, so the learner sees the counts first and the write is one plain transaction.
 *
 * - replace: the device ends up holding exactly the file's rows.
 * - merge: per fact the newer memory wins (by `lastReviewAt`), but a memory its own history
 *   cannot explain (a review that is not in the united log, a time still to come, a due date
 *   beyond its interval) loses to one it can, so a poisoned row is repaired by the genuine
 *   backup merged after it; the review logs are united without
 *   duplicates (a review is deckId+factId+reviewedAt+itemId); other rows are added when missing,
 *   and where both sides hold one, the more advanced one wins (a submitted or fuller quiz attempt,
 *   a more recently updated user deck); settings already on this device are kept.
 */
import {
	TABLE_NAMES,
	primaryKey,
	type BackupTables,
	type MemoryRowData,
	type ReviewRowData,
	type TableName
} from '$lib/domain/backup/backup-schema';
import { CLOCK_SKEW_MS, snapshotProblem } from '$lib/domain/backup/backup-meaning';

export type ImportMode = 'replace' | 'merge';

/** Rows per table, in the words the learner sees. */
export interface TableCounts {
	added: number;
	updated: number;
	unchanged: number;
	/** Rows on this device that the import deletes (replace only). */
	removed: number;
}

export type ImportSummary = Record<TableName, TableCounts>;

/** The rows to write: replace clears every table first; merge only puts `rows`. */
export interface ImportPlan {
	mode: ImportMode;
	summary: ImportSummary;
	/** For replace, every table's full new content; for merge, the rows to add or overwrite. */
	rows: BackupTables;
}

type Row = BackupTables[TableName][number];

/** A review's identity across devices: the same answer logged twice is one review. */
export function reviewIdentity(
	review: Pick<ReviewRowData, 'deckId' | 'factId' | 'reviewedAt' | 'itemId'>
): string {
	return JSON.stringify([review.deckId, review.factId, review.reviewedAt, review.itemId]);
}

/** JSON with sorted keys, so two rows compare equal whatever order their fields were written. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner)
			? Object.fromEntries(
					Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
				)
			: inner
	);
}

function identity(table: TableName, row: Row): string {
	if (table === 'reviews') return reviewIdentity(row as ReviewRowData);
	return String(primaryKey(table, row));
}

/** Rows compared without the review's local auto-increment id, which differs per device. */
function content(table: TableName, row: Row): string {
	if (table === 'reviews') {
		const { id: _id, ...rest } = row as ReviewRowData;
		return canonical(rest);
	}
	return canonical(row);
}

function emptyCounts(): TableCounts {
	return { added: 0, updated: 0, unchanged: 0, removed: 0 };
}

/**
 * Whether a memory row is one its history explains at `now` (epoch ms): FSRS could have made it
 * by now, and when the united review log knows the fact, a review of it at `lastReviewAt` left
 * exactly this due date.
 */
export type MemorySupport = (row: MemoryRowData) => boolean;

/** The support test for memory rows, given every review on both sides. */
export function memorySupport(reviews: readonly ReviewRowData[], now: number): MemorySupport {
	const history = new Map<string, Set<string>>();
	for (const review of reviews) {
		const key = `${review.deckId}/${review.factId}`;
		let outcomes = history.get(key);
		if (!outcomes) history.set(key, (outcomes = new Set()));
		outcomes.add(`${review.reviewedAt}:${review.after.dueAt}`);
	}
	return (row) => {
		if (snapshotProblem(row, now + CLOCK_SKEW_MS)) return false;
		if (row.lastReviewAt === null) return true;
		const outcomes = history.get(row.key);
		return outcomes === undefined || outcomes.has(`${row.lastReviewAt}:${row.dueAt}`);
	};
}

/** True when the incoming row should overwrite the row already on the device (merge). */
function incomingWins(
	table: TableName,
	current: Row,
	incoming: Row,
	isSupported: MemorySupport
): boolean {
	switch (table) {
		case 'memory': {
			const mine = isSupported(current as MemoryRowData);
			const theirs = isSupported(incoming as MemoryRowData);
			if (mine !== theirs) return theirs;
			const a = (current as MemoryRowData).lastReviewAt ?? -Infinity;
			const b = (incoming as MemoryRowData).lastReviewAt ?? -Infinity;
			return b > a;
		}
		case 'attempts': {
			const progress = (row: Row) => {
				const attempt = row as BackupTables['attempts'][number];
				return (attempt.submittedAt === null ? 0 : 1_000_000) + Object.keys(attempt.answers).length;
			};
			return progress(incoming) > progress(current);
		}
		case 'userDecks':
			return (
				(incoming as BackupTables['userDecks'][number]).updatedAt >
				(current as BackupTables['userDecks'][number]).updatedAt
			);
		default:
			return false;
	}
}

function planTable(
	table: TableName,
	current: readonly Row[],
	incoming: readonly Row[],
	mode: ImportMode,
	isSupported: MemorySupport
): { counts: TableCounts; rows: Row[] } {
	const counts = emptyCounts();
	const existing = new Map<string, Row>();
	for (const row of current) existing.set(identity(table, row), row);
	const seen = new Set<string>();
	const rows: Row[] = [];
	for (const row of incoming) {
		const key = identity(table, row);
		if (seen.has(key)) continue;
		seen.add(key);
		const mine = existing.get(key);
		// Reviews get fresh local ids: the file's ids may be taken here, and mixing given ids with
		// generated ones could collide.
		const toWrite = table === 'reviews' ? withoutId(row as ReviewRowData) : row;
		if (mode === 'replace') {
			rows.push(toWrite);
			if (!mine) counts.added += 1;
			else if (content(table, mine) === content(table, row)) counts.unchanged += 1;
			else counts.updated += 1;
		} else if (!mine) {
			counts.added += 1;
			rows.push(toWrite);
		} else if (
			content(table, mine) !== content(table, row) &&
			incomingWins(table, mine, row, isSupported)
		) {
			counts.updated += 1;
			rows.push(toWrite);
		} else {
			counts.unchanged += 1;
		}
	}
	if (mode === 'replace') {
		for (const key of existing.keys()) if (!seen.has(key)) counts.removed += 1;
	}
	return { counts, rows };
}

function withoutId(review: ReviewRowData): ReviewRowData {
	const { id: _id, ...rest } = review;
	return rest;
}

/**
 * Decides every row an import made at `now` (epoch ms) writes, and counts added, updated,
 * unchanged and removed rows.
 */
export function planImport(
	current: BackupTables,
	incoming: BackupTables,
	mode: ImportMode,
	now: number
): ImportPlan {
	const summary = {} as ImportSummary;
	const rows = {} as Record<TableName, Row[]>;
	const isSupported = memorySupport([...current.reviews, ...incoming.reviews], now);
	for (const table of TABLE_NAMES) {
		const planned = planTable(table, current[table], incoming[table], mode, isSupported);
		summary[table] = planned.counts;
		rows[table] = planned.rows;
	}
	return { mode, summary, rows: rows as BackupTables };
}

/** True when applying the plan would change nothing on the device. */
export function isNoOp(summary: ImportSummary): boolean {
	return TABLE_NAMES.every((table) => {
		const counts = summary[table];
		return counts.added + counts.updated + counts.removed === 0;
	});
}
