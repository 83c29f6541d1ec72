import { expect, test, type Page } from './app-test';
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

/** Chooses the `n`th option (from 0) of the multiple-choice question on screen. */
async function choose(page: Page, n: number): Promise<string> {
	const option = page.getByRole('radio').nth(n);
	await option.check();
	return (await option.getAttribute('value')) ?? '';
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

	test('a quiz in two tabs: each question answered once, the other tab moves on and shows the result', async ({
		context
	}) => {
		const [first, second] = [await context.newPage(), await context.newPage()];
		await first.goto('/decks/kosovo/quiz');
		await first.getByRole('button', { name: 'None of the question types' }).click();
		await first.getByRole('checkbox', { name: 'Multiple choice' }).check();
		await first.getByLabel('Number of questions').fill('5');
		await first.getByRole('radio', { name: 'At the end' }).check();
		await first.getByRole('button', { name: 'Start quiz' }).click();
		await expect(first.getByRole('heading', { name: 'Question 1 of 5' })).toBeVisible();

		await second.goto('/decks/kosovo/quiz');
		await second.getByRole('button', { name: 'Resume' }).click();
		await expect(second.getByRole('heading', { name: 'Question 1 of 5' })).toBeVisible();

		// The first tab answers question 1 (blank: graded wrong, so it reaches the scheduler).
		await first.bringToFront();
		await first.getByRole('button', { name: 'Submit answer' }).click();
		await expect(first.getByRole('heading', { name: 'Question 2 of 5' })).toBeVisible();

		// The second tab heard of it: it left question 1 and says why; it answers the rest.
		await second.bringToFront();
		await expect(second.getByTestId('other-tab')).toContainText(
			'Question 1 was answered in another tab'
		);
		for (let n = 2; n <= 5; n++) {
			await expect(second.getByRole('heading', { name: `Question ${n} of 5` })).toBeVisible();
			await second.getByRole('button', { name: /^Submit (answer|and finish)$/ }).click();
		}
		await expect(second.getByRole('heading', { name: 'Results' })).toBeVisible();
		await expect(second.getByTestId('other-tab')).toHaveCount(0);

		// The first tab, still showing question 2, shows the result the other tab submitted.
		await first.bringToFront();
		await expect(first.getByRole('heading', { name: 'Results' })).toBeVisible();
		await expect(first.getByTestId('other-tab')).toContainText(
			'This quiz was finished in another tab'
		);
		await expect(first.getByTestId('quiz-score')).toHaveText('0 of 5');

		const [attempt, ...others] = await readStore(first, 'attempts');
		expect(others).toEqual([]);
		expect(Object.keys(attempt.answers as object)).toHaveLength(5);
		expect(attempt.submittedAt).not.toBeNull();
		// Five wrong answers, five reviews: no question reached the scheduler twice.
		const reviews = await readStore(first, 'reviews');
		expect(reviews.map((r) => r.itemId).sort()).toEqual(
			Object.keys(attempt.answers as object).sort()
		);
	});

	test("an assignment in two tabs: both tabs' answers kept and shown; submitted in one, the other says so", async ({
		context,
		page
	}) => {
		await page.goto('/teach');
		await page.getByRole('link', { name: 'New assignment' }).click();
		await page.getByLabel('Title').fill('Two tabs');
		const types = page.getByRole('group', { name: 'Question types' }).getByRole('checkbox');
		for (const box of await types.all()) {
			const label = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
			await box.setChecked(label === 'Multiple choice');
		}
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
		const one = await choose(first, 0);
		// The second tab shows the first tab's answer to question 1 and names it.
		await second.bringToFront();
		await expect(second.getByTestId('other-tab')).toContainText(
			'Question 1 was answered in another tab'
		);
		await expect(second.getByRole('radio', { checked: true })).toHaveAttribute('value', one);
		await second.getByRole('button', { name: 'Next' }).click();
		await expect(second.getByRole('heading', { name: 'Question 2 of 3' })).toBeVisible();
		const two = await choose(second, 1);

		await first.bringToFront();
		await expect(first.getByTestId('other-tab')).toContainText(
			'Question 2 was answered in another tab'
		);
		await first.getByRole('button', { name: 'Submit answers…' }).click();
		await first.getByRole('button', { name: 'Submit now' }).click();
		await expect(first.getByText(/Submitted, Ana/)).toBeVisible();
		await expect(first.getByTestId('submitted-elsewhere')).toHaveCount(0);

		// One attempt, submitted once, with both tabs' answers.
		const attempts = await readStore(first, 'attempts');
		expect(attempts).toHaveLength(1);
		expect(Object.values(attempts[0].answers as object).sort()).toEqual([one, two].sort());
		await second.bringToFront();
		await expect(second.getByTestId('submitted-elsewhere')).toBeVisible();
		await expect(second.getByText(/Submitted, Ana/)).toBeVisible();
	});
});
