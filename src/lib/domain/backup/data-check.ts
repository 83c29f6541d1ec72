/**
 * "Check the data", as Anki's Check Database: find the rows on this device that a page cannot
 * show or a backup would refuse, and decide for each whether it can be repaired (a memory rebuilt
 * from its last review, a deck or result filed under its own id, a source renamed from a reserved
 * word) or must be removed. Pure: the repository reads the tables, this plans, the repository
 * writes the plan in one transaction.
 */
import {
	FORBIDDEN_KEYS,
	TABLE_NAMES,
	backupTablesSchema,
	emptyTables,
	hostileShape,
	primaryKey,
	type BackupTables,
	type TableName
} from '$lib/domain/backup/backup-schema';
import {
	DERIVED_SETTING_KEYS,
	latestTime,
	rowProblems,
	snapshotProblem
} from '$lib/domain/backup/backup-meaning';
import { TABLE_LABELS } from '$lib/domain/backup/table-labels';
import { resultId } from '$lib/domain/teach/result-codec';
import type { Deck } from '$lib/domain/types';

type Row = BackupTables[TableName][number];
type Key = string | number;

/** One row found wrong, and what the repair does with it. */
export interface DataFix {
	table: TableName;
	key: Key;
	/** What is wrong, naming the row and the field. */
	problem: string;
	action: 'repair' | 'remove';
}

/** What repairing writes: rows to delete by key, then rows to put, per table. */
export interface DataRepairPlan {
	fixes: DataFix[];
	remove: Record<TableName, Key[]>;
	put: BackupTables;
}

const RESERVED: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);

/** The shape check of one row, by the backup's own row schemas. */
function shapeProblem(table: TableName, row: Row): string | null {
	// Wrapped as in a file, so a user deck's documents may be as long as a document can be.
	const hostile = hostileShape({ tables: { [table]: [row] } });
	if (hostile) return `${TABLE_LABELS[table]} (${JSON.stringify(keyOf(table, row))}): ${hostile}`;
	const tables = { ...emptyTables(), [table]: [row] };
	const parsed = backupTablesSchema.safeParse(tables);
	if (parsed.success) return null;
	const issue = parsed.error.issues[0];
	const field = issue.path.slice(2).map(String).join('.') || '(the row)';
	return `${TABLE_LABELS[table]} (${JSON.stringify(keyOf(table, row))}), field "${field}": ${issue.message}`;
}

function keyOf(table: TableName, row: Row): Key {
	return primaryKey(table, row) ?? '?';
}

/** A deck whose source ids are reserved words, with them renamed everywhere they are used. */
function renameReservedSources(row: BackupTables['userDecks'][number]) {
	const reserved = row.deck.sources.filter((source) => RESERVED.has(source.id));
	const documentKeys = Object.keys(row.documents ?? {}).filter((key) => RESERVED.has(key));
	if (reserved.length === 0 && documentKeys.length === 0) return null;
	const rename = (id: string) => (RESERVED.has(id) ? `${id}-document` : id);
	const deck: Deck = {
		...row.deck,
		sources: row.deck.sources.map((source) => ({ ...source, id: rename(source.id) })),
		facts: row.deck.facts.map((fact) => ({ ...fact, document: rename(fact.document) })),
		items: row.deck.items.map((item) => ({
			...item,
			source: { ...item.source, document: rename(item.source.document) }
		}))
	};
	const documents = row.documents
		? Object.fromEntries(Object.entries(row.documents).map(([key, text]) => [rename(key), text]))
		: undefined;
	return { ...row, deck, ...(documents ? { documents } : {}) };
}

/** What `mend` makes of a row, or null when the row is too broken to mend (it throws). */
function mendable<T>(mend: () => T): T | null {
	try {
		return mend();
	} catch {
		return null;
	}
}

/** A user deck with what can be mended mended: its own id, its facts once each, its documents. */
function mendedDeck(row: BackupTables['userDecks'][number], now: number) {
	const renamed = renameReservedSources(row) ?? row;
	const seen = new Set<string>();
	const facts = renamed.deck.facts.filter((fact) => !seen.has(fact.id) && seen.add(fact.id));
	const sources = new Set(renamed.deck.sources.map((source) => source.id));
	const documents = renamed.documents
		? Object.fromEntries(Object.entries(renamed.documents).filter(([key]) => sources.has(key)))
		: undefined;
	const createdAt = renamed.createdAt <= now ? renamed.createdAt : now;
	const updatedAt = Math.min(Math.max(renamed.updatedAt, createdAt), now);
	return {
		...renamed,
		id: renamed.deck.id,
		createdAt,
		updatedAt,
		deck: { ...renamed.deck, facts },
		...(documents ? { documents } : {})
	};
}

/** Whether a single row, among `userDecks`, has no problem of meaning or shape. */
function isSound(
	table: TableName,
	row: Row,
	userDecks: BackupTables['userDecks'],
	latest: number
): boolean {
	if (shapeProblem(table, row)) return false;
	const tables = { ...emptyTables(), userDecks, [table]: [row] } as BackupTables;
	for (const problem of rowProblems(tables, latest)) if (problem.table === table) return false;
	return true;
}

/** The newest review of each fact whose own memory after it is sound, by fact key. */
function lastSoundReviews(tables: BackupTables, latest: number) {
	const last = new Map<string, BackupTables['reviews'][number]>();
	for (const review of tables.reviews) {
		if (snapshotProblem(review.after, latest) || review.after.lastReviewAt !== review.reviewedAt) {
			continue;
		}
		const key = `${review.deckId}/${review.factId}`;
		const known = last.get(key);
		if (!known || review.reviewedAt > known.reviewedAt) last.set(key, review);
	}
	return last;
}

