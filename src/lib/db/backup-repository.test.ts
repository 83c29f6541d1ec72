import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import {
	applyImport,
	checkData,
	countRows,
	createBackup,
	dumpDatabase,
	importBackup,
	listAutoBackups,
	previewImport,
	readBackupStatus,
	recordBackupMade,
	repairData
} from '$lib/db/backup-repository';
import { recordAnswer, saveSettings } from '$lib/db/study-repository';
import { getUserDeck, saveUserDeck } from '$lib/db/user-decks-repository';
import { describeError, FAILURE_WORDS } from '$lib/domain/errors';
import {
	BACKUP_VERSION,
	MAX_ROWS,
	MAX_STRING_CHARS,
	backupChecksum,
	parseBackup,
	type BackupFile
} from '$lib/domain/backup/backup-schema';
import type { StudyRating } from '$lib/domain/study/fsrs-adapter';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import type { Deck, Item } from '$lib/domain/types';
import { resultId } from '$lib/domain/teach/result-codec';

const T0 = new Date(2026, 0, 10, 12).getTime();
const HOUR = 3_600_000;
/** When the tests import: after every seeded row and every backup made of them. */
const NOW = T0 + 300 * HOUR;

const item: Item = {
	id: 'k1-mcq',
	factId: 'k1',
	type: 'mcq',
	prompt: 'Who led KFOR?',
	answer: 'NATO',
	options: ['UN', 'NATO', 'OSCE'],
	explanation: 'The source says so.',
	topic: 'origins',
	source: { document: 'peacekeeping-in-kosovo', quote: 'KFOR, led by NATO, entered Kosovo.' }
};
const deck: Deck = {
	id: 'my-deck',
	title: 'My deck',
	description: 'Made from my notes.',
	version: 1,
	topics: [{ id: 'origins', title: 'Origins' }],
	sources: [{ id: 'peacekeeping-in-kosovo', title: 'Peacekeeping in Kosovo' }],
	facts: [
		{
			id: 'k1',
			topic: 'origins',
			document: 'peacekeeping-in-kosovo',
			quote: 'KFOR, led by NATO, entered Kosovo.',
			question: 'Who led KFOR?',
			answer: 'NATO',
			answerKind: 'organisation',
			statement: 'NATO led KFOR.',
			explanation: 'The source says so.'
		}
	],
	items: [item]
};

const dbs: FactdeckDB[] = [];
function freshDb(): FactdeckDB {
	const db = new FactdeckDB('backup-' + Math.random().toString(36).slice(2));
	dbs.push(db);
	return db;
}

function answer(db: FactdeckDB, factId: string, rating: StudyRating, now: number) {
	return recordAnswer(db, {
		deckId: 'kosovo',
		factId,
		itemId: `${factId}-mcq`,
		rating,
		now,
		durationMs: 3000,
		settings: DEFAULT_SETTINGS,
		origin: 'study'
	});
}

/** Progress in every table, written the way the app writes it. */
async function seed(db: FactdeckDB, start = T0): Promise<void> {
	await answer(db, 'k1', 3, start);
	await answer(db, 'k2', 1, start + HOUR);
	await answer(db, 'k1', 4, start + 30 * HOUR);
	await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
	await db.attempts.put({
		id: 'attempt-1',
		deckId: 'kosovo',
		kind: 'self',
		itemIds: ['k1-mcq'],
		answers: { 'k1-mcq': 'NATO' },
		config: { count: 1, types: ['mcq'] },
		startedAt: start,
		submittedAt: null,
		score: null,
		durationMs: null
	});
	await db.assignments.put({
		id: 'as-1',
		createdAt: start,
		assignment: {
			v: 1,
			id: 'as-1',
			title: 'Homework',
			deckId: 'kosovo',
			deckTitle: 'Kosovo',
			instructions: 'Do it.',
			items: [item],
			shuffle: true,
			timeLimitMinutes: 10,
			feedback: 'after',
			passMark: 60,
			createdAt: start
		}
	});
	const result = {
		v: 1 as const,
		assignmentId: 'as-1',
		student: 'Ada',
		startedAt: start,
		submittedAt: start + 60_000,
		answers: { 'k1-mcq': 'UN' }
	};
	await db.results.put({
		id: resultId(result),
		assignmentId: 'as-1',
		student: 'Ada',
		receivedAt: start,
		result: {
			v: 2,
			assignmentId: 'as-1',
			student: 'Ada',
			startedAt: start,
			submittedAt: start + 60_000,
			answers: [['k1-mcq', 'UN']]
		}
	});
	// Saved the way the app saves it, with its document: longer than any other text in a backup.
	await saveUserDeck(
		db,
		deck,
		{ 'peacekeeping-in-kosovo': 'The commission met in 1856. '.repeat(6_000) },
		start
	);
}

