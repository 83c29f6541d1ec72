/**
 * Reads and writes of study data: FSRS memory rows (one per fact) and the review log.
 * Every function takes the database first, so tests pass their own fresh instance.
 * Errors are not caught here; the caller at the edge decides what the learner sees.
 */
import Dexie, { type Collection, type InsertType } from 'dexie';
import type { FactdeckDB, MemoryRow, ReviewRow } from '$lib/db/schema';
import {
	applyBalance,
	balanceAnswer,
	isSameWindow,
	readBalance
} from '$lib/db/load-balance-repository';
import {
	answerFuzzWindow,
	answerOutcome,
	regradeOutcome,
	undoOutcome,
	type AnswerInput,
	type AnswerOutcome
} from '$lib/domain/study/answer-outcome';
import type { StudyRating } from '$lib/domain/study/fsrs-adapter';
import type { MemorySnapshot } from '$lib/domain/types';
import { factKey, MEMORY_STATE, NEW_MEMORY } from '$lib/domain/study/memory';
import { WAIT_WINDOW_MS } from '$lib/domain/study/session-summary';
import { buildQueue, type StudyQueue } from '$lib/domain/study/study-queue';
import {
	DEFAULT_SETTINGS,
	validateSettings,
	type StudySettings,
	type ValidationResult
} from '$lib/domain/study/study-settings';
import {
	countAnswers,
	newLeftToday,
	reviewsLeftToday,
	type TodayCounts
} from '$lib/domain/study/today-counts';
import { findUnstudied, readCursor, saveCursor } from '$lib/db/study-cursors';
import {
	PARAMETERS_SETTING_KEY,
	parseParameterRecord
} from '$lib/domain/study/optimise/parameters';

export type { AnswerInput } from '$lib/domain/study/answer-outcome';
export type { TodayCounts } from '$lib/domain/study/today-counts';

const SETTINGS_KEY = 'study';

/**
 * A deck's memory rows due by `now` (epoch ms), earliest first, suspended ones included: one
 * index range read, stopped after `limit` rows when given (a study step needs only the head).
 */
export function loadDueRows(
	db: FactdeckDB,
	deckId: string,
	now: number,
	limit?: number
): Promise<MemoryRow[]> {
	const range = db.memory
		.where('[deckId+dueAt]')
		.between([deckId, Dexie.minKey], [deckId, now], true, true);
	return limit === undefined ? range.toArray() : range.limit(limit).toArray();
}

/** The memory row of one fact, if it was ever studied or suspended. */
export function getMemory(
	db: FactdeckDB,
	deckId: string,
	factId: string
): Promise<MemoryRow | undefined> {
	return db.memory.get(factKey(deckId, factId));
}

/** Ids of the deck's facts that have a memory row, read from keys only. */
export async function knownFactIds(db: FactdeckDB, deckId: string): Promise<Set<string>> {
	const keys = await db.memory.where('deckId').equals(deckId).primaryKeys();
	const prefix = factKey(deckId, '');
	return new Set(keys.map((key) => key.slice(prefix.length)));
}

export interface StudyQueueRead {
	queue: StudyQueue;
	today: TodayCounts;
	/** The memory rows read for the queue, by fact id: the card shown next needs no new read. */
	rows: Map<string, MemoryRow>;
}

/**
 * One deck's study queue as of `now` (epoch ms), from reads bounded by what the queue can show:
 * every learning card due (never limited), the due reviews still allowed today, and facts made
 * new again, each one range of the [deckId+suspended+state+dueAt] index over unsuspended rows,
 * and the new facts from the deck's study cursor on (study-cursors.ts), all in one read
 * transaction. The same queue as `buildQueue` over all of the deck's due rows and keys, without
 * reading a long backlog or every studied fact's key on every answer.
 */
