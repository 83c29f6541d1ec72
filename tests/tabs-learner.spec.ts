import { expect, test, type Page } from '@playwright/test';
import { answerStudyCard, countRows, readStore } from './helpers';

interface StoredReview {
	id: number;
	factId: string;
	before: unknown;
	after: unknown;
}

const reviewsOf = async (page: Page) =>
	(await readStore(page, 'reviews')) as unknown as StoredReview[];

/** The fact of the study card on screen. */
function shownFact(page: Page): Promise<string | null> {
	return page.getByRole('article', { name: 'Study card' }).getAttribute('data-fact-id');
}

test.describe('two tabs are one learner', () => {
	test('two tabs answer alternately for 20 cards: no fact twice in one drawing; undo in each takes back its own', async ({
		context
	}) => {
		test.setTimeout(120_000);
		const tabs = [await context.newPage(), await context.newPage()];
		for (const tab of tabs) await tab.goto('/decks/kosovo/study');
		for (const tab of tabs) {
			await expect(tab.getByRole('article', { name: 'Study card' })).toBeVisible();
		}
		// Both tabs drew the same first card.
		expect(await shownFact(tabs[0])).toBe(await shownFact(tabs[1]));

		const own: number[][] = [[], []];
		for (let n = 1; n <= 20; n++) {
			const turn = (n - 1) % 2;
			const tab = tabs[turn];
			await tab.bringToFront();
			const reviewed = new Set((await reviewsOf(tab)).map((r) => r.factId));
			// The tab learned of the other's answer: the card it shows was not answered since.
			await expect
				.poll(async () => {
					const fact = await shownFact(tab);
					return fact !== null && !reviewed.has(fact);
				})
				.toBe(true);
			await answerStudyCard(tab);
			await expect.poll(() => countRows(tab, 'reviews')).toBe(n);
			const newest = Math.max(...(await reviewsOf(tab)).map((r) => r.id));
			own[turn].push(newest);
		}

		const reviews = await reviewsOf(tabs[0]);
		expect(reviews).toHaveLength(20);
		// No fact was reviewed twice in one drawing: 20 different facts, each answered from the
		// memory it was drawn with (all new, so no review built on a stale one).
		expect(new Set(reviews.map((r) => r.factId)).size).toBe(20);
		expect(reviews.every((r) => r.before === null)).toBe(true);

		// Undo in the first tab takes back its own newest answer, not the second tab's (newer).
		const undo = (tab: Page) => tab.getByRole('button', { name: /Undo last answer/ }).click();
		await tabs[0].bringToFront();
		await undo(tabs[0]);
		await expect
			.poll(async () => (await reviewsOf(tabs[0])).map((r) => r.id))
			.not.toContain(own[0].at(-1));
		let ids = (await reviewsOf(tabs[0])).map((r) => r.id);
		expect(ids).toHaveLength(19);
		expect(ids).toContain(own[1].at(-1));
		const undoneFact = reviews.find((r) => r.id === own[0].at(-1))?.factId;
		await expect.poll(() => shownFact(tabs[0])).toBe(undoneFact);

		await tabs[1].bringToFront();
		await undo(tabs[1]);
		await expect
			.poll(async () => (await reviewsOf(tabs[1])).map((r) => r.id))
			.not.toContain(own[1].at(-1));
		ids = (await reviewsOf(tabs[1])).map((r) => r.id);
		expect(ids).toHaveLength(18);
		expect(ids).toContain(own[0].at(-2));
		expect(ids).toContain(own[1].at(-2));
	});

	test('an assignment submitted in one tab says so in the other', async ({ context, page }) => {
		await page.goto('/teach');
		await page.getByRole('link', { name: 'New assignment' }).click();
		await page.getByLabel('Title').fill('Two tabs');
		await page.getByLabel('Number of questions', { exact: true }).fill('3');
		await page.getByRole('button', { name: 'Save and get the link' }).click();
		const link = await page.getByLabel('Link for students').inputValue();
		const [first, second] = [await context.newPage(), await context.newPage()];
		for (const tab of [first, second]) {
			await tab.goto(link);
			await tab.getByRole('button', { name: 'Start' }).click();
			await tab.getByLabel('Your name').fill('Ana');
			await tab.getByRole('button', { name: 'Start' }).click();
			await expect(tab.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
		}
		await first.bringToFront();
		await first.getByRole('button', { name: 'Submit answers…' }).click();
		await first.getByRole('button', { name: 'Submit now' }).click();
		await expect(first.getByText(/Submitted, Ana/)).toBeVisible();
		await expect(first.getByTestId('submitted-elsewhere')).toHaveCount(0);
		await second.bringToFront();
		await expect(second.getByTestId('submitted-elsewhere')).toBeVisible();
		await expect(second.getByText(/Submitted, Ana/)).toBeVisible();
	});
});
