/**
 * What happens to this tab's database, told to whoever listens (the shell's "Reload" banner).
 * Kept apart from `database.ts`, and free of Dexie, so the app shell can listen on every page
 * without loading the data layer: a page that never opens the database never pays for it.
 */

let isClosedForOtherTab = false;
const closedListeners = new Set<() => void>();
let isUpgradeBlocked = false;
const blockedListeners = new Set<() => void>();

/** Records that another tab upgraded or deleted the database, and tells the listeners. */
export function reportClosedByOtherTab(): void {
	isClosedForOtherTab = true;
	for (const listener of closedListeners) listener();
}

/** Records that an older tab holds the database open against this tab's upgrade. */
export function reportUpgradeBlocked(): void {
	isUpgradeBlocked = true;
	for (const listener of blockedListeners) listener();
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
