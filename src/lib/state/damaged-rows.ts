/**
 * Which rows on this device a page could not show: the same check as Settings → Check the data
 * (domain/backup/data-check), run after the page has drawn what it can, so a page can say which
 * row is damaged and where to repair it. Loaded lazily: the check carries the backup schemas.
 */
import type { FactdeckDB } from '$lib/db/schema';
import type { TableName } from '$lib/domain/backup/backup-schema';

/** One damaged row, in the learner's words. */
export interface DamagedRow {
	table: TableName;
	/** The row's key, as Check the data lists it. */
	key: string;
	/** What is wrong, naming the row and the field. */
	problem: string;
}

/**
 * The damaged rows of the given tables (all when left out), at `now` (epoch ms). With
 * `isReadingOnlyThese`, only those tables (and the learner's decks) are read, not the whole
 * database.
 */
export async function findDamagedRows(
	db: FactdeckDB,
	now: number,
	tables?: readonly TableName[],
	isReadingOnlyThese = false
): Promise<DamagedRow[]> {
	const { checkData, checkTables } = await import('$lib/db/backup-repository');
	const fixes =
		isReadingOnlyThese && tables ? await checkTables(db, now, tables) : await checkData(db, now);
	return fixes
		.filter((fix) => !tables || tables.includes(fix.table))
		.map((fix) => ({ table: fix.table, key: String(fix.key), problem: fix.problem }));
}
