import { browser } from '$app/environment';
import { FactdeckDB } from '$lib/db/schema';

let instance: FactdeckDB | undefined;

/** The app's one database, created on first use; IndexedDB exists only in the browser. */
export function getDb(): FactdeckDB {
	if (!browser) throw new Error('The Factdeck database is only available in the browser');
	instance ??= new FactdeckDB();
	return instance;
}
