/**
 * Spaced repetition policy: FSRS (ts-fsrs 5) applied per fact, daily limits, the study day and
 * the order of a study queue. The only module that imports ts-fsrs.
 *
 * Days. ts-fsrs counts days in UTC. Factdeck counts them in the learner's local study day,
 * which starts at `dayStartHour` local time (Anki-style):
 * - times handed to ts-fsrs go through `studyClock`, which maps local study-day boundaries onto
 *   UTC midnights, so ts-fsrs's elapsed days are study days;
 * - a Review result of `scheduled_days` >= 1 is due at the start of the study day that many days
 *   after today's, so it turns up when the learner's day begins, not at the minute they last
 *   answered;
 * - learning and relearning steps (minutes) keep their exact due time.
 *
 * Fuzz is on and seeded by the fact key and its repetition count (never by time), so the
 * interval shown on a grade button is the interval applied.
 */
import {
	fsrs,
	generatorParameters,
	createEmptyCard,
	State,
	StrategyMode,
	type Card,
	type FSRS,
	type Grade,
	type RecordLogItem
} from 'ts-fsrs';
import type { ItemType } from '$lib/domain/types';

/**
 * FSRS memory of one fact as plain data (times in epoch ms). The same shape as the schema's
 * MemorySnapshot, declared here so domain code never imports from db/; the repository checks
 * at compile time that the two stay identical.
 */
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
	/** 0 New, 1 Learning, 2 Review, 3 Relearning */
	state: 0 | 1 | 2 | 3;
	lastReviewAt: number | null;
}

/** The stored memory states by name (ts-fsrs's State values, kept here behind the adapter). */
export const MEMORY_STATE = Object.freeze({
	new: State.New,
	learning: State.Learning,
	review: State.Review,
	relearning: State.Relearning
} as const satisfies Record<string, MemorySnapshot['state']>);

/** The memory of a fact never studied, for a row that exists only to hold a suspension. */
export const NEW_MEMORY: Readonly<MemorySnapshot> = Object.freeze({
	dueAt: 0,
	stability: 0,
	difficulty: 0,
	scheduledDays: 0,
	learningSteps: 0,
	reps: 0,
	lapses: 0,
	state: 0,
	lastReviewAt: null
});

/** The part of a stored memory row the queue needs (a schema MemoryRow fits). */
export interface QueueMemory {
	factId: string;
	dueAt: number;
	state: 0 | 1 | 2 | 3;
	suspended: 0 | 1;
}

export type StudyRating = 1 | 2 | 3 | 4;
export const RATINGS: readonly StudyRating[] = [1, 2, 3, 4];

export interface StudySettings {
	/** New facts introduced per study day. */
	newPerDay: number;
	/** Reviews of review-state facts per study day. */
	reviewsPerDay: number;
	/** FSRS target probability of recall, 0.80..0.97. */
	desiredRetention: number;
	/** Local hour (0..23) at which a study day begins. */
	dayStartHour: number;
	/** FSRS-6 parameters fitted to the learner's reviews; FSRS's defaults when absent. */
	parameters?: readonly number[];
}

export const DEFAULT_SETTINGS: StudySettings = {
	newPerDay: 20,
	reviewsPerDay: 200,
	desiredRetention: 0.9,
	dayStartHour: 4
};

/** A fact lapsing this many times is flagged as a leech. */
export const LEECH_LAPSES = 8;

/** A Review fact below this stability (days) is still shown in a recognition format. */
export const RECALL_MIN_STABILITY_DAYS = 21;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type ValidationResult = { ok: true; value: StudySettings } | { ok: false; errors: string[] };

function checkInteger(value: unknown, name: string, min: number, max: number): string | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
		? null
		: `${name} must be a whole number from ${min} to ${max}`;
}

