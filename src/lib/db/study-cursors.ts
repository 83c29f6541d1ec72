/**
 * Where each deck's new facts begin (`studyCursors`), so finding the next new facts reads a few
 * keys after the cursor instead of every studied fact's key. A fact becomes known only by gaining
 * a memory row, which never moves a cursor wrong; only deleting rows can (an undo, a released
 * suspension, a deck deleted, a restore). A DBCore middleware resets the cursor in the very
 * transaction that deletes, whoever the writer is; the study queue's read finds the cursor again.
 */
import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import type { FactdeckDB } from '$lib/db/schema';
import { withCompanion } from '$lib/db/companion-table';
import type { StudyCursorRow } from '$lib/domain/types';
import { factKey } from '$lib/domain/study/memory';

export const MEMORY_TABLE = 'memory';
export const CURSORS_TABLE = 'studyCursors';
/** The row that holds the epoch: no deck has an empty id. */
export const EPOCH_KEY = '';

/**
 * A cursor this many facts behind is written anew; a shorter lag costs one small key read
 * (the facts learnt since are read with the next new ones), and saves a write per answer.
 */
const REWRITE_AFTER = 16;

// Promise chains on DBCore's own promises, never async/await: Dexie's layers below find their
// transaction through its promise zone, which a native await would drop (as in review-totals.ts).

/** The deck of a memory key: deck ids never hold a slash (fact ids may). */
function deckOfKey(key: unknown): string | null {
	if (typeof key !== 'string') return null;
	const slash = key.indexOf('/');
	return slash > 0 ? key.slice(0, slash) : null;
}

function resetCursors(
	cursors: DBCoreTable,
	trans: DBCoreTransaction,
	req: DBCoreMutateRequest
): Promise<unknown> {
	if (req.type === 'deleteRange') {
		// A range of keys (a clear, a restore): every deck's cursor goes, by moving the epoch.
		return cursors.get({ trans, key: EPOCH_KEY }).then((row?: StudyCursorRow) =>
			cursors.mutate({
				type: 'put',
				trans,
				values: [
					{
						deckId: EPOCH_KEY,
						order: '',
						prefix: 0,
						epoch: (row?.epoch ?? 0) + 1,
						version: (row?.version ?? 0) + 1
					}
				]
			})
		);
	}
	if (req.type !== 'delete') return Promise.resolve();
	const decks = [
		...new Set(req.keys.map(deckOfKey).filter((deck): deck is string => deck !== null))
	];
	if (decks.length === 0) return Promise.resolve();
	return cursors.getMany({ trans, keys: decks }).then((rows: (StudyCursorRow | undefined)[]) =>
		cursors.mutate({
			type: 'put',
			trans,
			values: decks.map((deckId, i) => ({
				deckId,
				order: '',
				prefix: 0,
				epoch: rows[i]?.epoch ?? 0,
				version: (rows[i]?.version ?? 0) + 1
			}))
		})
	);
}

function withCursors(down: DBCore): DBCore {
	return withCompanion(down, MEMORY_TABLE, CURSORS_TABLE, (table, cursors, req) => {
		// Adding or replacing rows only makes facts known: no cursor can go wrong.
		if (req.type === 'add' || req.type === 'put') return table.mutate(req);
		return table
			.mutate(req)
			.then((response) => resetCursors(cursors, req.trans, req).then(() => response));
	});
}

/** The middleware, for `db.use()`. */
export const studyCursorsMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'studyCursors',
	create: withCursors
};

const fingerprints = new WeakMap<readonly string[], string>();

/** A short fingerprint of a study order (FNV-1a over the ids), worked out once per array. */
export function orderFingerprint(factIds: readonly string[]): string {
	let found = fingerprints.get(factIds);
	if (found === undefined) {
		let hash = 0x811c9dc5;
		for (const id of factIds) {
			for (let i = 0; i < id.length; i++) {
				hash ^= id.charCodeAt(i);
				hash = Math.imul(hash, 0x01000193);
			}
			hash ^= 0x0a;
			hash = Math.imul(hash, 0x01000193);
		}
		found = `${factIds.length}:${(hash >>> 0).toString(36)}`;
		fingerprints.set(factIds, found);
	}
	return found;
}

