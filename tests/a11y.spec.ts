import { expect, test, type Page } from './app-test';
import { expectNoAxeViolations } from './helpers';

/*
 * Every route, in the light and the dark theme: axe finds nothing. Pages that only show their
 * content after a step (a revealed study card, a quiz question, an assignment and its student
 * page) are scanned in that state too. FACTDECK_SHOTS=<folder> also saves a screenshot of each.
 */

const SHOTS = process.env.FACTDECK_SHOTS;

const DOCUMENT = `# The Danube Commission

The European Commission of the Danube was created by the Treaty of Paris in 1856. Delegates from seven states met in Galați on 4 November 1856. By 1860 the commission employed 350 workers on the river mouth.

Engineer Charles Hartley directed the dredging of the Sulina channel for over forty years. The channel was deepened from 9 feet to 20 feet between 1858 and 1902. In 1939 the commission was dissolved after the Sinaia Agreement.
`;

async function scan(page: Page, name: string): Promise<void> {
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	await expectNoAxeViolations(page);
	if (SHOTS) {
		const size = page.viewportSize();
		await page.screenshot({
			path: `${SHOTS}/${name}-${size?.width}.png`,
			fullPage: false
		});
	}
}

const PLAIN_ROUTES: [string, string][] = [
	['home', '/'],
	['deck', '/decks/kosovo'],
	['items', '/decks/kosovo/items'],
	['sources', '/decks/kosovo/sources/peacekeeping-in-kosovo'],
	['new-deck', '/decks/new'],
	['progress', '/progress'],
	['settings', '/settings'],
	['all-study', '/study'],
	['teach', '/teach'],
	['teach-new', '/teach/new']
];

// The light theme on a laptop, the dark one on a phone: both themes and both sizes are scanned.
const VIEWS = [
	{ scheme: 'light', viewport: { width: 1280, height: 800 } },
	{ scheme: 'dark', viewport: { width: 360, height: 740 } }
] as const;

for (const { scheme, viewport } of VIEWS) {
	test.describe(`${scheme} theme at ${viewport.width} px`, () => {
		test.use({ colorScheme: scheme, viewport });

		for (const [name, path] of PLAIN_ROUTES) {
			test(`${name} (${path})`, async ({ page }) => {
				await page.goto(path);
				await scan(page, `${scheme}-${name}`);
			});
		}

		test('a study card and a quiz question', async ({ page }) => {
			await page.goto('/decks/kosovo/study');
			await expect(page.locator('.card, [data-card]').first()).toBeVisible();
			await scan(page, `${scheme}-study`);
			await page.goto('/decks/kosovo/quiz');
			await scan(page, `${scheme}-quiz-setup`);
			await page.getByRole('button', { name: /^Quick quiz/ }).click();
			await expect(page.getByRole('region', { name: /^Question 1 of/ })).toBeVisible();
			await scan(page, `${scheme}-quiz`);
		});

		test("an assignment: the teacher's page and the student's", async ({ page }) => {
			test.setTimeout(120_000);
			await page.goto('/teach/new');
			await page.getByLabel('Title').fill(`Axe ${scheme}`);
			await page.getByLabel('Number of questions', { exact: true }).fill('5');
			await page.getByRole('button', { name: 'Save and get the link' }).click();
			await expect(page).toHaveURL(/\/teach\/[0-9a-z]{10}$/);
			await scan(page, `${scheme}-gradebook`);
			await page.getByRole('link', { name: 'Print paper and answer key' }).click();
			await scan(page, `${scheme}-print`);
			await page.goBack();
			const link = await page.getByLabel('Link for students').inputValue();
			await page.goto(link);
			await scan(page, `${scheme}-assignment`);
		});

		test("a deck from the learner's own text, and its source", async ({ page }) => {
			test.setTimeout(120_000);
			await page.goto('/decks/new');
			await page.getByLabel('Deck title').fill(`Danube ${scheme}`);
			await page.getByLabel('Or paste your text').fill(DOCUMENT);
			await page.getByRole('button', { name: 'Make questions' }).click();
			await expect(page.getByRole('heading', { name: 'Questions by fact' })).toBeVisible({
				timeout: 30_000
			});
			await scan(page, `${scheme}-new-deck-made`);
			await page.getByRole('button', { name: 'Save the deck' }).click();
			await expect(page).toHaveURL(/\/my-decks\/my-danube-/);
			await scan(page, `${scheme}-my-deck`);
			await page.goto(`${new URL(page.url()).pathname}/source`);
			await scan(page, `${scheme}-my-source`);
		});
	});
}