async function backupText(db: FactdeckDB, now = T0 + 48 * HOUR): Promise<string> {
	const { file, problem } = await createBackup(db, now);
	expect(problem).toBeNull();
	return JSON.stringify(file);
}

function parsed(text: string): BackupFile {
	const result = parseBackup(text, NOW);
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

/** A dump without review ids, which are local numbering and differ between devices. */
async function contentOf(db: FactdeckDB) {
	const dump = await dumpDatabase(db);
	return { ...dump, reviews: dump.reviews.map(({ id: _id, ...rest }) => rest) };
}

afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

describe('backup round trip', () => {
	it('exports every table and restores the same rows into an empty database', async () => {
		const source = freshDb();
		await seed(source);
		const text = await backupText(source);
		const file = parsed(text);
		expect(file.version).toBe(2);
		expect(Object.keys(file.tables).sort()).toEqual(
			['assignments', 'attempts', 'memory', 'results', 'reviews', 'settings', 'userDecks'].sort()
		);

		const target = freshDb();
		const summary = await applyImport(target, file, 'replace', NOW);
		expect(summary.reviews).toEqual({ added: 3, updated: 0, unchanged: 0, removed: 0 });
		expect(summary.memory.added).toBe(2);
		expect(await contentOf(target)).toEqual(await contentOf(source));
		expect(await countRows(target)).toEqual({
			memory: 2,
			reviews: 3,
			settings: 1,
			attempts: 1,
			assignments: 1,
			results: 1,
			userDecks: 1
		});
	});

	it('previews without writing, and the preview matches what the import then does', async () => {
		const source = freshDb();
		await seed(source);
		const file = parsed(await backupText(source));
		const target = freshDb();
		await answer(target, 'k9', 3, T0);
		const before = await dumpDatabase(target);
		const preview = await previewImport(target, file, 'replace', NOW);
		expect(await dumpDatabase(target)).toEqual(before);
		expect(preview.memory).toEqual({ added: 2, updated: 0, unchanged: 0, removed: 1 });
		expect(await applyImport(target, file, 'replace', NOW)).toEqual(preview);
	});

	it('merges: the union of review logs, the newer memory per fact, nothing doubled', async () => {
		const phone = freshDb();
		await seed(phone);
		const laptop = freshDb();
		await seed(laptop);
		// The laptop studied k1 later and a new fact k3; the phone's backup knows neither.
		await answer(laptop, 'k1', 2, T0 + 50 * HOUR);
		await answer(laptop, 'k3', 3, T0 + 51 * HOUR);
		await answer(phone, 'k2', 3, T0 + 40 * HOUR);
		const phoneFile = parsed(await backupText(phone));

		const summary = await applyImport(laptop, phoneFile, 'merge', NOW);
		expect(summary.reviews).toEqual({ added: 1, updated: 0, unchanged: 3, removed: 0 });
		expect(summary.memory).toEqual({ added: 0, updated: 1, unchanged: 1, removed: 0 });
		expect(await laptop.reviews.count()).toBe(6);
		expect((await laptop.memory.get('kosovo/k1'))?.lastReviewAt).toBe(T0 + 50 * HOUR);
		expect((await laptop.memory.get('kosovo/k2'))?.lastReviewAt).toBe(T0 + 40 * HOUR);

		const again = await applyImport(laptop, phoneFile, 'merge', NOW);
		expect(again.reviews.added + again.memory.updated).toBe(0);
		expect(await laptop.reviews.count()).toBe(6);
	});

	it('remembers the last backup and counts the reviews made since', async () => {
		const db = freshDb();
		await seed(db);
		expect(await readBackupStatus(db)).toEqual({ lastBackupAt: null, reviewsSince: 3 });
		await recordBackupMade(db, T0 + 2 * HOUR);
		expect(await readBackupStatus(db)).toEqual({ lastBackupAt: T0 + 2 * HOUR, reviewsSince: 1 });
	});

	it('writes nothing at all when the browser refuses a write halfway (storage full)', async () => {
		const source = freshDb();
		await seed(source, T0 + 100 * HOUR);
		const file = parsed(await backupText(source, T0 + 200 * HOUR));
		const target = freshDb();
		// The last table written fails as a full disk does, after six tables were written.
		// Middleware joins when the database opens, so it is installed first and armed later.
		let isDiskFull = false;
		target.use({
			stack: 'dbcore',
			name: 'full-disk',
			create: (down) => ({
				...down,
				table: (name) => {
					const table = down.table(name);
					return name !== 'userDecks'
						? table
						: {
								...table,
								mutate: (request) =>
									isDiskFull && (request.type === 'add' || request.type === 'put')
										? Promise.reject(new DOMException('full', 'QuotaExceededError'))
										: table.mutate(request)
							};
				}
			})
		});
		await seed(target);
		isDiskFull = true;
		const before = await dumpDatabase(target);
		const error = await applyImport(target, file, 'replace', NOW).catch(
			(caught: unknown) => caught
		);
		expect(describeError(error)).toBe(FAILURE_WORDS.quota);
		expect(await dumpDatabase(target)).toEqual(before);
	});
});

describe('importBackup refuses bad files and leaves the database as it was', () => {
	let db: FactdeckDB;
	let goodText: string;
	let before: Awaited<ReturnType<typeof dumpDatabase>>;

	/** Every write the database is asked to make, counted below the Dexie API. */
	let writes = 0;

	beforeEach(async () => {
		db = freshDb();
		db.use({
			stack: 'dbcore',
			name: 'count-writes',
			create: (down) => ({
				...down,
				table: (name) => {
					const table = down.table(name);
					return {
						...table,
						mutate: (request) => {
							writes += 1;
							return table.mutate(request);
						}
					};
				}
			})
		});
		await seed(db);
		goodText = await backupText(db);
		before = await dumpDatabase(db);
		writes = 0;
	});

	it('imports a good file, and the write counter sees it (so zero below means zero)', async () => {
		const result = await importBackup(db, goodText, 'replace', NOW);
		expect(result.ok).toBe(true);
		expect(writes).toBeGreaterThan(0);
	});

	/** Each damage takes the good backup (as a JSON value or text) and returns bad file text. */
	const good = () => JSON.parse(goodText);
	const rowsOf = (file: ReturnType<typeof good>) =>
		Object.values(file.tables as Record<string, object[]>).flat();

	const truncated = fc.nat().map((n) => (text: string) => text.slice(0, n % text.length));

	const wrongType = fc
		.constantFrom<Array<(file: ReturnType<typeof good>) => void>>(
			(f) => (f.tables.memory[0].dueAt = 'tomorrow'),
			(f) => (f.tables.memory[0].dueAt = -1),
			(f) => (f.tables.memory[0].state = 4),
			(f) => (f.tables.memory[0].suspended = true),
			(f) => (f.tables.memory[1].lastReviewAt = '2026-01-01'),
			(f) => (f.tables.reviews[0].rating = 0),
			(f) => (f.tables.reviews[1].rating = '3'),
			(f) => (f.tables.reviews[2].origin = 'web'),
			(f) => (f.tables.reviews[0].after = null),
			(f) => (f.tables.reviews[0].reviewedAt = 1.5),
			(f) => (f.tables.settings[0].key = ''),
			(f) => (f.tables.attempts[0].kind = 'exam'),
			(f) => (f.tables.attempts[0].answers = { 'k1-mcq': 42 }),
			(f) => (f.tables.assignments[0].assignment.passMark = 101),
			(f) => (f.tables.assignments[0].assignment.items = []),
			(f) => (f.tables.results[0].result.v = 3),
			(f) => (f.tables.userDecks[0].deck.items = 'none'),
			(f) => (f.tables.memory = {}),
			(f) => (f.tables = []),
			(f) => (f.exportedAt = 'yesterday'),
			(f) => (f.version = 0),
			(f) => delete f.tables.results
		)
		.map((damage) => (text: string) => {
			const file = JSON.parse(text);
			damage(file);
			return JSON.stringify(file);
		});

	const hostileKey = fc
		.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.nat(), fc.jsonValue())
		.map(([key, index, value]) => (text: string) => {
			const file = JSON.parse(text);
			const objects: object[] = [];
			const visit = (node: unknown) => {
				if (typeof node !== 'object' || node === null) return;
				if (!Array.isArray(node)) objects.push(node);
				for (const child of Object.values(node)) visit(child);
			};
			visit(file);
			// An own, enumerable key: exactly what JSON.parse makes of `"__proto__": …` in a file.
			Object.defineProperty(objects[index % objects.length], key, {
				value,
				enumerable: true,
				configurable: true,
				writable: true
			});
			return JSON.stringify(file);
		});

	const hugeString = fc
		.tuple(fc.nat(), fc.integer({ min: 1, max: 1000 }))
		.map(([index, extra]) => (text: string) => {
			const file = JSON.parse(text);
			const rows = rowsOf(file) as Array<Record<string, unknown>>;
			const row = rows[index % rows.length];
			const keys = Object.keys(row).filter((key) => typeof row[key] === 'string');
			row[keys[index % keys.length]] = 'x'.repeat(MAX_STRING_CHARS + extra);
			return JSON.stringify(file);
		});

	const futureVersion = fc
		.integer({ min: BACKUP_VERSION + 1, max: 1_000_000 })
		.map((version) => (text: string) => {
			const file = JSON.parse(text);
			file.version = version;
			return JSON.stringify(file);
		});

	const tooManyRows = fc.integer({ min: 1, max: 20 }).map((extra) => (text: string) => {
		const file = JSON.parse(text);
		file.tables.settings = Array.from({ length: MAX_ROWS.settings + extra }, (_, i) => ({
			key: `setting-${i}`,
			value: i
		}));
		return JSON.stringify(file);
	});

	const unknownField = fc
		.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue())
		.map(([index, key, value]) => (text: string) => {
			const file = JSON.parse(text);
			const rows = rowsOf(file) as Array<Record<string, unknown>>;
			const row = rows[index % rows.length];
			const name =
				key in row || ['__proto__', 'constructor', 'prototype'].includes(key) ? `x-${key}` : key;
			Object.defineProperty(row, name, {
				value,
				enumerable: true,
				writable: true,
				configurable: true
			});
			return JSON.stringify(file);
		});

	const missingField = fc.nat().map((index) => (text: string) => {
		const file = JSON.parse(text);
		const rows = rowsOf(file) as Array<Record<string, unknown>>;
		const row = rows[index % rows.length];
		// The optional fields the seeded rows hold: a review's local id, a user deck's documents.
		const keys = Object.keys(row).filter(
			(key) => !('rating' in row && key === 'id') && key !== 'documents'
		);
		delete row[keys[index % keys.length]];
		return JSON.stringify(file);
	});

	const duplicateKey = fc
		.constantFrom(
			'memory',
			'reviews',
			'settings',
			'attempts',
			'assignments',
			'results',
			'userDecks'
		)
		.map((table) => (text: string) => {
			const file = JSON.parse(text);
			file.tables[table].push(file.tables[table][0]);
			return JSON.stringify(file);
		});

	const notABackup = fc
		.oneof(
			fc.jsonValue().map((value) => JSON.stringify(value)),
			fc.string(),
			fc.uint8Array().map((bytes) => String.fromCharCode(...bytes))
		)
		.map((garbage) => () => garbage);

	const damage = fc.oneof(
		truncated,
		wrongType,
		hostileKey,
		hugeString,
		futureVersion,
		tooManyRows,
		unknownField,
		missingField,
		duplicateKey,
		notABackup
	);

	it('refuses 1,000 generated bad files, each with a message, the database unchanged', async () => {
		let runs = 0;
		await fc.assert(
			fc.asyncProperty(
				damage,
				fc.constantFrom('replace' as const, 'merge' as const),
				async (spoil, mode) => {
					runs += 1;
					const text = spoil(goodText);
					const result = await importBackup(db, text, mode, NOW);
					expect(result.ok).toBe(false);
					if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
					expect(writes).toBe(0);
					// A full dump is slow on the in-memory shim, so every 10th file and the last one.
					if (runs % 10 === 0) expect(await dumpDatabase(db)).toEqual(before);
				}
			),
			{ numRuns: 1000 }
		);
		expect(runs).toBe(1000);
		expect(await dumpDatabase(db)).toEqual(before);
	}, 60_000);
	it('refuses 1,000 well-formed backups that mean something impossible, naming the field; nothing written', async () => {
		type File = ReturnType<typeof good>;
		type Lie = [field: string, lie: (f: File) => void];
		const FAR = 8_640_000_000_000_000;
		const DAY = 86_400_000;
		/** A well-formed lie, the field its refusal must name, and the value it is given. */
		const lies: fc.Arbitrary<Lie> = fc.oneof(
			fc
				.integer({ min: NOW + 2 * DAY, max: FAR })
				.map((t): Lie => ['exportedAt', (f: File) => (f.exportedAt = t)]),
			fc
				.integer({ min: 0, max: Date.UTC(2019, 11, 31) })
				.map((t): Lie => ['exportedAt', (f: File) => (f.exportedAt = t)]),
			fc.integer({ min: NOW + 2 * DAY, max: FAR }).map((t): Lie => [
				'lastReviewAt',
				(f: File) => {
					f.tables.memory[0].lastReviewAt = t;
					f.tables.memory[0].dueAt = t;
				}
			]),
			fc
				.integer({ min: 5, max: 36_000 })
				.map((days): Lie => [
					'dueAt',
					(f: File) =>
						(f.tables.memory[0].dueAt = f.tables.memory[0].lastReviewAt + days * DAY * 30)
				]),
			fc
				.double({ min: 36_501, max: 1e9, noNaN: true })
				.map((value): Lie => ['stability', (f: File) => (f.tables.memory[0].stability = value)]),
			fc
				.double({ min: 10.01, max: 100, noNaN: true })
				.map((value): Lie => ['difficulty', (f: File) => (f.tables.memory[0].difficulty = value)]),
			fc
				.integer({ min: 2, max: 1000 })
				.map((extra): Lie => [
					'lapses',
					(f: File) => (f.tables.memory[0].lapses = f.tables.memory[0].reps + extra)
				]),
			fc.constant<Lie>([
				'deckId',
				(f: File) => {
					f.tables.memory[0].deckId = 'my-gone';
					f.tables.memory[0].key = `my-gone/${f.tables.memory[0].factId}`;
				}
			]),
			fc.integer({ min: NOW + 2 * DAY, max: FAR }).map((t): Lie => [
				'reviewedAt',
				(f: File) => {
					f.tables.reviews[0].reviewedAt = t;
					f.tables.reviews[0].after.lastReviewAt = t;
				}
			]),
			fc
				.integer({ min: 1, max: 1e9 })
				.map((shift): Lie => [
					'after.lastReviewAt',
					(f: File) => (f.tables.reviews[0].after.lastReviewAt -= shift)
				]),
			fc
				.integer({ min: 1, max: 9999 })
				.map((n): Lie => [
					'"value"',
					(f: File) =>
						(f.tables.settings.find((row: { key: string }) => row.key === 'study').value.newPerDay =
							-n)
				]),
			fc
				.integer({ min: NOW + 2 * DAY, max: FAR })
				.map((t): Lie => [
					'"value"',
					(f: File) => f.tables.settings.push({ key: 'backup', value: { lastBackupAt: t } })
				]),
			fc
				.integer({ min: 1, max: 1e9 })
				.map((shift): Lie => [
					'submittedAt',
					(f: File) => (f.tables.attempts[0].submittedAt = f.tables.attempts[0].startedAt - shift)
				]),
			fc
				.string({ minLength: 1, maxLength: 20 })
				.map((itemId): Lie => [
					'answers',
					(f: File) => (f.tables.attempts[0].answers[`not-asked-${itemId}`] = 'x')
				]),
			fc
				.integer({ min: NOW + 2 * DAY, max: FAR })
				.map((t): Lie => ['createdAt', (f: File) => (f.tables.assignments[0].createdAt = t)]),
			fc
				.integer({ min: NOW + 2 * DAY, max: FAR })
				.map((t): Lie => ['receivedAt', (f: File) => (f.tables.results[0].receivedAt = t)]),
			fc
				.integer({ min: NOW + 40 * DAY, max: FAR })
				.map((t): Lie => [
					'result.submittedAt',
					(f: File) => (f.tables.results[0].result.submittedAt = t)
				]),
			fc
				.string({ minLength: 1, maxLength: 16 })
				.map((id): Lie => ['"id"', (f: File) => (f.tables.results[0].id = `x${id}`)]),
			fc
				.constantFrom('my-other', 'my-deck-2')
				.map((id): Lie => ['"id"', (f: File) => (f.tables.userDecks[0].id = id)]),
			fc.constantFrom('kosovo', 'deck', 'other-deck').map((id): Lie => [
				'deck.id',
				(f: File) => {
					f.tables.userDecks[0].id = id;
					f.tables.userDecks[0].deck.id = id;
				}
			]),
			fc
				.integer({ min: 1, max: 1e9 })
				.map((shift): Lie => [
					'updatedAt',
					(f: File) => (f.tables.userDecks[0].updatedAt = f.tables.userDecks[0].createdAt - shift)
				]),
			fc.constant<Lie>([
				'deck.facts',
				(f: File) => f.tables.userDecks[0].deck.facts.push(f.tables.userDecks[0].deck.facts[0])
			]),
			fc
				.string({ minLength: 1, maxLength: 20 })
				.map((name): Lie => [
					'documents',
					(f: File) => (f.tables.userDecks[0].documents[`other-${name}`] = 'text')
				])
		);
		let runs = 0;
		await fc.assert(
			fc.asyncProperty(
				lies,
				fc.constantFrom('replace' as const, 'merge' as const),
				async ([field, lie], mode) => {
					runs += 1;
					const file = good();
					lie(file);
					// Signed again: the checksum is right, so only the meaning can refuse it.
					file.checksum = backupChecksum(file.exportedAt, file.tables);
					const result = await importBackup(db, JSON.stringify(file), mode, NOW);
					expect(result.ok).toBe(false);
					if (!result.ok) expect(result.error).toContain(field);
					expect(writes).toBe(0);
					expect(await dumpDatabase(db)).toEqual(before);
				}
			),
			{ numRuns: 1000 }
		);
		expect(runs).toBe(1000);
	}, 120_000);

	it('refuses a file changed by one character after it was saved as damaged', async () => {
		let runs = 0;
		let damaged = 0;
		await fc.assert(
			fc.asyncProperty(fc.nat(), fc.nat(), async (at, pick) => {
				runs += 1;
				const index = at % goodText.length;
				const original = goodText[index];
				// A digit becomes another digit, a letter another letter: the JSON stays readable.
				const pool = /[0-9]/.test(original)
					? '0123456789'
					: /[a-z]/.test(original)
						? 'abcdefghijklmnopqrstuvwxyz'
						: null;
				if (pool === null) return;
				const replacement =
					pool[(pool.indexOf(original) + 1 + (pick % (pool.length - 1))) % pool.length];
				const text = goodText.slice(0, index) + replacement + goodText.slice(index + 1);
				const result = await importBackup(db, text, 'merge', NOW);
				expect(result.ok).toBe(false);
				if (!result.ok) damaged += 1;
				expect(writes).toBe(0);
			}),
			{ numRuns: 300 }
		);
		expect(runs).toBe(300);
		expect(damaged).toBeGreaterThan(100);
		expect(await dumpDatabase(db)).toEqual(before);
	}, 60_000);
});

