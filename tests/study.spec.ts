import { expect, test, type Page } from './app-test';
import { countRows, expectNoAxeViolations, putRow, watchConsole } from './helpers';

const STUDY = '/decks/kosovo/study';

function readRow(page: Page, store: string, key: string): Promise<Record<string, unknown>> {
	return page.evaluate(
		({ name, id }) =>
			new Promise<Record<string, unknown>>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction(name).objectStore(name).get(id);
					request.onsuccess = () => {
						resolve(request.result);
						db.close();
					};
					request.onerror = () => reject(request.error);
				};
			}),
		{ name: store, id: key }
	);
}

async function openStudy(page: Page): Promise<void> {
	await page.goto(STUDY);
	await expect(page.getByRole('article', { name: 'Study card' })).toBeVisible();
}

/** Saves study settings the way the settings form does, then reloads the study screen. */
async function setNewPerDay(page: Page, newPerDay: number): Promise<void> {
	await openStudy(page);
	await putRow(page, 'settings', {
		key: 'study',
		value: { newPerDay, reviewsPerDay: 200, desiredRetention: 0.9, dayStartHour: 4 }
	});
	await page.reload();
}

const card = (page: Page) => page.getByRole('article', { name: 'Study card' });
const today = (page: Page) => page.getByTestId('count-today');

/** Answers the card on screen with keys only and grades it; returns the card's text. */
async function answerByKeyboard(page: Page, rating: '1' | '2' | '3' | '4'): Promise<string> {
	const text = (await card(page).innerText()).trim();
	const type = (await card(page).locator('.badge').first().innerText()).trim();
	if (type === 'Flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'Grade yourself' })).toBeVisible();
		await page.keyboard.press(rating);
		return text;
	}
	if (type === 'Multiple choice' || type === 'True or false') {
		// A letter selects, as a click does; Enter checks.
		await page.keyboard.press(type === 'Multiple choice' ? 'b' : 't');
		await expect(card(page).getByRole('radio', { checked: true })).toHaveCount(1);
		await page.keyboard.press('Enter');
	} else {
		await page.keyboard.type('no idea');
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('group', { name: 'Your rating' })).toBeVisible();
	await page.keyboard.press(rating);
	await expect(
		page
			.getByRole('group', { name: 'Your rating' })
			.getByRole('button')
			.nth(Number(rating) - 1)
	).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Enter');
	return text;
}

function learnedToday(n: number): RegExp {
	return new RegExp(`^Today: ${n} new facts? learned`);
}

