import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
	DATABASE_CLOSED_MESSAGE,
	NEWER_DATABASE_MESSAGE,
	STORAGE_FULL_MESSAGE,
	describeStorageError,
	isQuotaError
} from '$lib/db/errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('describeStorageError', () => {
	it('says storage is full for a bare QuotaExceededError', () => {
		expect(describeStorageError(quota())).toBe(STORAGE_FULL_MESSAGE);
		expect(STORAGE_FULL_MESSAGE).toMatch(/^Your browser's storage is full/);
	});

	it('finds the quota error inside an AbortError, as Dexie reports a failed transaction', () => {
		const aborted = new Dexie.AbortError('Transaction aborted', quota());
		expect(aborted.name).toBe('AbortError');
		expect(isQuotaError(aborted)).toBe(true);
		expect(describeStorageError(aborted)).toBe(STORAGE_FULL_MESSAGE);
	});

	it('finds it among the failures of a bulk write, and in a cause chain', () => {
		const bulk = new Dexie.BulkError('1 of 2 operations failed', [quota()]);
		expect(describeStorageError(bulk)).toBe(STORAGE_FULL_MESSAGE);
		expect(describeStorageError(new Error('wrapped', { cause: quota() }))).toBe(
			STORAGE_FULL_MESSAGE
		);
		expect(describeStorageError({ name: 'Error', code: 22 })).toBe(STORAGE_FULL_MESSAGE);
	});

	it('does not call a plain abort a full disk', () => {
		const aborted = new Dexie.AbortError('Transaction aborted');
		expect(isQuotaError(aborted)).toBe(false);
		expect(describeStorageError(aborted)).toMatch(
			/could not read or save your data: Transaction aborted/
		);
	});

	it('tells a closed database (another tab upgraded) and a newer database apart', async () => {
		const db = new Dexie(`errors-${Math.random()}`);
		db.version(1).stores({ rows: '++id' });
		db.close();
		const error = await db
			.table('rows')
			.add({ a: 1 })
			.catch((caught: unknown) => caught);
		expect(describeStorageError(error)).toBe(DATABASE_CLOSED_MESSAGE);
		expect(describeStorageError(new DOMException('newer', 'VersionError'))).toBe(
			NEWER_DATABASE_MESSAGE
		);
	});

	it('describes anything else without throwing', () => {
		expect(describeStorageError(new Error('disk on fire'))).toBe(
			'Factdeck could not read or save your data: disk on fire'
		);
		expect(describeStorageError('odd')).toBe('Factdeck could not read or save your data: odd');
		expect(describeStorageError(null)).toBe('Factdeck could not read or save your data: null');
	});
});
