/**
 * Classical item analysis for a teacher's gradebook. Every number is recomputed from the
 * students' answers with the shared grader; nothing a result says about itself is trusted.
 *
 * - Facility: the mean item score (0..1, partial credit counts) over all students.
 * - Discrimination: facility in the upper group minus facility in the lower group (-1..1), the
 *   groups being the top and bottom 27% of students ranked by total score (Kelley's rule),
 *   at least one student each. With fewer than 4 students 27% is meaningless, so the upper and
 *   lower halves are used (a middle student of an odd class is in neither). With fewer than 2
 *   students there is no discrimination (null). Ties in the ranking are broken by name, then by
 *   result id, so the same results always give the same groups.
 */
import type { Assignment, Item, StudentResult } from '$lib/domain/types';
import { resultId } from '$lib/domain/teach/result-codec';
import {
	answerAsText,
	answerKey,
	isAnswered,
	markResult,
	type ItemMark,
	type ResultMarks
} from '$lib/domain/teach/marking';

export { answerAsText, isAnswered };

/** Share of students in each of the upper and lower groups, from 4 students up. */
export const GROUP_SHARE = 0.27;

export interface StudentSummary {
	/** `resultId` of the result this row comes from. */
	id: string;
	student: string;
	/** Mean score of the items that count, 0..1. */
	score: number;
	/** Sum of counted item scores (partial credit and overrides included), 0..total. */
	points: number;
	/** Counted items fully correct. */
	correct: number;
	/** Items that count (self-marked ones only when the teacher counts them). */
	total: number;
	/** Answers whose verdict the teacher changed. */
	overrides: number;
	/** points / total, as a percentage 0..100. */
	percent: number;
	passed: boolean;
	/** submittedAt - startedAt, in ms (0 if the clock went backwards). */
	timeTakenMs: number;
	startedAt: number;
	submittedAt: number;
	/** Each item's mark, in the assignment's order (overrides and self-marking applied). */
	marks: ItemMark[];
}

export interface ItemSummary {
	itemId: string;
	type: Item['type'];
	prompt: string;
	/** Mean score 0..1; null with no students. */
	facility: number | null;
	/** Upper-group minus lower-group facility, -1..1; null with fewer than 2 students. */
	discrimination: number | null;
	/** Students who gave any answer. */
	answered: number;
	/** Students who left it blank (scored as wrong, never a "wrong answer" of its own). */
	blank: number;
	/** The most frequent not-fully-correct answer, as text; null when nobody got it wrong. */
	topWrongAnswer: string | null;
	/** How many students gave `topWrongAnswer` (0 when it is null). */
	topWrongCount: number;
	/** A flashcard: the student marked it. */
	selfMarked: boolean;
	/** It counts towards the score. */
	counted: boolean;
	/** Answers to it whose verdict the teacher changed. */
	overrides: number;
}

export interface ItemAnalysis {
	items: ItemSummary[];
	/** One row per result of this assignment, in the order given. */
	students: StudentSummary[];
	/** Students in each of the upper and lower groups (0 with fewer than 2 students). */
	groupSize: number;
	method: '27%' | 'halves';
}

/** Students in each of the upper and lower groups for a class of n. */
export function groupSize(n: number): number {
	if (n < 4) return Math.floor(n / 2);
	return Math.max(1, Math.round(GROUP_SHARE * n));
}

/** Rounds away binary noise (56.99999999999999 -> 57) so pass marks compare as people expect. */
function tidy(value: number): number {
	return Math.round(value * 1e12) / 1e12;
}

/**
 * Analyses the results of one assignment: per-student scores and per-item facility,
 * discrimination and most common wrong answer. Results for another assignment are ignored;
 * de-duplicate first with `importResults`.
 */
export function analyseItems(
	assignment: Assignment,
	results: readonly StudentResult[]
): ItemAnalysis {
	const own = results.filter((result) => result.assignmentId === assignment.id);
	const graded = own.map((result) => {
		const id = resultId(result);
		const marks: ResultMarks = markResult(assignment, result, id);
		return { result, id, marks };
	});

	const students: StudentSummary[] = graded.map(({ result, id, marks }) => {
		const points = tidy(marks.points);
		const total = marks.total;
		const percent = total > 0 ? tidy((points * 100) / total) : 0;
		return {
			id,
			student: result.student,
			score: marks.score,
			points,
			correct: marks.correct,
			total,
			overrides: marks.marks.filter((mark) => mark.override).length,
			percent,
			passed: percent >= assignment.passMark,
			timeTakenMs: Math.max(0, result.submittedAt - result.startedAt),
			startedAt: result.startedAt,
			submittedAt: result.submittedAt,
			marks: marks.marks
		};
	});

	const ranked = graded
		.map((entry, index) => ({ ...entry, points: students[index].points }))
		.sort(
			(a, b) =>
				b.points - a.points || compare(a.result.student, b.result.student) || compare(a.id, b.id)
		);
	const size = groupSize(ranked.length);
	const upper = ranked.slice(0, size);
	const lower = size > 0 ? ranked.slice(-size) : [];

	const itemScore = (entry: (typeof graded)[number], index: number) =>
		entry.marks.marks[index]?.score ?? 0;
	const mean = (entries: typeof graded, index: number) =>
		entries.reduce((sum, entry) => sum + itemScore(entry, index), 0) / entries.length;

	const items: ItemSummary[] = assignment.items.map((item, index) => {
		const wrong = new Map<string, { text: string; count: number }>();
		let answered = 0;
		let overrides = 0;
		for (const entry of graded) {
			const mark = entry.marks.marks[index];
			if (mark?.override) overrides++;
			const answer = mark?.answer;
			if (!isAnswered(answer)) continue;
			answered++;
			if (mark.isCorrect) continue;
			const text = answerAsText(item, answer);
			const key = answerKey(item, answer);
			const seen = wrong.get(key);
			if (seen) seen.count++;
			else wrong.set(key, { text, count: 1 });
		}
		const top = [...wrong.entries()].sort(
			([keyA, a], [keyB, b]) => b.count - a.count || compare(keyA, keyB)
		)[0]?.[1];
		return {
			itemId: item.id,
			type: item.type,
			prompt: item.prompt,
			facility: graded.length > 0 ? tidy(mean(graded, index)) : null,
			discrimination: size > 0 ? tidy(mean(upper, index) - mean(lower, index)) : null,
			answered,
			blank: graded.length - answered,
			topWrongAnswer: top?.text ?? null,
			topWrongCount: top?.count ?? 0,
			selfMarked: item.type === 'flashcard',
			counted: item.type !== 'flashcard' || assignment.countSelfMarked === true,
			overrides
		};
	});

	return { items, students, groupSize: size, method: ranked.length >= 4 ? '27%' : 'halves' };
}

/** Code-unit order: locale-independent, so every browser ranks ties the same way. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
