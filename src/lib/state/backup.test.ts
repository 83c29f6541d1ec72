import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { AUTO_BACKUPS_KEPT, dumpDatabase } from '$lib/db/backup-repository';
import { recordAnswer } from '$lib/db/study-repository';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { BackupFlow, DataCheckFlow } from '$lib/state/backup.svelte';

const T0 = Date.UTC(2026, 0, 10, 12);
const HOUR = 3_600_000;

const dbs: FactdeckDB[] = [];
function freshDb(): FactdeckDB {
	const db = new FactdeckDB('flow-' + Math.random().toString(36).slice(2));
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

function answer(db: FactdeckDB, factId: string, now: number) {
	return recordAnswer(db, {
		deckId: 'kosovo',
		factId,
		itemId: `${factId}-mcq`,
		rating: 3,
		now,
		durationMs: 2000,
		settings: DEFAULT_SETTINGS,
		origin: 'study'
	});
}

/** A flow on `db` whose clock reads `clock.now`. */
function flowOn(db: FactdeckDB, clock: { now: number }) {
	return new BackupFlow(
		() => db,
		() => clock.now
	);
}

async function exported(flow: BackupFlow): Promise<{ name: string; text: string }> {
	let saved: { name: string; text: string } | null = null;
	await flow.exportNow((name, text) => (saved = { name, text }));
	if (!saved) throw new Error(flow.exportError ?? 'nothing saved');
	return saved;
}

describe('BackupFlow', () => {
	it('exports at its clock, then restores the file into another device in three steps', async () => {
		const clock = { now: T0 + 2 * HOUR };
		const phone = freshDb();
		await answer(phone, 'k1', T0);
		await answer(phone, 'k2', T0 + HOUR);
		const file = await exported(flowOn(phone, clock));
		expect(file.name).toBe('factdeck-backup-2026-01-10.json');
		expect(JSON.parse(file.text).exportedAt).toBe(T0 + 2 * HOUR);

		const laptop = freshDb();
		const flow = flowOn(laptop, clock);
		await flow.chooseFile(new File([file.text], file.name));
		expect(flow.phase).toBe('preview');
		expect(flow.preview?.reviews.added).toBe(2);
		expect(await laptop.reviews.count()).toBe(0);
		await flow.confirm();
		expect(flow.phase).toBe('done');
		expect(await laptop.reviews.count()).toBe(2);
	});

	it('refuses a file from a clock far ahead of its own, and writes nothing', async () => {
		const phone = freshDb();
		await answer(phone, 'k1', T0);
		const file = await exported(flowOn(phone, { now: T0 + 30 * 24 * HOUR }));
		const laptop = freshDb();
		const flow = flowOn(laptop, { now: T0 });
		await flow.chooseFile(new File([file.text], file.name));
		expect(flow.phase).toBe('idle');
		expect(flow.importError).toMatch(/exportedAt/);
		expect(await laptop.reviews.count()).toBe(0);
	});

	it('keeps an automatic backup before each import and brings it back after a bad restore', async () => {
		const clock = { now: T0 + 10 * HOUR };
		const empty = freshDb();
		const emptyFile = await exported(flowOn(empty, clock));

		const device = freshDb();
		await answer(device, 'k1', T0);
		await answer(device, 'k2', T0 + HOUR);
		const before = await dumpDatabase(device);
		const flow = flowOn(device, clock);
		await flow.loadAutoBackups();
		expect(flow.autoBackups).toEqual([]);

		// The mistake: an empty backup replaces everything.
		flow.mode = 'replace';
		await flow.chooseFile(new File([emptyFile.text], 'empty.json'));
		await flow.confirm();
		expect(await device.reviews.count()).toBe(0);
		expect(flow.autoBackups).toHaveLength(1);
		expect(flow.autoBackups?.[0]).toMatchObject({
			reason: 'Before restoring empty.json',
			reviews: 2
		});

		clock.now += HOUR;
		await flow.chooseAutoBackup(flow.autoBackups![0], 'the automatic backup');
		expect(flow.mode).toBe('replace');
		expect(flow.preview?.reviews.added).toBe(2);
		await flow.confirm();
		const after = await dumpDatabase(device);
		const withoutIds = (rows: typeof before.reviews) => rows.map(({ id: _id, ...rest }) => rest);
		expect(after.memory).toEqual(before.memory);
		expect(withoutIds(after.reviews)).toEqual(withoutIds(before.reviews));
	});

	it('keeps only the newest few automatic backups', async () => {
		const clock = { now: T0 + 10 * HOUR };
		const device = freshDb();
		await answer(device, 'k1', T0);
		const flow = flowOn(device, clock);
		for (let n = 0; n < AUTO_BACKUPS_KEPT + 2; n++) {
			const other = freshDb();
			await answer(other, `x${n}`, T0 + n * 60_000);
			const file = await exported(flowOn(other, clock));
			clock.now += 60_000;
			await flow.chooseFile(new File([file.text], `b${n}.json`));
			await flow.confirm();
			expect(flow.phase).toBe('done');
		}
		expect(flow.autoBackups?.map((backup) => backup.reason)).toEqual([
			'Before merging b4.json',
			'Before merging b3.json',
			'Before merging b2.json'
		]);
	});
});

describe('DataCheckFlow', () => {
	it('finds a poisoned row, writes nothing until asked, then repairs it', async () => {
		const device = freshDb();
		await answer(device, 'k1', T0);
		const row = (await device.memory.get('kosovo/k1'))!;
		await device.memory.put({ ...row, dueAt: 8.64e15, lastReviewAt: 8.64e15 });
		const flow = new DataCheckFlow(
			() => device,
			() => T0 + HOUR
		);
		await flow.check();
		expect(flow.phase).toBe('found');
		expect(flow.fixes).toMatchObject([{ table: 'memory', key: 'kosovo/k1', action: 'repair' }]);
		expect((await device.memory.get('kosovo/k1'))?.lastReviewAt).toBe(8.64e15);
		await flow.repair();
		expect(flow.phase).toBe('done');
		expect(await device.memory.get('kosovo/k1')).toEqual(row);
		await flow.check();
		expect(flow.phase).toBe('done');
		expect(flow.fixes).toEqual([]);
	});
});

describe('BackupFlow on data a backup would refuse', () => {
	it('still saves the file, says why it would be refused and points to Check the data', async () => {
		const device = freshDb();
		await answer(device, 'k1', T0);
		const row = (await device.memory.get('kosovo/k1'))!;
		await device.memory.put({ ...row, dueAt: 8.64e15, lastReviewAt: 8.64e15 });
		let saved = '';
		const flow = flowOn(device, { now: T0 + HOUR });
		await flow.exportNow((_name, text) => (saved = text));
		expect(JSON.parse(saved).tables.memory).toHaveLength(1);
		expect(flow.exportError).toMatch(/field "lastReviewAt".*Check the data/);
	});
});
