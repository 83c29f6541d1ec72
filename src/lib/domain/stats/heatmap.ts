/**
 * The calendar heatmap: reviews per study day over the past year, each day given a level 0..4
 * for its shade.
 *
 * Levels are relative to the learner's own activity, like GitHub's contribution graph: 0 means no
 * reviews; the other days are split at the quartiles of the non-zero counts in the window
 * (nearest-rank: t1, t2, t3 at 25%, 50%, 75%), count <= t1 is 1, <= t2 is 2, <= t3 is 3, above
 * is 4; and the busiest day is always 4, so a learner who does the same amount every day sees a
 * full calendar rather than a faint one.
 */
import type { ReviewRow } from '$lib/domain/types';
import type { DayAggregates } from '$lib/domain/stats/aggregate';
import {
	addDays,
	DEFAULT_DAY_START_HOUR,
	studyDayKey,
	studyDayKeyer
} from '$lib/domain/study/study-day';

/** Days shown, today included. */
export const HEATMAP_DAYS = 365;

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface HeatmapDay {
	/** Study day 'YYYY-MM-DD'. */
	day: string;
	count: number;
	level: HeatLevel;
}

export interface Heatmap {
	/** Oldest first, ending today. */
	days: HeatmapDay[];
	/** The highest count of any day in the window. */
	max: number;
	/** Reviews in the window. */
	total: number;
	/** Upper counts of levels 1, 2, 3 (quartiles of the non-zero days); [0, 0, 0] when none. */
	thresholds: [number, number, number];
}

function nearestRank(sorted: number[], share: number): number {
	return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

/** Gives each count a level 0..4 by the quartiles of the non-zero counts (see the file note). */
export function heatLevels(counts: number[]): {
	levels: HeatLevel[];
	thresholds: [number, number, number];
} {
	const nonZero = counts.filter((count) => count > 0).sort((a, b) => a - b);
	if (nonZero.length === 0) return { levels: counts.map(() => 0), thresholds: [0, 0, 0] };
	const thresholds: [number, number, number] = [
		nearestRank(nonZero, 0.25),
		nearestRank(nonZero, 0.5),
		nearestRank(nonZero, 0.75)
	];
	const max = nonZero[nonZero.length - 1];
	const levels = counts.map((count): HeatLevel => {
		if (count <= 0) return 0;
		if (count >= max) return 4;
		if (count <= thresholds[0]) return 1;
		if (count <= thresholds[1]) return 2;
		if (count <= thresholds[2]) return 3;
		return 4;
	});
	return { levels, thresholds };
}

function buildHeatmap(countOf: (day: string) => number, today: string, days: number): Heatmap {
	const keys: string[] = [];
	for (let offset = days - 1; offset >= 0; offset -= 1) keys.push(addDays(today, -offset));
	const counts = keys.map(countOf);
	const { levels, thresholds } = heatLevels(counts);
	let max = 0;
	let total = 0;
	for (const count of counts) {
		if (count > max) max = count;
		total += count;
	}
	return {
		days: keys.map((day, index) => ({ day, count: counts[index], level: levels[index] })),
		max,
		total,
		thresholds
	};
}

/** Reviews per study day for the `days` days ending today, from the raw review log. */
export function heatmap(
	reviews: Iterable<ReviewRow>,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	days: number = HEATMAP_DAYS
): Heatmap {
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	const counts = new Map<string, number>();
	for (const review of reviews) {
		const day = keyOf(review.reviewedAt);
		counts.set(day, (counts.get(day) ?? 0) + 1);
	}
	const today = studyDayKey(now, dayStartHour, timeZone);
	return buildHeatmap((day) => counts.get(day) ?? 0, today, days);
}

/** The same heatmap from per-day aggregates built with the same dayStartHour and zone. */
export function heatmapFromAggregates(
	aggregates: DayAggregates,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	days: number = HEATMAP_DAYS
): Heatmap {
	const today = studyDayKey(now, dayStartHour, timeZone);
	return buildHeatmap((day) => aggregates.get(day)?.reviews ?? 0, today, days);
}
