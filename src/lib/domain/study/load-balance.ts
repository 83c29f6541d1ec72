/**
 * Load balancing: a review's due day moves, within FSRS's fuzz range, to the day with the fewest
 * reviews already due, so a day's answers do not pile up on one future day (Anki's load
 * balancer, made deterministic: the same counts always give the same day).
 */
import type { FuzzWindow } from '$lib/domain/study/fsrs-adapter';

/**
 * The interval (study days from today) to schedule within `window`, given `dueCounts[i]`, the
 * reviews already due on day `window.minDays + i`. Anki's load balancer weighs a day by
 * 1 / (reviews due + 1)² and by 1 / interval, so light days win and longer intervals do not win
 * merely for being further away (a growing collection always has lighter days further out);
 * here the best weight wins outright, so the same counts give the same day. Ties go to the day
 * nearest the fuzzed interval, then the earlier one. When every day of the range is as light (or
 * nothing was counted), the fuzzed interval stays: balancing never moves an even schedule.
 */
export function pickBalancedDay(window: FuzzWindow, dueCounts: readonly number[]): number {
	const days = windowDays(window).filter((day) => dueCounts[day - window.minDays] !== undefined);
	const counts = days.map((day) => dueCounts[day - window.minDays]);
	if (counts.length === 0 || counts.every((count) => count === counts[0])) return window.fuzzedDays;
	const cost = (day: number) => (dueCounts[day - window.minDays] + 1) ** 2 * day;
	const distance = (day: number) => Math.abs(day - window.fuzzedDays);
	let best = days[0];
	for (const day of days.slice(1)) {
		const better =
			cost(day) < cost(best) ||
			(cost(day) === cost(best) && distance(day) < distance(best)) ||
			(cost(day) === cost(best) && distance(day) === distance(best) && day < best);
		if (better) best = day;
	}
	return best;
}

/** The study days of `window` (intervals from today), in order: the days to count. */
export function windowDays(window: FuzzWindow): number[] {
	return Array.from({ length: window.maxDays - window.minDays + 1 }, (_, i) => window.minDays + i);
}
