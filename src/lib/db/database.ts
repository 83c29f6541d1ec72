import { browser } from '$app/environment';
import { FactdeckDB } from '$lib/db/schema';

let instance: FactdeckDB | undefined;
let isClosedForOtherTab = false;
const closedListeners = new Set<() => void>();
let isUpgradeBlocked = false;
const blockedListeners = new Set<() => void>();

/**
 * Another tab opened a newer schema or deleted the database. Dexie's default would close and
 * then quietly reopen on the next write, which either fails (the schema moved on) or recreates
 * an empty database behind the other tab's back. So this tab closes for good, stops writing,
 * and tells whoever listens (the "Reload" banner).
 */
function closeForOtherTab(db: FactdeckDB): false {
	db.close({ disableAutoOpen: true });
	isClosedForOtherTab = true;
	for (const listener of closedListeners) listener();
	return false;
}

/** The app's one database, created on first use; IndexedDB exists only in the browser. */
export function getDb(): FactdeckDB {
	if (!browser) throw new Error('The Factdeck database is only available in the browser');
	if (!instance) {
		const db = new FactdeckDB();
		// Returning false stops Dexie's default handler, which would reopen on the next write.
		db.on('versionchange', () => closeForOtherTab(db));
		// An older tab that does not close for an upgrade holds this one's open until it goes.
		db.on('blocked', () => {
			isUpgradeBlocked = true;
			for (const listener of blockedListeners) listener();
		});
		instance = db;
	}
	return instance;
}

/**
 * Calls `listener` once this tab's database was closed because another tab upgraded or deleted
 * it (at once if that already happened). Returns the unsubscribe function.
 */
export function onClosedByOtherTab(listener: () => void): () => void {
	if (isClosedForOtherTab) listener();
	closedListeners.add(listener);
	return () => closedListeners.delete(listener);
}

/**
 * Calls `listener` once opening this tab's database is blocked by an older tab holding it open
 * (at once if that already happened). Returns the unsubscribe function.
 */
export function onUpgradeBlocked(listener: () => void): () => void {
	if (isUpgradeBlocked) listener();
	blockedListeners.add(listener);
	return () => blockedListeners.delete(listener);
}
