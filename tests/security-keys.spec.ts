import { readFile } from 'node:fs/promises';
import { expect, test } from './app-test';
import { countRows } from './helpers';

const DOCUMENT = `# Notes

The Treaty of Paris was signed in 1856 by seven states. By 1860 the commission employed 350 workers.

The channel was deepened from 9 feet to 20 feet between 1858 and 1902.
`;

// Data-loss path 1 of issue 18: a deck titled "Constructor" made every later backup unrestorable.
test('decks titled Constructor, Prototype and __proto__ back up and restore in a clean browser', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const titles = ['Constructor', 'Prototype', '__proto__'];
	for (const title of titles) {
		await page.goto('/decks/new');
		await page.getByLabel('Deck title').fill(title);
		await page.getByLabel('Or paste your text').fill(DOCUMENT);
		await page.getByRole('button', { name: 'Make questions' }).click();
		await expect(page.getByRole('heading', { name: 'Questions by fact' })).toBeVisible({
			timeout: 30_000
		});
		await page.getByRole('button', { name: 'Save the deck' }).click();
		await expect(page).toHaveURL(/\/my-decks\/my-[a-z0-9-]+$/);
	}
	expect(await countRows(page, 'userDecks')).toBe(3);

	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download a backup' }).click()
	]);
	await expect(page.getByText(/would refuse to import/)).toHaveCount(0);
	const path = (await download.path())!;
	const file = JSON.parse(await readFile(path, 'utf8'));
	expect(file.tables.userDecks).toHaveLength(3);

	const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
	const other = await fresh.newPage();
	await other.goto('/settings');
	await other.getByLabel('Choose a backup file (.json)').setInputFiles(path);
	await other.getByRole('button', { name: 'Merge this backup' }).click();
	await expect(other.getByText(/^Imported .+ Your progress is restored\.$/)).toBeVisible();
	expect(await countRows(other, 'userDecks')).toBe(3);
	for (const row of file.tables.userDecks) {
		await other.goto(`/my-decks/${row.id}/source`);
		await expect(other.locator('main')).toContainText('The Treaty of Paris was signed in 1856');
	}
	await fresh.close();
});
