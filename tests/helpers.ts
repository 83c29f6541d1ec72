import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails with the list of violations when axe finds any on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, 'axe violations').toEqual([]);
}

/** Collects console errors and CSP violations so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

/** Counts the rows of one object store in the app's real IndexedDB database. */
export function countRows(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains(name)) {
						db.close();
						return resolve(0);
					}
					const request = db.transaction(name).objectStore(name).count();
					request.onsuccess = () => {
						db.close();
						resolve(request.result);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		store
	);
}

/**
 * Answers the study card on screen by keyboard alone and rates it Good: a flashcard is revealed
 * with Space and graded 3; a recognition card is answered (B or T then Enter, or a typed guess) and Enter keeps
 * the suggested rating.
 */
export async function answerStudyCard(page: Page): Promise<void> {
	const card = page.getByRole('article', { name: 'Study card' });
	await expect(card).toBeVisible();
	// The last card stays on screen, graded, until the next one is read: wait for a fresh question.
	await expect(page.getByRole('group', { name: /^(Grade yourself|Your rating)$/ })).toHaveCount(0);
	const type = (await card.locator('.badge').first().innerText()).trim();
	if (type === 'Flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'Grade yourself' })).toBeVisible();
		await page.keyboard.press('3');
	} else {
		// A letter selects an option, as a click does; Enter checks the answer.
		if (type === 'Multiple choice' || type === 'True or false') {
			await page.keyboard.press(type === 'Multiple choice' ? 'b' : 't');
			await expect(card.getByRole('radio', { checked: true })).toHaveCount(1);
			await page.keyboard.press('Enter');
		} else {
			await page.keyboard.type('no idea');
			await page.keyboard.press('Enter');
		}
		await expect(page.getByRole('group', { name: 'Your rating' })).toBeVisible();
		await page.keyboard.press('Enter');
	}
}

/** Answers the study card on screen by keyboard, rating it Good; waits until it is saved. */
export async function gradeStudyCard(page: Page, expectedReviews: number): Promise<void> {
	await answerStudyCard(page);
	await expect.poll(() => countRows(page, 'reviews')).toBe(expectedReviews);
}

/** Writes one row into a store of the app's database (which the app has already created). */
export function putRow(page: Page, store: string, row: unknown): Promise<void> {
	return page.evaluate(
		({ name, value }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(name, 'readwrite');
					tx.objectStore(name).put(value);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ name: store, value: row }
	);
}

/** Reads a whole object store of the app's IndexedDB, straight from the browser. */
export function readStore(page: Page, store: string): Promise<Record<string, unknown>[]> {
	return page.evaluate(
		(name) =>
			new Promise<Record<string, unknown>[]>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction(name).objectStore(name).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				};
			}),
		store
	);
}