test.describe('study', () => {
	test('15 facts studied by keyboard alone, one undone, 14 kept after a reload', async ({
		page
	}) => {
		const errors = watchConsole(page);
		await openStudy(page);
		await expect(page.getByTestId('count-new')).toHaveText('20');

		await page.keyboard.press('?');
		const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
		await expect(help).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(help).toBeHidden();

		let lastCard = '';
		for (let n = 1; n <= 15; n++) {
			lastCard = await answerByKeyboard(page, '3');
			await expect(today(page)).toHaveText(learnedToday(n));
		}
		await expect(page.getByTestId('count-new')).toHaveText('5');
		expect(await countRows(page, 'reviews')).toBe(15);

		await page.keyboard.press('u');
		await expect(today(page)).toHaveText(learnedToday(14));
		await expect(page.getByTestId('count-new')).toHaveText('6');
		// The undone fact is the current card again, as a question.
		await expect(card(page)).toHaveText(lastCard);
		expect(await countRows(page, 'reviews')).toBe(14);

		await page.reload();
		await expect(card(page)).toBeVisible();
		await expect(today(page)).toHaveText(learnedToday(14));
		await expect(page.getByTestId('count-new')).toHaveText('6');
		expect(await countRows(page, 'reviews')).toBe(14);
		expect(await countRows(page, 'memory')).toBe(14);
		expect(errors).toEqual([]);
	});

	test('an answer survives closing the page at once', async ({ context }) => {
		const page = await context.newPage();
		await openStudy(page);
		await answerByKeyboard(page, '4');
		await expect(today(page)).toHaveText(learnedToday(1));
		await page.close();

		const again = await context.newPage();
		await openStudy(again);
		await expect(today(again)).toHaveText(learnedToday(1));
		await expect(again.getByTestId('count-new')).toHaveText('19');
		expect(await countRows(again, 'reviews')).toBe(1);
	});

	test('/study studies the Kosovo deck, and its answers count on the deck too', async ({
		page
	}) => {
		await page.goto('/study');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Study all decks');
		await expect(card(page)).toBeVisible();
		await expect(page.getByTestId('count-new')).toHaveText('20');
		await answerByKeyboard(page, '3');
		await expect(today(page)).toHaveText(learnedToday(1));
		await openStudy(page);
		await expect(today(page)).toHaveText(learnedToday(1));
		await expect(page.getByTestId('count-new')).toHaveText('19');
	});

	test('accessible at 360 px: question, answer with intervals, and done state', async ({
		page
	}) => {
		await page.setViewportSize({ width: 360, height: 800 });
		const noSideScroll = async () =>
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
			).toBe(true);
		await setNewPerDay(page, 1);
		await expect(card(page)).toBeVisible();
		await expect(page.getByText('New', { exact: true })).toBeVisible();
		await expect(page.getByText('Learning', { exact: true })).toBeVisible();
		await expect(page.getByText('Due', { exact: true })).toBeVisible();
		await expectNoAxeViolations(page);
		await noSideScroll();

		const type = (await card(page).locator('.badge').first().innerText()).trim();
		if (type === 'Flashcard') await page.keyboard.press('Enter');
		else await page.getByRole('button', { name: 'I don’t know' }).click();
		// A new fact's four intervals: 1 min, 6 min, 10 min, and days for Easy.
		for (const name of [/Again · 1m/, /Hard · 6m/, /Good · 10m/, /Easy · \d+d/]) {
			await expect(page.getByRole('button', { name })).toBeVisible();
		}
		// The source sentence starts folded; S opens and folds it.
		await expect(page.getByRole('link', { name: 'See in source' })).toBeHidden();
		await page.keyboard.press('s');
		await expect(page.getByRole('link', { name: 'See in source' })).toBeVisible();
		await expectNoAxeViolations(page);
		await noSideScroll();
		await page.keyboard.press('s');
		await expect(page.getByRole('link', { name: 'See in source' })).toBeHidden();
		await page.keyboard.press('s');
		await expect(page.getByRole('link', { name: 'See in source' })).toBeVisible();

		if (type === 'Flashcard') await page.keyboard.press('4');
		else {
			await page.keyboard.press('4');
			await page.keyboard.press('Enter');
		}
		await expect(page.getByRole('status').filter({ hasText: 'Nothing due' })).toHaveText(
			/^Nothing due\. Next review in \d+ days?; 1 new fact tomorrow\.$/
		);
		await expectNoAxeViolations(page);
		await noSideScroll();
	});

	test('a learning card comes back in the same session after a short wait', async ({ page }) => {
		await page.clock.install();
		await setNewPerDay(page, 1);
		const first = await card(page).getAttribute('data-fact-id');
		await answerByKeyboard(page, '3');
		await expect(page.getByRole('status').filter({ hasText: 'Next card in' })).toHaveText(
			'Next card in 10 min'
		);
		await page.clock.fastForward('10:05');
		// The same fact, though perhaps in another format: the format follows each repetition.
		await expect(card(page)).toHaveAttribute('data-fact-id', first ?? '');
		await expect(page.getByTestId('count-learning')).toHaveText('1');
		await expect(page.getByTestId('count-new')).toHaveText('0');
	});

	test('a new leech offers its source sentence and can be suspended', async ({ page, request }) => {
		const deck = await (await request.get('/decks/kosovo.json')).json();
		const fact = deck.facts[0];
		await openStudy(page);
		const now = Date.now();
		const day = 86_400_000;
		await putRow(page, 'memory', {
			key: `kosovo/${fact.id}`,
			deckId: 'kosovo',
			factId: fact.id,
			dueAt: now - 60_000,
			stability: 4,
			difficulty: 8,
			scheduledDays: 4,
			learningSteps: 0,
			reps: 30,
			lapses: 7,
			state: 2,
			lastReviewAt: now - 4 * day,
			suspended: 0,
			leech: 0
		});
		await page.reload();
		await expect(page.getByTestId('count-due')).toHaveText('1');
		await answerByKeyboard(page, '1');

		const notice = page.getByRole('complementary', { name: 'This fact keeps slipping away' });
		await expect(notice).toBeVisible();
		await expect(notice.getByRole('link', { name: 'See in source' })).toHaveAttribute(
			'href',
			`/decks/kosovo/sources/${fact.document}#f-${fact.id}`
		);
		await expectNoAxeViolations(page);
		await notice.getByRole('button', { name: 'Suspend this fact' }).click();
		await expect(notice).toBeHidden();
		const row = await readRow(page, 'memory', `kosovo/${fact.id}`);
		expect(row.suspended).toBe(1);
		expect(row.leech).toBe(1);
	});
});