/** What a read saw of a deck's cursor, so a later write can tell whether it moved since. */
export interface CursorRead {
	deckId: string;
	row: StudyCursorRow | undefined;
	epoch: number;
	/** Where the deck's facts not known to have memory rows begin, in this order (0: anywhere). */
	start: number;
}

/** Reads a deck's cursor for `factIds`; call inside a transaction that holds studyCursors. */
export async function readCursor(
	db: FactdeckDB,
	deckId: string,
	factIds: readonly string[]
): Promise<CursorRead> {
	const [row, epochRow] = await db.studyCursors.bulkGet([deckId, EPOCH_KEY]);
	const epoch = epochRow?.epoch ?? 0;
	const read = { deckId, row, epoch, start: 0 };
	return isCursorValid(read, factIds)
		? { ...read, start: Math.min(row!.prefix, factIds.length) }
		: read;
}

export interface UnstudiedFacts {
	/** The first `count` facts of the order without a memory row, in order. */
	ids: string[];
	/** How many facts at the head of the order all have memory rows, as far as was read. */
	prefix: number;
	/** True when the cursor said nothing and every key of the deck was read instead. */
	isFullRead: boolean;
}

/**
 * The first `count` facts of `factIds` (from `cursor.start` on) that have no memory row: read a
 * page of keys at a time after a valid cursor, or the deck's keys once when there is none. Call
 * inside the transaction readCursor ran in.
 */
export async function findUnstudied(
	db: FactdeckDB,
	cursor: CursorRead,
	factIds: readonly string[],
	count: number
): Promise<UnstudiedFacts> {
	const { deckId, start } = cursor;
	if (count > 0 && !isCursorValid(cursor, factIds)) {
		const keys = await db.memory.where('deckId').equals(deckId).primaryKeys();
		const known = new Set(keys.map((key) => key.slice(deckId.length + 1)));
		const first = factIds.findIndex((id) => !known.has(id));
		const ids: string[] = [];
		for (const id of factIds) {
			if (ids.length >= count) break;
			if (!known.has(id)) ids.push(id);
		}
		return { ids, prefix: first < 0 ? factIds.length : first, isFullRead: true };
	}
	const ids: string[] = [];
	let prefix: number | null = null;
	let at = start;
	let page = count + REWRITE_AFTER;
	while (at < factIds.length && ids.length < count) {
		const slice = factIds.slice(at, at + page);
		const rows = await db.memory.bulkGet(slice.map((id) => factKey(deckId, id)));
		rows.forEach((row, i) => {
			if (row) return;
			prefix ??= at + i;
			if (ids.length < count) ids.push(slice[i]);
		});
		at += slice.length;
		page = Math.min(page * 2, 2_000);
	}
	return { ids, prefix: prefix ?? at, isFullRead: false };
}

function isCursorValid(cursor: CursorRead, factIds: readonly string[]): boolean {
	const { row, epoch } = cursor;
	return row !== undefined && row.epoch === epoch && row.order === orderFingerprint(factIds);
}

/**
 * Writes the cursor a read found (`prefix` facts known at the head of `factIds`) when it is new or
 * well behind, unless the row or the epoch moved since that read (a delete reset it meanwhile).
 */
export async function saveCursor(
	db: FactdeckDB,
	cursor: CursorRead,
	factIds: readonly string[],
	found: UnstudiedFacts
): Promise<void> {
	const isBehind = found.prefix - cursor.start >= REWRITE_AFTER;
	if (!found.isFullRead && (!isBehind || !isCursorValid(cursor, factIds))) return;
	await db.transaction('rw', db.studyCursors, async () => {
		const [row, epochRow] = await db.studyCursors.bulkGet([cursor.deckId, EPOCH_KEY]);
		if ((row?.version ?? 0) !== (cursor.row?.version ?? 0)) return;
		if ((epochRow?.epoch ?? 0) !== cursor.epoch) return;
		await db.studyCursors.put({
			deckId: cursor.deckId,
			order: orderFingerprint(factIds),
			prefix: found.prefix,
			epoch: cursor.epoch,
			version: (row?.version ?? 0) + 1
		});
	});
}