describe('check the data', () => {
	it('reports bad rows without writing, then repairs or removes them so backups restore again', async () => {
		const db = freshDb();
		await seed(db);
		// Rows a page or a backup cannot take: a poisoned memory (as a merge before issue 18 could
		// leave it), a deck whose source is named "constructor" (as a deck titled so was saved),
		// and a result filed under a wrong id.
		const k1 = (await db.memory.get('kosovo/k1'))!;
		await db.memory.put({
			...k1,
			dueAt: 8_640_000_000_000_000,
			lastReviewAt: 8_640_000_000_000_000
		});
		const legacy: Deck = {
			...deck,
			id: 'my-constructor-1',
			sources: [{ id: 'constructor', title: 'Constructor' }],
			facts: deck.facts.map((fact) => ({ ...fact, document: 'constructor' })),
			items: deck.items.map((one) => ({
				...one,
				source: { ...one.source, document: 'constructor' }
			}))
		};
		await saveUserDeck(db, legacy, { constructor: 'KFOR, led by NATO, entered Kosovo.' }, T0);
		const result = (await db.results.toArray())[0];
		await db.results.delete(result.id);
		await db.results.put({ ...result, id: 'wrong-id' });

		const { problem } = await createBackup(db, NOW);
		expect(problem).toMatch(/forbidden key "constructor"/);
		const before = await dumpDatabase(db);
		const found = await checkData(db, NOW);
		expect(found.map((fix) => [fix.table, fix.key, fix.action])).toEqual([
			['userDecks', 'my-constructor-1', 'repair'],
			['memory', 'kosovo/k1', 'repair'],
			['results', 'wrong-id', 'repair']
		]);
		expect(await dumpDatabase(db)).toEqual(before);

		expect(await repairData(db, NOW)).toEqual(found);
		expect((await db.memory.get('kosovo/k1'))?.lastReviewAt).toBe(T0 + 30 * HOUR);
		expect(await db.results.get('wrong-id')).toBeUndefined();
		expect((await getUserDeck(db, 'my-constructor-1'))?.documents).toEqual({
			'constructor-document': 'KFOR, led by NATO, entered Kosovo.'
		});
		expect(await checkData(db, NOW)).toEqual([]);
		expect(await listAutoBackups(db)).toMatchObject([{ reason: 'Before checking the data' }]);

		// The device's backup restores whole again, on a device that never saw any of it.
		const text = await backupText(db, NOW);
		const target = freshDb();
		const restored = await importBackup(target, text, 'replace', NOW);
		expect(restored.ok).toBe(true);
		expect(await target.userDecks.count()).toBe(2);
	});
});

