import { browser } from '$app/environment';
import { FactdeckDB } from '$lib/db/schema';
import { reportClosedByOtherTab, reportUpgradeBlocked } from '$lib/db/database-events';

export { onClosedByOtherTab, onUpgradeBlocked } from '$lib/db/database-events';

let instance: FactdeckDB | undefined;

/**
 * Another tab opened a newer schema or deleted the database. Dexie's default would close and
 * then quietly reopen on the next write, which either fails (the schema moved on) or recreates
 * an empty database behind the other tab's back. So this tab closes for good, stops writing,
 * and tells whoever listens (the "Reload" banner).
 */
function closeForOtherTab(db: FactdeckDB): false {
	db.close({ disableAutoOpen: true });
	reportClosedByOtherTab();
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
		db.on('blocked', () => reportUpgradeBlocked());
		instance = db;
	}
	return instance;
}
