import Dexie, { type EntityTable } from 'dexie';
import type {
	AssignmentRow,
	AttemptRow,
	MemoryRow,
	ResultRow,
	ReviewRow,
	ReviewTotalsRow,
	SettingRow,
	StudentResult,
	StudyCursorRow,
	UserDeckRow
} from '$lib/domain/types';
import { toStoredResult } from '$lib/domain/teach/stored-result';
import { addReviewToTotals } from '$lib/domain/stats/review-totals';
import { reviewTotalsMiddleware } from '$lib/db/review-totals';
import { studyCursorsMiddleware } from '$lib/db/study-cursors';
import { AGGREGATE_CACHE_KEY } from '$lib/db/cache-keys';

// The row shapes are declared in the domain; re-exported so db code names them beside the tables.
export type {
	AssignmentRow,
	AttemptRow,
	MemoryRow,
	MemorySnapshot,
	ResultRow,
	ReviewRow,
	ReviewTotalsRow,
	SettingRow,
	StudyCursorRow,
	UserDeckRow
} from '$lib/domain/types';

/** A copy of every table taken before an import replaced or merged them: a way back. */
export interface AutoBackupRow {
	id?: number;
	/** Epoch ms. */
	madeAt: number;
	/** Why it was taken, in the learner's words ("Before restoring factdeck-backup.json"). */
	reason: string;
	/** Reviews it holds, to tell the copies apart without reading them. */
	reviews: number;
	/** The backup file's text, exactly as "Download a backup" would have saved it. */
	text: string;
}

/** A version-1 result row's payload, whole enough to reshape (anything else is left as it is). */
function isLegacyResult(value: unknown): value is StudentResult {
	if (typeof value !== 'object' || value === null) return false;
	const result = value as Partial<StudentResult>;
	return (
		result.v === 1 &&
		typeof result.student === 'string' &&
		typeof result.answers === 'object' &&
		result.answers !== null
	);
}

export class FactdeckDB extends Dexie {
	memory!: EntityTable<MemoryRow, 'key'>;
	reviews!: EntityTable<ReviewRow, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	attempts!: EntityTable<AttemptRow, 'id'>;
	assignments!: EntityTable<AssignmentRow, 'id'>;
	results!: EntityTable<ResultRow, 'id'>;
	userDecks!: EntityTable<UserDeckRow, 'id'>;
	autoBackups!: EntityTable<AutoBackupRow, 'id'>;
	reviewTotals!: EntityTable<ReviewTotalsRow, 'slot'>;
	studyCursors!: EntityTable<StudyCursorRow, 'deckId'>;

	constructor(name = 'factdeck') {
		super(name);
		// Version 1: the first shipped schema. Never edit it; add a version below instead.
		// [deckId+dueAt] makes a deck's due queue one index range read; reviews are read by
		// deck and time for the day's counts and statistics, and by fact for history.
		this.version(1).stores({
			memory: '&key, [deckId+dueAt], deckId, dueAt',
			reviews: '++id, [deckId+reviewedAt], [deckId+factId], reviewedAt',
			settings: '&key',
			attempts: '&id, deckId, assignmentId, startedAt',
			assignments: '&id, createdAt',
			results: '&id, assignmentId',
			userDecks: '&id'
		});
		// Version 2: [deckId+suspended+state+dueAt], so a study step reads a deck's learning cards
		// and the head of its review queue, never every due row of a deck with a long backlog;
		// [suspended+state+dueAt], so the forecast counts due times from index keys alone.
		this.version(2).stores({
			memory:
				'&key, [deckId+dueAt], [deckId+suspended+state+dueAt], [suspended+state+dueAt], deckId, dueAt'
		});
		// Version 5: autoBackups, the last few copies of every table taken before an import, so a
		// bad restore can be taken back (as Anki's automatic backups allow). They never travel in
		// a backup file themselves.
		this.version(5).stores({ autoBackups: '++id, madeAt' });
		// Version 6: a collected result keeps its answers as [itemId, answer] pairs (a match as
		// [term, meaning] pairs), so no id or term a student typed becomes an object key that a
		// backup must refuse ("constructor"); the name is normalised as the form normalises it.
		this.version(6)
			.stores({})
			.upgrade((tx) =>
				tx
					.table('results')
					.toCollection()
					.modify((row: ResultRow) => {
						const old: unknown = row.result;
						if (!isLegacyResult(old)) return;
						row.result = toStoredResult(old);
						row.student = row.result.student;
					})
			);
		// Version 7: reviewTotals, the review log's totals by quarter hour, kept up to date in
		// every transaction that writes the log (reviewTotalsMiddleware), so /progress reads a few
		// thousand totals instead of the whole log. Built here once from the log as it stands.
		this.version(7)
			.stores({ reviewTotals: '&slot' })
			.upgrade(async (tx) => {
				// Streamed row by row: a long log never sits in memory whole.
				const slots = new Map<number, ReviewTotalsRow>();
				await tx.table('reviews').each((review: ReviewRow) => addReviewToTotals(slots, review));
				await tx.table('reviewTotals').bulkPut([...slots.values()]);
				// The day totals /progress used to cache in settings are no longer read.
				await tx.table('settings').delete(AGGREGATE_CACHE_KEY);
			});
		// Version 8: studyCursors, where each deck's new facts begin, so the study queue after an
		// answer reads a few keys past the cursor instead of every studied fact's key. Empty at
		// first: a cursor needs the deck's study order, which lives in the deck, not here, so the
		// first study read of each deck finds it (one key read, as every read did before).
		this.version(8).stores({ studyCursors: '&deckId' });
		this.use(reviewTotalsMiddleware);
		this.use(studyCursorsMiddleware);
	}
}
