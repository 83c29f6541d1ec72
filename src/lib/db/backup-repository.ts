/**
 * Backup and restore of the whole local database. An import is parsed and validated in full
 * (`parseBackup`) by the caller before it reaches here; these functions then plan and write it
 * in ONE transaction over every table, so a failure (a full disk, another tab) leaves the
 * database exactly as it was. Errors are not caught here; the edge describes them.
 */
import type { FactdeckDB } from '$lib/db/schema';
import {
	TABLE_NAMES,
	backupSchema,
	emptyTables,
	hostileShape,
	makeBackup,
	parseBackup,
	type BackupFile,
	type BackupTables,
	type TableName
} from '$lib/domain/backup/backup-schema';
import { describeIssues } from '$lib/domain/teach/assignment-codec';
import { AGGREGATE_CACHE_KEY } from '$lib/db/cache-keys';
import {
	isNoOp,
	planImport,
	type ImportMode,
	type ImportSummary
} from '$lib/domain/backup/backup-merge';
import { meaningProblem, withoutDerived } from '$lib/domain/backup/backup-meaning';
import type { AutoBackupRow } from '$lib/db/schema';
import { planDataRepair, type DataFix } from '$lib/domain/backup/data-check';
import type { Result } from '$lib/domain/codec';

export {
	BACKUP_SETTING_KEY,
	readBackupStatus,
	recordBackupMade,
	type BackupStatus
} from '$lib/db/backup-status';

function tablesOf(db: FactdeckDB) {
	return TABLE_NAMES.map((name) => db.table(name));
}

/** Every row of every table, read in one transaction so the dump is one consistent moment. */
export function dumpDatabase(db: FactdeckDB): Promise<BackupTables> {
	return db.transaction('r', tablesOf(db), () => readAll(db));
}

async function readAll(db: FactdeckDB): Promise<BackupTables> {
	const [memory, reviews, settings, attempts, assignments, results, userDecks] = await Promise.all([
		db.memory.toArray(),
		db.reviews.toArray(),
		db.settings.toArray(),
		db.attempts.toArray(),
		db.assignments.toArray(),
		db.results.toArray(),
		db.userDecks.toArray()
	]);
	return { memory, reviews, settings, attempts, assignments, results, userDecks } as BackupTables;
}

/** Rows per table, for the "on this device" line. */
export async function countRows(db: FactdeckDB): Promise<Record<TableName, number>> {
	return db.transaction('r', tablesOf(db), async () => {
		const counts = await Promise.all(TABLE_NAMES.map((name) => db.table(name).count()));
		return Object.fromEntries(TABLE_NAMES.map((name, i) => [name, counts[i]])) as Record<
			TableName,
			number
		>;
	});
}

export interface CreatedBackup {
	file: BackupFile;
	/** Set when this very file would be refused on import (a bug to report, not a reason to
	 *  withhold the learner's data): the download still happens. */
	problem: string | null;
}

/** The whole database as a backup file made at `now` (epoch ms), checked against the importer. */
export async function createBackup(db: FactdeckDB, now: number): Promise<CreatedBackup> {
	const tables = await dumpDatabase(db);
	// Derived data is rebuilt on the other side; only what cannot be recomputed travels.
	tables.settings = tables.settings.filter((row) => row.key !== AGGREGATE_CACHE_KEY);
	const file = makeBackup(tables, now);
	const hostile = hostileShape(file);
	if (hostile) return { file, problem: hostile };
	const checked = backupSchema.safeParse(file);
	if (!checked.success) return { file, problem: describeIssues(checked.error) };
	return { file, problem: meaningProblem(checked.data, now) };
}

/** What importing `backup` would change now, without writing anything. */
export async function previewImport(
	db: FactdeckDB,
	backup: BackupFile,
	mode: ImportMode,
	now: number
): Promise<ImportSummary> {
	return planImport(await dumpDatabase(db), backup.tables, mode, now).summary;
}

/**
 * Imports a validated backup at `now` (epoch ms) in one transaction over every table. The plan is made again inside
 * the transaction, so a write from another tab since the preview is neither lost nor duplicated.
 * Returns what was changed.
 */
