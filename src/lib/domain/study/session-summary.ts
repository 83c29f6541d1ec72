/**
 * What a study session says when its queue is empty: wait for a learning card due soon, or the
 * end-of-session summary (next review, new facts tomorrow), for one deck or several.
 */
import { nextStudyDayStart } from '$lib/domain/study/study-day';
import { formatRelative } from '$lib/domain/study/interval-labels';
import type { StudySettings } from '$lib/domain/study/study-settings';

/** A learning card due within this many ms is waited for instead of ending the session. */
export const WAIT_WINDOW_MS = 20 * 60_000;

export interface DoneInput {
	/** Epoch ms. */
	now: number;
	settings: StudySettings;
	/** The earliest due time (epoch ms) of the deck's unsuspended, studied facts; null if none. */
	nextDueAt: number | null;
	/** Facts of the deck never studied. */
	unseenCount: number;
}

export interface DoneSummary {
	/** Epoch ms of the next review, or null when nothing is scheduled. */
	nextReviewAt: number | null;
	/** New facts available when the next study day begins. */
	newTomorrow: number;
	/** Epoch ms at which the next study day begins. */
	tomorrowAt: number;
	/** "Nothing due. Next review in 3 h; 20 new facts tomorrow." */
	message: string;
}

/** What to tell a learner whose queue is empty at `now` (epoch ms). */
export function summariseDone(input: DoneInput): DoneSummary {
	const { now, settings, nextDueAt } = input;
	const tomorrowAt = nextStudyDayStart(now, settings.dayStartHour);
	// Something due now with an empty queue was held back by the review limit until tomorrow.
	const nextReviewAt = nextDueAt === null ? null : nextDueAt <= now ? tomorrowAt : nextDueAt;
	const newTomorrow = Math.min(settings.newPerDay, Math.max(0, input.unseenCount));
	const parts: string[] = [];
	if (nextReviewAt !== null) parts.push(`Next review in ${formatRelative(nextReviewAt - now)}`);
	if (newTomorrow > 0)
		parts.push(`${newTomorrow} new ${newTomorrow === 1 ? 'fact' : 'facts'} tomorrow`);
	const message =
		parts.length > 0 ? `Nothing due. ${parts.join('; ')}.` : 'Nothing due and no new facts left.';
	return { nextReviewAt, newTomorrow, tomorrowAt, message };
}

/** Whether an empty queue should wait for a card due at `nextDueAt` (epoch ms) rather than end. */
export function shouldWait(nextDueAt: number | null, now: number): boolean {
	return nextDueAt !== null && nextDueAt > now && nextDueAt - now <= WAIT_WINDOW_MS;
}

/** "Next card in 4 min" for a card due at `dueAt` (epoch ms), seen at `now` (epoch ms). */
export function waitMessage(dueAt: number, now: number): string {
	return dueAt <= now ? 'Next card is due now' : `Next card in ${formatRelative(dueAt - now)}`;
}

/**
 * One "nothing due" message for several decks, from each deck's summary at `now` (epoch ms):
 * the earliest next review and the new facts of all decks together.
 */
export function combineDone(summaries: readonly DoneSummary[], now: number): string {
	if (summaries.length === 1) return summaries[0].message;
	const reviews = summaries.map((s) => s.nextReviewAt).filter((at): at is number => at !== null);
	const newTomorrow = summaries.reduce((sum, s) => sum + s.newTomorrow, 0);
	const parts: string[] = [];
	if (reviews.length > 0) {
		parts.push(`Next review in ${formatRelative(Math.min(...reviews) - now)}`);
	}
	if (newTomorrow > 0) {
		parts.push(`${newTomorrow} new ${newTomorrow === 1 ? 'fact' : 'facts'} tomorrow`);
	}
	return parts.length > 0
		? `Nothing due. ${parts.join('; ')}.`
		: 'Nothing due and no new facts left.';
}
