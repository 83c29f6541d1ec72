/**
 * Which rows on this device a page could not show: the same check as Settings → Check the data
 * (domain/backup/data-check), run after the page has drawn what it can, so a page can say which
 * row is damaged and where to repair it. Loaded lazily: the check carries the backup schemas.
 */
import type { FactdeckDB } from '$lib/db/schema';
import type { TableName } from '$lib/domain/backup/backup-schema';
import type { DamagedRow } from '$lib/domain/deck/damaged-row';

/** One damaged row, in the learner's words: its table, its key, what is wrong. */
export type { DamagedRow };

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

/**
 * The rows a study page over `deckIds` left out: damaged deck rows of the learner's own (only
 * the one studied when `onlyDeck` is set) and damaged memory rows of those decks. Cheap: it
 * reads those rows only, not every table as the full check does.
 */
export async function findStudyDamage(
	db: FactdeckDB,
	deckIds: readonly string[],
	onlyDeck?: string
): Promise<DamagedRow[]> {
	const { findDamagedMemory, findDamagedUserDecks } =
		await import('$lib/db/damaged-rows-repository');
	const [decks, memory] = await Promise.all([
		findDamagedUserDecks(db, onlyDeck),
		findDamagedMemory(db, deckIds)
	]);
	return [...decks, ...memory];
}
