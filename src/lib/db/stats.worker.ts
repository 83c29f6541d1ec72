/**
 * Folds the review log into per-study-day totals off the main thread, so the progress page stays
 * responsive however long the log is. It opens its own connection to the app's database.
 */
import { sortedAggregates, type DayAggregate } from '$lib/domain/stats/aggregate';
import { FactdeckDB } from '$lib/db/schema';
import { aggregateReviewsSince } from '$lib/db/stats-repository';

export interface StatsRequest {
	since: number;
	dayStartHour: number;
	timeZone?: string;
}

export type StatsMessage =
	| { kind: 'progress'; rowsRead: number }
	| { kind: 'done'; aggregates: DayAggregate[]; rowsRead: number }
	| { kind: 'error'; message: string };

let db: FactdeckDB | undefined;

addEventListener('message', async (event: MessageEvent<StatsRequest>) => {
	const { since, dayStartHour, timeZone } = event.data;
	const send = (message: StatsMessage) => postMessage(message);
	try {
		db ??= new FactdeckDB();
		const { aggregates, rowsRead } = await aggregateReviewsSince(db, since, {
			dayStartHour,
			timeZone,
			onChunk: (rows) => send({ kind: 'progress', rowsRead: rows })
		});
		send({ kind: 'done', aggregates: sortedAggregates(aggregates), rowsRead });
	} catch (error) {
		send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
	}
});
