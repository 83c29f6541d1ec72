import { expect, test, type Page } from '@playwright/test';

function countReviews(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction('reviews').objectStore('reviews').count();
					request.onsuccess = () => {
						db.close();
						resolve(request.result);
					};
					request.onerror = () => reject(request.error);
				};
			})
	);
}

/** Answers the study card on screen by keyboard, rating it Good (grade buttons, not a wait). */
async function gradeCard(page: Page): Promise<void> {
	const card = page.getByRole('article', { name: 'Study card' });
	await expect(card).toBeVisible();
	const type = (await card.locator('.badge').first().innerText()).trim();
	if (type === 'Flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'Grade yourself' })).toBeVisible();
		await page.keyboard.press('3');
	} else {
		if (type === 'Multiple choice') await page.keyboard.press('b');
		else if (type === 'True or false') await page.keyboard.press('t');
		else {
			await page.keyboard.type('no idea');
			await page.keyboard.press('Enter');
		}
		await expect(page.getByRole('group', { name: 'Your rating' })).toBeVisible();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('group', { name: /Your rating|Grade yourself/ })).toBeHidden();
}

test.describe('several tabs', () => {
	test('two tabs studying at once lose no review', async ({ context }) => {
		const first = await context.newPage();
		const second = await context.newPage();
		await first.goto('/decks/kosovo/study');
		await second.goto('/decks/kosovo/study');
		for (let round = 1; round <= 4; round++) {
			await first.bringToFront();
			await gradeCard(first);
			await second.bringToFront();
			await gradeCard(second);
			await expect.poll(() => countReviews(first)).toBe(round * 2);
		}
		// Both tabs answered in turns, sometimes the same fact; all eight answers are logged.
		expect(await countReviews(second)).toBe(8);
	});

	test('a newer database in another tab stops this one and asks for a reload', async ({
		context
	}) => {
		const old = await context.newPage();
		await old.goto('/decks/kosovo/study');
		await expect(old.getByRole('article', { name: 'Study card' })).toBeVisible();

		const newer = await context.newPage();
		await newer.goto('/settings');
		// What a next release does: open the database at a higher version.
		const upgraded = await newer.evaluate(
			() =>
				new Promise<string>((resolve) => {
					const request = indexedDB.open('factdeck', 1000);
					request.onblocked = () => resolve('blocked');
					request.onsuccess = () => {
						request.result.close();
						resolve('upgraded');
					};
					request.onerror = () => resolve(String(request.error));
				})
		);
		// The old tab closed its connection at once, so the upgrade was never blocked.
		expect(upgraded).toBe('upgraded');

		const banner = old
			.getByRole('alert')
			.filter({ hasText: 'Factdeck was updated in another tab' });
		await expect(banner).toBeVisible();
		await expect(banner).toContainText('Reload');
	});
});
