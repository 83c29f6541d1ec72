/**
 * True retention: of the answers given to facts in the Review state (before.state === 2), the
 * share remembered (rated Hard or better), by ISO week and by month. Learning and relearning
 * answers are left out because they test short-term steps, not long-term memory. Each period
 * carries its count n and a 95% Wilson interval so a chart can show how sure the rate is.
 */
import type { ReviewRow } from '$lib/domain/types';
import type { DayAggregates } from '$lib/domain/stats/aggregate';
import { isPassed, isReviewAnswer } from '$lib/domain/stats/review-kind';
import {
	addDays,
	DEFAULT_DAY_START_HOUR,
	isoWeekKey,
	isoWeekStart,
	monthKey,
	studyDayKey,
	studyDayKeyer
} from '$lib/domain/study/study-day';

/** Weeks shown by default, the current one included. */
export const RETENTION_WEEKS = 26;
/** Months shown by default, the current one included. */
export const RETENTION_MONTHS = 12;

export interface RetentionPeriod {
	/** 'YYYY-Www' (ISO week) or 'YYYY-MM'. */
	period: string;
	/** First study day of the period 'YYYY-MM-DD'. */
	start: string;
	/** Review answers in the period. */
	n: number;
	passed: number;
	/** passed / n, 0..1; null when n is 0. */
	rate: number | null;
	/** 95% Wilson interval of the rate, 0..1; null when n is 0. */
	low: number | null;
	high: number | null;
}

/** The 95% Wilson score interval of a proportion passed / n (0..1 each end). */
export function wilsonInterval(passed: number, n: number, z = 1.96): { low: number; high: number } {
	if (n === 0) return { low: 0, high: 1 };
	const p = passed / n;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

type PeriodOf = (day: string) => string;

function weekPeriods(today: string, count: number): { period: string; start: string }[] {
	const monday = isoWeekStart(today);
	const periods = [];
	for (let back = count - 1; back >= 0; back -= 1) {
		const start = addDays(monday, -7 * back);
		periods.push({ period: isoWeekKey(start), start });
	}
	return periods;
}

function monthPeriods(today: string, count: number): { period: string; start: string }[] {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7)) - 1;
	const periods = [];
	for (let back = count - 1; back >= 0; back -= 1) {
		const date = new Date(Date.UTC(year, month - back, 1));
		const start = date.toISOString().slice(0, 10);
		periods.push({ period: monthKey(start), start });
	}
	return periods;
}

function tally(
	periods: { period: string; start: string }[],
	periodOf: PeriodOf,
	eachDay: (add: (day: string, n: number, passed: number) => void) => void
): RetentionPeriod[] {
	const index = new Map(periods.map((period, i) => [period.period, i]));
	const n = new Array<number>(periods.length).fill(0);
	const passed = new Array<number>(periods.length).fill(0);
	// Many rows share a day; remember each day's period slot.
	const slotOfDay = new Map<string, number>();
	eachDay((day, answers, passes) => {
		let slot = slotOfDay.get(day);
		if (slot === undefined) {
			slot = index.get(periodOf(day)) ?? -1;
			slotOfDay.set(day, slot);
		}
		if (slot < 0) return;
		n[slot] += answers;
		passed[slot] += passes;
	});
	return periods.map(({ period, start }, i) => {
		if (n[i] === 0) return { period, start, n: 0, passed: 0, rate: null, low: null, high: null };
		const { low, high } = wilsonInterval(passed[i], n[i]);
		return { period, start, n: n[i], passed: passed[i], rate: passed[i] / n[i], low, high };
	});
}

function fromReviews(
	reviews: Iterable<ReviewRow>,
	dayStartHour: number,
	timeZone: string | undefined
): (add: (day: string, n: number, passed: number) => void) => void {
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	return (add) => {
		for (const review of reviews) {
			if (!isReviewAnswer(review)) continue;
			add(keyOf(review.reviewedAt), 1, isPassed(review) ? 1 : 0);
		}
	};
}

function fromAggregates(
	aggregates: DayAggregates
): (add: (day: string, n: number, passed: number) => void) => void {
	return (add) => {
		for (const aggregate of aggregates.values()) {
			if (aggregate.reviewAnswers > 0)
				add(aggregate.day, aggregate.reviewAnswers, aggregate.passed);
		}
	};
}

/** True retention per ISO week for the `weeks` weeks ending with the current one, oldest first. */
export function retentionByWeek(
	reviews: Iterable<ReviewRow>,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	weeks: number = RETENTION_WEEKS
): RetentionPeriod[] {
	const today = studyDayKey(now, dayStartHour, timeZone);
	return tally(weekPeriods(today, weeks), isoWeekKey, fromReviews(reviews, dayStartHour, timeZone));
}

/** True retention per month for the `months` months ending with the current one, oldest first. */
export function retentionByMonth(
	reviews: Iterable<ReviewRow>,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	months: number = RETENTION_MONTHS
): RetentionPeriod[] {
	const today = studyDayKey(now, dayStartHour, timeZone);
	return tally(monthPeriods(today, months), monthKey, fromReviews(reviews, dayStartHour, timeZone));
}

/** retentionByWeek from per-day aggregates built with the same dayStartHour and zone. */
export function retentionByWeekFromAggregates(
	aggregates: DayAggregates,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	weeks: number = RETENTION_WEEKS
): RetentionPeriod[] {
	const today = studyDayKey(now, dayStartHour, timeZone);
	return tally(weekPeriods(today, weeks), isoWeekKey, fromAggregates(aggregates));
}

/** retentionByMonth from per-day aggregates built with the same dayStartHour and zone. */
export function retentionByMonthFromAggregates(
	aggregates: DayAggregates,
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string,
	months: number = RETENTION_MONTHS
): RetentionPeriod[] {
	const today = studyDayKey(now, dayStartHour, timeZone);
	return tally(monthPeriods(today, months), monthKey, fromAggregates(aggregates));
}
