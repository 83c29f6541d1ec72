/**
 * Rescheduling facts in review after a change of desired retention or maximum interval: the same
 * plan read first (to tell the learner) and then applied, in one transaction.
 */
import Dexie from 'dexie';
import type { FactdeckDB, MemoryRow } from '$lib/db/schema';
import { getSettings } from '$lib/db/study-repository';
import { MEMORY_STATE } from '$lib/domain/study/memory';
import { planReschedule, type ReschedulePlan } from '$lib/domain/study/reschedule';

/** Every fact in review, suspended or not, from two ranges of [suspended+state+dueAt]. */
async function reviewRows(db: FactdeckDB): Promise<MemoryRow[]> {
	const { review } = MEMORY_STATE;
	const range = (suspended: 0 | 1) =>
		db.memory
			.where('[suspended+state+dueAt]')
			.between([suspended, review, Dexie.minKey], [suspended, review, Dexie.maxKey], true, true)
			.toArray();
	const [active, suspended] = await Promise.all([range(0), range(1)]);
	return [...active, ...suspended];
}

/** What rescheduling with the saved settings would change at `now` (epoch ms); writes nothing. */
export function previewReschedule(db: FactdeckDB, now: number): Promise<ReschedulePlan> {
	return db.transaction('r', db.memory, db.settings, async () =>
		planReschedule(await reviewRows(db), await getSettings(db), now)
	);
}

/** Reschedules every fact in review with the saved settings, in one transaction; the plan done. */
export function rescheduleReviews(db: FactdeckDB, now: number): Promise<ReschedulePlan> {
	return db.transaction('rw', db.memory, db.settings, async () => {
		const plan = planReschedule(await reviewRows(db), await getSettings(db), now);
		if (plan.moved.length > 0) await db.memory.bulkPut(plan.moved);
		return plan;
	});
}
