/**
 * Brings the per-study-day review totals up to date off the main thread, so the progress page
 * stays responsive however long the log is. It opens its own connection to the app's database.
 */
import { sortedAggregates, type DayAggregate } from '$lib/domain/stats/aggregate';
import { FactdeckDB } from '$lib/db/schema';
import { updateDayAggregates } from '$lib/db/stats-repository';

export interface StatsRequest {
	dayStartHour: number;
	timeZone: string;
}

export type StatsMessage =
	| { kind: 'progress'; rowsRead: number; toRead: number }
	| { kind: 'done'; aggregates: DayAggregate[]; rowsRead: number; count: number }
	| { kind: 'error'; message: string };

let db: FactdeckDB | undefined;

addEventListener('message', async (event: MessageEvent<StatsRequest>) => {
	const send = (message: StatsMessage) => postMessage(message);
	try {
		db ??= new FactdeckDB();
		const { aggregates, rowsRead, count } = await updateDayAggregates(db, {
			...event.data,
			onChunk: (rowsRead, toRead) => send({ kind: 'progress', rowsRead, toRead })
		});
		send({ kind: 'done', aggregates: sortedAggregates(aggregates), rowsRead, count });
	} catch (error) {
		send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
	}
});
