import { expect, test } from './app-test';
import { expectNoAxeViolations, watchConsole } from './helpers';

test.describe('content pages', () => {
	test('home lists the Kosovo deck with its counts', async ({ page }) => {
		const errors = watchConsole(page);
		await page.goto('/');
		const card = page.getByRole('article').filter({ hasText: 'Peacekeeping in Kosovo since 1999' });
		await expect(card).toBeVisible();
		await expect(card.getByText(/\d+ facts/)).toBeVisible();
		await expect(card.getByText(/\d+ questions/)).toBeVisible();
		await expectNoAxeViolations(page);
		expect(errors).toEqual([]);
	});

	test('the deck page shows topics, type counts and the ways in', async ({ page }) => {
		await page.goto('/decks/kosovo');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Peacekeeping in Kosovo since 1999'
		);
		await expect(page.getByRole('link', { name: 'Study with spaced repetition' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Take a quiz' }).first()).toBeVisible();
		const types = page.getByRole('table');
		for (const label of [
			'Flashcard',
			'Multiple choice',
			'True or false',
			'Fill the blank',
			'Chronology',
			'Matching'
		]) {
			await expect(types.getByRole('rowheader', { name: label })).toBeVisible();
		}
		await expectNoAxeViolations(page);
	});

	test('the deck JSON is served with items of all six types', async ({ request }) => {
		const response = await request.get('/decks/kosovo.json');
		expect(response.ok()).toBe(true);
		const deck = await response.json();
		expect(deck.id).toBe('kosovo');
		expect(deck.items.length).toBeGreaterThanOrEqual(150);
		const types = new Set(deck.items.map((item: { type: string }) => item.type));
		expect([...types].sort()).toEqual(['cloze', 'flashcard', 'match', 'mcq', 'order', 'truefalse']);
	});

	test('the item browser searches and filters by keyboard alone', async ({ page }) => {
		await page.goto('/decks/kosovo/items');
		await expect(page.getByRole('status')).toHaveText(/^\d+ questions$/);
		await page.getByLabel('Search').focus();
		await page.keyboard.type('42,000');
		await expect(page.getByRole('status')).toHaveText(/\d+ of \d+ questions match/);
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Type')).toBeFocused();
		await page.getByLabel('Type').selectOption('mcq');
		const cards = page.getByRole('article');
		await expect(cards.first()).toContainText('42,000');
		for (const card of await cards.all()) await expect(card).toContainText('Multiple choice');
		await expectNoAxeViolations(page);
	});

	test('a topic link lands on the browser filtered to that topic', async ({ page }) => {
		await page.goto('/decks/kosovo');
		await page.getByRole('link', { name: 'NATO and KFOR' }).click();
		await expect(page).toHaveURL(/\/decks\/kosovo\/items\?topic=nato-kfor$/);
		await expect(page.getByLabel('Topic', { exact: true })).toHaveValue('nato-kfor');
	});

	test('"See in source" opens the reader with the quoted sentence highlighted', async ({
		page
	}) => {
		await page.goto('/decks/kosovo/items');
		await page.getByLabel('Search').fill('42,000');
		const first = page.getByRole('article').first();
		await first.getByText('Why, and the source').click();
		const quote = (await first.locator('blockquote').textContent())!.trim();
		await first.getByRole('link', { name: 'See in source' }).click();
		await expect(page).toHaveURL(
			/\/decks\/kosovo\/sources\/preventing-a-conflict-relapse-in-kosovo#f-/
		);
		const highlighted = page.locator('.sentence:has(> .anchor:target)');
		await expect(highlighted).toHaveCount(1);
		await expect(highlighted).toContainText(quote.slice(0, 40));
		await expectNoAxeViolations(page);
	});

	test('the source reader shows endnotes as numbered references, never raw markup', async ({
		page
	}) => {
		await page.goto('/decks/kosovo/sources/preventing-a-conflict-relapse-in-kosovo');
		await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
		await expect(page.locator('ol.references > li')).toHaveCount(8);
		await expect(page.locator('body')).not.toContainText('endnoteRef');
		await expect(page.locator('body')).not.toContainText('[1:');
		await expect(page.getByRole('term').filter({ hasText: 'UN Regional Group' })).toBeVisible();
		// A reference marker is a link, reachable by keyboard, to its note.
		await page.getByRole('link', { name: 'Reference 1', exact: true }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#ref-1$/);
		await expectNoAxeViolations(page);
	});

	test('the overview essay keeps its headings and lists', async ({ page }) => {
		await page.goto('/decks/kosovo/sources/peacekeeping-in-kosovo');
		await expect(
			page.getByRole('heading', { level: 2, name: 'Key Objectives of Peacekeeping in Kosovo' })
		).toBeVisible();
		await expect(page.locator('article ul > li')).toHaveCount(4);
		await expectNoAxeViolations(page);
	});
});