describe('importBackup accepts what is valid', () => {
	it('accepts 200 backups changed only within what the app can make, and the data checks clean', async () => {
		const source = freshDb();
		await seed(source);
		const goodText = await backupText(source, NOW);
		const target = freshDb();
		const DAY = 86_400_000;
		type File = ReturnType<typeof JSON.parse>;
		const change: fc.Arbitrary<(f: File) => void> = fc.oneof(
			fc.double({ min: 0, max: 1, noNaN: true }).map((share) => (f: File) => {
				// Anywhere from the last review up to the end of its interval.
				const row = f.tables.memory[0];
				row.dueAt = Math.round(row.lastReviewAt + share * (row.scheduledDays + 2) * DAY);
			}),
			fc
				.record({
					newPerDay: fc.integer({ min: 0, max: 9999 }),
					reviewsPerDay: fc.integer({ min: 0, max: 9999 }),
					desiredRetention: fc.double({ min: 0.8, max: 0.97, noNaN: true }),
					dayStartHour: fc.integer({ min: 0, max: 23 })
				})
				.map((value) => (f: File) => {
					f.tables.settings.find((row: { key: string }) => row.key === 'study').value = value;
				}),
			fc.integer({ min: 0, max: 29 * DAY }).map((late) => (f: File) => {
				// A student's clock may run ahead of the teacher's.
				const result = f.tables.results[0];
				result.result.submittedAt = result.result.startedAt + late;
				result.id = resultId(result.result);
			}),
			fc.integer({ min: 0, max: 23 * 3_600_000 }).map((skew) => (f: File) => {
				// A row from a device whose clock ran ahead of the one that wrote the file.
				f.tables.assignments[0].createdAt = f.exportedAt + skew;
			})
		);
		let runs = 0;
		await fc.assert(
			fc.asyncProperty(change, async (apply) => {
				runs += 1;
				const file = JSON.parse(goodText);
				apply(file);
				file.checksum = backupChecksum(file.exportedAt, file.tables);
				const result = await importBackup(target, JSON.stringify(file), 'replace', NOW);
				if (!result.ok) throw new Error(result.error);
				expect(await checkData(target, NOW)).toEqual([]);
			}),
			{ numRuns: 200 }
		);
		expect(runs).toBe(200);
	}, 120_000);
});

