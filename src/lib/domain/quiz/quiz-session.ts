/**
 * The rules of a self-quiz that are not grading or assembly: what a valid setup is, where a
 * resumed quiz picks up, how an answer reads back to the learner, and which quiz answers reach
 * the spaced-repetition scheduler.
 */
import type { Answer, Grade, Item, ItemType } from '$lib/domain/types';
import { ITEM_TYPES } from '$lib/domain/types';
import { ratingFor } from '$lib/domain/quiz/grade';

/** Fewer than this is hardly a quiz; the quick quiz and retries are exempt (they set no count). */
export const MIN_SETUP_COUNT = 5;
export const MAX_SETUP_COUNT = 50;
export const QUICK_QUIZ_COUNT = 10;

export type FeedbackMode = 'immediate' | 'end';

/** How a quiz was set up, stored in AttemptRow.config. */
export interface QuizConfig {
	count: number;
	types: ItemType[];
	topics: string[];
	feedback: FeedbackMode;
	seed: number;
	/** The attempt whose missed items this quiz retries, if it is a retry. */
	retryOf?: string;
}

/** What the setup form holds: the count as typed, the ticked boxes, the feedback choice. */
export interface SetupInput {
	count: string | number;
	types: string[];
	topics: string[];
	feedback: string;
	seed: number;
}

export interface SetupErrors {
	count?: string;
	types?: string;
	topics?: string;
}

export type SetupResult = { ok: true; config: QuizConfig } | { ok: false; errors: SetupErrors };

/** Checks a setup form against the deck's topics; every message says how to fix it. */
export function validateQuizSetup(input: SetupInput, deckTopics: string[]): SetupResult {
	const errors: SetupErrors = {};
	const text = String(input.count).trim();
	const count = Number(text);
	if (!/^\d+$/.test(text) || count < MIN_SETUP_COUNT || count > MAX_SETUP_COUNT) {
		errors.count = `Enter a whole number of questions from ${MIN_SETUP_COUNT} to ${MAX_SETUP_COUNT}.`;
	}
	const types = ITEM_TYPES.filter((t) => input.types.includes(t));
	if (types.length === 0) errors.types = 'Choose at least one question type.';
	const topics = deckTopics.filter((t) => input.topics.includes(t));
	if (topics.length === 0) errors.topics = 'Choose at least one topic.';
	if (errors.count || errors.types || errors.topics) return { ok: false, errors };
	const feedback: FeedbackMode = input.feedback === 'end' ? 'end' : 'immediate';
	return { ok: true, config: { count, types, topics, feedback, seed: input.seed >>> 0 } };
}

/** Reads a stored config back, or null when it is not one (an old or foreign row). */
export function parseQuizConfig(value: unknown): QuizConfig | null {
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	if (typeof v.count !== 'number' || typeof v.seed !== 'number') return null;
	if (!Array.isArray(v.types) || !Array.isArray(v.topics)) return null;
	const types = ITEM_TYPES.filter((t) => (v.types as unknown[]).includes(t));
	const topics = v.topics.filter((t): t is string => typeof t === 'string');
	const config: QuizConfig = {
		count: v.count,
		types,
		topics,
		feedback: v.feedback === 'end' ? 'end' : 'immediate',
		seed: v.seed
	};
	if (typeof v.retryOf === 'string') config.retryOf = v.retryOf;
	return config;
}

/** The items for stored ids, in the stored order; ids the deck no longer has are left out. */
export function itemsForIds(items: Item[], itemIds: string[]): Item[] {
	const byId = new Map(items.map((item) => [item.id, item]));
	return itemIds.flatMap((id) => byId.get(id) ?? []);
}

/** Where a resumed quiz picks up: the index (0-based) of the first unanswered item. */
export function resumeIndex(itemIds: string[], answers: Record<string, Answer>): number {
	const index = itemIds.findIndex((id) => !Object.hasOwn(answers, id));
	return index === -1 ? itemIds.length : index;
}

/**
 * THE QUIZ-TO-SCHEDULER RULE. A quiz answer reaches the spaced-repetition scheduler only when it
 * is wrong, and then as rating 1 (Again), so the fact comes due again soon. Right and nearly
 * right answers leave the schedule alone: a quiz must never use up the day's allowance of new
 * facts nor push a review date out on the strength of a multiple-choice guess.
 * Returns the rating to record, or null for "leave the schedule alone".
 */
export function quizRatingForScheduler(grade: Grade): 1 | null {
	return ratingFor(grade) === 1 ? 1 : null;
}

/** The learner's answer as readable text, for review; "No answer" when there is none. */
export function answerText(item: Item, answer: Answer | undefined): string {
	if (answer === undefined || answer === '') return 'No answer';
	if (typeof answer === 'boolean') return answer ? 'I knew it' : 'I didn’t know it';
	if (typeof answer === 'string') return answer;
	if (Array.isArray(answer)) return answer.join(' → ');
	if (item.type !== 'match') return 'No answer';
	const parts = item.answer.map(
		(pair) => `${pair.term} — ${Object.hasOwn(answer, pair.term) ? answer[pair.term] : '(none)'}`
	);
	return parts.join('; ');
}

/** A duration in ms as "45 s", "3 min 05 s" or "1 h 02 min". */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
	return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * A matching question with no meaning chosen at all: submitting it takes a second press, so one
 * stray click does not hand in a blank (a partly matched one is an answer and goes at once).
 */
export function isBlankMatch(item: Item, answer: Answer | undefined): boolean {
	if (item.type !== 'match') return false;
	if (answer === undefined || answer === '') return true;
	if (typeof answer !== 'object' || Array.isArray(answer)) return false;
	return Object.values(answer).every((meaning) => String(meaning).trim() === '');
}

/** Letters and digits only, lower case: "A: b; C: d." and "A — b; C — d" read the same. */
function wordsOnly(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * The explanation to show under "Why", or null when it only restates the right answer (a
 * matching item's explanation lists the pairs that "Right answer" already shows).
 */
export function explanationBeyondAnswer(explanation: string, expected: string): string | null {
	const why = explanation.trim();
	if (why === '') return null;
	return wordsOnly(why) === wordsOnly(expected) ? null : why;
}