/** Checks study settings strictly; every field is required. */
export function validateSettings(input: unknown): ValidationResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return { ok: false, errors: ['settings must be an object'] };
	}
	const raw = input as Record<string, unknown>;
	const errors: string[] = [];
	const push = (error: string | null) => {
		if (error) errors.push(error);
	};
	push(checkInteger(raw.newPerDay, 'newPerDay', 0, 9999));
	push(checkInteger(raw.reviewsPerDay, 'reviewsPerDay', 0, 9999));
	push(checkInteger(raw.dayStartHour, 'dayStartHour', 0, 23));
	// ts-fsrs quietly replaces a retention of 0 by its default, so the range is checked here.
	const retention = raw.desiredRetention;
	if (
		typeof retention !== 'number' ||
		!Number.isFinite(retention) ||
		retention < 0.8 ||
		retention > 0.97
	) {
		errors.push('desiredRetention must be a number from 0.80 to 0.97');
	}
	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			newPerDay: raw.newPerDay as number,
			reviewsPerDay: raw.reviewsPerDay as number,
			desiredRetention: retention as number,
			dayStartHour: raw.dayStartHour as number
		}
	};
}

/** The memory key of a fact: `${deckId}/${factId}`. */
export function factKey(deckId: string, factId: string): string {
	return `${deckId}/${factId}`;
}

/** Epoch ms at which the local study day containing `now` (epoch ms) began. */
export function studyDayStart(now: number, dayStartHour: number): number {
	const date = new Date(now);
	// Local constructors, not +24 h arithmetic, so a day of 23 or 25 hours is still one day.
	const start = new Date(date.getFullYear(), date.getMonth(), date.getDate(), dayStartHour);
	if (start.getTime() <= now) return start.getTime();
	return new Date(date.getFullYear(), date.getMonth(), date.getDate() - 1, dayStartHour).getTime();
}

/** Epoch ms at which the study day `days` days after the one starting at `dayStart` begins. */
export function addStudyDays(dayStart: number, days: number, dayStartHour: number): number {
	const date = new Date(dayStart);
	return new Date(
		date.getFullYear(),
		date.getMonth(),
		date.getDate() + days,
		dayStartHour
	).getTime();
}

/** Epoch ms at which the study day after the one containing `now` (epoch ms) begins. */
export function nextStudyDayStart(now: number, dayStartHour: number): number {
	return addStudyDays(studyDayStart(now, dayStartHour), 1, dayStartHour);
}

/**
 * Maps an instant to a clock on which each local study day is one UTC day (ms), so ts-fsrs,
 * which counts UTC calendar days, counts study days instead.
 */
function studyClock(time: number, dayStartHour: number): number {
	const d = new Date(time);
	return Date.UTC(
		d.getFullYear(),
		d.getMonth(),
		d.getDate(),
		d.getHours() - dayStartHour,
		d.getMinutes(),
		d.getSeconds(),
		d.getMilliseconds()
	);
}

/** Whole study days from the study day of `from` to that of `to` (both epoch ms). */
export function studyDaysBetween(from: number, to: number, dayStartHour: number): number {
	const a = studyClock(from, dayStartHour);
	const b = studyClock(to, dayStartHour);
	return Math.floor(b / DAY_MS) - Math.floor(a / DAY_MS);
}

function scheduler(factKeyValue: string, reps: number, settings: StudySettings): FSRS {
	const params = generatorParameters({
		request_retention: settings.desiredRetention,
		w: settings.parameters,
		enable_fuzz: true,
		enable_short_term: true,
		learning_steps: ['1m', '10m'],
		relearning_steps: ['10m']
	});
	const seed = `${factKeyValue}#${reps}`;
	return fsrs(params).useStrategy(StrategyMode.SEED, () => seed);
}

function toCard(memory: MemorySnapshot | null, now: number, dayStartHour: number): Card {
	if (!memory) return createEmptyCard(new Date(studyClock(now, dayStartHour)));
	return {
		due: new Date(studyClock(memory.dueAt, dayStartHour)),
		stability: memory.stability,
		difficulty: memory.difficulty,
		elapsed_days: 0,
		scheduled_days: memory.scheduledDays,
		learning_steps: memory.learningSteps,
		reps: memory.reps,
		lapses: memory.lapses,
		state: memory.state as State,
		last_review:
			memory.lastReviewAt === null
				? undefined
				: new Date(studyClock(memory.lastReviewAt, dayStartHour))
	};
}

