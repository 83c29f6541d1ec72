/**
 * The shapes that flow through Factdeck: documents -> facts -> items -> decks.
 * Plain data, JSON-serialisable, shared by the build, the browser and the tests.
 */
import type { StoredResult } from '$lib/domain/teach/stored-result';

/** What kind of value an answer is; distractors are always drawn from the same kind. */
export type AnswerKind =
	'year' | 'date' | 'number' | 'organisation' | 'person' | 'place' | 'acronym' | 'term' | 'phrase';

export const ITEM_TYPES = ['flashcard', 'mcq', 'truefalse', 'cloze', 'order', 'match'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Where an item comes from: a verbatim span of a source document. */
export interface SourceRef {
	/** Source id, the document's file name without `.txt`. */
	document: string;
	/** A verbatim span of the document. */
	quote: string;
}

/**
 * One curated fact, as written in `questions/<deck>/facts.json`.
 * `answer` (or `cloze`) must be a verbatim span of `quote` (so cloze can blank it); `statement` is a short
 * true sentence containing `answer` verbatim (so true/false can swap it for a distractor).
 */
export interface Fact {
	id: string;
	topic: string;
	document: string;
	quote: string;
	/** A question whose answer is `answer`. */
	question: string;
	answer: string;
	answerKind: AnswerKind;
	/** The span of `quote` to blank for cloze when `answer` is not verbatim in it. */
	cloze?: string;
	/** Other accepted spellings of the answer for typed answers ("KFOR" for "Kosovo Force"). */
	alternatives?: string[];
	/** A short true sentence that contains `answer` verbatim. */
	statement: string;
	/** Why the answer is right, in a sentence. */
	explanation: string;
	/** Wrong answers of the same kind, curated; added to those drawn from other facts. */
	distractors?: string[];
	/** Values of the same kind that are ALSO true for this question; never used as distractors. */
	alsoTrue?: string[];
	/** For chronology: a sortable date (YYYY, YYYY-MM or YYYY-MM-DD) and a short event label. */
	when?: string;
	event?: string;
	/** For matching: a term and what it means or does. */
	term?: string;
	meaning?: string;
}

export interface Topic {
	id: string;
	title: string;
}

export interface SourceMeta {
	id: string;
	title: string;
}

/** `questions/<deck>/deck.json` */
export interface DeckMeta {
	id: string;
	title: string;
	description: string;
	version: number;
	topics: Topic[];
	sources: SourceMeta[];
}

export interface MatchPair {
	term: string;
	meaning: string;
}

interface ItemBase {
	id: string;
	factId: string;
	/** For order and match items: every fact the item draws on (factId is the first). */
	factIds?: string[];
	prompt: string;
	explanation: string;
	topic: string;
	source: SourceRef;
	/** Other accepted typed answers (cloze, flashcard). */
	alternatives?: string[];
}

export interface FlashcardItem extends ItemBase {
	type: 'flashcard';
	answer: string;
}
export interface McqItem extends ItemBase {
	type: 'mcq';
	answer: string;
	options: string[];
}
export interface TrueFalseItem extends ItemBase {
	type: 'truefalse';
	answer: 'True' | 'False';
	/** For a false statement: the true value that was swapped out. */
	correction?: string;
}
export interface ClozeItem extends ItemBase {
	type: 'cloze';
	/** The quote with the blank written as `_____`. */
	prompt: string;
	answer: string;
}
export interface OrderItem extends ItemBase {
	type: 'order';
	/** The events in chronological order. */
	answer: string[];
	/** The events as first shown (seeded shuffle, never already in order). */
	options: string[];
}
export interface MatchItem extends ItemBase {
	type: 'match';
	answer: MatchPair[];
	/** The meanings in the order first shown (seeded shuffle). */
	options: string[];
}

export type Item = FlashcardItem | McqItem | TrueFalseItem | ClozeItem | OrderItem | MatchItem;

/** The deck as served at `/decks/<id>.json` and as stored for user decks. */
export interface Deck extends DeckMeta {
	facts: Fact[];
	items: Item[];
}

/**
 * A learner's response to one item, as stored and as sent in a result:
 * mcq: the chosen option; truefalse: 'True' | 'False'; cloze: the typed text;
 * flashcard: whether the learner marked it right; order: the events in the chosen order;
 * match: term -> chosen meaning.
 */
export type Answer = string | boolean | string[] | Record<string, string>;

/** The grader's verdict on one answer. */
export interface Grade {
	/** 0..1; partial credit for order and match. */
	score: number;
	isCorrect: boolean;
	/** A typed answer accepted despite a small typo (maps to the FSRS rating Hard). */
	hasTypo: boolean;
	/** The right answer as text, for feedback. */
	expected: string;
}

/** A teacher's assignment: everything a student needs, carried whole in the share link. */
export interface Assignment {
	/** Format version of the assignment codec. */
	v: 1;
	id: string;
	title: string;
	deckId: string;
	deckTitle: string;
	instructions: string;
	/** The items themselves, not only their ids, so the link survives a deck change. */
	items: Item[];
	/** Shuffle the question order per student, seeded by the student's name. */
	shuffle: boolean;
	/** Minutes; 0 for none. */
	timeLimitMinutes: number;
	/** Show the score and the right answers after submitting, or nothing. */
	feedback: 'after' | 'none';
	/** Percent 0..100. */
	passMark: number;
	createdAt: number;
	/** Count self-marked items (flashcards) in the score; absent or false leaves them out. */
	countSelfMarked?: boolean;
	/** The teacher's verdicts on answers, kept with the assignment (never sent in a link). */
	overrides?: AnswerOverride[];
}

/** A teacher's verdict on an answer: accepted or rejected for one result or for everyone. */
export interface AnswerOverride {
	itemId: string;
	/** The answer as the gradebook groups it (typed answers normalised). */
	answer: string;
	/** The result it is for; absent for everyone who gave this answer. */
	resultId?: string;
	accept: boolean;
	/** Epoch ms. */
	at: number;
}

/** A student's submission: answers, never a trusted score. */
export interface StudentResult {
	v: 1;
	assignmentId: string;
	student: string;
	startedAt: number;
	submittedAt: number;
	/** itemId -> answer */
	answers: Record<string, Answer>;
}

/*
 * Stored rows: the shapes of what IndexedDB keeps (src/lib/db/schema.ts declares the tables and
 * their indexes over these). They live here so domain code reads rows without importing db/.
 */

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

/**
 * The review log's totals over one quarter of an hour (UTC), kept up to date in every
 * transaction that writes the log, so progress never reads the log itself. Quarter hours,
 * because every time zone's offset is a whole number of them: the slots fold into study days
 * exactly, whatever the day's start hour or the zone.
 */
export interface ReviewTotalsRow {
	/** Math.floor(reviewedAt / 900,000): quarter hours since the epoch. */
	slot: number;
	/** Every review in the slot, of any kind. */
	reviews: number;
	/** Reviews of facts that were new before them. */
	newLearned: number;
	/** Review answers rated Hard or better. */
	passed: number;
	/** Answers to facts in the Review state. */
	reviewAnswers: number;
	/** Time spent answering, milliseconds. */
	durationMs: number;
}

/**
 * Where a deck's new facts begin, kept so a study step never reads every studied fact's key: every
 * one of the first `prefix` facts of the study order `order` has a memory row. Written by the
 * study queue's read once it has found that out; reset (prefix 0, a new `version`) in the very
 * transaction that deletes one of the deck's memory rows. The row with deckId '' holds the
 * `epoch`, which moves when memory rows are cleared wholesale (a restore): a cursor of an older
 * epoch says nothing.
 */
export interface StudyCursorRow {
	deckId: string;
	/** A fingerprint of the deck's study order the prefix was found in ('' for none). */
	order: string;
	/** How many facts at the head of that order all have memory rows. */
	prefix: number;
	/** The epoch the cursor was found in. */
	epoch: number;
	/** Changes on every write of the row, so a writer can tell the row moved since it read it. */
	version: number;
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
	/** Answers as [itemId, answer] pairs: nothing a student typed becomes an object key. */
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
