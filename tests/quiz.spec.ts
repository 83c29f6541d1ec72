import { expect, test, type Locator, type Page } from './app-test';
import { expectNoAxeViolations, readStore, watchConsole } from './helpers';

interface Pair {
	term: string;
	meaning: string;
}
interface DeckItem {
	id: string;
	type: 'flashcard' | 'mcq' | 'truefalse' | 'cloze' | 'order' | 'match';
	factId: string;
	factIds?: string[];
	prompt: string;
	answer: string | string[] | Pair[];
	options?: string[];
}
type Given = string | string[] | Record<string, string>;

/**
 * A new question puts focus on its answer (a text box or an option), or on its heading where
 * the answer is a list of controls (order, match).
 */
async function expectFocusOnQuestion(page: Page): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(() => {
				const active = document.activeElement;
				if (!active) return 'nothing';
				if (active.id === 'question-heading') return 'heading';
				return active.closest('form.question') && active.matches('input') ? 'answer' : 'elsewhere';
			})
		)
		.toMatch(/^(answer|heading)$/);
}

/** Presses Tab until `target` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
	for (let i = 0; i < maxPresses; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

/** The item score the app must give, worked out here from the deck JSON alone. */
function expectedScore(item: DeckItem, given: Given): number {
	switch (item.type) {
		case 'order': {
			const events = item.answer as string[];
			return events.filter((e, i) => (given as string[])[i] === e).length / events.length;
		}
		case 'match': {
			const pairs = item.answer as Pair[];
			const chosen = given as Record<string, string>;
			return pairs.filter((p) => chosen[p.term] === p.meaning).length / pairs.length;
		}
		default:
			return given === item.answer ? 1 : 0;
	}
}

/** The right answer as the feedback must spell it out. */
function expectedText(item: DeckItem): string {
	if (item.type === 'order') return (item.answer as string[]).join(' → ');
	if (item.type === 'match') {
		return (item.answer as Pair[]).map((p) => `${p.term} — ${p.meaning}`).join('; ');
	}
	return item.answer as string;
}

const question = (page: Page) => page.locator('form[data-item-id]');

/**
 * Answers the question on screen by keyboard alone, right when `wantRight`, and returns what it
 * gave. Focus starts on the question's answer controls.
 */
