/**
 * Today's numbers on the progress page: reviews, new facts, time spent and the study streak,
 * all counted by study day (which begins at dayStartHour local time, not at midnight).
 */
import type { ReviewRow } from '$lib/domain/types';
import type { DayAggregates } from '$lib/domain/stats/aggregate';
import { isNewFactReview } from '$lib/domain/stats/review-kind';
import {
	addDays,
	DEFAULT_DAY_START_HOUR,
	studyDayKey,
	studyDayKeyer
} from '$lib/domain/study/study-day';

export interface TodayStats {
	/** The current study day 'YYYY-MM-DD'. */
	day: string;
	reviews: number;
	/** Facts studied for the first time today. */
	newLearned: number;
	/** Time spent answering today, milliseconds. */
	durationMs: number;
	/** Consecutive study days with at least one review, ending today or yesterday. */
	streak: number;
	/** False while today's review that would extend the streak is still to do. */
	isStudiedToday: boolean;
}

/**
 * Days in a row with reviews, counted back from today, or from yesterday while today has none
 * yet: a streak is not broken before the day is over.
 */
export function streakFromDays(hasReviews: (day: string) => boolean, today: string): number {
	let day = hasReviews(today) ? today : addDays(today, -1);
	let streak = 0;
	while (hasReviews(day)) {
		streak += 1;
		day = addDays(day, -1);
	}
	return streak;
}

/** Today's totals and streak from the raw review log (now in epoch ms). */
export function todayStats(
	reviews: Iterable<ReviewRow>,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): TodayStats {
	const today = studyDayKey(now, dayStartHour, timeZone);
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	const studiedDays = new Set<string>();
	let count = 0;
	let newLearned = 0;
	let durationMs = 0;
	for (const review of reviews) {
		const day = keyOf(review.reviewedAt);
		studiedDays.add(day);
		if (day !== today) continue;
		count += 1;
		if (isNewFactReview(review)) newLearned += 1;
		durationMs += review.durationMs;
	}
	return {
		day: today,
		reviews: count,
		newLearned,
		durationMs,
		streak: streakFromDays((day) => studiedDays.has(day), today),
		isStudiedToday: studiedDays.has(today)
	};
}

/** Today's totals and streak from per-day aggregates built with the same dayStartHour and zone. */
export function todayStatsFromAggregates(
	aggregates: DayAggregates,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): TodayStats {
	const today = studyDayKey(now, dayStartHour, timeZone);
	const todays = aggregates.get(today);
	const hasReviews = (day: string) => (aggregates.get(day)?.reviews ?? 0) > 0;
	return {
		day: today,
		reviews: todays?.reviews ?? 0,
		newLearned: todays?.newLearned ?? 0,
		durationMs: todays?.durationMs ?? 0,
		streak: streakFromDays(hasReviews, today),
		isStudiedToday: hasReviews(today)
	};
}
