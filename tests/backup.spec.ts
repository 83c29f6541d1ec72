import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './app-test';
import { expectNoAxeViolations, gradeStudyCard } from './helpers';
import { backupChecksum } from '../src/lib/domain/backup/backup-schema';

const STORES = ['memory', 'reviews', 'settings', 'attempts', 'assignments', 'results', 'userDecks'];

/** Every row of every store of the app's database, read straight from IndexedDB. */
function dumpDb(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		(stores) =>
			new Promise<Record<string, unknown[]>>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(stores);
					const dump: Record<string, unknown[]> = {};
					for (const store of stores) {
						const request = tx.objectStore(store).getAll();
						request.onsuccess = () => (dump[store] = request.result);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(dump);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		STORES
	);
}

/** The file's checksum made again, as the app computes it, so only the meaning is wrong. */
function resigned(file: { exportedAt: number; tables: unknown }) {
	return { ...file, checksum: backupChecksum(file.exportedAt, file.tables) };
}

const count = (page: Page, table: string) => page.locator(`[data-table="${table}"]`).first();
const withoutIds = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), id: undefined }));

test.describe('backup', () => {
	test('export, clear the site, import: the same counts and the same history', async ({
		page,
		browser
	}) => {
		await page.goto('/decks/kosovo/study');
		for (let n = 1; n <= 4; n++) await gradeStudyCard(page, n);
		const original = await dumpDb(page);

		await page.goto('/settings');
		await expect(count(page, 'reviews')).toHaveText('4');
		await expect(page.getByText('No backup yet.')).toBeVisible();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download a backup' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^factdeck-backup-\d{4}-\d{2}-\d{2}\.json$/);
		const path = await download.path();
		const file = JSON.parse(await readFile(path, 'utf8'));
		expect(file).toMatchObject({ format: 'factdeck-backup', version: 2 });
		expect(file.checksum).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
		expect(file.tables.reviews).toHaveLength(4);
		await expect(page.getByText(/^Last backup: .+ \(0 reviews since\)\.$/)).toBeVisible();

		// A new context is a browser whose site data was cleared.
		const fresh = await browser.newContext();
		const other = await fresh.newPage();
		await other.goto('/settings');
		await expect(count(other, 'reviews')).toHaveText('0');
		await other.getByLabel('Choose a backup file (.json)').setInputFiles(path);
		const preview = other.getByRole('table', { name: /What importing .+ will change/ });
		await expect(preview.locator('[data-table="reviews"] td').first()).toHaveText('4');
		await expect(preview.locator('[data-table="memory"] td').first()).toHaveText('4');
		await expectNoAxeViolations(other);
		await other.getByRole('button', { name: 'Merge this backup' }).click();
		await expect(other.getByText(/^Imported .+ Your progress is restored\.$/)).toBeVisible();
		await expect(count(other, 'reviews')).toHaveText('4');
		await expect(count(other, 'memory')).toHaveText('4');

		const restored = await dumpDb(other);
		expect(restored.memory).toEqual(original.memory);
		expect(withoutIds(restored.reviews)).toEqual(withoutIds(original.reviews));
		// The history is the learner's: the study screen counts the restored answers as today's.
		await other.goto('/decks/kosovo/study');
		await expect(other.getByTestId('count-today')).toHaveText(/^Today: 4 new facts learned/);
		await fresh.close();
	});

	test('a damaged, hostile or future file is refused and changes nothing', async ({ page }) => {
		await page.goto('/decks/kosovo/study');
		await gradeStudyCard(page, 1);
		await page.goto('/settings');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download a backup' }).click()
		]);
		const good = await readFile(await download.path(), 'utf8');
		const before = await dumpDb(page);

		const parsed = JSON.parse(good);
		const bad: Array<[string, string, RegExp]> = [
			['truncated.json', good.slice(0, good.length / 2), /damaged or was cut off/],
			['future.json', JSON.stringify({ ...parsed, version: 99 }), /newer version of Factdeck/],
			[
				'hostile.json',
				good.replace('"tables":{', '"tables":{"__proto__":{"polluted":true},'),
				/forbidden key "__proto__"/
			],
			[
				'wrong-type.json',
				JSON.stringify(
					resigned({
						...parsed,
						tables: { ...parsed.tables, reviews: [{ ...parsed.tables.reviews[0], rating: 'good' }] }
					})
				),
				/not valid, so nothing was imported/
			],
			['photo.json', 'not json at all', /damaged or was cut off/],
			// One character changed after saving: the checksum no longer matches.
			[
				'edited.json',
				good.replace(/"rating":(\d)/, (_m, d) => `"rating":${d === '3' ? '4' : '3'}`),
				/This backup is damaged: its content does not match its checksum/
			],
			// Well formed and signed, but it would take a fact out of study until the year 275760.
			[
				'poisoned.json',
				JSON.stringify(
					resigned({
						...parsed,
						tables: {
							...parsed.tables,
							memory: parsed.tables.memory.map((row: object) => ({
								...row,
								dueAt: 8.64e15,
								lastReviewAt: 8.64e15
							}))
						}
					})
				),
				/Facts studied, row 1 \(".+"\), field "lastReviewAt"/
			]
		];
		for (const mode of ['Merge', 'Replace']) {
			await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
			for (const [name, text, message] of bad) {
				await page
					.getByLabel('Choose a backup file (.json)')
					.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
				await expect(page.getByRole('alert')).toHaveText(message);
				await expect(
					page.getByRole('button', { name: /Merge this backup|Replace my data/ })
				).toHaveCount(0);
			}
		}
		expect(await dumpDb(page)).toEqual(before);
		expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty(
			'polluted'
		);
	});

	test('replace shows what it deletes before anything is written', async ({ page }) => {
		await page.goto('/settings');
		const empty = JSON.stringify({
			format: 'factdeck-backup',
			version: 1,
			exportedAt: Date.now(),
			tables: Object.fromEntries(STORES.map((store) => [store, []]))
		});
		await page.goto('/decks/kosovo/study');
		await gradeStudyCard(page, 1);
		await gradeStudyCard(page, 2);
		await page.goto('/settings');
		await page.getByRole('radio', { name: /^Replace/ }).check();
		await page.getByLabel('Choose a backup file (.json)').setInputFiles({
			name: 'empty.json',
			mimeType: 'application/json',
			buffer: Buffer.from(empty)
		});
		const preview = page.getByRole('table', { name: /What importing empty\.json will change/ });
		await expect(preview.locator('[data-table="reviews"] td').last()).toHaveText('2');
		expect((await dumpDb(page)).reviews).toHaveLength(2);
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(preview).toBeHidden();
		expect((await dumpDb(page)).reviews).toHaveLength(2);
		await page.getByLabel('Choose a backup file (.json)').setInputFiles({
			name: 'empty.json',
			mimeType: 'application/json',
			buffer: Buffer.from(empty)
		});
		await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
		await expect(count(page, 'reviews')).toHaveText('0');
	});

	test('exports the deck for Anki and as an item bank CSV', async ({ page, request }) => {
		const deck = await (await request.get('/decks/kosovo.json')).json();
		await page.goto('/settings');
		const [anki] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Anki file (.txt)' }).click()
		]);
		expect(anki.suggestedFilename()).toBe('factdeck-kosovo-anki.txt');
		const lines = (await readFile(await anki.path(), 'utf8')).trimEnd().split('\n');
		expect(lines.slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:false',
			`#deck:${deck.title}`,
			'#notetype:Basic',
			'#columns:Front\tBack\tSource'
		]);
		expect(lines).toHaveLength(5 + deck.facts.length);
		for (const line of lines.slice(5)) expect(line.split('\t')).toHaveLength(3);

		const [csv] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Item bank (CSV)' }).click()
		]);
		expect(csv.suggestedFilename()).toBe('factdeck-kosovo-items.csv');
		const text = await readFile(await csv.path(), 'utf8');
		expect(text.startsWith('\uFEFFItem ID,Type,Topic,Fact ID,Prompt,Answer,')).toBe(true);
		await expect(
			page.getByText(`Saved factdeck-kosovo-items.csv: ${deck.items.length} questions.`)
		).toBeVisible();
	});

	test('a bad restore is taken back from the automatic backup kept before it', async ({ page }) => {
		await page.goto('/decks/kosovo/study');
		await gradeStudyCard(page, 1);
		await gradeStudyCard(page, 2);
		const before = await dumpDb(page);
		await page.goto('/settings');
		await expect(
			page.getByText('None yet: one is kept the first time you import a backup.')
		).toBeVisible();
		const empty = JSON.stringify({
			format: 'factdeck-backup',
			version: 1,
			exportedAt: Date.now(),
			tables: Object.fromEntries(STORES.map((store) => [store, []]))
		});
		await page.getByRole('radio', { name: /^Replace/ }).check();
		await page.getByLabel('Choose a backup file (.json)').setInputFiles({
			name: 'empty.json',
			mimeType: 'application/json',
			buffer: Buffer.from(empty)
		});
		await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
		await expect(count(page, 'reviews')).toHaveText('0');

		const kept = page.getByRole('list', { name: 'Automatic backups' }).getByRole('listitem');
		await expect(kept).toHaveCount(1);
		await expect(kept).toContainText('Before restoring empty.json (2 reviews)');
		await kept.getByRole('button', { name: 'Bring this back' }).click();
		await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
		await expect(count(page, 'reviews')).toHaveText('2');
		const after = await dumpDb(page);
		expect(after.memory).toEqual(before.memory);
		expect(withoutIds(after.reviews)).toEqual(withoutIds(before.reviews));
	});

	test('Check the data repairs a poisoned row and keeps a copy first', async ({ page }) => {
		await page.goto('/decks/kosovo/study');
		await gradeStudyCard(page, 1);
		const [row] = (await dumpDb(page)).memory as Array<Record<string, unknown>>;
		await page.evaluate(
			(poisoned) =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('factdeck');
					open.onsuccess = () => {
						const tx = open.result.transaction('memory', 'readwrite');
						tx.objectStore('memory').put(poisoned);
						tx.oncomplete = () => {
							open.result.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
				}),
			{ ...row, dueAt: 8.64e15, lastReviewAt: 8.64e15 }
		);
		await page.goto('/settings');
		await page.getByRole('button', { name: 'Check the data' }).click();
		await expect(page.getByText('1 row needs attention:')).toBeVisible();
		await expect(page.getByRole('list', { name: 'Check the data' })).toContainText(
			/Repair \(Facts studied\): Facts studied, row 1 \(".+"\), field "lastReviewAt"/
		);
		await page.getByRole('button', { name: 'Repair or remove 1 row' }).click();
		await expect(page.getByText('Done: 1 repaired, 0 removed.')).toBeVisible();
		expect((await dumpDb(page)).memory).toEqual([row]);
		await page.getByRole('button', { name: 'Check the data' }).click();
		await expect(page.getByText('Everything is in order: no row needs repair.')).toBeVisible();
		await expect(page.getByRole('list', { name: 'Automatic backups' })).toContainText(
			'Before checking the data'
		);
	});

	test('a file chosen while the page is still starting is read once it has started', async ({
		page
	}) => {
		// The page is prerendered: its file input works before the app's scripts have run, so a
		// quick hand (or a slow phone) can choose a file before anything listens for it.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/entry/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/settings', { waitUntil: 'domcontentloaded' });
		const empty = JSON.stringify({
			format: 'factdeck-backup',
			version: 1,
			exportedAt: Date.now(),
			tables: Object.fromEntries(STORES.map((store) => [store, []]))
		});
		await page.getByLabel('Choose a backup file (.json)').setInputFiles({
			name: 'early.json',
			mimeType: 'application/json',
			buffer: Buffer.from(empty)
		});
		release();
		await expect(page.getByText('What importing early.json will change')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Merge this backup' })).toBeVisible();
	});
});
