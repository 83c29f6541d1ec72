import { readFile } from 'node:fs/promises';
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

const questionCount = (page: Page) => page.locator('.counts .badge', { hasText: 'questions' });

async function makeDeck(page: Page): Promise<void> {
	await page.goto('/decks/new');
	await page.getByLabel('Deck title').fill('River notes');
	await page.getByLabel('Or paste your text').fill(DOCUMENT);
	await page.getByRole('button', { name: 'Make questions' }).click();
	await expect(page.getByRole('heading', { name: 'Questions by fact' })).toBeVisible({
		timeout: 30_000
	});
}

test.describe('a deck from your own document', () => {
	test('paste, edit, delete, add from a selection, save, then study, quiz and see the source', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const errors = watchConsole(page);
		await page.goto('/decks/new');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('New deck from a document');
		await expectNoAxeViolations(page);

		await makeDeck(page);
		await expect(
			page.getByRole('heading', { level: 3, name: 'European Commission of the Danube' })
		).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 3, name: '4 November 1856', exact: true })
		).toBeVisible();
		await expectNoAxeViolations(page);
		// Facts ranked below the deck's limit are offered, and one can be added with its questions.
		const suggestions = page.getByRole('region', { name: 'More suggestions' });
		await expect(suggestions).toBeVisible();
		const first = suggestions.getByRole('listitem').first();
		const suggested = await first.locator('.question').innerText();
		const counted = await questionCount(page).innerText();
		await first.getByRole('button', { name: /^Add/ }).click();
		await expect(questionCount(page)).not.toHaveText(counted);
		await expect(page.locator('article.fact', { hasText: suggested }).first()).toBeVisible();
		await expect(suggestions.locator('.question', { hasText: suggested })).toHaveCount(0);
		const total = () =>
			questionCount(page)
				.innerText()
				.then((t) => Number.parseInt(t, 10));
		const before = await total();
		expect(before).toBeGreaterThan(10);

		// Edit the first question's prompt.
		const firstFact = page.locator('article.fact').first();
		await firstFact.getByRole('button', { name: 'Edit' }).first().click();
		await firstFact
			.getByRole('textbox', { name: 'Question' })
			.fill('What is the ECD short for, in full?');
		await firstFact.getByRole('button', { name: 'Save the change' }).click();
		await expect(firstFact.getByText('What is the ECD short for, in full?')).toBeVisible();
		// Focus goes back to the Edit button the form replaced, for keyboard users.
		await expect(firstFact.getByRole('button', { name: 'Edit' }).first()).toBeFocused();

		// An empty prompt is refused with a message, and nothing changes.
		await page.keyboard.press('Enter');
		await expect(firstFact.getByRole('textbox', { name: 'Question' })).toBeFocused();
		await firstFact.getByRole('textbox', { name: 'Question' }).fill('  ');
		await firstFact.getByRole('button', { name: 'Save the change' }).click();
		await expect(firstFact.getByRole('alert')).toHaveText('The question cannot be empty.');
		await firstFact.getByRole('button', { name: 'Cancel' }).click();

		// Delete one question.
		await firstFact.getByRole('button', { name: 'Delete', exact: true }).last().click();
		await expect(questionCount(page)).toHaveText(`${before - 1} questions`);
		await expect(firstFact.getByRole('heading', { level: 3 })).toBeFocused();

		// A question from a selection inside one sentence.
		const preview = page.getByLabel('The document (read only)');
		const phrase = 'the old harbour';
		await preview.evaluate((el: HTMLTextAreaElement, text) => {
			const at = el.value.indexOf(text);
			el.focus();
			el.setSelectionRange(at, at + text.length);
		}, phrase);
		await page.getByRole('button', { name: 'Make a question from the selection' }).click();
		const question = page
			.getByRole('form', { name: 'New question' })
			.getByRole('textbox', { name: 'Question' });
		await expect(question).toHaveValue(
			'Complete: Its lighthouse at Sulina still stands beside _____.'
		);
		await question.fill('What does the lighthouse at Sulina stand beside?');
		await page.getByRole('button', { name: 'Add the question' }).click();
		await expect(page.getByRole('heading', { level: 3, name: phrase })).toBeVisible();

		// A selection across two sentences is refused.
		await preview.evaluate((el: HTMLTextAreaElement) => {
			const at = el.value.indexOf('Agreement. Its');
			el.setSelectionRange(at, at + 14);
		});
		await page.getByRole('button', { name: 'Make a question from the selection' }).click();
		await expect(page.getByRole('alert')).toContainText('inside one sentence');

		await page.getByRole('button', { name: 'Save the deck' }).click();
		await expect(page).toHaveURL(/\/my-decks\/my-river-notes-[0-9a-z]+$/);
		const deckId = page.url().split('/').pop()!;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('River notes');
		await expect(page.getByText(/\d+ facts/)).toBeVisible();
		expect(await countRows(page, 'userDecks')).toBe(1);

		// The saved deck keeps the edits, and survives a full reload (served by the 200.html fallback).
		await page.reload();
		await page.getByLabel('Search').fill('short for, in full');
		await expect(page.getByRole('article')).toHaveCount(1);
		await expectNoAxeViolations(page);

		// "See in source" leads to the sentence in the stored document.
		const item = page.getByRole('article').first();
		await item.getByText('Why, and the source').click();
		await item.getByRole('link', { name: 'See in source' }).click();
		await expect(page).toHaveURL(new RegExp(`/my-decks/${deckId}/source#f-`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('River notes');
		const target = page.locator('.sentence:has(> .anchor:target)');
		await expect(target).toHaveCount(1);
		await expect(target).toContainText('European Commission of the Danube (ECD)');
		await expectNoAxeViolations(page);

		// Study it: the study page loads the deck from IndexedDB.
		await page.goto(`/decks/${deckId}/study`);
		await expect(page.getByRole('article', { name: 'Study card' })).toBeVisible();
		await answerStudyCard(page);
		await expect(page.getByTestId('count-today')).toHaveText(/^Today: 1 new fact learned/);
		expect(await countRows(page, 'reviews')).toBe(1);

		// Its progress shows on its own page and on /progress, beside the built-in deck.
		await page.goto(`/my-decks/${deckId}`);
		await expect(page.getByRole('heading', { name: 'What you know' })).toBeVisible();
		await expect(page.getByText('1 learning')).toBeVisible();
		await page.goto('/progress');
		await expect(page.getByRole('heading', { name: 'Facts by state: River notes' })).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'Mastery by topic: River notes' })
		).toBeVisible();
		await expect(
			page.getByRole('heading', { name: /^Facts by state: Peacekeeping/ })
		).toBeVisible();

		// Quiz it: a quick quiz to the end.
		await page.goto(`/decks/${deckId}/quiz`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz: River notes');
		await page.getByRole('button', { name: /^Quick quiz/ }).click();
		const heading = page.getByRole('heading', { name: /^Question \d+ of \d+$/ });
		await expect(heading).toBeVisible();
		const count = Number((await heading.innerText()).match(/of (\d+)/)![1]);
		expect(count).toBeGreaterThanOrEqual(5);
		for (let n = 1; n <= count; n++) {
			await expect(page.getByRole('heading', { name: `Question ${n} of ${count}` })).toBeVisible();
			await page.getByRole('button', { name: /^Submit/ }).click();
			await page
				.getByRole('button', { name: n === count ? 'See results' : 'Next question' })
				.click();
		}
		await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
		expect(errors).toEqual([]);
	});

	test('a deck of your own is assigned: a student without it takes it and sees its sources', async ({
		browser,
		page
	}) => {
		test.setTimeout(120_000);
		await makeDeck(page);
		await page.getByRole('button', { name: 'Save the deck' }).click();
		await expect(page).toHaveURL(/\/my-decks\/my-river-notes-[0-9a-z]+$/);
		const deckId = page.url().split('/').pop()!;

		await page.goto('/teach/new');
		const deckField = page.getByLabel('Deck', { exact: true });
		await expect(deckField.getByRole('option', { name: 'River notes (yours)' })).toBeAttached();
		await deckField.selectOption({ label: 'River notes (yours)' });
		await page.getByLabel('Title').fill('River quiz');
		await page.getByLabel('Number of questions', { exact: true }).fill('3');
		await page.getByRole('button', { name: 'Save and get the link' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'River quiz' })).toBeVisible();
		const link = await page.getByLabel('Link for students').inputValue();

		// The student's browser has no copy of the deck: the link carries the questions.
		const studentContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
		const student = await studentContext.newPage();
		const errors = watchConsole(student);
		await student.goto(link);
		await expect(student.getByRole('heading', { level: 1, name: 'River quiz' })).toBeVisible();
		await student.getByLabel('Your name').fill('Bo');
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
		await student.getByRole('button', { name: 'Submit answers…' }).click();
		await student.getByRole('button', { name: 'Submit now' }).click();
		await expect(student.getByRole('heading', { name: /^Your score:/ })).toBeVisible();

		// Feedback quotes each question's sentence; the teacher's document is not on this
		// device, so there is no link into a reader that could not open it.
		const answers = student.getByRole('listitem').filter({ has: student.locator('blockquote') });
		await expect(answers).toHaveCount(3);
		await expect(answers.first().locator('blockquote')).toHaveText(/\S/);
		await expect(student.getByText('From your teacher’s own document.').first()).toBeVisible();
		await expect(student.getByRole('link', { name: 'See in source' })).toHaveCount(0);
		expect(DOCUMENT).toContain((await answers.first().locator('blockquote').innerText()).trim());
		expect(deckId).toMatch(/^my-/);
		await expectNoAxeViolations(student);
		expect(errors).toEqual([]);
		await studentContext.close();
	});

	test('a deck of your own goes into a backup with its document and comes back whole', async ({
		browser,
		page
	}) => {
		test.setTimeout(120_000);
		await makeDeck(page);
		await page.getByRole('button', { name: 'Save the deck' }).click();
		await expect(page).toHaveURL(/\/my-decks\/my-river-notes-[0-9a-z]+$/);
		const deckId = page.url().split('/').pop()!;

		await page.goto('/settings');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download a backup' }).click()
		]);
		const path = (await download.path())!;
		const file = JSON.parse(await readFile(path, 'utf8'));
		expect(file.tables.userDecks).toHaveLength(1);
		expect(Object.values(file.tables.userDecks[0].documents)).toEqual([DOCUMENT]);

		const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
		const other = await fresh.newPage();
		await other.goto('/settings');
		await other.getByLabel('Choose a backup file (.json)').setInputFiles(path);
		await other.getByRole('button', { name: 'Merge this backup' }).click();
		await expect(other.getByText(/^Imported .+ Your progress is restored\.$/)).toBeVisible();
		expect(await countRows(other, 'userDecks')).toBe(1);
		await other.goto(`/my-decks/${deckId}/source`);
		await expect(other.locator('main')).toContainText('Delegates from seven states met in Galați');
		await fresh.close();
	});

	test('bad input gets a clear message and nothing is saved', async ({ page }) => {
		await page.goto('/decks/new');
		const file = page.getByLabel('Open a .txt or .md file');
		const alert = page.getByRole('alert');

		await file.setInputFiles({
			name: 'empty.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from('')
		});
		await expect(alert).toHaveText(/The document is empty/);

		const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		await file.setInputFiles({ name: 'picture.md', mimeType: 'text/markdown', buffer: binary });
		await expect(alert).toHaveText(/binary file/);

		const big = Buffer.alloc(2.5 * 1024 * 1024, 'The talks ended in 1999. ');
		await file.setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: big });
		await expect(alert).toHaveText('The file is 2.5 MB; documents can be at most 2 MB.');

		await page
			.getByLabel('Or paste your text')
			.fill('we walked for a while and it was nice.\n\nthen we went home, tired and happy.');
		await page.getByRole('button', { name: 'Make questions' }).click();
		await expect(alert).toHaveText(/No facts found/, { timeout: 30_000 });
		await expectNoAxeViolations(page);

		await page.getByLabel('Or paste your text').fill('   ');
		await page.getByRole('button', { name: 'Make questions' }).click();
		await expect(alert).toHaveText(/The document is empty/);
		expect(await countRows(page, 'userDecks')).toBe(0);
	});

	test('a file opens into the editor, and a deck that is not in this browser says so', async ({
		page
	}) => {
		await page.goto('/decks/new');
		await page.getByLabel('Open a .txt or .md file').setInputFiles({
			name: 'danube.md',
			mimeType: 'text/markdown',
			buffer: Buffer.from(DOCUMENT)
		});
		await expect(page.getByLabel('Or paste your text')).toHaveValue(DOCUMENT);
		await expect(page.getByText('Opened danube.md.')).toBeVisible();
		await page.getByRole('button', { name: 'Make questions' }).click();
		await expect(page.getByLabel('Deck title')).toHaveValue('The Danube Commission', {
			timeout: 30_000
		});

		await page.goto('/my-decks/my-nothing-here-1');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such deck');
		await page.goto('/decks/my-nothing-here-1/quiz');
		await expect(page.getByRole('alert')).toContainText(
			'no deck “my-nothing-here-1” in this browser'
		);
	});
});
