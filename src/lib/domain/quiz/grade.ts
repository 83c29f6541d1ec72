/**
 * The one grader: self-quizzes, study auto-grading and teacher gradebooks all call gradeAnswer,
 * so a student and their teacher always see the same verdict. Answers may come from a share
 * link or an old database row, so nothing here trusts their shape and nothing throws.
 */
import type { Answer, Grade, Item, MatchPair } from '$lib/domain/types';
import { matchTyped } from '$lib/domain/quiz/lenient-match';

/** Partial credit at or above this share (0..1) counts as remembered for scheduling. */
export const PARTIAL_PASS_SCORE = 0.8;

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validPairs(value: unknown): MatchPair[] {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(p): p is MatchPair =>
			isPlainRecord(p) && typeof p.term === 'string' && typeof p.meaning === 'string'
	);
}

/** True when `a` holds exactly the same strings as `b`, counting repeats. */
function isPermutationOf(a: string[], b: string[]): boolean {
	if (a.length !== b.length) return false;
	const counts = new Map<string, number>();
	for (const s of b) counts.set(s, (counts.get(s) ?? 0) + 1);
	for (const s of a) {
		const left = counts.get(s);
		if (!left) return false;
		counts.set(s, left - 1);
	}
	return true;
}

/** The right answer as readable text: "1999", "A → B → C", "A — a; B — b". */
export function expectedText(item: Item): string {
	switch (item.type) {
		case 'order':
			return isStringArray(item.answer) ? item.answer.join(' → ') : '';
		case 'match':
			return validPairs(item.answer)
				.map((p) => `${p.term} — ${p.meaning}`)
				.join('; ');
		default:
			return typeof item.answer === 'string' ? item.answer : '';
	}
}

function allOrNothing(isCorrect: boolean, expected: string, hasTypo = false): Grade {
	return { score: isCorrect ? 1 : 0, isCorrect, hasTypo: isCorrect && hasTypo, expected };
}

function partial(hits: number, total: number, expected: string): Grade {
	// An item with nothing to order or match cannot be answered, so it earns nothing.
	const score = total > 0 ? hits / total : 0;
	return { score, isCorrect: total > 0 && hits === total, hasTypo: false, expected };
}

function typed(answer: string, item: Item, expected: string): Grade {
	if (typeof item.answer !== 'string') return allOrNothing(false, expected);
	// The prompt is passed so that the part of the answer it already gives need not be typed.
	const { isCorrect, hasTypo } = matchTyped(answer, item.answer, item.alternatives, item.prompt);
	return allOrNothing(isCorrect, expected, hasTypo);
}

/** Grades one answer to one item; a missing or ill-typed answer scores 0 (score in 0..1). */
export function gradeAnswer(item: Item, answer: Answer | undefined): Grade {
	if (!isPlainRecord(item)) return allOrNothing(false, '');
	const expected = expectedText(item);
	switch (item.type) {
		case 'mcq':
			return allOrNothing(typeof answer === 'string' && answer === item.answer, expected);
		case 'truefalse':
			return allOrNothing(
				(answer === 'True' || answer === 'False') && answer === item.answer,
				expected
			);
		case 'cloze':
			return typeof answer === 'string'
				? typed(answer, item, expected)
				: allOrNothing(false, expected);
		case 'flashcard':
			if (typeof answer === 'boolean') return allOrNothing(answer, expected);
			if (typeof answer === 'string') return typed(answer, item, expected);
			return allOrNothing(false, expected);
		case 'order': {
			const events = item.answer;
			if (!isStringArray(events) || !isStringArray(answer) || !isPermutationOf(answer, events)) {
				return partial(0, isStringArray(events) ? events.length : 0, expected);
			}
			const hits = events.filter((event, i) => answer[i] === event).length;
			return partial(hits, events.length, expected);
		}
		case 'match': {
			const pairs = validPairs(item.answer);
			if (!isPlainRecord(answer)) return partial(0, pairs.length, expected);
			// Own keys only: a term called "constructor" must not find Object.prototype's.
			const hits = pairs.filter(
				(p) => Object.hasOwn(answer, p.term) && answer[p.term] === p.meaning
			).length;
			return partial(hits, pairs.length, expected);
		}
		default:
			return allOrNothing(false, expected);
	}
}

export interface AttemptScore {
	/** Mean item score, 0..1 (0 for an empty attempt). */
	score: number;
	/** Items fully correct. */
	correct: number;
	total: number;
	/** itemId -> grade */
	perItem: Record<string, Grade>;
}

/** Grades every item of an attempt against answers keyed by item id; score is the mean, 0..1. */
export function scoreAttempt(items: Item[], answers: Record<string, Answer>): AttemptScore {
	// A Map, not an object literal, so an item id like "__proto__" stays an ordinary key.
	const perItem = new Map<string, Grade>();
	const safeAnswers = isPlainRecord(answers) ? answers : {};
	let sum = 0;
	let correct = 0;
	for (const item of items) {
		const answer = Object.hasOwn(safeAnswers, item.id) ? safeAnswers[item.id] : undefined;
		const grade = gradeAnswer(item, answer as Answer | undefined);
		perItem.set(item.id, grade);
		sum += grade.score;
		if (grade.isCorrect) correct++;
	}
	return {
		score: items.length > 0 ? sum / items.length : 0,
		correct,
		total: items.length,
		perItem: Object.fromEntries(perItem)
	};
}

/**
 * The FSRS rating a grade earns: 1 Again (wrong), 2 Hard (accepted with a typo, or partial
 * credit of at least PARTIAL_PASS_SCORE), 3 Good (fully right). Partial credit below the mark is
 * Again. A near-miss on an order or match item is Hard rather than Good because the learner did
 * not fully recall it, the same reasoning that makes a typo Hard.
 */
export function ratingFor(grade: Grade): 1 | 2 | 3 {
	if (grade.isCorrect) return grade.hasTypo ? 2 : 3;
	return grade.score >= PARTIAL_PASS_SCORE ? 2 : 1;
}
