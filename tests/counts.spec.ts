import { expect, test, type Page } from './app-test';
import { answerStudyCard, countRows, gradeStudyCard, readStore } from './helpers';

const STUDY = '/decks/kosovo/study';
const card = (page: Page) => page.getByRole('article', { name: 'Study card' });

/** Answers cards until one that the app grades itself (multiple choice, true or false) is shown. */
async function untilAutoGraded(page: Page, reviews: number): Promise<number> {
	for (let i = 0; i < 20; i++) {
		await expect(page.getByRole('group', { name: /^(Grade yourself|Your rating)$/ })).toHaveCount(
			0
		);
		const kind = (await card(page).locator('.badge').first().innerText()).trim();
		if (kind === 'Multiple choice' || kind === 'True or false') return reviews;
		await gradeStudyCard(page, ++reviews);
	}
	throw new Error('no multiple-choice or true/false card in 20');
}

async function checkAnswer(page: Page): Promise<void> {
	await page.keyboard.press((await card(page).getByRole('radio').count()) === 2 ? 't' : 'b');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('group', { name: 'Your rating' })).toBeVisible();
}

test.describe('an answer is kept from the moment it is checked', () => {
	test('reloading before Continue keeps it; a changed rating rewrites that one review', async ({
		page
	}) => {
		await page.goto(STUDY);
		await expect(card(page)).toBeVisible();
		let reviews = await untilAutoGraded(page, 0);

		// Checked, not yet continued: the review is already stored.
		const factId = await card(page).getAttribute('data-fact-id');
		await checkAnswer(page);
		await expect.poll(() => countRows(page, 'reviews')).toBe(++reviews);
		await page.reload();
		await expect(card(page)).toBeVisible();
		expect(await countRows(page, 'reviews')).toBe(reviews);
		await expect(card(page)).not.toHaveAttribute('data-fact-id', factId!);
		const stored = await readStore(page, 'reviews');
		expect(stored.filter((r) => r.factId === factId)).toHaveLength(1);

		// Changing the rating before going on rewrites that review, never adds a second one.
		reviews = await untilAutoGraded(page, reviews);
		const second = await card(page).getAttribute('data-fact-id');
		await checkAnswer(page);
		await expect.poll(() => countRows(page, 'reviews')).toBe(++reviews);
		await page.keyboard.press('4');
		await page.keyboard.press('Enter');
		await expect(card(page)).not.toHaveAttribute('data-fact-id', second!);
		await expect
			.poll(async () =>
				(await readStore(page, 'reviews')).filter((r) => r.factId === second).map((r) => r.rating)
			)
			.toEqual([4]);
		expect(await countRows(page, 'reviews')).toBe(reviews);
	});
});

test.describe('one set of numbers', () => {
	test('the study header, home and /progress count the same', async ({ page }) => {
		await page.goto(STUDY);
		for (let i = 1; i <= 4; i++) await gradeStudyCard(page, i);
		await expect(card(page)).toBeVisible();
		const header = {
			new: await page.getByTestId('count-new').innerText(),
			learning: await page.getByTestId('count-learning').innerText(),
			due: await page.getByTestId('count-due').innerText()
		};
		const today = await page.getByTestId('count-today').innerText();
		const [, learned, reviewsToday] = today.match(
			/Today: (\d+) new facts? learned, (\d+) reviews?/
		)!;
		expect(Number(reviewsToday)).toBe(4);

		await page.goto('/');
		const home = page.getByTestId('study-today');
		await expect(
			home.getByRole('link', { name: 'Peacekeeping in Kosovo since 1999' })
		).toBeVisible();
		await expect(home).toContainText(
			`${header.due} due · ${header.learning} learning · ${header.new} new`
		);
		const waiting = Number(header.due) + Number(header.learning);
		if (waiting > 0) {
			await expect(home.getByRole('link', { name: `Study ${waiting} due` })).toBeVisible();
		}

		await page.goto('/progress');
		const figure = (name: string) =>
			page
				.locator('dt', { hasText: new RegExp(`^${name}$`) })
				.locator('xpath=following-sibling::dd[1]');
		await expect(figure('Reviews')).toHaveText(reviewsToday);
		await expect(figure('New facts learned')).toHaveText(learned);

		// And back on the study screen, after the visit, nothing moved.
		await page.goto(STUDY);
		await expect(page.getByTestId('count-today')).toHaveText(today);
		await answerStudyCard(page);
		await expect.poll(() => countRows(page, 'reviews')).toBe(5);
	});
});
