/**
 * Persistent storage: without it the browser may evict Factdeck's data when the disk runs low.
 * Chromium grants it quietly to sites in use (installed, bookmarked, often visited); Firefox asks
 * the learner. So it is requested once, after a first study session, when the reason is plain.
 */
import { browser } from '$app/environment';

/** Shown in Settings beside the storage state. */
export const PERSISTENCE_REASON =
	'Factdeck keeps your progress only in this browser. Persistent storage asks the browser never to clear it on its own when the disk runs low; without it, an unused site’s data may be removed.';

const ASKED_KEY = 'factdeck:persistence-requested';

export interface StorageInfo {
	/** Bytes used by this site, or null when the browser does not say. */
	usage: number | null;
	/** Bytes this site may use, or null when the browser does not say. */
	quota: number | null;
	/** True when the browser promised not to evict; null when it cannot tell. */
	isPersisted: boolean | null;
}

/** The browser's storage manager, or null where there is none (prerendering, old browsers). */
function storageManager(): StorageManager | null {
	return browser && 'storage' in navigator ? navigator.storage : null;
}

/** The parts of the browser persistence uses; tests pass their own. */
export interface PersistenceEnv {
	storage: Pick<StorageManager, 'estimate' | 'persist' | 'persisted'> | null;
	/** Where the one request is remembered; null where localStorage is unavailable. */
	memo: Pick<Storage, 'getItem' | 'setItem'> | null;
	/** The time now, epoch ms. */
	now: () => number;
}

function browserEnv(): PersistenceEnv {
	let memo: Storage | null = null;
	try {
		memo = browser ? localStorage : null;
	} catch {
		// Reading localStorage itself throws where site data is blocked.
	}
	return { storage: storageManager(), memo, now: () => Date.now() };
}

/** Space used and allowed, and whether storage is persistent. */
export async function readStorageInfo(
	storage: PersistenceEnv['storage'] = storageManager()
): Promise<StorageInfo> {
	if (!storage) return { usage: null, quota: null, isPersisted: null };
	const [estimate, isPersisted] = await Promise.all([
		storage.estimate ? storage.estimate().catch(() => null) : null,
		storage.persisted ? storage.persisted().catch(() => null) : null
	]);
	return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, isPersisted };
}

/** Asks the browser for persistent storage now; resolves to whether it is granted. */
export async function requestPersistence(
	storage: PersistenceEnv['storage'] = storageManager()
): Promise<boolean> {
	if (!storage?.persist) return false;
	if (await storage.persisted?.()) return true;
	return storage.persist();
}

function wasAsked(env: PersistenceEnv): boolean {
	try {
		return env.memo?.getItem(ASKED_KEY) != null;
	} catch {
		return false;
	}
}

function markAsked(env: PersistenceEnv): void {
	try {
		env.memo?.setItem(ASKED_KEY, String(env.now()));
	} catch {
		// Without localStorage the request may be repeated next session; that is harmless.
	}
}

/**
 * Call when a study session ends: asks for persistent storage the first time only, so a learner
 * who said no is not asked again (Settings keeps a button for that). Resolves to the outcome, or
 * null when nothing was asked. Never throws.
 */
export async function requestPersistenceOnce(
	env: PersistenceEnv = browserEnv()
): Promise<boolean | null> {
	if (!env.storage?.persist || wasAsked(env)) return null;
	markAsked(env);
	try {
		return await requestPersistence(env.storage);
	} catch {
		return null;
	}
}

/** Bytes as a short human size ("3.4 MB"). */
export function formatBytes(bytes: number): string {
	const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit += 1;
	}
	return unit === 0
		? `${Math.round(value)} ${units[0]}`
		: `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
