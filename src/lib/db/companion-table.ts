// One shape for the DBCore layers that keep a table in step with another in the same transaction
// (the review totals with the log, the study cursors with memory).
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';

/** What a layer does with a write to the watched table, given that table and its companion. */
export type CompanionMutate = (
	table: DBCoreTable,
	companion: DBCoreTable,
	req: DBCoreMutateRequest
) => Promise<DBCoreMutateResponse>;

/**
 * `down`, where every readwrite transaction over `watched` also takes `companion`, and every
 * write to `watched` goes through `mutate`. Before the schema has `companion` (while an older
 * version upgrades), `down` itself: there is nothing to keep.
 */
export function withCompanion(
	down: DBCore,
	watched: string,
	companion: string,
	mutate: CompanionMutate
): DBCore {
	if (!down.schema.tables.some((table) => table.name === companion)) return down;
	return {
		...down,
		transaction(stores, mode, options) {
			const scope =
				mode === 'readwrite' && stores.includes(watched) && !stores.includes(companion)
					? [...stores, companion]
					: stores;
			return down.transaction(scope, mode, options);
		},
		table(name) {
			const table = down.table(name);
			if (name !== watched) return table;
			const other = down.table(companion);
			return { ...table, mutate: (req) => mutate(table, other, req) };
		}
	};
}
