/**
 * Quiz scores over time: one point per submitted quiz (self-test or assignment), plus the daily
 * mean for a smoother line. Attempts still in progress or abandoned carry no score and are left
 * out.
 */
import type { AttemptRow } from '$lib/domain/types';
import { DEFAULT_DAY_START_HOUR, studyDayKeyer } from '$lib/domain/study/study-day';

export interface QuizPoint {
	id: string;
	deckId: string;
	kind: AttemptRow['kind'];
	/** epoch ms */
	submittedAt: number;
	/** Study day 'YYYY-MM-DD' of the submission. */
	day: string;
	/** 0..1 */
	score: number;
	questions: number;
	/** milliseconds, null when not recorded */
	durationMs: number | null;
}

export interface QuizDay {
	day: string;
	quizzes: number;
	/** Mean score that day, 0..1. */
	meanScore: number;
}

export interface QuizHistory {
	/** Oldest first. */
	points: QuizPoint[];
	byDay: QuizDay[];
	count: number;
	/** 0..1, null when there are no quizzes. */
	meanScore: number | null;
	bestScore: number | null;
	latestScore: number | null;
}

/** Scores of submitted attempts over time (scores 0..1, times epoch ms), by study day. */
export function quizHistory(
	attempts: Iterable<AttemptRow>,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): QuizHistory {
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	const points: QuizPoint[] = [];
	for (const attempt of attempts) {
		if (attempt.submittedAt === null || attempt.score === null) continue;
		points.push({
			id: attempt.id,
			deckId: attempt.deckId,
			kind: attempt.kind,
			submittedAt: attempt.submittedAt,
			day: keyOf(attempt.submittedAt),
			score: attempt.score,
			questions: attempt.itemIds.length,
			durationMs: attempt.durationMs
		});
	}
	points.sort((a, b) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : 1));
	const byDay: QuizDay[] = [];
	let sum = 0;
	let best: number | null = null;
	for (const point of points) {
		sum += point.score;
		if (best === null || point.score > best) best = point.score;
		const last = byDay[byDay.length - 1];
		if (last && last.day === point.day) {
			last.meanScore = (last.meanScore * last.quizzes + point.score) / (last.quizzes + 1);
			last.quizzes += 1;
		} else {
			byDay.push({ day: point.day, quizzes: 1, meanScore: point.score });
		}
	}
	return {
		points,
		byDay,
		count: points.length,
		meanScore: points.length > 0 ? sum / points.length : null,
		bestScore: best,
		latestScore: points.length > 0 ? points[points.length - 1].score : null
	};
}
