/**
 * The FSRS adapter: ts-fsrs 5 applied per fact. The only module that imports ts-fsrs.
 *
 * Days. ts-fsrs counts days in UTC. Factdeck counts them in the learner's local study day,
 * which starts at `dayStartHour` local time (Anki-style):
 * - times handed to ts-fsrs go through `studyDayClock` (study-day.ts), which maps local
 *   study-day boundaries onto UTC midnights, so ts-fsrs's elapsed days are study days;
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
	get_fuzz_range,
	createEmptyCard,
	State,
	StrategyMode,
	type Card,
	type FSRS,
	type Grade,
	type RecordLogItem
} from 'ts-fsrs';
import type { MemorySnapshot } from '$lib/domain/types';
import { addStudyDays, studyDayClock, studyDaysBetween } from '$lib/domain/study/study-day';
import { formatInterval } from '$lib/domain/study/interval-labels';
import type { StudySettings } from '$lib/domain/study/study-settings';

export type StudyRating = 1 | 2 | 3 | 4;
export const RATINGS: readonly StudyRating[] = [1, 2, 3, 4];

function scheduler(
	factKeyValue: string,
	reps: number,
	settings: StudySettings,
	isFuzzed = true
): FSRS {
	const params = generatorParameters({
		request_retention: settings.desiredRetention,
		maximum_interval: settings.maximumInterval,
		w: settings.parameters,
		enable_fuzz: isFuzzed,
		enable_short_term: true,
		learning_steps: ['1m', '10m'],
		relearning_steps: ['10m']
	});
	const seed = `${factKeyValue}#${reps}`;
	return fsrs(params).useStrategy(StrategyMode.SEED, () => seed);
}

function toCard(memory: MemorySnapshot | null, now: number, dayStartHour: number): Card {
	if (!memory) return createEmptyCard(new Date(studyDayClock(now, dayStartHour)));
	return {
		due: new Date(studyDayClock(memory.dueAt, dayStartHour)),
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
				: new Date(studyDayClock(memory.lastReviewAt, dayStartHour))
	};
}

function fromCard(card: Card, now: number, settings: StudySettings): MemorySnapshot {
	const { dayStartHour } = settings;
	const isDayInterval = card.state === State.Review && card.scheduled_days >= 1;
	// ts-fsrs keeps Hard < Good < Easy by adding a day, which can pass its own maximum.
	const scheduledDays = isDayInterval
		? Math.min(card.scheduled_days, settings.maximumInterval)
		: card.scheduled_days;
	const dueAt = isDayInterval
		? addStudyDays(now, scheduledDays, dayStartHour)
		: now + (card.due.getTime() - studyDayClock(now, dayStartHour));
	return {
		dueAt,
		stability: card.stability,
		difficulty: card.difficulty,
		scheduledDays,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as 0 | 1 | 2 | 3,
		lastReviewAt: now
	};
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
		studyDayClock(now, dayStartHour)
	);
	const entry = (item: RecordLogItem) => {
		const after = fromCard(item.card, now, settings);
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
		studyDayClock(now, dayStartHour),
		rating as Grade
	);
	return fromCard(item.card, now, settings);
}

/** The days a review's due date may fall on: FSRS's fuzz range around its interval. */
export interface FuzzWindow {
	/** The interval fuzz chose, in study days from today. */
	fuzzedDays: number;
	/** The shortest and longest interval of the fuzz range, in study days (inclusive). */
	minDays: number;
	maxDays: number;
}

/**
 * The fuzz range of rating a fact at `now` (epoch ms): null unless the rating leaves it in
 * review with an interval that FSRS fuzzes (2.5 days or more). The range is ts-fsrs's own,
 * around the interval before fuzz, and always holds the fuzzed interval.
 */
export function fuzzWindow(
	memory: MemorySnapshot | null,
	key: string,
	rating: StudyRating,
	now: number,
	settings: StudySettings
): FuzzWindow | null {
	const { dayStartHour } = settings;
	const at = studyDayClock(now, dayStartHour);
	const card = toCard(memory, now, dayStartHour);
	const reps = memory?.reps ?? 0;
	const fuzzed = scheduler(key, reps, settings).next(card, at, rating as Grade).card;
	const plain = scheduler(key, reps, settings, false).next(card, at, rating as Grade).card;
	if (fuzzed.state !== State.Review || plain.scheduled_days < 2.5) return null;
	const elapsed =
		memory?.lastReviewAt == null ? 0 : studyDaysBetween(memory.lastReviewAt, now, dayStartHour);
	const longest = settings.maximumInterval;
	const range = get_fuzz_range(plain.scheduled_days, elapsed, longest);
	const fuzzedDays = Math.min(fuzzed.scheduled_days, longest);
	return {
		fuzzedDays,
		minDays: Math.min(range.min_ivl, fuzzedDays),
		maxDays: Math.min(Math.max(range.max_ivl, fuzzedDays), longest)
	};
}

/**
 * The interval (days) FSRS gives a memory of `stability` days at the settings' retention and
 * maximum interval, without fuzz: what rescheduling a fact in review gives it.
 */
export function plainInterval(stability: number, settings: StudySettings): number {
	return scheduler('', 0, settings, false).next_interval(stability, 0);
}

/**
 * The intervals (days) fuzz could have given instead of `interval`: ts-fsrs's fuzz range, within
 * the maximum interval; a single day below 2.5 days, where FSRS does not fuzz.
 */
export function fuzzRange(interval: number, settings: StudySettings): [number, number] {
	if (interval < 2.5) return [interval, interval];
	const range = get_fuzz_range(interval, 0, settings.maximumInterval);
	return [range.min_ivl, range.max_ivl];
}
