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
import type { Answer, Assignment, Item, StudentResult } from '$lib/domain/types';
import { scoreAttempt } from '$lib/domain/quiz/grade';
import { normalizeAnswer } from '$lib/domain/quiz/lenient-match';
import { resultId } from '$lib/domain/teach/result-codec';

/** Share of students in each of the upper and lower groups, from 4 students up. */
export const GROUP_SHARE = 0.27;

export interface StudentSummary {
	/** `resultId` of the result this row comes from. */
	id: string;
	student: string;
	/** Mean item score, 0..1. */
	score: number;
	/** Sum of item scores (partial credit included), 0..total. */
	points: number;
	/** Items fully correct. */
	correct: number;
	total: number;
	/** points / total, as a percentage 0..100. */
	percent: number;
	passed: boolean;
	/** submittedAt - startedAt, in ms (0 if the clock went backwards). */
	timeTakenMs: number;
	startedAt: number;
	submittedAt: number;
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
	/** The most frequent not-fully-correct answer, as text; null when nobody got it wrong. */
	topWrongAnswer: string | null;
	/** How many students gave `topWrongAnswer` (0 when it is null). */
	topWrongCount: number;
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

/** Typed answers are grouped the way the grader compares them; chosen ones exactly. */
function groupKey(item: Item, text: string): string {
	if (item.type === 'cloze' || item.type === 'flashcard') return normalizeAnswer(text) || text;
	return text;
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
	const graded = own.map((result) => ({
		result,
		id: resultId(result),
		attempt: scoreAttempt(assignment.items, result.answers)
	}));
	const total = assignment.items.length;

	const students: StudentSummary[] = graded.map(({ result, id, attempt }) => {
		const points = tidy(attempt.score * total);
		const percent = total > 0 ? tidy((points * 100) / total) : 0;
		return {
			id,
			student: result.student,
			score: attempt.score,
			points,
			correct: attempt.correct,
			total,
			percent,
			passed: percent >= assignment.passMark,
			timeTakenMs: Math.max(0, result.submittedAt - result.startedAt),
			startedAt: result.startedAt,
			submittedAt: result.submittedAt
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

	const itemScore = (entry: (typeof graded)[number], itemId: string) =>
		entry.attempt.perItem[itemId]?.score ?? 0;
	const mean = (entries: typeof graded, itemId: string) =>
		entries.reduce((sum, entry) => sum + itemScore(entry, itemId), 0) / entries.length;

	const items: ItemSummary[] = assignment.items.map((item) => {
		const wrong = new Map<string, { text: string; count: number }>();
		let answered = 0;
		for (const entry of graded) {
			const answer = Object.hasOwn(entry.result.answers, item.id)
				? entry.result.answers[item.id]
				: undefined;
			if (!isAnswered(answer)) continue;
			answered++;
			if (entry.attempt.perItem[item.id]?.isCorrect) continue;
			const text = answerAsText(item, answer);
			const key = groupKey(item, text);
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
			facility: graded.length > 0 ? tidy(mean(graded, item.id)) : null,
			discrimination: size > 0 ? tidy(mean(upper, item.id) - mean(lower, item.id)) : null,
			answered,
			topWrongAnswer: top?.text ?? null,
			topWrongCount: top?.count ?? 0
		};
	});

	return { items, students, groupSize: size, method: ranked.length >= 4 ? '27%' : 'halves' };
}

/** Code-unit order: locale-independent, so every browser ranks ties the same way. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
