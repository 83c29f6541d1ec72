import { expect, test, type Locator, type Page } from './app-test';
import { readFileSync } from 'node:fs';
import { putRow } from './helpers';

// A phone: 360×740 CSS pixels, touch input. Every check here is geometry, never timing.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const STUDY = '/decks/kosovo/study';
const card = (page: Page) => page.getByRole('article', { name: 'Study card' });

/** Fails unless the control is wholly inside the viewport and nothing covers its centre. */
async function expectInThumbReach(page: Page, control: Locator, what: string): Promise<void> {
	await expect(control, what).toBeVisible();
	const box = await control.boundingBox();
	expect(box, what).not.toBeNull();
	const { width, height } = page.viewportSize()!;
	expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
	expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(height);
	expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(width);
	// A touch target of at least 44×44 CSS px (WCAG 2.5.5), and on top at its centre.
	expect(box!.height, `${what}: height`).toBeGreaterThanOrEqual(44);
	const onTop = await control.evaluate((el) => {
		const r = el.getBoundingClientRect();
		const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return hit !== null && (hit === el || el.contains(hit));
	});
	expect(onTop, `${what}: not covered`).toBe(true);
}

/** All four grades at once: in the viewport, 44 px tall, each on top at its centre. */
async function expectGradesInReach(page: Page, grades: Locator, what: string): Promise<void> {
	const height = page.viewportSize()!.height;
	const boxes = await grades.evaluateAll((buttons) =>
		buttons.map((el) => {
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
			return { top: r.top, bottom: r.bottom, height: r.height, onTop: !!hit && el.contains(hit) };
		})
	);
	for (const [i, box] of boxes.entries()) {
		const label = `${what}: grade ${i + 1}`;
		expect(box.top, label).toBeGreaterThanOrEqual(0);
		expect(box.bottom, label).toBeLessThanOrEqual(height);
		expect(box.height, label).toBeGreaterThanOrEqual(44);
		expect(box.onTop, `${label} not covered`).toBe(true);
	}
}

/** The card's question text is not hidden under the bar of controls. */
async function expectPromptUncovered(page: Page): Promise<void> {
	const prompt = card(page).locator('.prompt, .sentence').first();
	const uncovered = await prompt.evaluate((el) => {
		const r = el.getBoundingClientRect();
		const hit = document.elementFromPoint(r.x + 4, r.y + Math.min(r.height, 20) / 2);
		return hit !== null && (hit === el || el.contains(hit));
	});
	expect(uncovered, 'the question is not covered by the controls').toBe(true);
}

async function openStudyWithNew(page: Page, newPerDay: number): Promise<void> {
	await page.goto(STUDY);
	await expect(card(page)).toBeVisible();
	await putRow(page, 'settings', {
		key: 'study',
		value: { newPerDay, reviewsPerDay: 200, desiredRetention: 0.9, dayStartHour: 4 }
	});
	await page.reload();
	await expect(card(page)).toBeVisible();
}

const DAY = 86_400_000;

/** Makes the first `count` Kosovo facts well known and due now: they come back as recall cards. */
async function seedMatureFacts(page: Page, count: number): Promise<void> {
	const facts = JSON.parse(readFileSync('questions/kosovo/facts.json', 'utf8')) as { id: string }[];
	const now = Date.now();
	for (const { id } of facts.slice(0, count)) {
		await putRow(page, 'memory', {
			key: `kosovo/${id}`,
			deckId: 'kosovo',
			factId: id,
			dueAt: now - DAY,
			stability: 60,
			difficulty: 5,
			scheduledDays: 60,
			learningSteps: 0,
			reps: 4,
			lapses: 0,
			state: 2,
			lastReviewAt: now - 61 * DAY,
			suspended: 0,
			leech: 0
		});
	}
}

