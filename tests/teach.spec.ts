import { readFile } from 'node:fs/promises';
import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from './app-test';
import { countRows, expectNoAxeViolations, readStore, watchConsole } from './helpers';

/*
 * Teacher and student each get their own browser context (their own IndexedDB), as on two
 * devices: the only thing that passes between them is what a person would copy.
 */

interface DeckItem {
	id: string;
	type: 'flashcard' | 'mcq' | 'truefalse' | 'cloze' | 'order' | 'match';
	prompt: string;
	answer: string | string[] | { term: string; meaning: string }[];
	options?: string[];
}

async function newContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		permissions: ['clipboard-read', 'clipboard-write']
	});
	return context;
}

async function clipboard(page: Page): Promise<string> {
	return page.evaluate(() => navigator.clipboard.readText());
}

/** Text shown with an item that no other item of its type has: how the test finds it. */
function markerOf(item: DeckItem): string {
	if (item.type === 'order') return item.options![0];
	if (item.type === 'match') return (item.answer as { term: string }[])[0].term;
	return visiblePart(item);
}

/** The first item of each wanted type whose marker is unique in the deck (so it can be found). */
function pickItems(items: DeckItem[], types: DeckItem['type'][]): DeckItem[] {
	const text = (item: DeckItem) => JSON.stringify([item.prompt, item.answer, item.options ?? []]);
	return types.map((type) => {
		const ofType = items.filter((item) => item.type === type);
		const found = ofType.find(
			(item) =>
				markerOf(item).length > 6 &&
				ofType.filter((other) => text(other).toLowerCase().includes(markerOf(item).toLowerCase()))
					.length === 1
		);
		if (!found) throw new Error(`no ${type} item`);
		return found;
	});
}

/** A piece of the prompt that is shown as text (a cloze prompt's blank is drawn, not written). */
function visiblePart(item: DeckItem): string {
	return item.prompt
		.split('_____')
		.reduce((a, b) => (b.length > a.length ? b : a), '')
		.trim()
		.slice(0, 60);
}

async function createAssignment(
	page: Page,
	options: { title: string; items?: DeckItem[]; shuffle?: boolean; minutes?: number }
): Promise<{ link: string; id: string }> {
	await page.goto('/teach');
	await page.getByRole('link', { name: 'New assignment' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'New assignment' })).toBeVisible();
	await page.getByLabel('Title').fill(options.title);
	await expect(page.getByLabel('Deck')).toHaveValue('kosovo');
	if (options.items) {
		await page.getByLabel('Pick the questions by hand').check();
		const picker = page.getByRole('group', { name: 'Pick the questions' });
		for (const item of options.items) {
			await picker.getByLabel('Type', { exact: true }).selectOption(item.type);
			await picker.getByLabel('Search questions').fill(markerOf(item).slice(0, 40));
			const box = picker.getByRole('checkbox', { name: markerOf(item) });
			await expect(box).toHaveCount(1);
			await box.check();
		}
		await expect(picker.getByRole('status')).toContainText(`${options.items.length} picked`);
	} else {
		await page.getByLabel('Number of questions', { exact: true }).fill('3');
	}
	if (options.shuffle) await page.getByLabel('Shuffled for each student (by their name)').check();
	await page.getByLabel('Time limit in minutes').fill(String(options.minutes ?? 30));
	await page.getByLabel('Pass mark (%)').fill('60');
	await page.getByLabel('Instructions').fill('Work alone. Answer every question.');
	await page.getByRole('button', { name: 'Save and get the link' }).click();
	await expect(page).toHaveURL(/\/teach\/[0-9a-z]{10}$/);
	await expect(page.getByRole('heading', { level: 1, name: options.title })).toBeVisible();
	const link = await page.getByLabel('Link for students').inputValue();
	expect(link).toMatch(/\/assignment#a=FD2\.a\./);
	return { link, id: new URL(page.url()).pathname.split('/').pop()! };
}

