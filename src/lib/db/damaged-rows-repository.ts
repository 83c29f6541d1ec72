/**
 * The rows a study page needs and cannot show, found cheaply (only the learner's deck rows and
 * the memory rows of the decks on screen, never the whole review log, as Settings → Check the
 * data reads): the page leaves them out, shows the rest, and names them. Errors are not caught
 * here.
 */
import type { FactdeckDB } from '$lib/db/schema';
import {
	memoryRowProblem,
	userDeckRowProblem,
	type DamagedRow
} from '$lib/domain/deck/damaged-row';
import { isUserDeckId } from '$lib/domain/deck/source-href';

/**
 * The stored rows of the learner's decks that no list shows, each with what is wrong: every
 * row, or only the row `onlyId` (none for a built-in deck's id, which has no row).
 */
export async function findDamagedUserDecks(db: FactdeckDB, onlyId?: string): Promise<DamagedRow[]> {
	let rows: unknown[];
	if (onlyId === undefined) rows = await db.userDecks.toArray();
	else rows = isUserDeckId(onlyId) ? [await db.userDecks.get(onlyId)].filter(Boolean) : [];
	return rows.flatMap((row) => userDeckRowProblem(row) ?? []);
}

/** The memory rows of these decks that study cannot schedule, each with what is wrong. */
export async function findDamagedMemory(
	db: FactdeckDB,
	deckIds: readonly string[]
): Promise<DamagedRow[]> {
	const rows: unknown[] = await db.memory.where('deckId').anyOf(deckIds).toArray();
	return rows.flatMap((row) => memoryRowProblem(row) ?? []);
}
