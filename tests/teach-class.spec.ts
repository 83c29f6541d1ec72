import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from './app-test';
import { expectNoAxeViolations, watchConsole } from './helpers';
import { parseCsv } from './fixtures/csv-reader';

/*
 * A teacher and three students, each in their own browser context (their own device): one
 * pastes an e-mail with the code inside, one sends the result link, one the result file. The
 * teacher accepts a typed answer for everyone who gave it; scores, item analysis and the CSV
 * follow, and go back after undo.
 */

interface DeckItem {
	id: string;
	type: string;
	prompt: string;
	answer: unknown;
	options?: string[];
}

const SHOTS = process.env.FACTDECK_SHOTS;

function visiblePart(item: DeckItem): string {
	return item.prompt
		.split('_____')
		.reduce((a, b) => (b.length > a.length ? b : a), '')
		.trim()
		.slice(0, 50);
}

/** The first item of a type whose visible text no other item of that type shows anywhere. */
function pick(items: DeckItem[], type: string): DeckItem {
	const text = (item: DeckItem) =>
		JSON.stringify([item.prompt, item.answer, item.options ?? []]).toLowerCase();
	const ofType = items.filter((item) => item.type === type);
	const found = ofType.find(
		(item) =>
			visiblePart(item).length > 8 &&
			ofType.filter((other) => text(other).includes(visiblePart(item).toLowerCase())).length === 1
	);
	if (!found) throw new Error(`no ${type} item`);
	return found;
}

async function newPage(browser: Browser, width = 1280, height = 800): Promise<Page> {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		permissions: ['clipboard-read', 'clipboard-write'],
		viewport: { width, height }
	});
	return context.newPage();
}

async function shoot(page: Page, name: string): Promise<void> {
	if (!SHOTS) return;
	for (const [width, height] of [
		[360, 740],
		[1280, 800]
	]) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 800 });
}

const WRONG = 'the Pristina liaison office';