export async function loadStudyQueue(
	db: FactdeckDB,
	deckId: string,
	factIds: readonly string[],
	now: number,
	settings: StudySettings,
	dayStart: number
): Promise<StudyQueueRead> {
	const inDeck = new Set(factIds);
	const dueIn = (state: number, upTo = now) =>
		db.memory
			.where('[deckId+suspended+state+dueAt]')
			.between([deckId, 0, state, Dexie.minKey], [deckId, 0, state, upTo], true, true);
	// Learning cards due soon are counted (the session waits for them), not shown yet.
	const learnAhead = now + WAIT_WINDOW_MS;
	const read = await db.transaction('r', db.memory, db.reviews, db.studyCursors, async () => {
		const [today, cursor] = await Promise.all([
			countToday(db, deckId, dayStart),
			readCursor(db, deckId, factIds)
		]);
		const reviewsLeft = reviewsLeftToday(settings, today);
		const [learning, relearning, newAgain, reviews, unstudied] = await Promise.all([
			dueIn(MEMORY_STATE.learning, learnAhead).toArray(),
			dueIn(MEMORY_STATE.relearning, learnAhead).toArray(),
			dueIn(MEMORY_STATE.new).toArray(),
			firstInDeck(() => dueIn(MEMORY_STATE.review), reviewsLeft, inDeck),
			findUnstudied(db, cursor, factIds, newLeftToday(settings, today))
		]);
		const memories = [...learning, ...relearning, ...newAgain, ...reviews];
		const fresh = new Set(unstudied.ids);
		const queue = buildQueue({
			now,
			settings,
			factIds,
			memories,
			today,
			// Past the first new facts found, whether a fact is known changes nothing.
			knownFactIds: { has: (id) => !fresh.has(id) }
		});
		return {
			result: { queue, today, rows: new Map(memories.map((row) => [row.factId, row])) },
			cursor,
			unstudied
		};
	});
	await saveCursor(db, read.cursor, factIds, read.unstudied);
	return read.result;
}

/**
 * The first `count` rows of a range whose facts the deck still has, read a page at a time (a
 * native limited read), so rows of facts a deck has dropped never cost more than a page.
 */
async function firstInDeck(
	range: () => Collection<MemoryRow, string, InsertType<MemoryRow, 'key'>>,
	count: number,
	inDeck: ReadonlySet<string>
): Promise<MemoryRow[]> {
	const found: MemoryRow[] = [];
	const page = Math.max(count, 1);
	for (let offset = 0; found.length < count; offset += page) {
		const rows = await range().offset(offset).limit(page).toArray();
		for (const row of rows) if (inDeck.has(row.factId)) found.push(row);
		if (rows.length < page) break;
	}
	return found.slice(0, count);
}

/**
 * What was answered since `dayStart` (epoch ms) in one deck, or in all decks for null, counted
 * by countAnswers. Answers from any origin count, since a quiz answer moves the memory just as a
 * study answer does.
 */
export async function countToday(
	db: FactdeckDB,
	deckId: string | null,
	dayStart: number
): Promise<TodayCounts> {
	const rows =
		deckId === null
			? await db.reviews.where('reviewedAt').aboveOrEqual(dayStart).toArray()
			: await db.reviews
					.where('[deckId+reviewedAt]')
					.between([deckId, dayStart], [deckId, Dexie.maxKey], true, true)
					.toArray();
	return countAnswers(rows);
}

export interface RecordedAnswer extends AnswerOutcome {
	/** The review as stored, with its id. */
	review: ReviewRow;
}

/** Applies a rating to a fact and appends its review, in one transaction. */
export function recordAnswer(db: FactdeckDB, input: AnswerInput): Promise<RecordedAnswer> {
	return db.transaction('rw', db.memory, db.reviews, async () => {
		const current = await db.memory.get(factKey(input.deckId, input.factId));
		// Load balancing may move the due day within the fuzz range (load-balance-repository.ts).
		const outcome = await balanceAnswer(db, current, input, answerOutcome(current, input));
		return writeOutcome(db, outcome);
	});
}

/** Writes an answer's memory row and review row at once (neither waits for the other). */
async function writeOutcome(db: FactdeckDB, outcome: AnswerOutcome): Promise<RecordedAnswer> {
	const [, id] = await Promise.all([db.memory.put(outcome.memory), db.reviews.add(outcome.review)]);
	outcome.review.id = id;
	return outcome;
}

/** True when a fact's memory is the one a card was drawn with (no answer or undo since). */
function isSameMemory(current: MemoryRow | undefined, drawn: MemorySnapshot | null): boolean {
	if (!current || !drawn) return !current && !drawn;
	return (
		current.reps === drawn.reps &&
		current.lapses === drawn.lapses &&
		current.state === drawn.state &&
		current.dueAt === drawn.dueAt &&
		current.lastReviewAt === drawn.lastReviewAt
	);
}

