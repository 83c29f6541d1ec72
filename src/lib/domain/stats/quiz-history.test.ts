import { describe, it, expect } from 'vitest';
import type { AttemptRow } from '$lib/domain/types';
import { quizHistory } from '$lib/domain/stats/quiz-history';

const at = (iso: string) => Date.parse(iso);

function attempt(
	id: string,
	submittedIso: string | null,
	score: number | null,
	questions = 10
): AttemptRow {
	return {
		id,
		deckId: 'kosovo',
		kind: 'self',
		itemIds: Array.from({ length: questions }, (_, i) => `i${i}`),
		answers: {},
		config: {},
		startedAt: at('2026-03-01T00:00:00Z'),
		submittedAt: submittedIso === null ? null : at(submittedIso),
		score,
		durationMs: submittedIso === null ? null : 60_000
	};
}

describe('quizHistory', () => {
	// Asia/Tokyo, day starting 04:00
	const attempts = [
		attempt('late', '2026-03-11T12:00:00Z', 0.8, 5), // 03-11 21:00 JST -> day 03-11
		attempt('open', null, null), // still in progress
		attempt('first', '2026-03-10T10:00:00Z', 0.5), // 03-10 19:00 JST -> day 03-10
		attempt('night', '2026-03-10T18:30:00Z', 1), // 03-11 03:30 JST -> day 03-10
		attempt('odd', '2026-03-11T13:00:00Z', null) // submitted but never graded: left out
	];

	it('lists submitted quizzes oldest first with their study day', () => {
		const history = quizHistory(attempts, 4, 'Asia/Tokyo');
		expect(history.points.map((p) => [p.id, p.day, p.score, p.questions])).toEqual([
			['first', '2026-03-10', 0.5, 10],
			['night', '2026-03-10', 1, 10],
			['late', '2026-03-11', 0.8, 5]
		]);
	});

	it('averages per study day and overall', () => {
		const history = quizHistory(attempts, 4, 'Asia/Tokyo');
		expect(history.byDay).toEqual([
			{ day: '2026-03-10', quizzes: 2, meanScore: 0.75 },
			{ day: '2026-03-11', quizzes: 1, meanScore: 0.8 }
		]);
		expect(history.count).toBe(3);
		expect(history.meanScore).toBeCloseTo(2.3 / 3, 12);
		expect(history.bestScore).toBe(1);
		expect(history.latestScore).toBe(0.8);
	});

	it('is empty without submitted quizzes', () => {
		expect(quizHistory([attempt('open', null, null)], 4, 'UTC')).toEqual({
			points: [],
			byDay: [],
			count: 0,
			meanScore: null,
			bestScore: null,
			latestScore: null
		});
	});
});