function fromCard(card: Card, now: number, dayStartHour: number): MemorySnapshot {
	const isDayInterval = card.state === State.Review && card.scheduled_days >= 1;
	const dueAt = isDayInterval
		? addStudyDays(studyDayStart(now, dayStartHour), card.scheduled_days, dayStartHour)
		: now + (card.due.getTime() - studyClock(now, dayStartHour));
	return {
		dueAt,
		stability: card.stability,
		difficulty: card.difficulty,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as 0 | 1 | 2 | 3,
		lastReviewAt: now
	};
}

/** A short interval label for a grade button: "1m", "10m", "5h", "3d", "2mo", "1.5y". */
export function formatInterval(after: MemorySnapshot, now: number): string {
	if (after.state === State.Review && after.scheduledDays >= 1) {
		const days = after.scheduledDays;
		if (days < 30) return `${days}d`;
		if (days < 365) return `${Number((days / 30).toFixed(1))}mo`;
		return `${Number((days / 365).toFixed(1))}y`;
	}
	const minutes = Math.max(1, Math.round((after.dueAt - now) / MINUTE_MS));
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours}h`;
	return `${Math.round(minutes / 1440)}d`;
}

export type IntervalPreview = Record<StudyRating, { after: MemorySnapshot; label: string }>;

/** What each rating would make of a fact's memory at `now` (epoch ms), with button labels. */
export function previewIntervals(
	memory: MemorySnapshot | null,
	key: string,
	now: number,
	settings: StudySettings
): IntervalPreview {
	const { dayStartHour } = settings;
	const preview = scheduler(key, memory?.reps ?? 0, settings).repeat(
		toCard(memory, now, dayStartHour),
		studyClock(now, dayStartHour)
	);
	const entry = (item: RecordLogItem) => {
		const after = fromCard(item.card, now, dayStartHour);
		return { after, label: formatInterval(after, now) };
	};
	return { 1: entry(preview[1]), 2: entry(preview[2]), 3: entry(preview[3]), 4: entry(preview[4]) };
}

/** The memory after rating a fact at `now` (epoch ms); equal to its preview for that rating. */
export function applyRating(
	memory: MemorySnapshot | null,
	key: string,
	rating: StudyRating,
	now: number,
	settings: StudySettings
): MemorySnapshot {
	const { dayStartHour } = settings;
	const item = scheduler(key, memory?.reps ?? 0, settings).next(
		toCard(memory, now, dayStartHour),
		studyClock(now, dayStartHour),
		rating as Grade
	);
	return fromCard(item.card, now, dayStartHour);
}

/** Whether a fact has lapsed often enough to be flagged as a leech. */
export function isLeech(memory: Pick<MemorySnapshot, 'lapses'> | null): boolean {
	return memory !== null && memory.lapses >= LEECH_LAPSES;
}

const RECOGNITION_TYPES: readonly ItemType[] = ['mcq', 'truefalse', 'flashcard'];
const RECALL_TYPES: readonly ItemType[] = ['cloze', 'flashcard'];

function pickBySeed<T>(choices: readonly T[], seed: number): T {
	// A 32-bit integer mix, so neighbouring seeds pick independently.
	let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return choices[(h >>> 0) % choices.length];
}

/**
 * The item format to show for a fact: recognition while the memory is young (new, learning,
 * relearning or stability under 21 days), recall once it is stable; whatever exists otherwise.
 */
export function chooseItemType(
	memory: MemorySnapshot | null,
	available: readonly ItemType[],
	seed: number
): ItemType {
	if (available.length === 0) throw new Error('chooseItemType: the fact has no items');
	const isStable =
		memory !== null &&
		memory.state === State.Review &&
		memory.stability >= RECALL_MIN_STABILITY_DAYS;
	const preferred = isStable ? RECALL_TYPES : RECOGNITION_TYPES;
	const fitting = preferred.filter((type) => available.includes(type));
	const unique = [...new Set(available)].sort();
	return pickBySeed(fitting.length > 0 ? fitting : unique, seed);
}

export interface QueueInput {
	/** Epoch ms. */
	now: number;
	settings: StudySettings;
	/** The deck's facts, in deck order. */
	factIds: readonly string[];
	/** This deck's memory rows due by `now` (from the [deckId+dueAt] range). */
	memories: readonly QueueMemory[];
	newIntroducedToday: number;
	reviewsDoneToday: number;
	/** Facts of this deck that have any memory row. */
	knownFactIds: ReadonlySet<string>;
}

export interface QueueEntry {
	factId: string;
	isNew: boolean;
}

export interface StudyQueue {
	queue: QueueEntry[];
	counts: { new: number; learning: number; due: number };
}

/**
 * The facts to study now: learning and relearning first (by due time, never limited), then
 * reviews by due time up to the daily review limit, then new facts in deck order up to the
 * daily new limit. Suspended facts and facts the deck no longer has are left out.
 */
export function buildQueue(input: QueueInput): StudyQueue {
	const { now, settings, factIds, memories, knownFactIds } = input;
	const inDeck = new Set(factIds);
	const byDue = (a: QueueMemory, b: QueueMemory) =>
		a.dueAt - b.dueAt || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0);
	const active = memories.filter(
		(row) => row.suspended === 0 && row.dueAt <= now && inDeck.has(row.factId)
	);
	const learning = active
		.filter((row) => row.state === State.Learning || row.state === State.Relearning)
		.sort(byDue);
	const reviewLimit = Math.max(0, settings.reviewsPerDay - input.reviewsDoneToday);
	const reviews = active
		.filter((row) => row.state === State.Review)
		.sort(byDue)
		.slice(0, reviewLimit);
	// A row still in state New was only ever suspended and released: the fact is new again.
	const newAgain = new Set(active.filter((row) => row.state === State.New).map((r) => r.factId));
	const newLimit = Math.max(0, settings.newPerDay - input.newIntroducedToday);
	const fresh = factIds
		.filter((id) => !knownFactIds.has(id) || newAgain.has(id))
		.slice(0, newLimit);
	const queue: QueueEntry[] = [
		...learning.map((row) => ({ factId: row.factId, isNew: false })),
		...reviews.map((row) => ({ factId: row.factId, isNew: false })),
		...fresh.map((factId) => ({ factId, isNew: true }))
	];
	return {
		queue,
		counts: { new: fresh.length, learning: learning.length, due: reviews.length }
	};
}

/** A rough human duration for "next review in …": "5 min", "3 h", "2 days". */
export function formatRelative(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.round(ms / HOUR_MS);
	if (hours < 24) return `${hours} h`;
	const days = Math.round(ms / DAY_MS);
	return days === 1 ? '1 day' : `${days} days`;
}

export interface DoneInput {
	/** Epoch ms. */
	now: number;
	settings: StudySettings;
	/** The earliest due time (epoch ms) of the deck's unsuspended, studied facts; null if none. */
	nextDueAt: number | null;
	/** Facts of the deck never studied. */
	unseenCount: number;
}

export interface DoneSummary {
	/** Epoch ms of the next review, or null when nothing is scheduled. */
	nextReviewAt: number | null;
	/** New facts available when the next study day begins. */
	newTomorrow: number;
	/** Epoch ms at which the next study day begins. */
	tomorrowAt: number;
	/** "Nothing due. Next review in 3 h; 20 new facts tomorrow." */
	message: string;
}

/** What to tell a learner whose queue is empty at `now` (epoch ms). */
export function summariseDone(input: DoneInput): DoneSummary {
	const { now, settings, nextDueAt } = input;
	const tomorrowAt = nextStudyDayStart(now, settings.dayStartHour);
	// Something due now with an empty queue was held back by the review limit until tomorrow.
	const nextReviewAt = nextDueAt === null ? null : nextDueAt <= now ? tomorrowAt : nextDueAt;
	const newTomorrow = Math.min(settings.newPerDay, Math.max(0, input.unseenCount));
	const parts: string[] = [];
	if (nextReviewAt !== null) parts.push(`Next review in ${formatRelative(nextReviewAt - now)}`);
	if (newTomorrow > 0)
		parts.push(`${newTomorrow} new ${newTomorrow === 1 ? 'fact' : 'facts'} tomorrow`);
	const message =
		parts.length > 0 ? `Nothing due. ${parts.join('; ')}.` : 'Nothing due and no new facts left.';
	return { nextReviewAt, newTomorrow, tomorrowAt, message };
}
