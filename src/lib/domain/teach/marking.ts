/**
 * How a teacher's gradebook marks one result: the shared grader, then the teacher's overrides
 * (for this result, else for everyone who gave the same answer), and self-marked items
 * (flashcards, where the student says "I knew it") left out of the score unless the teacher
 * counts them. Scores, item analysis and every export read their marks from here.
 */
import type {
	Answer,
	AnswerOverride,
	Assignment,
	Grade,
	Item,
	StudentResult
} from '$lib/domain/types';
import { gradeAnswer } from '$lib/domain/quiz/grade';
import { normalizeAnswer } from '$lib/domain/quiz/lenient-match';

/** True for an item the student marks themselves (a flashcard: "I knew it"). */
export function isSelfMarked(item: Pick<Item, 'type'>): boolean {
	return item.type === 'flashcard';
}

/** True when an item counts towards the score of this assignment. */
export function isCounted(
	item: Pick<Item, 'type'>,
	assignment: Pick<Assignment, 'countSelfMarked'>
): boolean {
	return !isSelfMarked(item) || assignment.countSelfMarked === true;
}

/** An answer as a teacher would read it in a table. */
export function answerAsText(item: Item, answer: Answer): string {
	if (typeof answer === 'string') return answer.trim();
	if (typeof answer === 'boolean') {
		if (item.type === 'flashcard') return answer ? 'Marked as known' : 'Marked as not known';
		return answer ? 'True' : 'False';
	}
	if (Array.isArray(answer)) return answer.join(' → ');
	const terms = item.type === 'match' ? item.answer.map((pair) => pair.term) : Object.keys(answer);
	return terms
		.map((term) => `${term} — ${Object.hasOwn(answer, term) ? answer[term] : '?'}`)
		.join('; ');
}

/** True when an answer holds something the student actually gave. */
export function isAnswered(answer: Answer | undefined): answer is Answer {
	if (answer === undefined) return false;
	if (typeof answer === 'string') return answer.trim() !== '';
	if (Array.isArray(answer)) return answer.length > 0;
	if (typeof answer === 'object') return Object.keys(answer).length > 0;
	return true;
}

/**
 * The key that groups equal answers: typed answers the way the grader compares them, chosen
 * ones exactly. An override "for everyone" applies to every answer with the same key.
 */
export function answerKey(item: Item, answer: Answer): string {
	const text = answerAsText(item, answer);
	if (item.type === 'cloze' || (item.type === 'flashcard' && typeof answer === 'string')) {
		return normalizeAnswer(text) || text;
	}
	return text;
}

export type OverrideScope = 'one' | 'all';

export interface ItemMark {
	item: Item;
	answer: Answer | undefined;
	/** The grader's own verdict. */
	auto: Grade;
	/** The verdict that counts: the grader's, or the teacher's override. */
	score: number;
	isCorrect: boolean;
	/** The teacher's override in force, if any. */
	override: { accept: boolean; scope: OverrideScope } | null;
	counted: boolean;
	selfMarked: boolean;
}

export interface ResultMarks {
	marks: ItemMark[];
	/** Sum of counted item scores. */
	points: number;
	/** Counted items fully correct. */
	correct: number;
	/** Items that count. */
	total: number;
	/** points / total, 0..1 (0 with nothing counted). */
	score: number;
}

/** The override in force for one answer: this result's own first, then everyone's. */
export function findOverride(
	overrides: readonly AnswerOverride[] | undefined,
	itemId: string,
	key: string,
	resultId: string
): AnswerOverride | null {
	let forAll: AnswerOverride | null = null;
	for (const override of overrides ?? []) {
		if (override.itemId !== itemId || override.answer !== key) continue;
		if (override.resultId === resultId) return override;
		if (override.resultId === undefined) forAll = override;
	}
	return forAll;
}

/** Marks every item of one result (its `resultId` given) against the key and the overrides. */
export function markResult(
	assignment: Assignment,
	result: StudentResult,
	resultId: string
): ResultMarks {
	const answers =
		typeof result.answers === 'object' && result.answers !== null ? result.answers : {};
	let points = 0;
	let correct = 0;
	let total = 0;
	const marks = assignment.items.map((item): ItemMark => {
		const answer = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
		const auto = gradeAnswer(item, answer);
		const found = isAnswered(answer)
			? findOverride(assignment.overrides, item.id, answerKey(item, answer), resultId)
			: null;
		const score = found ? (found.accept ? 1 : 0) : auto.score;
		const isCorrect = found ? found.accept : auto.isCorrect;
		const counted = isCounted(item, assignment);
		if (counted) {
			total++;
			points += score;
			if (isCorrect) correct++;
		}
		return {
			item,
			answer,
			auto,
			score,
			isCorrect,
			override: found
				? { accept: found.accept, scope: found.resultId === undefined ? 'all' : 'one' }
				: null,
			counted,
			selfMarked: isSelfMarked(item)
		};
	});
	return { marks, points, correct, total, score: total > 0 ? points / total : 0 };
}

/** What a teacher decides about one answer. */
export interface OverrideChange {
	itemId: string;
	/** `answerKey` of the answer. */
	answer: string;
	/** One result's id, or null for everyone who gave this answer. */
	resultId: string | null;
	/** Accept, reject, or null to go back to the key's own verdict. */
	accept: boolean | null;
	/** Epoch ms. */
	at: number;
}

/**
 * The overrides after one change: an earlier verdict on the same answer and scope is replaced
 * (or removed, with `accept: null`). Deciding for everyone also clears the one-result verdicts
 * on that answer that agree with it, so "accept for everyone" then undo leaves no trace.
 */
export function applyOverride(
	overrides: readonly AnswerOverride[] | undefined,
	change: OverrideChange
): AnswerOverride[] {
	const scope = change.resultId ?? undefined;
	const kept = (overrides ?? []).filter(
		(o) => !(o.itemId === change.itemId && o.answer === change.answer && o.resultId === scope)
	);
	if (change.accept === null) return kept;
	const next: AnswerOverride = {
		itemId: change.itemId,
		answer: change.answer,
		accept: change.accept,
		at: change.at
	};
	if (scope !== undefined) next.resultId = scope;
	return [...kept, next];
}

/** How many results gave this answer to this item (for "accept for everyone (3)"). */
export function countSameAnswer(
	assignment: Assignment,
	results: ReadonlyArray<StudentResult>,
	itemId: string,
	key: string
): number {
	const item = assignment.items.find((candidate) => candidate.id === itemId);
	if (!item) return 0;
	return results.filter((result) => {
		const answer = Object.hasOwn(result.answers, itemId) ? result.answers[itemId] : undefined;
		return isAnswered(answer) && answerKey(item, answer) === key;
	}).length;
}