/**
 * recordAnswer, unless the fact's memory changed since the card was drawn with `drawn` (null: it
 * was new): another tab answered it (or undid an answer to it) meanwhile, so this answer would
 * review the fact twice in one drawing. Null, and nothing written, in that case. The load
 * balancing counts are read from the drawn memory while the current row is read (one round trip
 * instead of two), and again only if the current row gives another fuzz window.
 */
export function recordAnswerIfUnchanged(
	db: FactdeckDB,
	input: AnswerInput,
	drawn: MemorySnapshot | null
): Promise<RecordedAnswer | null> {
	const key = factKey(input.deckId, input.factId);
	const drawnRow = drawn
		? ({ ...drawn, key, deckId: input.deckId, factId: input.factId } as MemoryRow)
		: undefined;
	return db.transaction('rw', db.memory, db.reviews, async () => {
		const [current, early] = await Promise.all([
			db.memory.get(key),
			readBalance(db, drawnRow, input)
		]);
		if (!isSameMemory(current, drawn)) return null;
		const balance = isSameWindow(early, answerFuzzWindow(current, input))
			? early
			: await readBalance(db, current, input);
		return writeOutcome(db, applyBalance(answerOutcome(current, input), balance, input));
	});
}

/**
 * Changes the rating of a stored answer (review `reviewId`) to `rating`: the same review row,
 * rated again from the memory it started from, with the fact's memory rewritten to match, in one
 * transaction. Only the newest answer to its fact can change (a later answer built on it); null
 * when the review is gone or is not the newest.
 */
export function changeRating(
	db: FactdeckDB,
	reviewId: number,
	rating: StudyRating,
	settings: StudySettings
): Promise<RecordedAnswer | null> {
	return db.transaction('rw', db.memory, db.reviews, async () => {
		const review = await db.reviews.get(reviewId);
		if (!review) return null;
		const newest = await db.reviews
			.where('[deckId+factId]')
			.equals([review.deckId, review.factId])
			.last();
		if (newest?.id !== reviewId) return null;
		const current = await db.memory.get(factKey(review.deckId, review.factId));
		const outcome = regradeOutcome(review, current, rating, settings);
		await db.memory.put(outcome.memory);
		// The review totals follow in this transaction (reviewTotalsMiddleware).
		await db.reviews.put(outcome.review);
		return outcome;
	});
}

export interface UndoneAnswer {
	/** The review row that was deleted. */
	review: ReviewRow;
	/** The memory row as restored, or null when the fact is new again. */
	memory: MemoryRow | null;
}

/**
 * Takes back the newest answer (by reviewedAt) in one deck, or in any deck for null: deletes its
 * review row and restores the fact's memory from `before`. Only study answers are undone; when
 * the newest answer came from elsewhere nothing changes and null is returned.
 */
export function undoLast(db: FactdeckDB, deckId: string | null): Promise<UndoneAnswer | null> {
	return db.transaction('rw', db.memory, db.reviews, async () => {
		const newest =
			deckId === null
				? await db.reviews.orderBy('reviewedAt').last()
				: await db.reviews
						.where('[deckId+reviewedAt]')
						.between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true)
						.last();
		if (!newest || newest.origin !== 'study' || newest.id === undefined) return null;
		const current = await db.memory.get(factKey(newest.deckId, newest.factId));
		const memory = undoOutcome(newest, current);
		await db.reviews.delete(newest.id);
		if (memory) await db.memory.put(memory);
		else await db.memory.delete(factKey(newest.deckId, newest.factId));
		return { review: newest, memory };
	});
}

/**
 * Takes back one answer, review `reviewId` (an answer this tab gave): deletes it and restores the
 * fact's memory from `before`, in one transaction. Refused (null, nothing changed) when the review
 * is gone, is not a study answer, or is not the newest answer to its fact (an answer in another
 * tab has built on it since).
 */
export function undoReview(db: FactdeckDB, reviewId: number): Promise<UndoneAnswer | null> {
	return db.transaction('rw', db.memory, db.reviews, async () => {
		const review = await db.reviews.get(reviewId);
		if (!review || review.origin !== 'study') return null;
		const newest = await db.reviews
			.where('[deckId+factId]')
			.equals([review.deckId, review.factId])
			.last();
		if (newest?.id !== reviewId) return null;
		const key = factKey(review.deckId, review.factId);
		const memory = undoOutcome(review, await db.memory.get(key));
		await db.reviews.delete(reviewId);
		if (memory) await db.memory.put(memory);
		else await db.memory.delete(key);
		return { review, memory };
	});
}

