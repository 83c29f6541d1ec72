/**
 * The data layer for a component of a page that must paint without it (home, a deck page):
 * Dexie, the database and the live-query adapter are imported only when this is called, after
 * first paint, so they never ride on that page's first load.
 */
import type { FactdeckDB } from '$lib/db/schema';
import type { LiveQuery } from '$lib/db/live.svelte';

export interface LiveDataLayer {
	/** The app's one database. */
	db: () => FactdeckDB;
	/** A live query read through the one adapter (`LiveQuery`). */
	live: <T>(query: () => T | Promise<T>) => LiveQuery<T>;
}

let layer: Promise<LiveDataLayer> | undefined;

/** Imports the data layer once; every later call shares the same import. */
export function importLiveDataLayer(): Promise<LiveDataLayer> {
	layer ??= Promise.all([import('$lib/db/database'), import('$lib/db/live.svelte')]).then(
		([database, adapter]) => ({
			db: database.getDb,
			live: (query) => new adapter.LiveQuery(query)
		})
	);
	// A failed import (a network blip before the service worker cached it) may be tried again.
	layer.catch(() => (layer = undefined));
	return layer;
}