export function applyImport(
	db: FactdeckDB,
	backup: BackupFile,
	mode: ImportMode,
	now: number,
	reason = 'Before an import'
): Promise<ImportSummary> {
	return db.transaction('rw', [...tablesOf(db), db.autoBackups], async () => {
		const current = await readAll(db);
		const plan = planImport(current, backup.tables, mode, now);
		if (!isNoOp(plan.summary)) await keepAutoBackup(db, current, now, reason);
		for (const name of TABLE_NAMES) {
			const table = db.table(name);
			const rows = plan.rows[name];
			if (mode === 'replace') {
				await table.clear();
				if (rows.length > 0) await table.bulkAdd(rows);
			} else if (rows.length > 0) {
				// Merged reviews carry no id, so the table numbers them.
				await (name === 'reviews' ? table.bulkAdd(rows) : table.bulkPut(rows));
			}
		}
		// The progress page's day totals are derived from the review log, which just changed
		// (and was renumbered): drop them so they are counted again from the imported log.
		await db.settings.delete(AGGREGATE_CACHE_KEY);
		return plan.summary;
	});
}

/**
 * Validates a backup file's text in full and, only if it is valid, imports it in one transaction.
 * A refused file never reaches the database. Storage errors still reject, for the edge to word.
 */
export async function importBackup(
	db: FactdeckDB,
	text: string,
	mode: ImportMode,
	now: number
): Promise<Result<ImportSummary>> {
	const parsed = parseBackup(text, now);
	if (!parsed.ok) return parsed;
	return { ok: true, value: await applyImport(db, parsed.value, mode, now) };
}

/** How many automatic backups are kept; the oldest goes when one more is taken. */
export const AUTO_BACKUPS_KEPT = 3;

/** Saves `tables` (this device before an import) as an automatic backup; keeps the newest few. */
async function keepAutoBackup(
	db: FactdeckDB,
	tables: BackupTables,
	now: number,
	reason: string
): Promise<void> {
	if (TABLE_NAMES.every((name) => tables[name].length === 0)) return;
	const file = makeBackup(withoutDerived(tables), now);
	await db.autoBackups.add({
		madeAt: now,
		reason,
		reviews: tables.reviews.length,
		text: JSON.stringify(file)
	});
	const ids = await db.autoBackups.orderBy('madeAt').primaryKeys();
	const extra = ids.length - AUTO_BACKUPS_KEPT;
	if (extra > 0) await db.autoBackups.bulkDelete(ids.slice(0, extra));
}

export type AutoBackupInfo = Omit<AutoBackupRow, 'text'> & { id: number };

/** The automatic backups on this device, newest first, without their (large) texts. */
export async function listAutoBackups(db: FactdeckDB): Promise<AutoBackupInfo[]> {
	const rows = await db.autoBackups.orderBy('madeAt').reverse().toArray();
	return rows.map(({ text: _text, ...info }) => info as AutoBackupInfo);
}

/** The text of one automatic backup, a backup file like any other; undefined when gone. */
export async function readAutoBackup(db: FactdeckDB, id: number): Promise<string | undefined> {
	return (await db.autoBackups.get(id))?.text;
}

/** What "Check the data" found at `now` (epoch ms), without writing anything. */
export async function checkData(db: FactdeckDB, now: number): Promise<DataFix[]> {
	return planDataRepair(await dumpDatabase(db), now).fixes;
}

/**
 * What "Check the data" finds at `now` (epoch ms) in some tables only, reading those and the
 * learner's decks (which the checks of memory and review rows refer to), never the rest: for a
 * page that must not read a big table it has no sign of damage in.
 */
export async function checkTables(
	db: FactdeckDB,
	now: number,
	names: readonly TableName[]
): Promise<DataFix[]> {
	const read = [...new Set<TableName>([...names, 'userDecks'])];
	const tables = emptyTables();
	await db.transaction(
		'r',
		read.map((name) => db.table(name)),
		() =>
			Promise.all(
				read.map(async (name) => {
					(tables as Record<TableName, unknown[]>)[name] = await db.table(name).toArray();
				})
			)
	);
	return planDataRepair(tables, now).fixes.filter((fix) => names.includes(fix.table));
}

/**
 * Repairs or removes every inconsistent row, in one transaction, after keeping an automatic
 * backup of the device as it was. The plan is made again inside the transaction. Returns what
 * was done.
 */
export function repairData(db: FactdeckDB, now: number): Promise<DataFix[]> {
	return db.transaction('rw', [...tablesOf(db), db.autoBackups], async () => {
		const current = await readAll(db);
		const plan = planDataRepair(current, now);
		if (plan.fixes.length === 0) return [];
		await keepAutoBackup(db, current, now, 'Before checking the data');
		for (const name of TABLE_NAMES) {
			const table = db.table(name);
			if (plan.remove[name].length > 0) await table.bulkDelete(plan.remove[name]);
			if (plan.put[name].length > 0) await table.bulkPut(plan.put[name]);
		}
		await db.settings.delete(AGGREGATE_CACHE_KEY);
		return plan.fixes;
	});
}
