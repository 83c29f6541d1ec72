import { expect, test, type Page } from './app-test';
import { answerStudyCard, countRows } from './helpers';

/** Answers the study card on screen by keyboard, rating it Good (grade buttons, not a wait). */
async function gradeCard(page: Page): Promise<void> {
	await answerStudyCard(page);
	await expect(page.getByRole('group', { name: /Your rating|Grade yourself/ })).toBeHidden();
}

test.describe('several tabs', () => {
	test('two tabs studying at once lose no review', async ({ context }) => {
		const first = await context.newPage();
		const second = await context.newPage();
		await first.goto('/decks/kosovo/study');
		await second.goto('/decks/kosovo/study');
		const shown = (page: Page) =>
			page.getByRole('article', { name: 'Study card' }).getAttribute('data-fact-id');
		for (let round = 1; round <= 4; round++) {
			await first.bringToFront();
			const answered = await shown(first);
			await gradeCard(first);
			await expect.poll(() => countRows(first, 'reviews')).toBe(round * 2 - 1);
			// The second tab hears of the answer and never answers that card again.
			await second.bringToFront();
			await expect.poll(() => shown(second)).not.toBe(answered);
			await gradeCard(second);
			await expect.poll(() => countRows(first, 'reviews')).toBe(round * 2);
		}
		// Both tabs answered in turns, never the same card twice; all eight answers are logged.
		expect(await countRows(second, 'reviews')).toBe(8);
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
