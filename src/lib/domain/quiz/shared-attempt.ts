/**
 * One attempt open in two tabs of the same browser (a quiz run or a student's assignment) is
 * one learner's work: the stored row is the truth, and a tab that learns the row moved on
 * elsewhere follows it and says so instead of writing over it. These rules decide what a tab
 * shows after reading the stored row again; the state classes do the reading and writing.
 */
import type { Answer } from '$lib/domain/types';
import { setOwnKey } from '$lib/domain/own-key';

/** The part of a stored attempt row these rules read. */
export interface StoredAttempt {
	answers: Record<string, Answer>;
	/** Epoch ms, or null while the attempt is still open. */
	submittedAt: number | null;
}

/** What a quiz tab does after reading its attempt again. */
export type QuizFollow =
	/** The row is gone (discarded in another tab). */
	| { kind: 'gone' }
	/** The attempt was finished elsewhere: show its result. */
	| { kind: 'finished' }
	/** The question on screen was answered elsewhere: go to `index` (= length when none is left). */
	| { kind: 'moved'; index: number; question: number }
	/** Nothing this tab shows changed (other questions may have been answered). */
	| { kind: 'stay' };

/** True when `answers` holds an answer to `itemId` (own keys only, so "__proto__" is an id). */
export const hasAnswer = (answers: Record<string, Answer>, itemId: string): boolean =>
	Object.hasOwn(answers, itemId);

/** The first question (0-based) without a stored answer, or `itemIds.length` when all have one. */
export function firstOpenIndex(
	itemIds: readonly string[],
	answers: Record<string, Answer>
): number {
	const index = itemIds.findIndex((id) => !hasAnswer(answers, id));
	return index === -1 ? itemIds.length : index;
}

/**
 * Where a quiz tab showing question `index` (0-based, `isAsking` while it waits for an answer)
 * goes once it has read the stored attempt `stored` again.
 */
export function followQuizAttempt(
	itemIds: readonly string[],
	index: number,
	isAsking: boolean,
	stored: StoredAttempt | undefined
): QuizFollow {
	if (!stored) return { kind: 'gone' };
	if (stored.submittedAt !== null) return { kind: 'finished' };
	const current = itemIds[index];
	if (!isAsking || current === undefined || !hasAnswer(stored.answers, current)) {
		return { kind: 'stay' };
	}
	return { kind: 'moved', index: firstOpenIndex(itemIds, stored.answers), question: index + 1 };
}

/** Two answers say the same (answers are small JSON values: text, flags, lists, pairs). */
export function isSameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The answers a tab shows after reading the stored ones again: the stored answers, except for
 * the items in `ownUnsaved` (given here and not yet written, or whose write failed), which keep
 * this tab's answer. Item ids are kept as own keys, so an id like "__proto__" stays an id.
 */
export function mergeAnswers(
	stored: Record<string, Answer>,
	local: Record<string, Answer>,
	ownUnsaved: ReadonlySet<string>
): Record<string, Answer> {
	const merged: Record<string, Answer> = {};
	const put = (id: string, answer: Answer) => setOwnKey(merged, id, answer);
	for (const id of Object.keys(stored)) if (!ownUnsaved.has(id)) put(id, stored[id]);
	for (const id of ownUnsaved) if (hasAnswer(local, id)) put(id, local[id]);
	return merged;
}

/**
 * The items (in `itemIds` order) whose answer differs between `before` and `after`: what
 * another tab changed, so this tab can name the questions.
 */
export function changedItems(
	itemIds: readonly string[],
	before: Record<string, Answer>,
	after: Record<string, Answer>
): string[] {
	const at = (answers: Record<string, Answer>, id: string) =>
		hasAnswer(answers, id) ? answers[id] : undefined;
	return itemIds.filter((id) => !isSameAnswer(at(before, id), at(after, id)));
}

/** "Question 2", "Questions 1 and 3", "Questions 1, 2 and 4" from 1-based numbers. */
export function questionList(numbers: readonly number[]): string {
	if (numbers.length === 1) return `Question ${numbers[0]}`;
	const head = numbers.slice(0, -1).join(', ');
	return `Questions ${head} and ${numbers.at(-1)}`;
}

/** What an assignment tab says when answers given in another tab arrive (`numbers` 1-based). */
export function answeredElsewhereNotice(numbers: readonly number[]): string {
	if (numbers.length === 0) return '';
	const verb = numbers.length === 1 ? 'was' : 'were';
	return `${questionList(numbers)} ${verb} answered in another tab; those answers are shown here and kept.`;
}

/** What a quiz tab says when its question was answered in another tab. */
export function quizMovedNotice(question: number, isDone: boolean): string {
	return isDone
		? `Question ${question} was answered in another tab, and so was every other question; here is the result.`
		: `Question ${question} was answered in another tab (that answer is kept); here is the next open question.`;
}

/** What a tab says when its run was finished in another tab. */
export const FINISHED_ELSEWHERE = 'This quiz was finished in another tab — here is its result.';

/** What a quiz tab says when its attempt was discarded in another tab. */
export const DISCARDED_ELSEWHERE =
	'This quiz was discarded in another tab, so nothing more can be saved to it. Start a new one.';
