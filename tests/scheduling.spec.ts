import { expect, test, type Page } from './app-test';
import { expectNoAxeViolations, putRow, readStore, watchConsole } from './helpers';

const DAY = 86_400_000;

const card = (page: Page) => page.getByRole('article', { name: 'Study card' });

/** Answers the card on screen by keyboard and rates it Easy; returns the Easy button's label. */
async function answerEasy(page: Page): Promise<string> {
	await expect(card(page)).toBeVisible();
	const type = (await card(page).locator('.badge').first().innerText()).trim();
	const easy = () => page.getByRole('button', { name: /^Easy · / });
	if (type === 'Flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'Grade yourself' })).toBeVisible();
		const label = (await easy().getAttribute('aria-label')) ?? '';
		await page.keyboard.press('4');
		return label;
	}
	if (type === 'Multiple choice' || type === 'True or false') {
		await page.keyboard.press(type === 'Multiple choice' ? 'b' : 't');
		await expect(card(page).getByRole('radio', { checked: true })).toHaveCount(1);
		await page.keyboard.press('Enter');
	} else {
		await page.keyboard.type('no idea');
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('group', { name: 'Your rating' })).toBeVisible();
	const label = (await easy().getAttribute('aria-label')) ?? '';
	await page.keyboard.press('4');
	await expect(easy()).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Enter');
	return label;
}

async function openScheduling(page: Page): Promise<void> {
	await page.goto('/settings#scheduling');
	await expect(page.getByLabel('Maximum interval (days)')).toBeVisible();
}

test('a deck retention and a maximum interval set in Settings cap the next interval; rescheduling tells first, then moves', async ({
	page
}) => {
	// Settings, a study answer, then settings again: several page loads on a shared machine.
	test.slow();
	const errors = watchConsole(page);
	await openScheduling(page);
	// Every deck starts on the global retention.
	const kosovo = page.getByLabel('Peacekeeping in Kosovo since 1999');
	await expect(kosovo).toHaveValue('');
	await page.getByLabel('Maximum interval (days)').fill('0');
	await page.getByRole('button', { name: 'Save scheduling' }).click();
	await expect(page.getByText('⚠ The maximum interval must be a whole number')).toBeVisible();

	await page.getByLabel('Maximum interval (days)').fill('3');
	await kosovo.selectOption('0.95');
	await expect(page.getByLabel('Load balancing')).toBeChecked();
	await page.getByRole('button', { name: 'Save scheduling' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Scheduling saved' })).toBeVisible();
	await expectNoAxeViolations(page);

	// Kept after a reload, beside the study form's own fields.
	await page.reload();
	await expect(page.getByLabel('Maximum interval (days)')).toHaveValue('3');
	await expect(page.getByLabel('Peacekeeping in Kosovo since 1999')).toHaveValue('0.95');
	const [study] = (await readStore(page, 'settings')).filter((row) => row.key === 'study');
	expect(study.value).toMatchObject({
		maximumInterval: 3,
		loadBalance: true,
		desiredRetention: 0.9,
		deckRetention: [{ deckId: 'kosovo', desiredRetention: 0.95 }]
	});

	// A new fact answered Easy would wait a week or more; the maximum caps it at 3 days.
	await page.goto('/decks/kosovo/study');
	const label = await answerEasy(page);
	expect(label).toMatch(/· [1-3]d$/);
	await expect
		.poll(async () => (await readStore(page, 'memory')).filter((row) => row.state === 2).length)
		.toBe(1);
	const [answered] = (await readStore(page, 'memory')).filter((row) => row.state === 2);
	expect(answered.scheduledDays).toBeLessThanOrEqual(3);
	expect(Number(answered.dueAt) - Number(answered.lastReviewAt)).toBeLessThanOrEqual(4 * DAY);

	// A fact scheduled before the change, 200 days out.
	const now = Date.now();
	await putRow(page, 'memory', {
		key: 'kosovo/scheduled-before',
		deckId: 'kosovo',
		factId: 'scheduled-before',
		dueAt: now + 200 * DAY,
		stability: 150,
		difficulty: 5,
		scheduledDays: 200,
		learningSteps: 0,
		reps: 4,
		lapses: 0,
		state: 2,
		lastReviewAt: now - DAY,
		suspended: 0,
		leech: 0
	});

	await openScheduling(page);
	await page.getByRole('button', { name: 'Reschedule facts in review…' }).click();
	const plan = page.getByTestId('reschedule-plan');
	await expect(plan).toContainText(
		'moves the due dates of 1 fact of the 2 in review (1 sooner, 0 later)'
	);
	// Nothing moved yet; backing out keeps the date.
	await page.getByRole('button', { name: 'Keep their dates' }).click();
	await expect(page.getByRole('button', { name: 'Reschedule facts in review…' })).toBeFocused();
	let seeded = (await readStore(page, 'memory')).find(
		(row) => row.key === 'kosovo/scheduled-before'
	);
	expect(seeded?.scheduledDays).toBe(200);

	await page.getByRole('button', { name: 'Reschedule facts in review…' }).click();
	await page.getByRole('button', { name: 'Reschedule them' }).click();
	await expect(page.getByText('Rescheduled 1 fact: 1 sooner, 0 later.')).toBeVisible();
	seeded = (await readStore(page, 'memory')).find((row) => row.key === 'kosovo/scheduled-before');
	expect(seeded?.scheduledDays).toBe(3);
	expect(Number(seeded?.dueAt)).toBeLessThan(now + 3 * DAY);
	expect(errors).toEqual([]);
});
