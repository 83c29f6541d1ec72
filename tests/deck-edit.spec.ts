import { expect, test, type Page } from './app-test';
import { answerStudyCard, countRows, expectNoAxeViolations, watchConsole } from './helpers';

const DOCUMENT = `# The Danube Commission

## Founding

The European Commission of the Danube (ECD) was created by the Treaty of Paris in 1856. Delegates from seven states met in Galați on 4 November 1856. By 1860 the commission employed 350 workers on the river mouth.

## Works

Engineer Charles Hartley directed the dredging of the Sulina channel for over forty years. The channel was deepened from 9 feet to 20 feet between 1858 and 1902. Traffic through Sulina grew to 1,500 ships a year by 1880.

## End

In 1939 the commission was dissolved after the Sinaia Agreement. Its lighthouse at Sulina still stands beside the old harbour.
`;

async function makeDeck(page: Page): Promise<void> {
	await page.goto('/decks/new');
	await page.getByLabel('Deck title').fill('River notes');
	await page.getByLabel('Or paste your text').fill(DOCUMENT);
	await page.getByRole('button', { name: 'Make questions' }).click();
	await expect(page.getByRole('heading', { name: 'Questions by fact' })).toBeVisible({
		timeout: 60_000
	});
}

/** The page scrolls sideways when its content is wider than the viewport. */
const sidewaysScroll = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Clicks the breadcrumb home and answers the page's "leave?" question with `accept`. */
async function leaveByLink(page: Page, accept: boolean): Promise<string> {
	const asked = new Promise<string>((resolve) => {
		page.once('dialog', async (dialog) => {
			resolve(dialog.message());
			if (accept) await dialog.accept();
			else await dialog.dismiss();
		});
	});
	await page
		.getByRole('navigation', { name: 'Breadcrumb' })
		.getByRole('link', { name: 'Decks' })
		.click();
	return asked;
}

/** Whether closing or reloading the tab now would make the browser ask first. */
const wouldAskOnUnload = (page: Page) =>
	page.evaluate(() => {
		const event = new Event('beforeunload', { cancelable: true });
		window.dispatchEvent(event);
		return event.defaultPrevented;
	});

test('edit an option, undo a deletion, be asked before leaving, then rename and edit the saved deck', async ({
	page
}) => {
	test.setTimeout(180_000);
	const errors = watchConsole(page);
	await makeDeck(page);

	// Every option of a multiple-choice question can be edited; empty or repeated ones are refused.
	const mcq = page
		.locator('.draft-item', { has: page.locator('.badge', { hasText: 'Multiple choice' }) })
		.first();
	await mcq.getByRole('button', { name: 'Edit' }).click();
	const form = mcq.getByRole('form', { name: 'Edit the question' });
	const radios = form.getByRole('radio');
	await expect(radios).toHaveCount(4);
	let wrong = 0;
	while (await radios.nth(wrong).isChecked()) wrong++;
	const other = wrong === 0 ? 1 : 0;
	const otherText = await form
		.getByRole('textbox', { name: `Option ${other + 1}`, exact: true })
		.inputValue();
	const field = form.getByRole('textbox', { name: `Option ${wrong + 1}`, exact: true });
	await field.fill(otherText);
	await form.getByRole('button', { name: 'Save the change' }).click();
	await expect(form.getByRole('alert')).toContainText('say the same');
	await field.fill('');
	await form.getByRole('button', { name: 'Save the change' }).click();
	await expect(form.getByRole('alert')).toContainText('is empty');
	await field.fill('The Congress of Berlin');
	// A phone of 360 px: the open form does not push the page sideways.
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
	await form.getByRole('button', { name: 'Save the change' }).click();
	await expect(mcq.locator('.options')).toContainText('The Congress of Berlin');
	expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });

	// A deleted fact comes back with "Undo".
	const firstFact = page.locator('article.fact').first();
	const answer = (await firstFact.getByRole('heading', { level: 3 }).innerText()).trim();
	await firstFact.getByRole('button', { name: /^Delete fact/ }).click();
	await expect(page.getByRole('heading', { level: 3, name: answer, exact: true })).toHaveCount(0);
	const undo = page.getByRole('group', { name: 'Undo the deletion' });
	await expect(undo).toContainText(answer);
	await undo.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('heading', { level: 3, name: answer, exact: true })).toBeFocused();
	await expect(undo).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Unsaved questions: leaving asks first; staying keeps them.
	expect(await leaveByLink(page, false)).toContain('unsaved questions');
	await expect(page).toHaveURL(/\/decks\/new$/);
	await expect(mcq.locator('.options')).toContainText('The Congress of Berlin');
	expect(await wouldAskOnUnload(page)).toBe(true);

	await page.getByRole('button', { name: 'Save the deck' }).click();
	await expect(page).toHaveURL(/\/my-decks\/my-river-notes-[0-9a-z]+$/);
	const deckId = page.url().split('/').pop()!;
	expect(await wouldAskOnUnload(page)).toBe(false);

	// Some progress on the saved deck, to see it kept across the edit.
	await page.getByRole('link', { name: 'Study with spaced repetition' }).click();
	await answerStudyCard(page);
	await expect.poll(() => countRows(page, 'memory')).toBe(1);
	const studied = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open('factdeck');
				open.onsuccess = () => {
					const request = open.result.transaction('memory').objectStore('memory').getAll();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result[0].factId);
					};
				};
			})
	);

	// Rename the saved deck and edit one of its questions.
	await page.goto(`/my-decks/${deckId}`);
	await page.getByRole('link', { name: 'Edit the deck' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit the deck');
	await expect(page.getByRole('button', { name: 'Save the changes' })).toBeVisible();
	expect(await wouldAskOnUnload(page)).toBe(false);
	await page.getByLabel('Deck title').fill('Danube notes');
	const flashcard = page
		.locator('.draft-item', { has: page.locator('.badge', { hasText: 'Flashcard' }) })
		.first();
	await flashcard.getByRole('button', { name: 'Edit' }).click();
	await flashcard.getByRole('textbox', { name: 'Question' }).fill('Which treaty created the ECD?');
	await flashcard.getByRole('button', { name: 'Save the change' }).click();
	await expect(flashcard.getByText('Which treaty created the ECD?')).toBeVisible();
	expect(await leaveByLink(page, false)).toContain('unsaved questions');
	await expect(page).toHaveURL(new RegExp(`/my-decks/${deckId}/edit$`));
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });

	await page.getByRole('button', { name: 'Save the changes' }).click();
	await expect(page).toHaveURL(new RegExp(`/my-decks/${deckId}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danube notes');
	await expect(page.getByText('Which treaty created the ECD?')).toBeVisible();
	// The same deck (same id), its progress kept.
	expect(await countRows(page, 'userDecks')).toBe(1);
	await expect.poll(() => countRows(page, 'memory')).toBe(1);
	const kept = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open('factdeck');
				open.onsuccess = () => {
					const request = open.result.transaction('memory').objectStore('memory').getAll();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result[0].factId);
					};
				};
			})
	);
	expect(kept).toBe(studied);
	// Leaving a saved, unchanged deck asks nothing.
	await page.goto(`/my-decks/${deckId}/edit`);
	await expect(page.getByRole('button', { name: 'Save the changes' })).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Breadcrumb' })
		.getByRole('link', { name: 'Decks' })
		.click();
	await expect(page).toHaveURL(/\/$/);
	expect(errors).toEqual([]);
});