test('a class of three: e-mail, link and file; accept for everyone changes scores, analysis and CSV, and undo takes it back', async ({
	browser,
	request
}) => {
	test.setTimeout(300_000);
	const deck = (await (await request.get('/decks/kosovo.json')).json()) as {
		version: number;
		items: DeckItem[];
	};
	// The current version's items are also served under their version, for links made from it.
	const released = await request.get(`/decks/kosovo/versions/${deck.version}.json`);
	expect(released.ok()).toBe(true);
	expect(((await released.json()) as { items: DeckItem[] }).items.length).toBe(deck.items.length);
	const cloze = pick(deck.items, 'cloze');
	const mcq = pick(deck.items, 'mcq');
	const chosen = [cloze, mcq];

	// Teacher: a hand-picked assignment. Flashcards are off by default.
	const teacher = await newPage(browser);
	const teacherErrors = watchConsole(teacher);
	await teacher.goto('/teach/new');
	await teacher.getByLabel('Title').fill('Week 3 check');
	await expect(teacher.getByLabel('Deck')).toHaveValue('kosovo');
	await expect(
		teacher.getByRole('checkbox', { name: /^Flashcard \(self-marked/ })
	).not.toBeChecked();
	await expect(teacher.getByLabel('Title')).toHaveAttribute('maxlength', '200');
	await teacher.getByLabel('Pick the questions by hand').check();
	const picker = teacher.getByRole('group', { name: 'Pick the questions' });
	for (const item of chosen) {
		await picker.getByLabel('Type', { exact: true }).selectOption(item.type);
		await picker.getByLabel('Search questions').fill(visiblePart(item).slice(0, 40));
		await picker.getByRole('checkbox', { name: visiblePart(item) }).check();
	}
	await teacher.getByRole('button', { name: 'Save and get the link' }).click();
	await expect(teacher).toHaveURL(/\/teach\/[0-9a-z]{10}$/);
	const id = new URL(teacher.url()).pathname.split('/').pop()!;
	const link = await teacher.getByLabel('Link for students').inputValue();
	expect(link.length).toBeLessThan(300);
	await expect(teacher.getByRole('img', { name: /QR code of the link/ })).toBeVisible();
	await shoot(teacher, 'share-panel');

	/** One student takes it: the typed answer given, the choice right. */
	async function takeAs(name: string, typed: string): Promise<Page> {
		const student = await newPage(browser, 360, 740);
		const errors = watchConsole(student);
		await student.goto(link);
		await expect(student.getByRole('heading', { level: 1, name: 'Week 3 check' })).toBeVisible();
		// The student's page has no teacher's navigation.
		await expect(student.getByRole('link', { name: 'Teach' })).toHaveCount(0);
		await student.getByLabel('Your name').fill(name);
		await student.getByRole('button', { name: 'Start' }).click();
		// Each new question puts focus on its answer, as in study and quiz.
		await expect(student.getByLabel('Fill the blank')).toBeFocused();
		await student.getByLabel('Fill the blank').fill(typed);
		await student.getByRole('button', { name: 'Next' }).click();
		await expect(student.getByRole('radio').first()).toBeFocused();
		await student.getByRole('radio', { name: mcq.answer as string, exact: true }).check();
		await student.getByRole('button', { name: 'Submit answers…' }).click();
		const submit = student.getByRole('button', { name: 'Submit now' });
		await expect(submit).toBeFocused();
		await expect(submit).toBeInViewport();
		if (name === 'Besnik') {
			await expectNoAxeViolations(student);
			await shoot(student, 'student-page');
		}
		await submit.click();
		await expect(student.getByLabel('Result code')).toHaveValue(/^FD2\.r\./);
		expect((await student.getByLabel('Result code').inputValue()).length).toBeLessThanOrEqual(120);
		expect(errors).toEqual([]);
		return student;
	}

	const besnik = await takeAs('Besnik', WRONG);
	// The same answer as Besnik's, as the gradebook groups answers: case, "the" and a full stop.
	const ana = await takeAs('Ana', 'Pristina Liaison Office.');
	const drita = await takeAs('Drita', 'no idea');

	// Besnik e-mails his code with words around it.
	const code = await besnik.getByLabel('Result code').inputValue();
	await teacher
		.getByLabel('Paste result codes, links or whole messages')
		.fill(`Hi Miss,\n\nhere is my code: ${code} Thanks,\nBesnik`);
	await teacher.getByRole('button', { name: 'Add results' }).click();
	await expect(teacher.getByText("Besnik's result was added.")).toBeVisible();

	// Ana sends the result link; it opens the gradebook and adds itself.
	const resultLink = await ana.getByLabel(/^Result link/).inputValue();
	expect(resultLink).toContain(`/teach/${id}#r=FD2.r.`);
	await teacher.goto(resultLink);
	await expect(teacher.getByText("Ana's result was added.")).toBeVisible();

	// Drita sends the file.
	const [download] = await Promise.all([
		drita.waitForEvent('download'),
		drita.getByRole('button', { name: 'Download result file (.json)' }).click()
	]);
	await teacher.locator('#result-files').setInputFiles((await download.path())!);
	await expect(teacher.getByText("Drita's result was added.")).toBeVisible();

	const score = (name: string) => teacher.getByRole('row', { name: new RegExp(`^${name}\\b`) });
	const analysisRow = teacher
		.getByRole('region', { name: 'Item analysis, one row per question' })
		.getByRole('row', { name: new RegExp(visiblePart(cloze).slice(0, 30)) });
	async function csv(): Promise<string> {
		const [file] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('button', { name: 'Gradebook (CSV)' }).click()
		]);
		return readFile((await file.path())!, 'utf8');
	}
	/** The CSV read back: one record per student, keyed by the header's column names. */
	function rows(text: string): Map<string, Record<string, string>> {
		expect(text.startsWith('\uFEFF')).toBe(true);
		const [header, ...records] = parseCsv(text.slice(1));
		return new Map(
			records.map((record) => [
				record[0],
				Object.fromEntries(header.map((name, i) => [name, record[i]]))
			])
		);
	}

	await expect(score('Besnik')).toContainText(/50%\s*1 \/ 2/);
	await expect(score('Ana')).toContainText(/50%\s*1 \/ 2/);
	await expect(score('Drita')).toContainText(/50%\s*1 \/ 2/);
	await expect(analysisRow).toContainText(`${WRONG} (2×)`);
	await expect(analysisRow).not.toContainText('67%');
	const before = await csv();
	const table = rows(before);
	expect([...table.keys()].sort()).toEqual(['Ana', 'Besnik', 'Drita']);
	// The typed question's columns, found by Besnik's answer in them: Q<n> answer, Q<n> verdict.
	const answerColumn = Object.keys(table.get('Besnik')!).find(
		(name) => table.get('Besnik')![name] === WRONG
	)!;
	expect(answerColumn).toMatch(/^Q\d+ answer$/);
	const verdictColumn = answerColumn.replace('answer', 'verdict');
	const mcqColumn = answerColumn === 'Q1 answer' ? 'Q2' : 'Q1';
	for (const [name, typed] of [
		['Besnik', WRONG],
		['Ana', 'Pristina Liaison Office.'],
		['Drita', 'no idea']
	]) {
		const row = table.get(name)!;
		expect(row['Score (%)']).toBe('50');
		expect(row[answerColumn]).toBe(typed);
		expect(row[verdictColumn]).toBe('wrong');
		expect(row[`${mcqColumn} answer`]).toBe(mcq.answer);
		expect(row[`${mcqColumn} verdict`]).toBe('right');
	}

	// The per-student view: Besnik's answer beside the key; accept it for everyone who gave it.
	await score('Besnik').getByRole('button', { name: 'Besnik', exact: true }).click();
	const view = teacher.getByRole('region', { name: "Besnik's answers" });
	await expect(view).toContainText(WRONG);
	await view.getByRole('button', { name: 'Accept for everyone who gave it (2)' }).click();
	await expect(view.getByText('Accepted by you for everyone')).toBeVisible();
	await expect(score('Besnik')).toContainText(/100%\s*2 \/ 2/);
	await expect(score('Ana')).toContainText(/100%\s*2 \/ 2/);
	await expect(score('Drita')).toContainText(/50%\s*1 \/ 2/);
	await expect(analysisRow).toContainText('67%');
	await expect(analysisRow).toContainText('no idea (1×)');
	const after = rows(await csv());
	for (const [name, percent, verdict] of [
		['Besnik', '100', 'right, accepted by the teacher for everyone'],
		['Ana', '100', 'right, accepted by the teacher for everyone'],
		['Drita', '50', 'wrong']
	]) {
		expect(after.get(name)!['Score (%)']).toBe(percent);
		expect(after.get(name)![verdictColumn]).toBe(verdict);
	}
	await expectNoAxeViolations(teacher);
	await shoot(teacher, 'student-view');

	// Undo takes the acceptance back for everyone: scores, analysis and CSV as they were.
	await view.getByRole('button', { name: 'Undo' }).click();
	await expect(score('Besnik')).toContainText(/50%\s*1 \/ 2/);
	await expect(score('Ana')).toContainText(/50%\s*1 \/ 2/);
	await expect(analysisRow).toContainText(`${WRONG} (2×)`);
	const undone = await csv();
	expect(undone).toBe(before);
	expect(rows(undone).get('Ana')![verdictColumn]).toBe('wrong');

	// Accepted again, it is kept with the assignment across a reload, and can still be taken back.
	await view.getByRole('button', { name: 'Accept for everyone who gave it (2)' }).click();
	await expect(score('Ana')).toContainText(/100%/);
	await teacher.reload();
	await expect(score('Ana')).toContainText(/100%/);
	await score('Ana').getByRole('button', { name: 'Ana', exact: true }).click();
	const anaView = teacher.getByRole('region', { name: "Ana's answers" });
	await anaView.getByRole('button', { name: "Back to the key's mark" }).click();
	await expect(score('Ana')).toContainText(/50%/);
	await expect(score('Besnik')).toContainText(/50%/);
	expect(teacherErrors).toEqual([]);
});