async function answerByKeyboard(page: Page, item: DeckItem, wantRight: boolean): Promise<Given> {
	const form = question(page);
	switch (item.type) {
		case 'mcq':
		case 'truefalse': {
			const options = item.type === 'mcq' ? item.options! : ['True', 'False'];
			const right = options.indexOf(item.answer as string);
			const target = wantRight ? right : (right + 1) % options.length;
			// Focus starts on the options; the letter beside an option selects it, as a click does.
			await expect(form.getByRole('radio').first()).toBeFocused();
			const letter = item.type === 'mcq' ? 'ABCDEF'[target] : 'TF'[target];
			await expect(form.getByText(letter, { exact: true })).toBeVisible();
			await page.keyboard.press(letter.toLowerCase());
			const chosen = form.getByRole('radio', { name: options[target], exact: true });
			await expect(chosen).toBeChecked();
			await expect(chosen).toBeFocused();
			await page.keyboard.press('Enter');
			return options[target];
		}
		case 'cloze': {
			const text = wantRight ? (item.answer as string) : 'zzz';
			await expect(form.getByLabel('Fill the blank')).toBeFocused();
			await page.keyboard.type(text);
			await page.keyboard.press('Enter');
			return text;
		}
		case 'order': {
			const events = item.answer as string[];
			const shown = [...item.options!];
			// Move the earliest event to the top with its Up button; focus follows the row.
			const first = events[0];
			const from = shown.indexOf(first);
			if (from > 0) {
				await tabTo(page, form.getByRole('button', { name: `Move up: ${first}` }));
				for (let i = from; i > 0; i--) await page.keyboard.press('Enter');
				await expect(
					form.getByText(`Moved ${first} to position 1 of ${events.length}`)
				).toBeAttached();
				shown.splice(from, 1);
				shown.unshift(first);
			}
			if (wantRight) {
				// Then put the rest in place from the bottom up, each with its Down button.
				for (let target = 1; target < events.length; target++) {
					const event = events[target];
					const at = shown.indexOf(event);
					if (at === target) continue;
					await tabTo(page, form.getByRole('button', { name: `Move up: ${event}` }));
					for (let i = at; i > target; i--) await page.keyboard.press('Enter');
					shown.splice(at, 1);
					shown.splice(target, 0, event);
				}
			}
			await expect(form.getByRole('listitem')).toHaveText(shown.map((e) => new RegExp(escape(e))));
			await tabTo(page, form.getByRole('button', { name: 'Submit answer' }));
			await page.keyboard.press('Enter');
			return shown;
		}
		case 'match': {
			const pairs = item.answer as Pair[];
			const chosen: Record<string, string> = {};
			for (const [i, pair] of pairs.entries()) {
				// The first term gets its right meaning; the others the first meaning listed.
				const meaning = wantRight || i === 0 ? pair.meaning : item.options![0];
				const select = form.getByLabel(pair.term, { exact: true });
				await tabTo(page, select);
				const steps = item.options!.indexOf(meaning) + 1;
				for (let s = 0; s < steps; s++) await page.keyboard.press('ArrowDown');
				await expect(select).toHaveValue(meaning);
				chosen[pair.term] = meaning;
			}
			await tabTo(page, form.getByRole('button', { name: 'Submit answer' }));
			await page.keyboard.press('Enter');
			return chosen;
		}
		default:
			throw new Error(`The quiz was restricted, yet asked a ${item.type} question`);
	}
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('quiz', () => {
	test('a mixed quiz by keyboard alone survives a reload and scores right', async ({
		page,
		request
	}) => {
		test.setTimeout(180_000);
		const errors = watchConsole(page);
		const deck = (await (await request.get('/decks/kosovo.json')).json()) as { items: DeckItem[] };
		const byId = new Map(deck.items.map((item) => [item.id, item]));

		await page.goto('/decks/kosovo/quiz');
		const start = page.getByRole('button', { name: 'Start quiz' });
		await expect(start).toBeVisible();
		await expectNoAxeViolations(page);

		// Setup by keyboard: every type but flashcards, 10 questions, feedback after each answer.
		const flashcard = page.getByRole('checkbox', { name: 'Flashcard' });
		await tabTo(page, flashcard, 60);
		await page.keyboard.press('Space');
		await expect(flashcard).not.toBeChecked();
		await expect(page.getByLabel('Number of questions')).toHaveValue('10');
		await tabTo(page, start);
		await page.keyboard.press('Enter');

		const given = new Map<string, Given>();
		const asked: string[] = [];
		const heading = page.getByRole('heading', { level: 2, name: /^Question \d+ of 10$/ });
		for (let n = 1; n <= 10; n++) {
			await expect(heading).toHaveText(`Question ${n} of 10`);
			await expectFocusOnQuestion(page);
			const id = await question(page).getAttribute('data-item-id');
			const item = byId.get(id!)!;
			expect(asked).not.toContain(id);
			asked.push(id!);

			if (n === 6) {
				// Reload in the middle: the five answers are kept and the same question comes back.
				await page.reload();
				await expect(
					page.getByRole('heading', { name: 'You have an unfinished quiz' })
				).toBeFocused();
				await expect(page.getByText('5 of 10 questions answered')).toBeVisible();
				await page.keyboard.press('Tab');
				await expect(page.getByRole('button', { name: 'Resume' })).toBeFocused();
				await page.keyboard.press('Enter');
				await expect(heading).toHaveText('Question 6 of 10');
				await expectFocusOnQuestion(page);
				await expect(question(page)).toHaveAttribute('data-item-id', id!);
				await expect(page.getByRole('progressbar', { name: 'Questions answered' })).toHaveAttribute(
					'value',
					'5'
				);
				const [attempt] = await readStore(page, 'attempts');
				expect(Object.keys(attempt.answers as object).sort()).toEqual(asked.slice(0, 5).sort());
			}

			if (n === 1) await expectNoAxeViolations(page);
			// Right on odd questions, wrong on even ones: both verdicts get exercised.
			given.set(item.id, await answerByKeyboard(page, item, n % 2 === 1));

			const next = page.getByRole('button', { name: n === 10 ? 'See results' : 'Next question' });
			await expect(next).toBeFocused();
			const score = expectedScore(item, given.get(item.id)!);
			const verdict = score === 1 ? /^✓\s*Right$/ : score > 0 ? /Partly right/ : /^✗\s*Wrong$/;
			await expect(question(page).locator('.verdict')).toHaveText(verdict);
			if (score < 1) {
				await expect(question(page).getByText('Right answer', { exact: true })).toBeVisible();
				await expect(question(page).locator('dl')).toContainText(expectedText(item));
			}
			await expect(question(page).getByRole('link', { name: 'See in source' })).toBeVisible();
			if (n === 1) await expectNoAxeViolations(page);
			await page.keyboard.press('Enter');
		}

		// Never the same fact twice: order and match items count every fact they draw on.
		const facts = asked.flatMap((id) => {
			const item = byId.get(id)!;
			return [...new Set([item.factId, ...(item.factIds ?? [])])];
		});
		expect(new Set(facts).size).toBe(facts.length);
		const types = new Set(asked.map((id) => byId.get(id)!.type));
		expect(types.has('order') && types.has('match')).toBe(true);

		const scores = asked.map((id) => expectedScore(byId.get(id)!, given.get(id)!));
		const total = scores.reduce((a, b) => a + b, 0);
		const points = Math.round(total * 100) / 100;
		const percent = Math.round((total / 10) * 100);
		await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
		await expect(page.getByTestId('quiz-score')).toHaveText(`${points} of 10`);
		await expect(page.getByText(`(${percent}%)`, { exact: true })).toBeVisible();
		await expect(page.getByText(/Time taken: \d+ (s|min)/)).toBeVisible();
		await expect(page.getByRole('article')).toHaveCount(10);
		const firstReview = page.getByRole('article').first();
		await expect(firstReview.getByText('Your answer')).toBeVisible();
		await expect(firstReview.getByRole('link', { name: 'See in source' })).toBeVisible();
		await expectNoAxeViolations(page);

		// Only wrong answers reached the scheduler, each as Again, tagged as coming from a quiz.
		const reviews = await readStore(page, 'reviews');
		const wrong = asked.filter((_, i) => scores[i] < 0.8);
		expect(reviews.map((r) => r.itemId).sort()).toEqual([...wrong].sort());
		expect(reviews.every((r) => r.rating === 1 && r.origin === 'quiz')).toBe(true);

		const [attempt] = await readStore(page, 'attempts');
		expect(attempt.score).toBeCloseTo(total / 10, 10);
		expect(attempt.submittedAt).toEqual(expect.any(Number));

		// The attempt is listed with its score and question count.
		const missed = scores.filter((s) => s < 1).length;
		await expect(
			page.getByRole('button', { name: `Retry the ones I missed (${missed})` })
		).toBeVisible();
		await page.getByRole('button', { name: 'New quiz' }).click();
		const row = page.getByRole('table').getByRole('row').nth(1);
		await expect(row).toContainText(`${points} of 10 (${percent}%)`);
		await expect(row.getByRole('cell').nth(2)).toHaveText('10');
		expect(errors).toEqual([]);
	});

	test('retrying the missed questions asks exactly those', async ({ page, request }) => {
		const deck = (await (await request.get('/decks/kosovo.json')).json()) as { items: DeckItem[] };
		const byId = new Map(deck.items.map((item) => [item.id, item]));
		await page.goto('/decks/kosovo/quiz');
		await page.getByRole('button', { name: 'None of the question types' }).click();
		await page.getByRole('checkbox', { name: 'Multiple choice' }).check();
		await page.getByLabel('Number of questions').fill('5');
		await page.getByRole('radio', { name: 'At the end' }).check();
		await page.getByRole('button', { name: 'Start quiz' }).click();
		const missedIds: string[] = [];
		for (let n = 1; n <= 5; n++) {
			await expect(page.getByRole('heading', { name: `Question ${n} of 5` })).toBeVisible();
			const id = (await question(page).getAttribute('data-item-id'))!;
			// No answer on questions 2 and 4: those are missed; the rest get the right option.
			if (n % 2 === 0) missedIds.push(id);
			else {
				const answer = byId.get(id)!.answer as string;
				await question(page).getByRole('radio', { name: answer, exact: true }).check();
			}
			// At-the-end mode: no feedback between questions.
			await page
				.getByRole('button', { name: n === 5 ? 'Submit and finish' : 'Submit answer' })
				.click();
			if (n < 5) await expect(page.locator('.verdict')).toHaveCount(0);
		}
		await expect(page.getByTestId('quiz-score')).toHaveText('3 of 5');
		await page.getByRole('button', { name: 'Retry the ones I missed (2)' }).click();
		const asked: string[] = [];
		for (let n = 1; n <= 2; n++) {
			await expect(page.getByRole('heading', { name: `Question ${n} of 2` })).toBeVisible();
			asked.push((await question(page).getAttribute('data-item-id'))!);
			await page.getByRole('button', { name: /Submit/ }).click();
		}
		expect(asked).toEqual(missedIds);
		await expect(page.getByTestId('quiz-score')).toHaveText('0 of 2');
		await page.getByRole('button', { name: 'New quiz' }).click();
		await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
		await expect(page.getByRole('table').getByText('Retry')).toHaveCount(1);
	});

	test('the setup explains what is wrong with it', async ({ page }) => {
		await page.goto('/decks/kosovo/quiz');
		const count = page.getByLabel('Number of questions');
		await count.fill('4');
		await page.getByRole('button', { name: 'None of the topics' }).click();
		await page.getByRole('button', { name: 'Start quiz' }).click();
		await expect(count).toBeFocused();
		await expect(page.getByText('Enter a whole number of questions from 5 to 50.')).toBeVisible();
		await expect(page.getByText('Choose at least one topic.')).toBeVisible();
		await expect(count).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('heading', { name: /^Question/ })).toHaveCount(0);
	});

	test('discarding an unfinished quiz leaves a fresh setup', async ({ page }) => {
		await page.goto('/decks/kosovo/quiz');
		await page.getByRole('button', { name: 'Quick quiz: 10 questions' }).click();
		await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeVisible();
		await page.reload();
		await page.getByRole('button', { name: 'Discard…' }).click();
		// It asks first, with focus on the safe choice; keeping it changes nothing.
		await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
		await page.getByRole('button', { name: 'Keep it' }).click();
		await expect(page.getByRole('button', { name: 'Discard…' })).toBeFocused();
		expect(await readStore(page, 'attempts')).toHaveLength(1);
		await page.getByRole('button', { name: 'Discard…' }).click();
		await page.getByRole('button', { name: 'Discard it' }).click();
		await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
		expect(await readStore(page, 'attempts')).toEqual([]);
	});

	test('fits a 360 px screen without sideways scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 800 });
		const noSideways = async () =>
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				360
			);
		await page.goto('/decks/kosovo/quiz');
		await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
		await noSideways();
		// The widest questions: chronology rows with buttons, and long meanings in selects.
		await page.getByRole('button', { name: 'None of the question types' }).click();
		for (const type of ['Chronology', 'Matching', 'Fill the blank', 'Multiple choice']) {
			await page.getByRole('checkbox', { name: type }).check();
		}
		await page.getByLabel('Number of questions').fill('8');
		await page.getByRole('button', { name: 'Start quiz' }).click();
		for (let n = 1; n <= 8; n++) {
			await expect(page.getByRole('heading', { name: `Question ${n} of 8` })).toBeVisible();
			await noSideways();
			const isMatch = (await question(page).locator('select').count()) > 0;
			await page.getByRole('button', { name: 'Submit answer' }).click();
			if (isMatch) {
				// A matching question with nothing matched asks once more before going in blank.
				await expect(page.locator('.verdict')).toHaveCount(0);
				await expect(question(page).getByRole('alert')).toContainText('No meaning is matched yet');
				await noSideways();
				// The page stays where it was, the button under the finger and focused: Enter again
				// hands it in blank.
				await expect(page.getByRole('button', { name: 'Submit blank' })).toBeFocused();
				await page.getByRole('button', { name: 'Submit blank' }).click();
			}
			await expect(page.locator('.verdict')).toBeVisible();
			await noSideways();
			await page.getByRole('button', { name: n === 8 ? 'See results' : 'Next question' }).click();
		}
		await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
		await noSideways();
	});
});
