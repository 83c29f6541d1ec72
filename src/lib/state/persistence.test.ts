import { describe, expect, it } from 'vitest';
import {
	formatBytes,
	readStorageInfo,
	requestPersistence,
	requestPersistenceOnce,
	type PersistenceEnv
} from '$lib/state/persistence';

/** A storage manager that grants or refuses, and counts the requests. */
function fakeStorage(grants: boolean, isPersisted = false) {
	const storage = {
		requests: 0,
		isPersisted,
		estimate: async () => ({ usage: 1_500, quota: 2_000_000 }),
		persisted: async () => storage.isPersisted,
		persist: async () => {
			storage.requests += 1;
			storage.isPersisted = grants;
			return grants;
		}
	};
	return storage;
}

function fakeMemo() {
	const values = new Map<string, string>();
	return {
		values,
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value)
	};
}

describe('persistent storage', () => {
	it('reads usage, quota and persistence, and says nothing where there is no storage manager', async () => {
		expect(await readStorageInfo(fakeStorage(true, true))).toEqual({
			usage: 1_500,
			quota: 2_000_000,
			isPersisted: true
		});
		expect(await readStorageInfo(null)).toEqual({ usage: null, quota: null, isPersisted: null });
	});

	it('asks once after a session, remembering when, and never again', async () => {
		const storage = fakeStorage(false);
		const memo = fakeMemo();
		const env: PersistenceEnv = { storage, memo, now: () => 1_234 };
		expect(await requestPersistenceOnce(env)).toBe(false);
		expect(await requestPersistenceOnce(env)).toBeNull();
		expect(storage.requests).toBe(1);
		expect([...memo.values.values()]).toEqual(['1234']);
	});

	it('does not ask again when already persisted, and asks nothing without a storage manager', async () => {
		const storage = fakeStorage(true, true);
		expect(await requestPersistence(storage)).toBe(true);
		expect(storage.requests).toBe(0);
		expect(await requestPersistence(null)).toBe(false);
		expect(await requestPersistenceOnce({ storage: null, memo: fakeMemo(), now: () => 0 })).toBe(
			null
		);
	});

	it('never throws, even when the browser does', async () => {
		const storage = {
			...fakeStorage(true),
			persisted: async () => false,
			persist: async (): Promise<boolean> => {
				throw new Error('denied');
			}
		};
		const env: PersistenceEnv = { storage, memo: null, now: () => 0 };
		expect(await requestPersistenceOnce(env)).toBeNull();
	});
});

describe('formatBytes', () => {
	it('writes sizes short', () => {
		expect(formatBytes(999)).toBe('999 bytes');
		expect(formatBytes(3_400_000)).toBe('3.4 MB');
		expect(formatBytes(25_000_000_000)).toBe('25 GB');
	});
});
