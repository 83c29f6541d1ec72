/**
 * Keeps the `reviewTotals` table true to the review log in the very transaction that changes
 * the log. A DBCore middleware, so every writer is covered without remembering to: an answer,
 * an undo, a changed rating, an import, a merge, a restore, a deleted deck, a repair. Each
 * read-write transaction that holds `reviews` also holds `reviewTotals`; a write reads the rows
 * it replaces or deletes, then adjusts the totals of the slots it touched.
 */
import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import type { ReviewRow, ReviewTotalsRow } from '$lib/domain/types';
import { withCompanion } from '$lib/db/companion-table';
import { changeTotals, touchedSlots } from '$lib/domain/stats/review-totals';

export const REVIEWS_TABLE = 'reviews';
export const TOTALS_TABLE = 'reviewTotals';

/** DBCoreRangeType.Any: the whole table (a const enum, which isolated modules cannot import). */
const RANGE_ANY = 3;

// Written as promise chains on DBCore's own promises, never async/await: Dexie's layers below
// find their transaction through its promise zone, which a native await would drop.

function rowsAt(
	table: DBCoreTable,
	trans: DBCoreTransaction,
	keys: unknown[]
): Promise<ReviewRow[]> {
	if (keys.length === 0) return Promise.resolve([]);
	return table
		.getMany({ trans, keys })
		.then((rows: (ReviewRow | undefined)[]) =>
			rows.filter((row): row is ReviewRow => row !== undefined)
		);
}

/** The rows a write replaces or deletes, read before it runs. */
function rowsReplaced(table: DBCoreTable, req: DBCoreMutateRequest): Promise<ReviewRow[]> {
	switch (req.type) {
		case 'add':
			return Promise.resolve([]);
		case 'put': {
			const keyOf = table.schema.primaryKey.extractKey;
			const keys = req.keys ?? req.values.map((value) => keyOf?.(value));
			return rowsAt(
				table,
				req.trans,
				keys.filter((key) => key !== undefined)
			);
		}
		case 'delete':
			return rowsAt(table, req.trans, req.keys);
		case 'deleteRange':
			return table
				.query({
					trans: req.trans,
					values: true,
					query: { index: table.schema.primaryKey, range: req.range }
				})
				.then(({ result }) => result as ReviewRow[]);
	}
}

function readTotals(
	totals: DBCoreTable,
	trans: DBCoreTransaction,
	slots: number[]
): Promise<Map<number, ReviewTotalsRow>> {
	if (slots.length === 0) return Promise.resolve(new Map());
	return totals.getMany({ trans, keys: slots }).then((stored: (ReviewTotalsRow | undefined)[]) => {
		const current = new Map<number, ReviewTotalsRow>();
		for (const row of stored) if (row) current.set(row.slot, row);
		return current;
	});
}

function writeTotals(
	totals: DBCoreTable,
	trans: DBCoreTransaction,
	current: ReadonlyMap<number, ReviewTotalsRow>,
	added: ReviewRow[],
	removed: ReviewRow[]
): Promise<unknown> {
	if (added.length === 0 && removed.length === 0) return Promise.resolve();
	const { put, remove } = changeTotals(current, added, removed);
	const removing =
		remove.length > 0 ? totals.mutate({ type: 'delete', trans, keys: remove }) : Promise.resolve();
	return removing.then(() =>
		put.length > 0 ? totals.mutate({ type: 'put', trans, values: put }) : undefined
	);
}

function adjustTotals(
	totals: DBCoreTable,
	trans: DBCoreTransaction,
	added: ReviewRow[],
	removed: ReviewRow[]
): Promise<unknown> {
	const slots = touchedSlots(added, removed);
	if (slots.length === 0) return Promise.resolve();
	return readTotals(totals, trans, slots).then((current) =>
		writeTotals(totals, trans, current, added, removed)
	);
}

/** The rows of a write that were written (a bulk write may fail some and keep the rest). */
function writtenRows(req: DBCoreMutateRequest, response: { failures: object }): ReviewRow[] {
	if (req.type !== 'add' && req.type !== 'put') return [];
	const failed = new Set(Object.keys(response.failures).map(Number));
	return (req.values as ReviewRow[]).filter((_, i) => !failed.has(i));
}

function withTotals(down: DBCore): DBCore {
	return withCompanion(down, REVIEWS_TABLE, TOTALS_TABLE, (table, totals, req) => {
		// Clearing the log clears its totals; nothing needs reading.
		if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
			return table.mutate(req).then((response) => totals.mutate({ ...req }).then(() => response));
		}
		if (req.type === 'add') {
			// An add replaces nothing, so the totals it changes are read while it writes
			// (an answer waits one round trip less); the slots of every row asked for
			// cover the rows written.
			const stored = readTotals(totals, req.trans, touchedSlots(req.values as ReviewRow[]));
			return table
				.mutate(req)
				.then((response) =>
					stored.then((current) =>
						writeTotals(totals, req.trans, current, writtenRows(req, response), []).then(
							() => response
						)
					)
				);
		}
		return rowsReplaced(table, req).then((removed) =>
			table
				.mutate(req)
				.then((response) =>
					adjustTotals(totals, req.trans, writtenRows(req, response), removed).then(() => response)
				)
		);
	});
}

/** The middleware, for `db.use()`. */
export const reviewTotalsMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'reviewTotals',
	create: withTotals
};
