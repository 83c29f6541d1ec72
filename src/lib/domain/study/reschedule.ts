/**
 * Rescheduling after a change of desired retention or maximum interval: every fact in review
 * gets the interval its stability gives at its deck's retention (capped by the maximum), counted
 * from its last review. Learning, relearning and new facts keep their steps; no review is logged
 * and none changes. Plain, so the count the learner is told is the count that moves.
 */
import type { MemoryRow } from '$lib/domain/types';
import { fuzzRange, plainInterval } from '$lib/domain/study/fsrs-adapter';
import { MEMORY_STATE } from '$lib/domain/study/memory';
import { addStudyDays } from '$lib/domain/study/study-day';
import { settingsForDeck, type StudySettings } from '$lib/domain/study/study-settings';

export interface ReschedulePlan {
	/** Facts in review that were looked at. */
	inReview: number;
	/** The rows whose due date changes, as they will be written. */
	moved: MemoryRow[];
	/** Of the moved: due sooner than before, and due by `now` (they join today's reviews). */
	sooner: number;
	dueNow: number;
	/** Of the moved: due later than before. */
	later: number;
}

/**
 * The row a fact in review gets when rescheduled with `settings`; the same row when it is not in
 * review, or when its interval is already one that fuzz could have given (rescheduling changes
 * what the settings change, and does not undo fuzz or load balancing).
 */
export function rescheduleRow(row: MemoryRow, settings: StudySettings): MemoryRow {
	if (row.state !== MEMORY_STATE.review || row.lastReviewAt === null) return row;
	const deckSettings = settingsForDeck(settings, row.deckId);
	const interval = plainInterval(row.stability, deckSettings);
	const [shortest, longest] = fuzzRange(interval, deckSettings);
	if (row.scheduledDays >= shortest && row.scheduledDays <= longest) return row;
	const dueAt = addStudyDays(row.lastReviewAt, interval, settings.dayStartHour);
	if (dueAt === row.dueAt && interval === row.scheduledDays) return row;
	return { ...row, scheduledDays: interval, dueAt };
}

/** What rescheduling `rows` at `now` (epoch ms) would change, with the counts to tell first. */
export function planReschedule(
	rows: readonly MemoryRow[],
	settings: StudySettings,
	now: number
): ReschedulePlan {
	const plan: ReschedulePlan = { inReview: 0, moved: [], sooner: 0, dueNow: 0, later: 0 };
	for (const row of rows) {
		if (row.state !== MEMORY_STATE.review || row.lastReviewAt === null) continue;
		plan.inReview++;
		const next = rescheduleRow(row, settings);
		if (next === row || next.dueAt === row.dueAt) continue;
		plan.moved.push(next);
		if (next.dueAt < row.dueAt) {
			plan.sooner++;
			if (next.dueAt <= now && row.dueAt > now) plan.dueNow++;
		} else plan.later++;
	}
	return plan;
}

/** The plan in plain words, said before anything changes. */
export function describeReschedule(plan: ReschedulePlan): string {
	if (plan.inReview === 0) return 'No fact is in review yet, so rescheduling would change nothing.';
	if (plan.moved.length === 0) {
		return `All ${plan.inReview} facts in review already have the intervals these settings give; nothing would move.`;
	}
	const facts = (n: number) => (n === 1 ? '1 fact' : `${n} facts`);
	const parts = [`${plan.sooner} sooner`, `${plan.later} later`];
	const now = plan.dueNow > 0 ? ` ${facts(plan.dueNow)} would become due today.` : '';
	return (
		`Rescheduling moves the due dates of ${facts(plan.moved.length)} of the ${plan.inReview} in review ` +
		`(${parts.join(', ')}), to the interval each one's memory gives at its deck's desired retention, ` +
		`capped by the maximum interval.${now} Facts still being learned, new facts and your review history stay as they are.`
	);
}
