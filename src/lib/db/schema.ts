import Dexie, { type EntityTable } from 'dexie';
import type { Answer, Assignment, Deck, StudentResult } from '$lib/domain/types';
import { toStoredResult, type StoredResult } from '$lib/domain/teach/result-codec';

/** FSRS memory of one fact, flattened so every field is plain data (times in epoch ms). */
export interface MemorySnapshot {
	dueAt: number;
	stability: number;
	difficulty: number;
	/** ts-fsrs Card.scheduled_days */
	scheduledDays: number;
	/** ts-fsrs Card.learning_steps */
	learningSteps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning */
	state: 0 | 1 | 2 | 3;
	lastReviewAt: number | null;
}

export interface MemoryRow extends MemorySnapshot {
	/** `${deckId}/${factId}` */
	key: string;
	deckId: string;
	factId: string;
	/** 1 when the learner suspended the fact (IndexedDB cannot index booleans). */
	suspended: 0 | 1;
	/** 1 once the fact has lapsed LEECH_LAPSES times. */
	leech: 0 | 1;
}

export interface ReviewRow {
	id?: number;
	deckId: string;
	factId: string;
	itemId: string;
	/** 1 Again, 2 Hard, 3 Good, 4 Easy */
	rating: 1 | 2 | 3 | 4;
	reviewedAt: number;
	/** Days since the previous review of this fact (0 for the first). */
	elapsedDays: number;
	durationMs: number;
	/** null when the fact was new. */
	before: MemorySnapshot | null;
	after: MemorySnapshot;
	/** Where the answer came from. */
	origin: 'study' | 'quiz';
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/** A self-test quiz or an assignment being taken or done, saved answer by answer. */
export interface AttemptRow {
	id: string;
	deckId: string;
	kind: 'self' | 'assignment';
	assignmentId?: string;
	student?: string;
	/** The item ids asked, in the order asked. */
	itemIds: string[];
	/** itemId -> answer, written as each answer is given. */
	answers: Record<string, Answer>;
	/** How the quiz was set up (count, types, topics, feedback mode). */
	config: Record<string, unknown>;
	startedAt: number;
	submittedAt: number | null;
	/** 0..1, graded from the answers when submitted. */
	score: number | null;
	durationMs: number | null;
}

export interface AssignmentRow {
	id: string;
	createdAt: number;
	assignment: Assignment;
}

export interface ResultRow {
	/** A checksum of the result, so the same result collected twice is one row. */
	id: string;
	assignmentId: string;
	student: string;
	receivedAt: number;
	result: StoredResult;
}

export interface UserDeckRow {
	id: string;
	createdAt: number;
	updatedAt: number;
	deck: Deck;
	/** source id -> the document's text, verbatim, for the source reader (not indexed). */
	documents?: Record<string, string>;
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
	}
}
