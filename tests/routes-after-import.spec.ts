import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from './app-test';
import { countRows, gradeStudyCard, watchConsole } from './helpers';
import { backupChecksum } from '../src/lib/domain/backup/backup-schema';

const DOCUMENT = `# Notes

The Treaty of Paris was signed in 1856 by seven states. By 1860 the commission employed 350 workers.

The channel was deepened from 9 feet to 20 feet between 1858 and 1902.
`;
const DAY = 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a backup file as JSON
type BackupFile = any;

/** The same file, changed by `change`, signed again as the app signs it. */
function variant(base: BackupFile, change: (file: BackupFile) => void): string {
	const file = structuredClone(base);
	change(file);
	file.checksum = backupChecksum(file.exportedAt, file.tables);
	return JSON.stringify(file);
}

/** Valid but strange backups: edges of what the app can make, and markup as plain text. */
function strangeBackups(base: BackupFile): Array<[string, string]> {
	const study = (file: BackupFile) =>
		file.tables.settings.find((row: { key: string }) => row.key === 'study');
	return [
		['as downloaded', variant(base, () => undefined)],
		[
			'memory due at the end of its interval, no new cards, day from 23:00',
			variant(base, (file) => {
				for (const row of file.tables.memory) {
					row.dueAt = Math.round(row.lastReviewAt + (row.scheduledDays + 2) * DAY);
				}
				const settings = study(file);
				if (settings) settings.value = { ...settings.value, newPerDay: 0, dayStartHour: 23 };
			})
		],
		[
			'huge limits, an assignment from a clock 23 hours ahead',
			variant(base, (file) => {
				const settings = study(file);
				if (settings) {
					settings.value = {
						...settings.value,
						newPerDay: 9999,
						reviewsPerDay: 9999,
						desiredRetention: 0.97,
						dayStartHour: 0
					};
				}
				for (const row of file.tables.assignments) row.createdAt = file.exportedAt + 23 * 3_600_000;
			})
		],
		[
			'markup and direction marks in titles',
			variant(base, (file) => {
				for (const row of file.tables.userDecks) {
					row.deck.title = '<img src=x onerror="window.polluted=1"> \u202eRiver\u202c notes';
				}
				for (const row of file.tables.assignments) {
					row.assignment.title = '<script>window.polluted=1</script> Week\u200b 3';
				}
			})
		],
		[
			'nothing but settings',
			variant(base, (file) => {
				for (const table of Object.keys(file.tables)) {
					if (table !== 'settings') file.tables[table] = [];
				}
			})
		]
	];
}

/** Makes a learner's data worth backing up: answers, a deck of their own, an assignment. */
async function makeData(page: Page): Promise<{ deckId: string; assignmentId: string }> {
	await page.goto('/decks/kosovo/study');
	for (let n = 1; n <= 3; n++) await gradeStudyCard(page, n);
	await page.goto('/decks/new');
	await page.getByLabel('Deck title').fill('River notes');
	await page.getByLabel('Or paste your text').fill(DOCUMENT);
	await page.getByRole('button', { name: 'Make questions' }).click();
	await expect(page.getByRole('heading', { name: 'Questions by fact' })).toBeVisible({
		timeout: 30_000
	});
	await page.getByRole('button', { name: 'Save the deck' }).click();
	await expect(page).toHaveURL(/\/my-decks\/my-[a-z0-9-]+$/);
	const deckId = new URL(page.url()).pathname.split('/').pop()!;
	await page.goto('/teach');
	await page.getByRole('link', { name: 'New assignment' }).click();
	await page.getByLabel('Title').fill('Week 3');
	await page.getByLabel('Number of questions', { exact: true }).fill('3');
	await page.getByRole('button', { name: 'Save and get the link' }).click();
	await expect(page).toHaveURL(/\/teach\/[0-9a-z]{10}$/);
	const assignmentId = new URL(page.url()).pathname.split('/').pop()!;
	return { deckId, assignmentId };
}

/** Visits `path` and finds a page, not an error: a visible h1, no error page, no script error. */
async function expectRenders(page: Page, path: string, errors: string[]): Promise<void> {
	await page.goto(path);
	const h1 = page.getByRole('heading', { level: 1 }).first();
	await expect(h1, path).toBeVisible();
	await expect(h1, path).not.toHaveText(/^(\d{3}|Internal Error|Not found)$/i);
	await expect(page.getByText(/Loading/)).toHaveCount(0, { timeout: 15_000 });
	await expect(
		page.getByText(
			/This deck is damaged|Invalid time value|Something went wrong|could not be (loaded|read)/i
		),
		path
	).toHaveCount(0);
	expect(errors, path).toEqual([]);
	expect(await page.evaluate(() => 'polluted' in window), path).toBe(false);
}

async function importInFreshBrowser(browser: Browser, name: string, text: string) {
	const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
	const page = await context.newPage();
	const errors = watchConsole(page);
	await page.goto('/settings');
	await page.getByLabel('Choose a backup file (.json)').setInputFiles({
		name: 'strange.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	await page.getByRole('button', { name: 'Merge this backup' }).click();
	await expect(page.getByText(/^Imported .+ Your progress is restored\.$/), name).toBeVisible();
	return { context, page, errors };
}

test('after importing each of a handful of strange but valid backups, every main route renders', async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	const { deckId, assignmentId } = await makeData(page);
	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download a backup' }).click()
	]);
	const base = JSON.parse(await readFile((await download.path())!, 'utf8'));

	for (const [name, text] of strangeBackups(base)) {
		const { context, page: tab, errors } = await importInFreshBrowser(browser, name, text);
		const hasData = (await countRows(tab, 'userDecks')) > 0;
		const routes = [
			'/',
			'/decks/kosovo',
			'/decks/kosovo/study',
			'/study',
			'/progress',
			'/settings'
		];
		routes.push('/teach');
		if (hasData) {
			routes.push(`/teach/${assignmentId}`, `/my-decks/${deckId}`, `/my-decks/${deckId}/source`);
		}
		for (const path of routes) await expectRenders(tab, `${path}`, errors);
		await context.close();
	}
});