async function currentItem(page: Page, items: DeckItem[]): Promise<DeckItem> {
	const section = page.getByRole('region', { name: /^Question \d+ of \d+$/ });
	// The heading can show a moment before the question under it: read until one is there.
	let text = '';
	let item: DeckItem | undefined;
	await expect
		.poll(async () => {
			text = (await section.textContent()) ?? '';
			item = items.find((candidate) => text.includes(markerOf(candidate)));
			return item !== undefined;
		})
		.toBe(true)
		.catch(() => {
			throw new Error(`unknown question: ${text.slice(0, 120)}`);
		});
	return item!;
}

test.describe('teacher-assigned quizzes', () => {
	test("the teacher's pages start empty and the form names every problem", async ({ page }) => {
		const errors = watchConsole(page);
		await page.goto('/teach');
		await expect(page.getByText('No assignments yet.')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'New assignment' }).click();
		await expect(page.getByLabel('Deck')).toHaveValue('kosovo');
		await page.getByLabel('Number of questions', { exact: true }).fill('');
		await page.getByLabel('Pass mark (%)').fill('120');
		await page.getByRole('button', { name: 'Save and get the link' }).click();
		const summary = page.locator('#error-summary');
		await expect(summary).toBeFocused();
		await expect(summary).toContainText('Title: Give the assignment a title');
		await expect(summary).toContainText('Number of questions: Enter how many questions to ask.');
		await expect(summary).toContainText('Pass mark: The pass mark is a percentage from 0 to 100.');
		// Each message also sits by its field, which names it.
		await expect(page.getByLabel('Title')).toHaveAttribute('aria-describedby', 'f-title-error');
		await page.getByLabel('Pick the questions by hand').check();
		await expect(summary).toContainText('Picked questions: Pick at least one question');
		await expectNoAxeViolations(page);
		await page.getByLabel('Title').fill('Fixed');
		await expect(summary).not.toContainText('Title:');
		expect(errors).toEqual([]);
	});

	test('a teacher sets an assignment, a student takes it, the teacher grades it', async ({
		browser,
		request
	}) => {
		// Two devices, a dozen pages and their axe scans: longer than one page's test.
		test.setTimeout(240_000);
		const deck = (await (await request.get('/decks/kosovo.json')).json()) as { items: DeckItem[] };
		const chosen = pickItems(deck.items, ['mcq', 'truefalse', 'cloze', 'order', 'match']);

		const teacherContext = await newContext(browser);
		const teacher = await teacherContext.newPage();
		const teacherErrors = watchConsole(teacher);
		const { link, id } = await createAssignment(teacher, {
			title: 'Kosovo check',
			items: chosen,
			shuffle: true
		});
		await teacher.getByRole('button', { name: 'Copy link' }).click();
		await expect(teacher.getByText('Link copied.')).toBeVisible();
		expect(await clipboard(teacher)).toBe(link);
		await expect(teacher.getByRole('img', { name: /QR code of the link/ })).toBeVisible();

		// Student, on another device.
		const studentContext = await newContext(browser);
		const student = await studentContext.newPage();
		const studentErrors = watchConsole(student);
		await student.goto(link);
		await expect(student.getByRole('heading', { level: 1, name: 'Kosovo check' })).toBeVisible();
		await expect(student.getByText('Work alone. Answer every question.')).toBeVisible();
		await expect(student.getByText('30 minutes')).toBeVisible();
		await expectNoAxeViolations(student);
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student.getByText('Enter your name')).toBeVisible();
		await student.getByLabel('Your name').fill('Ana Student');
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student.getByRole('heading', { name: 'Question 1 of 5' })).toBeVisible();
		await expect(student.getByText(/Time left/)).toBeAttached();
		await expectNoAxeViolations(student);

		// Each item's score, as the answers below earn it.
		const expected = new Map<string, number>();
		const answered: { item: DeckItem; check: (q: Locator) => Promise<void> }[] = [];
		for (let i = 0; i < 5; i++) {
			if (i === 2) {
				// Midway: reload, continue, and find the first answers kept.
				await expect(student.getByText('2 of 5 answered')).toBeVisible();
				// The count shows at once; its write lands a moment later. Reload once it has.
				await expect
					.poll(async () => {
						const [attempt] = await readStore(student, 'attempts');
						return Object.keys((attempt?.answers as object | undefined) ?? {}).length;
					})
					.toBe(2);
				await student.reload();
				await student.getByRole('button', { name: 'Continue as Ana Student' }).click();
				await expect(student.getByText('2 of 5 answered')).toBeVisible();
				for (const [n, { check }] of answered.entries()) {
					await student.getByRole('button', { name: `Question ${n + 1}, answered` }).click();
					await check(student.getByRole('region', { name: /^Question \d+ of 5$/ }));
				}
				await student.getByRole('button', { name: 'Question 3, not answered' }).click();
			}
			const item = await currentItem(student, chosen);
			const q = student.getByRole('region', { name: /^Question \d+ of 5$/ });
			if (item.type === 'mcq') {
				await q.getByRole('radio', { name: item.answer as string, exact: true }).check();
				expected.set(item.id, 1);
				answered.push({
					item,
					check: (r) =>
						expect(r.getByRole('radio', { name: item.answer as string, exact: true })).toBeChecked()
				});
			} else if (item.type === 'truefalse') {
				const wrong = item.answer === 'True' ? 'False' : 'True';
				await q.getByRole('radio', { name: wrong, exact: true }).check();
				expected.set(item.id, 0);
				answered.push({
					item,
					check: (r) => expect(r.getByRole('radio', { name: wrong, exact: true })).toBeChecked()
				});
			} else if (item.type === 'cloze') {
				await q.getByLabel('Fill the blank').fill(item.answer as string);
				expected.set(item.id, 1);
				answered.push({
					item,
					check: (r) => expect(r.getByLabel('Fill the blank')).toHaveValue(item.answer as string)
				});
			} else if (item.type === 'order') {
				// Kept as first shown, with its button: partial credit for the events in place.
				await expect(q.getByText('Not answered yet.')).toBeVisible();
				await q.getByRole('button', { name: 'Keep this order as my answer' }).click();
				await expect(q.getByText('Answered: this order is saved.')).toBeVisible();
				const answer = item.answer as string[];
				const hits = item.options!.filter((event, k) => answer[k] === event).length;
				expected.set(item.id, hits / answer.length);
				answered.push({
					item,
					check: (r) => expect(r.getByRole('listitem').first()).toContainText(item.options![0])
				});
			} else {
				const pairs = item.answer as { term: string; meaning: string }[];
				await q.getByLabel(pairs[0].term, { exact: true }).selectOption(pairs[0].meaning);
				expected.set(item.id, 1 / pairs.length);
				answered.push({
					item,
					check: (r) =>
						expect(r.getByLabel(pairs[0].term, { exact: true })).toHaveValue(pairs[0].meaning)
				});
			}
			if (i < 4 && i !== 1) await student.getByRole('button', { name: 'Next' }).click();
			if (i === 1) await expect(student.getByText('2 of 5 answered')).toBeVisible();
		}
		await expect(student.getByText('5 of 5 answered')).toBeVisible();

		const points = [...expected.values()].reduce((a, b) => a + b, 0);
		const percent = Math.round(((points * 100) / 5) * 10) / 10;
		const correct = [...expected.values()].filter((score) => score === 1).length;

		await student.getByRole('button', { name: 'Submit answers…' }).click();
		await expect(
			student.getByText('You cannot change your answers after submitting.')
		).toBeVisible();
		await student.getByRole('button', { name: 'Submit now' }).click();
		await expect(student.getByRole('heading', { name: `Your score: ${percent}%` })).toBeVisible();
		await expect(student.getByText(`${correct} of 5 right.`)).toBeVisible();
		// Each answer in the feedback quotes its source sentence, linked into the reader.
		await expect(student.getByRole('link', { name: 'See in source' })).toHaveCount(5);
		await expect(student.getByRole('link', { name: 'See in source' }).first()).toHaveAttribute(
			'href',
			/^\/decks\/kosovo\/sources\/[\w-]+#f-/
		);
		await student.getByRole('button', { name: 'Copy result code' }).click();
		await expect(student.getByText('Result code copied.')).toBeVisible();
		const code = await clipboard(student);
		expect(code).toMatch(/^FD2\.r\./);
		expect(await student.getByLabel('Result code').inputValue()).toBe(code);
		await expectNoAxeViolations(student);

		// The download is a result file the gradebook reads.
		const [fileDownload] = await Promise.all([
			student.waitForEvent('download'),
			student.getByRole('button', { name: 'Download result file (.json)' }).click()
		]);
		expect(fileDownload.suggestedFilename()).toMatch(
			/^factdeck-result-ana-student-[0-9a-f]{8}\.json$/
		);
		const file = JSON.parse(await readFile((await fileDownload.path())!, 'utf8'));
		expect(file).toMatchObject({ format: 'factdeck-result', student: 'Ana Student', code });

		// Teacher: paste the code; the score is recomputed from the answers.
		await teacher.goto(`/teach/${id}`);
		await teacher.getByLabel('Paste result codes, links or whole messages').fill(code);
		await teacher.getByRole('button', { name: 'Add results' }).click();
		await expect(teacher.getByText("Ana Student's result was added.")).toBeVisible();
		const row = teacher.getByRole('row', { name: /Ana Student/ });
		await expect(row).toContainText(`${percent}%`);
		await expect(row).toContainText(`${correct} / 5`);
		await expect(row).toContainText(percent >= 60 ? 'Passed' : 'Not passed');
		const analysis = teacher.getByRole('region', { name: 'Item analysis, one row per question' });
		await expect(analysis.getByRole('row')).toHaveCount(6);
		const tfItem = chosen.find((item) => item.type === 'truefalse')!;
		const tfRow = analysis.getByRole('row', {
			name: new RegExp(
				visiblePart(tfItem)
					.slice(0, 30)
					.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			)
		});
		await expect(tfRow).toContainText('0%');
		await expect(tfRow).toContainText(tfItem.answer === 'True' ? 'False (1×)' : 'True (1×)');
		await expectNoAxeViolations(teacher);

		const [csvDownload] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('button', { name: 'Gradebook (CSV)' }).click()
		]);
		const csv = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\uFEFF/, '');
		const lines = csv.trim().split('\r\n');
		// The summary columns, then each question's answer and verdict (Q1 answer, Q1 verdict, …).
		expect(lines[0]).toBe(
			[
				'Student,Score (%),Correct,Total,Passed,Time taken (s),Submitted at (ISO)',
				...[1, 2, 3, 4, 5].map((n) => `Q${n} answer,Q${n} verdict`)
			].join(',')
		);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(
			new RegExp(
				`^Ana Student,${percent},${correct},5,${percent >= 60 ? 'yes' : 'no'},\\d+,\\d{4}-\\d\\d-\\d\\dT`
			)
		);

		const [gift] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('button', { name: 'Questions (GIFT)' }).click()
		]);
		expect(await readFile((await gift.path())!, 'utf8')).toContain('{');
		const [xml] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('button', { name: 'Questions (Moodle XML)' }).click()
		]);
		expect(await readFile((await xml.path())!, 'utf8')).toContain('<quiz>');

		// The list shows the assignment with its result.
		await teacher.goto('/teach');
		await expect(teacher.getByRole('link', { name: 'Kosovo check' })).toBeVisible();
		await expect(teacher.getByText('1 result collected')).toBeVisible();

		expect(teacherErrors).toEqual([]);
		expect(studentErrors).toEqual([]);
		await teacherContext.close();
		await studentContext.close();
	});

	test('the paper prints with its key apart; a broken link opens a clear error page', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const teacherContext = await newContext(browser);
		const teacher = await teacherContext.newPage();
		const { link } = await createAssignment(teacher, { title: 'Short one' });

		// The printable paper holds every question, and the key starts a new page.
		await teacher.getByRole('link', { name: 'Print paper and answer key' }).click();
		await expect(teacher.getByRole('heading', { level: 1, name: 'Short one' })).toBeVisible();
		await expect(teacher.locator('ol.questions > li')).toHaveCount(3);
		await expect(teacher.getByRole('heading', { name: 'Answer key' })).toBeVisible();
		expect(
			await teacher
				.locator('section.key')
				.evaluate((el) => getComputedStyle(el).getPropertyValue('break-before'))
		).toBe('page');
		await expectNoAxeViolations(teacher);

		const studentContext = await newContext(browser);
		const student = await studentContext.newPage();
		await student.goto(link.slice(0, Math.floor(link.length / 2)));
		await expect(
			student.getByRole('heading', { name: 'This assignment link does not work' })
		).toBeVisible();
		await expect(student.getByText(/incomplete/)).toBeVisible();
		await expect(student.getByText('Ask your teacher for the link again.')).toBeVisible();
		await expectNoAxeViolations(student);

		// An edited character and an unknown version are named too.
		const code = link.split('#a=')[1];
		const last = code.at(-1) === 'A' ? 'B' : 'A';
		await student.goto(`/assignment#a=${code.slice(0, -1)}${last}`);
		await expect(student.getByText(/damaged/)).toBeVisible();
		await student.goto(`/assignment#a=FD9${code.slice(3)}`);
		await expect(student.getByText(/newer version of Factdeck/)).toBeVisible();
		await student.goto('/assignment');
		await expect(student.getByText(/no assignment in it/)).toBeVisible();
		await teacherContext.close();
		await studentContext.close();
	});

	test('result links import once; corrupt codes and duplicates are reported and nothing is lost', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const teacherContext = await newContext(browser);
		const teacher = await teacherContext.newPage();
		const { link, id } = await createAssignment(teacher, { title: 'Quick check' });

		const studentContext = await newContext(browser);
		const student = await studentContext.newPage();
		await student.goto(link);
		await student.getByLabel('Your name').fill('Ben');
		await student.getByRole('button', { name: 'Start' }).click();
		await student.getByRole('button', { name: 'Submit answers…' }).click();
		await student.getByRole('button', { name: 'Submit now' }).click();
		const resultLink = await student.getByLabel(/^Result link/).inputValue();
		const code = await student.getByLabel('Result code').inputValue();
		const [fileDownload] = await Promise.all([
			student.waitForEvent('download'),
			student.getByRole('button', { name: 'Download result file (.json)' }).click()
		]);
		const filePath = (await fileDownload.path())!;

		// The result link opens the gradebook, imports the result and clears the fragment.
		expect(resultLink).toContain(`/teach/${id}#r=FD2.r.`);
		await teacher.goto(resultLink);
		await expect(teacher.getByText("Ben's result was added.")).toBeVisible();
		await expect(teacher).toHaveURL(new RegExp(`/teach/${id}$`));
		// Ben answered nothing, not even a chronology question he was shown: 0%.
		await expect(teacher.getByRole('row', { name: /Ben/ })).toContainText(/Ben\s*0%\s*0 \/ \d+/);

		// The same result as a file, and a damaged and a cut-off code in one paste.
		await teacher.locator('#result-files').setInputFiles(filePath);
		await expect(teacher.getByText("Ben's result was already collected.")).toBeVisible();
		const damaged = code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA');
		await teacher
			.getByLabel('Paste result codes, links or whole messages')
			.fill(`${damaged}\n\n${code.slice(0, 30)}`);
		await teacher.getByRole('button', { name: 'Add results' }).click();
		await expect(teacher.getByText(/Code 1: This code is damaged/)).toBeVisible();
		await expect(teacher.getByText(/Code 2: This code is incomplete/)).toBeVisible();
		await expect(teacher.getByText('2 could not be read.')).toBeVisible();
		await expect(teacher.getByRole('heading', { name: 'Results (1)' })).toBeVisible();
		await expect(teacher.getByRole('row', { name: /Ben/ })).toBeVisible();
		await expectNoAxeViolations(teacher);

		// A result for another assignment is named, and not added here.
		const other = await createAssignment(teacher, { title: 'Another check' });
		await teacher.getByLabel('Paste result codes, links or whole messages').fill(code);
		await teacher.getByRole('button', { name: 'Add results' }).click();
		await expect(
			teacher.getByText(/result is for another assignment, not “Another check”/)
		).toBeVisible();
		await expect(teacher.getByRole('heading', { name: 'Results (0)' })).toBeVisible();
		expect(other.id).not.toBe(id);

		// Nothing collected was lost on the first assignment.
		await teacher.goto(`/teach/${id}`);
		await expect(teacher.getByRole('heading', { name: 'Results (1)' })).toBeVisible();

		// A result can be removed, after a confirmation that "Keep" backs out of.
		await teacher.getByRole('button', { name: "Remove Ben's result…" }).click();
		await expect(
			teacher.getByRole('button', { name: "Remove Ben's result for good" })
		).toBeFocused();
		await teacher.keyboard.press('Tab');
		await teacher.keyboard.press('Enter');
		await expect(teacher.getByRole('button', { name: "Remove Ben's result…" })).toBeFocused();
		await expect(teacher.getByRole('heading', { name: 'Results (1)' })).toBeVisible();
		await teacher.keyboard.press('Enter');
		await teacher.keyboard.press('Enter');
		await expect(teacher.getByRole('heading', { name: 'Results (0)' })).toBeVisible();
		// Removed, it can be collected again from the student's code.
		await teacher.getByLabel('Paste result codes, links or whole messages').fill(code);
		await teacher.getByRole('button', { name: 'Add results' }).click();
		await expect(teacher.getByText("Ben's result was added.")).toBeVisible();
		await expect(teacher.getByRole('heading', { name: 'Results (1)' })).toBeVisible();

		// Deleting the assignment takes its results with it; the other assignment stays.
		await teacher.getByRole('button', { name: 'Delete assignment' }).click();
		await expect(
			teacher.getByText('Delete “Quick check” and its 1 collected result from this browser?')
		).toBeVisible();
		await expectNoAxeViolations(teacher);
		await teacher.getByRole('button', { name: 'Delete for good' }).click();
		await expect(teacher).toHaveURL(/\/teach$/);
		await expect(teacher.getByRole('link', { name: 'Another check' })).toBeVisible();
		await expect(teacher.getByRole('link', { name: 'Quick check' })).toHaveCount(0);
		expect(await countRows(teacher, 'results')).toBe(0);
		expect(await countRows(teacher, 'assignments')).toBe(1);
		await teacherContext.close();
		await studentContext.close();
	});

	test('when the time is up, the attempt is submitted with what was answered', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const teacherContext = await newContext(browser);
		const teacher = await teacherContext.newPage();
		const { link } = await createAssignment(teacher, { title: 'One minute', minutes: 1 });

		const studentContext = await newContext(browser);
		const student = await studentContext.newPage();
		await student.clock.install();
		await student.goto(link);
		await student.getByLabel('Your name').fill('Cy');
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student.getByText('1:00')).toBeVisible();
		await student.clock.runFor(31_000);
		await expect(student.getByText('0:29')).toBeVisible();
		await expect(student.getByRole('heading', { name: /Question 1 of 3/ })).toBeVisible();
		await student.clock.runFor(30_000);
		await expect(student.getByText(/Submitted, Cy\. Time taken: 1 min 00 s\./)).toBeVisible();
		await expect(student.getByRole('heading', { name: /^Your score:/ })).toBeVisible();
		await expect(student.getByLabel('Result code')).toHaveValue(/^FD2\.r\./);
		await teacherContext.close();
		await studentContext.close();
	});
});