test.describe('studying on a phone', () => {
	test('for 10 cards of each kind, the control needed next is in thumb reach', async ({ page }) => {
		test.setTimeout(600_000);
		await openStudyWithNew(page, 200);
		// Well-known facts come back as recall cards (typed blanks, flashcards); new ones as
		// recognition cards (multiple choice, true or false): every kind appears.
		await seedMatureFacts(page, 40);
		await page.reload();
		await expect(card(page)).toBeVisible();
		const seen: Record<string, number> = {};
		const needed = ['Flashcard', 'Multiple choice', 'True or false', 'Fill the blank'];
		const enough = () => needed.every((kind) => (seen[kind] ?? 0) >= 10);
		for (let answered = 0; answered < 120 && !enough(); answered++) {
			await expect(page.getByRole('group', { name: /^(Grade yourself|Your rating)$/ })).toHaveCount(
				0
			);
			const kind = (await card(page).locator('.badge').first().innerText()).trim();
			seen[kind] = (seen[kind] ?? 0) + 1;
			await expectPromptUncovered(page);
			if (kind === 'Flashcard') {
				const show = page.getByRole('button', { name: /^Show answer/ });
				await expectInThumbReach(page, show, `${kind} #${seen[kind]}: Show answer`);
				await show.tap();
				const grades = page.getByRole('group', { name: 'Grade yourself' }).getByRole('button');
				await expect(grades).toHaveCount(4);
				await expectGradesInReach(page, grades, `${kind} #${seen[kind]}`);
				await grades.nth(2).tap();
				continue;
			}
			if (kind === 'Fill the blank') {
				await card(page).getByRole('textbox').fill('no idea');
			} else {
				await card(page).getByRole('radio').first().tap();
			}
			const check = page.getByRole('button', { name: /^Check/ });
			await expectInThumbReach(page, check, `${kind} #${seen[kind]}: Check`);
			await check.tap();
			const grades = page.getByRole('group', { name: 'Your rating' }).getByRole('button');
			await expect(grades).toHaveCount(4);
			await expectGradesInReach(page, grades, `${kind} #${seen[kind]}`);
			// Good, so the queue moves on to new facts rather than waiting on relearning ones.
			await grades.nth(2).tap();
			const go = page.getByRole('button', { name: /^Continue/ });
			await expectInThumbReach(page, go, `${kind} #${seen[kind]}: Continue`);
			await go.tap();
		}
		for (const kind of needed)
			expect(seen[kind] ?? 0, `${kind} cards seen`).toBeGreaterThanOrEqual(10);
	});

	test('the source sentence starts folded, and the choice to open it is remembered', async ({
		page
	}) => {
		await openStudyWithNew(page, 50);
		const toggle = page.getByRole('button', { name: /source sentence/ });
		const answer = async () => {
			await expect(page.getByRole('group', { name: /^(Grade yourself|Your rating)$/ })).toHaveCount(
				0
			);
			const kind = (await card(page).locator('.badge').first().innerText()).trim();
			if (kind === 'Flashcard') return page.getByRole('button', { name: /^Show answer/ }).tap();
			if (kind === 'Fill the blank') await card(page).getByRole('textbox').fill('no idea');
			else await card(page).getByRole('radio').first().tap();
			await page.getByRole('button', { name: /^Check/ }).tap();
		};
		const goOn = async () => {
			const rating = page.getByRole('group', { name: 'Your rating' });
			if (await rating.count()) await page.getByRole('button', { name: /^Continue/ }).tap();
			else
				await page.getByRole('group', { name: 'Grade yourself' }).getByRole('button').nth(2).tap();
		};
		await answer();
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await toggle.tap();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await goOn();
		await answer();
		await expect(toggle, 'the next card keeps it open').toHaveAttribute('aria-expanded', 'true');
		await toggle.tap();
		await goOn();
		await page.reload();
		await expect(card(page)).toBeVisible();
		await answer();
		await expect(toggle, 'folded again, after a reload too').toHaveAttribute(
			'aria-expanded',
			'false'
		);
	});
});

test.describe('no page scrolls sideways at 360 px', () => {
	const title = 'Unbroken'.repeat(25); // 200 characters without a space
	const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosisextraordinarily'; // 60
	const url = `https://example.org/${'a-very-long-path-segment/'.repeat(8)}index.html?q=${'x'.repeat(60)}`;
	const text = [
		`The ${longWord} commission was founded in 1999 by the United Nations in Pristina.`,
		`Its report is published at ${url} for anyone to read.`,
		'The mission was led by Bernard Kouchner, who arrived in Kosovo in July 1999.',
		'In 2008 the European Union Rule of Law Mission in Kosovo took over from UNMIK in justice.',
		'About 50,000 KFOR troops from 39 countries were deployed in Kosovo in June 1999.'
	].join(' ');

	test('with a 200-character title, a long URL and a 60-character word', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/decks/new');
		await page.getByLabel(/^Deck title/).fill(title);
		await page.getByLabel('Or paste your text').fill(text);
		await page.getByRole('button', { name: 'Make questions' }).tap();
		await page.getByRole('button', { name: 'Save the deck' }).tap();
		await expect(page).toHaveURL(/\/my-decks\//);
		const deckId = page.url().split('/').pop()!;
		const routes = [
			'/',
			'/decks/new',
			'/study',
			'/progress',
			'/settings',
			'/teach',
			'/teach/new',
			'/decks/kosovo',
			'/decks/kosovo/study',
			'/decks/kosovo/quiz',
			'/decks/kosovo/items',
			`/my-decks/${deckId}`,
			`/my-decks/${deckId}/source`,
			`/decks/${deckId}/study`,
			`/decks/${deckId}/quiz`
		];
		for (const route of routes) {
			await page.goto(route);
			await page.waitForLoadState('networkidle');
			const widths = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				viewport: document.documentElement.clientWidth
			}));
			expect(widths.scroll, `${route} scrolls sideways`).toBe(widths.viewport);
		}
	});
});