/** Plans the repair of every row on this device that is wrong at `now` (epoch ms). */
export function planDataRepair(tables: BackupTables, now: number): DataRepairPlan {
	const latest = latestTime(now);
	const fixes: DataFix[] = [];
	const remove = Object.fromEntries(TABLE_NAMES.map((name) => [name, [] as Key[]])) as Record<
		TableName,
		Key[]
	>;
	const put = emptyTables();
	const note = (table: TableName, row: Row, problem: string, action: DataFix['action']) => {
		fixes.push({ table, key: keyOf(table, row), problem, action });
	};

	// Decks first: what the other tables may refer to is the decks that stay.
	const keptDecks: BackupTables['userDecks'] = [];
	const deckIds = new Set(tables.userDecks.map((row) => row.id));
	for (const row of tables.userDecks) {
		const problem =
			shapeProblem('userDecks', row) ??
			firstProblem({ ...emptyTables(), userDecks: [row] }, 'userDecks', latest) ??
			(renameReservedSources(row) ? reservedSourceProblem(row) : null);
		if (!problem) {
			keptDecks.push(row);
			continue;
		}
		// A row that is not a deck at all (a null deck, say) cannot be mended, only removed.
		const mended = mendable(() => mendedDeck(row, now));
		const takenByOther = mended !== null && mended.id !== row.id && deckIds.has(mended.id);
		if (mended && !takenByOther && isSound('userDecks', mended, [], latest)) {
			note('userDecks', row, problem, 'repair');
			if (mended.id !== row.id) remove.userDecks.push(row.id);
			put.userDecks.push(mended);
			keptDecks.push(mended);
		} else {
			note('userDecks', row, problem, 'remove');
			remove.userDecks.push(row.id);
		}
	}

	// The meaning checks read rows of a sound shape only: a row of the wrong shape (a null where
	// a memory belongs) is reported by its shape, never handed to them.
	const shapes = new Map<string, string>();
	const sound = emptyTables();
	const originalIndex = Object.fromEntries(TABLE_NAMES.map((name) => [name, [] as number[]]));
	for (const table of TABLE_NAMES) {
		if (table === 'userDecks') continue;
		tables[table].forEach((row: Row, index: number) => {
			const problem = shapeProblem(table, row);
			if (problem) shapes.set(`${table}\u0000${index}`, problem);
			else {
				(sound[table] as Row[]).push(row);
				originalIndex[table].push(index);
			}
		});
	}
	const withDecks = { ...sound, userDecks: keptDecks };
	const problems = new Map<string, string>();
	for (const problem of rowProblems(withDecks, latest)) {
		if (problem.table === 'userDecks') continue;
		const id = `${problem.table}\u0000${originalIndex[problem.table][problem.index]}`;
		if (!problems.has(id)) problems.set(id, problem.message);
	}
	const lastReview = lastSoundReviews(withDecks, latest);
	const resultIds = new Set(tables.results.map((row) => row.id));

	for (const table of TABLE_NAMES) {
		if (table === 'userDecks') continue;
		tables[table].forEach((row: Row, index: number) => {
			// Derived caches are rebuilt from the rest whatever they hold; never a problem.
			if (table === 'settings' && DERIVED_SETTING_KEYS.includes(String(keyOf(table, row)))) return;
			const id = `${table}\u0000${index}`;
			const problem = shapes.get(id) ?? problems.get(id);
			if (!problem) return;
			const repaired = mendable(() => repairRow(table, row, lastReview, resultIds));
			if (repaired && isSound(table, repaired, keptDecks, latest)) {
				note(table, row, problem, 'repair');
				const newKey = keyOf(table, repaired);
				if (newKey !== keyOf(table, row)) remove[table].push(keyOf(table, row));
				(put[table] as Row[]).push(repaired);
			} else {
				note(table, row, problem, 'remove');
				remove[table].push(keyOf(table, row));
			}
		});
	}
	return { fixes, remove, put };
}

function firstProblem(tables: BackupTables, table: TableName, latest: number): string | null {
	for (const problem of rowProblems(tables, latest)) {
		if (problem.table === table) return problem.message;
	}
	return null;
}

function reservedSourceProblem(row: BackupTables['userDecks'][number]): string {
	return `${TABLE_LABELS.userDecks} (${JSON.stringify(row.id)}), field "deck.sources": a source id is a reserved word, which every backup would refuse`;
}

/** The mended row, or null when the row can only be removed. */
function repairRow(
	table: TableName,
	row: Row,
	lastReview: Map<string, BackupTables['reviews'][number]>,
	resultIds: Set<string>
): Row | null {
	if (table === 'memory') {
		const memory = row as BackupTables['memory'][number];
		const review = lastReview.get(memory.key);
		// The fact's memory is what its last sound review left; without one it starts afresh.
		return review ? { ...memory, ...review.after } : null;
	}
	if (table === 'results') {
		const result = row as BackupTables['results'][number];
		const id = resultId(result.result);
		if (id === result.id || resultIds.has(id)) return null;
		return { ...result, id };
	}
	return null;
}

/** True when the plan changes nothing. */
export function isClean(plan: DataRepairPlan): boolean {
	return plan.fixes.length === 0;
}
