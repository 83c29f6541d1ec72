/**
 * The learner's fitted FSRS parameters (a settings row beside the study settings), the review
 * log read whole for the optimiser and the collection read whole for the workload estimate. Errors are not caught here; the caller decides what to show.
 */
import type { FactdeckDB } from '$lib/db/schema';
import {
	PARAMETERS_SETTING_KEY,
	parseParameterRecord,
	validateParameterRecord,
	type ParameterRecord
} from '$lib/domain/study/optimise/parameters';
import type { LoggedReview } from '$lib/domain/study/optimise/training-items';
import type { WorkloadCard } from '$lib/domain/study/optimise/workload';
import { studyDaysBetween } from '$lib/domain/study/study-day';

/** The stored parameter record; FSRS's defaults when none (or an invalid one) is stored. */
export async function getParameterRecord(db: FactdeckDB): Promise<ParameterRecord> {
	const row = await db.settings.get(PARAMETERS_SETTING_KEY);
	return parseParameterRecord(row?.value);
}

/** Validates and saves a parameter record (an invalid one throws, and nothing is written). */
export async function saveParameterRecord(db: FactdeckDB, record: ParameterRecord): Promise<void> {
	const value = validateParameterRecord(record);
	if (!value) throw new Error('Invalid FSRS parameter record');
	await db.settings.put({ key: PARAMETERS_SETTING_KEY, value });
}

/** Every review, reduced to what the optimiser reads, in one read. */
export async function loadOptimiserReviews(db: FactdeckDB): Promise<LoggedReview[]> {
	const rows = await db.reviews.toArray();
	return rows.map((row) => ({
		deckId: row.deckId,
		factId: row.factId,
		rating: row.rating,
		reviewedAt: row.reviewedAt,
		elapsedDays: row.elapsedDays,
		before: row.before === null ? null : { state: row.before.state }
	}));
}

/**
 * Every studied, unsuspended fact as the workload simulation needs it, in study days relative
 * to the study day of `now` (epoch ms): due today or later, last reviewed today or earlier.
 */
export async function loadWorkloadCards(
	db: FactdeckDB,
	now: number,
	dayStartHour: number
): Promise<WorkloadCard[]> {
	const rows = await db.memory.toArray();
	const cards: WorkloadCard[] = [];
	for (const row of rows) {
		if (row.suspended === 1 || row.state === 0 || row.lastReviewAt === null) continue;
		cards.push({
			stability: row.stability,
			difficulty: row.difficulty,
			dueDay: Math.max(0, studyDaysBetween(now, row.dueAt, dayStartHour)),
			lastReviewDay: Math.min(0, -studyDaysBetween(row.lastReviewAt, now, dayStartHour))
		});
	}
	return cards;
}
