/**
 * Reads and writes of study data: FSRS memory rows (one per fact) and the review log.
 * Every function takes the database first, so tests pass their own fresh instance.
 * Errors are not caught here; the caller at the edge decides what the learner sees.
 */
import Dexie, { type Collection, type InsertType } from 'dexie';
import type { FactdeckDB, MemoryRow, MemorySnapshot, ReviewRow } from '$lib/db/schema';
import {
	DEFAULT_SETTINGS,
	MEMORY_STATE,
	NEW_MEMORY,
	applyRating,
	buildQueue,
	factKey,
	isLeech,
	studyDaysBetween,
	validateSettings,
	type StudyQueue,
	type StudyRating,
	type StudySettings,
	type ValidationResult
} from '$lib/domain/study/scheduler';
import {
	PARAMETERS_SETTING_KEY,
	parseParameterRecord
} from '$lib/domain/study/optimise/parameters';

const SETTINGS_KEY = 'study';

/** Copies only the memory fields of a row, so a snapshot never carries row flags. */
function snapshotOf(row: MemorySnapshot): MemorySnapshot {
	return {
		dueAt: row.dueAt,
		stability: row.stability,
		difficulty: row.difficulty,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state,
		lastReviewAt: row.lastReviewAt
	};
}

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

export interface DeckQueue {
	queue: StudyQueue;
	/** Facts of the deck that have any memory row. */
	known: Set<string>;
	today: TodayCounts;
	/** The memory rows read for the queue, by fact id: the card shown next needs no new read. */
	rows: Map<string, MemoryRow>;
}

/**
 * One deck's study queue as of `now` (epoch ms), from reads bounded by what the queue can show:
 * every learning card due (never limited), the due reviews still allowed today, and facts made
 * new again, each one range of the [deckId+suspended+state+dueAt] index over unsuspended rows,
 * all in one read transaction. The same queue as `buildQueue` over all of the deck's due rows,
 * without reading a long backlog on every answer.
 */
export function loadStudyQueue(
	db: FactdeckDB,
	deckId: string,
	factIds: readonly string[],
	now: number,
	settings: StudySettings,
	dayStart: number
): Promise<DeckQueue> {
	const inDeck = new Set(factIds);
	const dueIn = (state: number) =>
		db.memory
			.where('[deckId+suspended+state+dueAt]')
			.between([deckId, 0, state, Dexie.minKey], [deckId, 0, state, now], true, true);
	return db.transaction('r', db.memory, db.reviews, async () => {
		const today = await countToday(db, deckId, dayStart);
		const reviewsLeft = Math.max(0, settings.reviewsPerDay - today.reviews);
		const [learning, relearning, newAgain, reviews, known] = await Promise.all([
			dueIn(MEMORY_STATE.learning).toArray(),
			dueIn(MEMORY_STATE.relearning).toArray(),
			dueIn(MEMORY_STATE.new).toArray(),
			firstInDeck(() => dueIn(MEMORY_STATE.review), reviewsLeft, inDeck),
			knownFactIds(db, deckId)
		]);
		const memories = [...learning, ...relearning, ...newAgain, ...reviews];
		const queue = buildQueue({
			now,
			settings,
			factIds,
			memories,
			newIntroducedToday: today.newIntroduced,
			reviewsDoneToday: today.reviews,
			knownFactIds: known
		});
		return { queue, known, today, rows: new Map(memories.map((row) => [row.factId, row])) };
	});
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

export interface TodayCounts {
	/** Facts answered for the first time since `dayStart`. */
	newIntroduced: number;
	/** Answers since `dayStart` to facts that were in the Review state. */
	reviews: number;
}

/**
 * What was studied since `dayStart` (epoch ms) in one deck, or in all decks for null. Answers
 * from any origin count, since a quiz answer moves the memory just as a study answer does.
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
	let newIntroduced = 0;
	let reviews = 0;
	for (const row of rows) {
		if (row.before === null || row.before.state === MEMORY_STATE.new) newIntroduced += 1;
		else if (row.before.state === MEMORY_STATE.review) reviews += 1;
	}
	return { newIntroduced, reviews };
}

export interface AnswerInput {
	deckId: string;
	factId: string;
	itemId: string;
	rating: StudyRating;
	/** Epoch ms. */
	now: number;
	durationMs: number;
	settings: StudySettings;
	origin: ReviewRow['origin'];
}

export interface RecordedAnswer {
	memory: MemoryRow;
	review: ReviewRow;
	/** True when this answer made the fact a leech. */
	isNewLeech: boolean;
}

/** Applies a rating to a fact and appends its review, in one transaction. */
export function recordAnswer(db: FactdeckDB, input: AnswerInput): Promise<RecordedAnswer> {
	const { deckId, factId, now, settings } = input;
	const key = factKey(deckId, factId);
	return db.transaction('rw', db.memory, db.reviews, async () => {
		const current = await db.memory.get(key);
		const before = current ? snapshotOf(current) : null;
		const after = applyRating(before, key, input.rating, now, settings);
		const memory: MemoryRow = {
			...after,
			key,
			deckId,
			factId,
			suspended: current?.suspended ?? 0,
			leech: current?.leech === 1 || isLeech(after) ? 1 : 0
		};
		const review: ReviewRow = {
			deckId,
			factId,
			itemId: input.itemId,
			rating: input.rating,
			reviewedAt: now,
			elapsedDays:
				before?.lastReviewAt == null
					? 0
					: studyDaysBetween(before.lastReviewAt, now, settings.dayStartHour),
			durationMs: input.durationMs,
			before,
			after,
			origin: input.origin
		};
		await db.memory.put(memory);
		review.id = await db.reviews.add(review);
		return { memory, review, isNewLeech: memory.leech === 1 && current?.leech !== 1 };
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
		const key = factKey(newest.deckId, newest.factId);
		await db.reviews.delete(newest.id);
		if (newest.before === null) {
			await db.memory.delete(key);
			return { review: newest, memory: null };
		}
		const current = await db.memory.get(key);
		const memory: MemoryRow = {
			...snapshotOf(newest.before),
			key,
			deckId: newest.deckId,
			factId: newest.factId,
			// Suspension is the learner's separate choice, not part of the answer being undone.
			suspended: current?.suspended ?? 0,
			leech: isLeech(newest.before) ? 1 : 0
		};
		await db.memory.put(memory);
		return { review: newest, memory };
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