describe('scheduling settings and review logs in backups', () => {
	const scheduling = {
		...DEFAULT_SETTINGS,
		newPerDay: 7,
		maximumInterval: 120,
		loadBalance: false,
		deckRetention: [{ deckId: 'kosovo', desiredRetention: 0.95 }]
	};

	it('carries the maximum interval, load balancing and deck retentions, and restores them', async () => {
		const source = freshDb();
		await seed(source);
		await saveSettings(source, scheduling);
		const target = freshDb();
		const result = await importBackup(target, await backupText(source), 'replace', NOW);
		expect(result.ok).toBe(true);
		expect((await target.settings.get('study'))?.value).toEqual(scheduling);
	});

	it('refuses a backup whose deck retention the settings form would refuse, naming the row', async () => {
		const source = freshDb();
		await seed(source);
		await saveSettings(source, scheduling);
		const file = JSON.parse(await backupText(source));
		const study = file.tables.settings.find((row: { key: string }) => row.key === 'study');
		study.value.deckRetention = [{ deckId: 'kosovo', desiredRetention: 0.99 }];
		file.checksum = backupChecksum(file.exportedAt, file.tables);
		const target = freshDb();
		const result = await importBackup(target, JSON.stringify(file), 'replace', NOW);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/deckRetention/);
		expect(await target.settings.count()).toBe(0);
	});

	it('keeps every review’s state before, rating, elapsed days and time through a merge', async () => {
		const phone = freshDb();
		await seed(phone);
		await answer(phone, 'k1', 2, T0 + 60 * HOUR);
		const laptop = freshDb();
		await answer(laptop, 'k5', 3, T0);
		await applyImport(laptop, parsed(await backupText(phone, T0 + 70 * HOUR)), 'merge', NOW);
		const fields = (rows: Awaited<ReturnType<typeof dumpDatabase>>['reviews']) =>
			rows
				.filter((row) => row.factId !== 'k5')
				.map(({ factId, reviewedAt, rating, elapsedDays, durationMs, before, after }) => ({
					factId,
					reviewedAt,
					rating,
					elapsedDays,
					durationMs,
					before,
					after
				}))
				.sort((a, b) => a.reviewedAt - b.reviewedAt);
		const merged = fields((await dumpDatabase(laptop)).reviews);
		expect(merged).toEqual(fields((await dumpDatabase(phone)).reviews));
		expect(merged).toHaveLength(4);
		// The later k1 answer knows how long it waited and what it started from.
		expect(merged[3].elapsedDays).toBeGreaterThan(0);
		expect(merged[3].before).not.toBeNull();
	});
});