/** Suspends a fact (kept out of every queue) or releases it. */
export function setSuspended(
	db: FactdeckDB,
	deckId: string,
	factId: string,
	isSuspended: boolean
): Promise<void> {
	const key = factKey(deckId, factId);
	return db.transaction('rw', db.memory, async () => {
		const current = await db.memory.get(key);
		if (current) {
			// A row that only ever held a suspension goes, so the fact is plainly new again.
			if (!isSuspended && current.state === MEMORY_STATE.new) await db.memory.delete(key);
			else await db.memory.update(key, { suspended: isSuspended ? 1 : 0 });
		} else if (isSuspended) {
			await db.memory.add({ ...NEW_MEMORY, key, deckId, factId, suspended: 1, leech: 0 });
		}
	});
}

/**
 * The saved study settings, with defaults for fields a stored value lacks; the defaults
 * altogether if what is stored no longer validates (only saveSettings writes it).
 */
export async function getSettings(db: FactdeckDB): Promise<StudySettings> {
	const [row, parametersRow] = await db.settings.bulkGet([SETTINGS_KEY, PARAMETERS_SETTING_KEY]);
	// Fitted FSRS parameters live in their own row (the optimiser writes them, not the form).
	const parameters = parseParameterRecord(parametersRow?.value).current ?? undefined;
	const withParameters = (settings: StudySettings) =>
		parameters ? { ...settings, parameters } : settings;
	if (!row || typeof row.value !== 'object' || row.value === null)
		return withParameters({ ...DEFAULT_SETTINGS });
	const result = validateSettings({ ...DEFAULT_SETTINGS, ...row.value });
	return withParameters(result.ok ? result.value : { ...DEFAULT_SETTINGS });
}

/** Validates and saves study settings; nothing is written when they are invalid. */
export async function saveSettings(db: FactdeckDB, value: unknown): Promise<ValidationResult> {
	const result = validateSettings(value);
	if (result.ok) await db.settings.put({ key: SETTINGS_KEY, value: result.value });
	return result;
}

/**
 * Changes some study settings and keeps the rest, in one transaction: the settings form edits
 * the daily limits, Settings → Scheduling the maximum interval, load balancing and the decks'
 * own retentions, and neither overwrites the other's. Nothing is written when the result is
 * invalid.
 */
export function updateSettings(
	db: FactdeckDB,
	patch: Partial<Omit<StudySettings, 'parameters'>>
): Promise<ValidationResult> {
	return db.transaction('rw', db.settings, async () => {
		const row = await db.settings.get(SETTINGS_KEY);
		const stored = typeof row?.value === 'object' && row.value !== null ? row.value : {};
		const result = validateSettings({ ...DEFAULT_SETTINGS, ...stored, ...patch });
		if (result.ok) await db.settings.put({ key: SETTINGS_KEY, value: result.value });
		return result;
	});
}

/**
 * The earliest due time (epoch ms) of studied, unsuspended facts in one deck or in all decks
 * (null); when `factIds` is given, only those facts count. Null when nothing is scheduled.
 */
export async function nextDueAt(
	db: FactdeckDB,
	deckId: string | null,
	factIds?: ReadonlySet<string>
): Promise<number | null> {
	const isScheduled = (row: MemoryRow) =>
		row.suspended === 0 && row.state !== MEMORY_STATE.new && (!factIds || factIds.has(row.factId));
	const collection =
		deckId === null
			? db.memory.orderBy('dueAt')
			: db.memory
					.where('[deckId+dueAt]')
					.between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true);
	const first = await collection.filter(isScheduled).first();
	return first?.dueAt ?? null;
}

/** Facts with memory rows that the deck no longer has, sorted; reported, never deleted. */
export async function vanishedFacts(
	db: FactdeckDB,
	deckId: string,
	currentFactIds: Iterable<string>
): Promise<string[]> {
	const current = new Set(currentFactIds);
	const known = await knownFactIds(db, deckId);
	return [...known].filter((id) => !current.has(id)).sort();
}
