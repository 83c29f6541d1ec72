/**
 * The error edge (domain/errors.ts) against the errors Dexie and IndexedDB really raise: the
 * shapes its classification is written for.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FAILURE_WORDS, classifyError, describeError, isQuotaError } from '$lib/domain/errors';
import { FactdeckDB } from '$lib/db/schema';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('Dexie errors, in plain words', () => {
	it('finds a full disk inside an AbortError, as Dexie reports a failed transaction', () => {
		const aborted = new Dexie.AbortError('Transaction aborted', quota());
		expect(aborted.name).toBe('AbortError');
		expect(isQuotaError(aborted)).toBe(true);
		expect(describeError(aborted)).toBe(FAILURE_WORDS.quota);
	});

	it('finds it among the failures of a bulk write', () => {
		const bulk = new Dexie.BulkError('1 of 2 operations failed', [quota()]);
		expect(classifyError(bulk)).toBe('quota');
	});

	it('does not call a plain abort a full disk', () => {
		const aborted = new Dexie.AbortError('Transaction aborted');
		expect(isQuotaError(aborted)).toBe(false);
		expect(classifyError(aborted)).toBe('unknown');
		expect(describeError(aborted)).toMatch(/\(Details: Transaction aborted\)$/);
	});

	it('says another tab took the database when a write meets a closed one', async () => {
		const db = new Dexie(`errors-${Math.random()}`);
		db.version(1).stores({ rows: '++id' });
		db.close({ disableAutoOpen: true });
		const error = await db
			.table('rows')
			.add({ a: 1 })
			.catch((caught: unknown) => caught);
		expect(classifyError(error)).toBe('closed-by-other-tab');
		expect(describeError(error)).toBe(FAILURE_WORDS['closed-by-other-tab']);
	});

	it('says a newer version saved the data when the stored version is ahead of this code', async () => {
		const name = `errors-newer-${Math.random()}`;
		const newer = new Dexie(name);
		newer.version(50).stores({ memory: '&key' });
		await newer.open();
		newer.close();
		const error = await new Promise<unknown>((resolve) => {
			const request = indexedDB.open(name, 1);
			request.onerror = () => resolve(request.error);
			request.onsuccess = () => resolve(null);
		});
		expect(classifyError(error)).toBe('newer-version');
		await Dexie.delete(name);
	});

	it('calls data IndexedDB cannot store damaged, not unknown', async () => {
		const db = new FactdeckDB(`errors-data-${Math.random()}`);
		const error = await db.settings
			.put({ key: 'x', value: () => 1 })
			.catch((caught: unknown) => caught);
		expect(classifyError(error)).toBe('damaged');
		await db.delete();
	});
});
