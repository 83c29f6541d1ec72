/**
 * The review forecast: how many facts fall due on each of the next days, by study day, so the
 * learner can see the load coming. Facts already overdue are due now, so they count for today.
 * Suspended facts are never due, and new facts (state 0) are introduced by the daily new-fact
 * limit, not by a due date, so neither is counted.
 */
import type { MemoryRow } from '$lib/domain/types';
import { STATE_NEW } from '$lib/domain/stats/review-kind';
import {
	addDays,
	dayOrdinal,
	DEFAULT_DAY_START_HOUR,
	studyDayKey,
	studyDayKeyer,
	studyDayStartMs
} from '$lib/domain/study/study-day';

/** Days forecast, today included. */
export const FORECAST_DAYS = 30;

export interface ForecastDay {
	/** Study day 'YYYY-MM-DD'. */
	day: string;
	/** Facts due that day (today: including the overdue ones). */
	count: number;
}

export interface Forecast {
	/** Today first. */
	days: ForecastDay[];
	/** Facts due before today, included in today's count. */
	overdue: number;
	/** Facts due within the window. */
	total: number;
	max: number;
}

/** Facts due per study day for the `days` days starting today (now in epoch ms). */
export function forecast(
	memories: Iterable<Pick<MemoryRow, 'dueAt' | 'state' | 'suspended'>>,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	days: number = FORECAST_DAYS
): Forecast {
	const today = studyDayKey(now, dayStartHour, timeZone);
	const todayOrdinal = dayOrdinal(today);
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	const counts = new Array<number>(days).fill(0);
	let overdue = 0;
	for (const memory of memories) {
		if (memory.suspended === 1 || memory.state === STATE_NEW) continue;
		const offset = dayOrdinal(keyOf(memory.dueAt)) - todayOrdinal;
		if (offset < 0) overdue += 1;
		else if (offset < days) counts[offset] += 1;
	}
	return forecastFromCounts(today, overdue, counts);
}

/**
 * Where each forecast day begins (epoch ms): `days + 1` instants, today's start first, so day k
 * holds the due times from edges[k] up to edges[k + 1]. Counting due facts between them (in
 * the database, say) gives what `forecast` gives from the rows.
 */
export function forecastEdges(
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	days: number = FORECAST_DAYS
): number[] {
	const today = studyDayKey(now, dayStartHour, timeZone);
	return Array.from({ length: days + 1 }, (_, k) =>
		studyDayStartMs(addDays(today, k), dayStartHour, timeZone)
	);
}

/** A forecast from counts: `overdue` facts due before today, `counts[k]` due on day k. */
export function forecastFromCounts(today: string, overdue: number, counts: number[]): Forecast {
	const days = counts.map((count, offset) => ({
		day: addDays(today, offset),
		count: count + (offset === 0 ? overdue : 0)
	}));
	let total = 0;
	let max = 0;
	for (const { count } of days) {
		total += count;
		if (count > max) max = count;
	}
	return { days, overdue, total, max };
}
