import { expect, test, type Page } from './app-test';
import type { MemorySnapshot } from '../src/lib/domain/types';
import { expectNoAxeViolations, watchConsole } from './helpers';

// A Thursday noon in UTC; study days begin at 04:00 (the default setting).
const NOW = Date.parse('2026-03-12T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const READER = '/decks/kosovo/sources/preventing-a-conflict-relapse-in-kosovo';

test.use({ timezoneId: 'UTC', locale: 'en-US' });

type Snapshot = MemorySnapshot;

function snapshot(state: Snapshot['state'], stability: number, dueAt: number): Snapshot {
	return {
		dueAt,
		stability,
		difficulty: 5.5,
		scheduledDays: Math.round(stability),
		learningSteps: 0,
		reps: 3,
		lapses: 0,
		state,
		lastReviewAt: NOW - DAY
	};
}

function memory(factId: string, state: Snapshot['state'], stability: number, dueAt: number) {
	return {
		...snapshot(state, stability, dueAt),
		key: `kosovo/${factId}`,
		deckId: 'kosovo',
		factId,
		suspended: 0 as 0 | 1,
		leech: 0 as 0 | 1
	};
}

function review(
	factId: string,
	reviewedAt: number,
	beforeState: Snapshot['state'] | null,
	rating: 1 | 2 | 3 | 4,
	durationMs: number
) {
	return {
		deckId: 'kosovo',
		factId,
		itemId: `${factId}-flashcard`,
		rating,
		reviewedAt,
		elapsedDays: beforeState === null ? 0 : 1,
		durationMs,
		before: beforeState === null ? null : snapshot(beforeState, 5, reviewedAt),
		after: snapshot(2, 6, reviewedAt + 6 * DAY),
		origin: 'study'
	};
}

/** Opens a page that creates the app's database, and waits until it has. */
async function openWithDatabase(page: Page, path: string): Promise<void> {
	await page.clock.setFixedTime(NOW);
	await page.goto(path);
	await page.waitForFunction(async () =>
		(await indexedDB.databases()).some((db) => db.name === 'factdeck')
	);
}

/** Writes rows straight into the app's IndexedDB stores, as the app would have. */
async function seed(page: Page, rows: Record<string, unknown[]>): Promise<void> {
	await page.evaluate(async (rows) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(Object.keys(rows), 'readwrite');
			for (const [store, list] of Object.entries(rows)) {
				for (const row of list) tx.objectStore(store).put(row);
			}
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, rows);
}

/** Four facts of the reader's document, each the only fact of its sentence. */
async function singleFactSentences(page: Page): Promise<string[]> {
	await page.goto(READER);
	return page.evaluate(() =>
		[...document.querySelectorAll('.sentence')]
			.map((s) => s.querySelectorAll(':scope > .anchor'))
			.filter((anchors) => anchors.length === 1)
			.slice(0, 4)
			.map((anchors) => anchors[0].id.slice(2))
	);
}

function section(page: Page, title: string | RegExp) {
	return page.getByRole('region', { name: title });
}

async function showTable(page: Page, title: string | RegExp) {
	const card = section(page, title);
	await card.getByRole('button', { name: /Show as table/ }).click();
	return card.getByRole('table');
}

test.describe('progress', () => {
	test('with no study yet, each chart says what it will show', async ({ page }) => {
		const errors = watchConsole(page);
		await page.clock.setFixedTime(NOW);
		await page.goto('/progress');
		await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
		await expect(page.getByText('each day you study lights up here')).toBeVisible();
		await expect(page.getByText('how many reviews fall due each day')).toBeVisible();
		await expect(page.getByText('the share you remembered each week')).toBeVisible();
		await expect(page.getByText('Take a quiz and its score appears here')).toBeVisible();
		await expect(page.getByText('All 127 facts are new.')).toBeVisible();
		const today = section(page, /^Today/);
		await expect(today.getByRole('definition').first()).toHaveText('0');
		await expectNoAxeViolations(page);
		expect(errors).toEqual([]);
	});

	test('shows the seeded history in every chart and tints the source', async ({ page }) => {
		test.setTimeout(150_000);
		const errors = watchConsole(page);
		const [known, learning, young, overdue] = await singleFactSentences(page);
		await openWithDatabase(page, '/progress');
		const deck = await (await page.request.get('/decks/kosovo.json')).json();
		const suspended = deck.facts.find(
			(f: { id: string }) => ![known, learning, young, overdue].includes(f.id)
		).id;
		await seed(page, {
			memory: [
				memory(known, 2, 30, NOW + 5 * DAY), // mature; mastery known
				memory(learning, 1, 0.5, NOW + 10 * 60_000), // learning, due today
				memory(young, 2, 10, NOW + 2 * DAY), // young; mastery known
				memory(overdue, 2, 3, NOW - 3 * DAY), // young, overdue; mastery learning
				{ ...memory(suspended, 2, 40, NOW + DAY), suspended: 1 }
			],
			reviews: [
				// today (study day 03-12): 3 reviews, 1 new, 20 s; review answers 1 of 2 passed
				review(learning, NOW - HOUR, null, 3, 5000),
				review(young, NOW - 2 * HOUR, 2, 3, 7000),
				review(overdue, NOW - HOUR / 2, 2, 1, 8000),
				// 03-11 (the 03:00 one still counts for 03-11) and 03-10
				review(known, NOW - DAY, 2, 4, 3000),
				review(suspended, NOW - 9 * HOUR, null, 3, 3000), // 03-12 03:00
				review(known, NOW - 2 * DAY, 2, 3, 3000),
				// 20 days ago (Fri 02-20): 5 review answers, 4 remembered; day 03-09 breaks the streak
				...[4, 3, 3, 2, 1].map((rating, i) =>
					review(known, NOW - 20 * DAY + i * 60_000, 2, rating as 1 | 2 | 3 | 4, 2000)
				)
			],
			attempts: [
				{
					id: 'a1',
					deckId: 'kosovo',
					kind: 'self',
					itemIds: ['x', 'y'],
					answers: {},
					config: {},
					startedAt: NOW - 7 * DAY,
					submittedAt: NOW - 7 * DAY + 60_000,
					score: 0.5,
					durationMs: 60_000
				},
				{
					id: 'a2',
					deckId: 'kosovo',
					kind: 'self',
					itemIds: ['x', 'y', 'z', 'w'],
					answers: {},
					config: {},
					startedAt: NOW - DAY,
					submittedAt: NOW - DAY + 60_000,
					score: 1,
					durationMs: 60_000
				},
				{
					id: 'a3',
					deckId: 'kosovo',
					kind: 'self',
					itemIds: ['x'],
					answers: {},
					config: {},
					startedAt: NOW - HOUR,
					submittedAt: null,
					score: null,
					durationMs: null
				}
			]
		});
		await page.reload();

		const today = section(page, /^Today/);
		const figure = (name: string) =>
			today.getByRole('term').filter({ hasText: name }).locator('xpath=following-sibling::dd');
		await expect(figure('Reviews')).toHaveText('3');
		await expect(figure('New facts learned')).toHaveText('1');
		await expect(figure('Time spent')).toHaveText('20 s');
		await expect(figure('Streak')).toHaveText('3 days');

		await expect(
			page.getByRole('img', { name: /over the past year: 11 reviews on 4 days/ })
		).toBeVisible();
		const days = await showTable(page, 'Reviews over the past year');
		await expect(days.getByRole('row')).toHaveCount(5);
		await expect(days.getByRole('row', { name: 'Thu, Mar 12, 2026' }).getByRole('cell')).toHaveText(
			'3'
		);
		await expect(days.getByRole('row', { name: 'Fri, Feb 20, 2026' }).getByRole('cell')).toHaveText(
			'5'
		);

		await expect(
			page.getByRole('img', { name: /4 reviews in all, 2 today \(1 of them overdue\)/ })
		).toBeVisible();
		const due = await showTable(page, 'Reviews due in the next 30 days');
		await expect(due.getByRole('row', { name: 'Today' }).getByRole('cell')).toHaveText('2');
		await expect(due.getByRole('row', { name: 'Sat, Mar 14, 2026' }).getByRole('cell')).toHaveText(
			'1'
		);
		await expect(due.getByRole('row', { name: 'Tue, Mar 17, 2026' }).getByRole('cell')).toHaveText(
			'1'
		);

		// Week of Mon 03-09: 4 review answers (today 2, 03-11, 03-10), 3 remembered.
		const weeks = await showTable(page, 'True retention by week');
		await expect(
			weeks.getByRole('row', { name: /Week of Mar 9, 2026/ }).getByRole('cell')
		).toHaveText(['3', '4', '75%']);
		await expect(
			weeks.getByRole('row', { name: /Week of Feb 16, 2026/ }).getByRole('cell')
		).toHaveText(['4', '5', '80%']);
		const months = await showTable(page, 'True retention by month');
		await expect(months.getByRole('row', { name: 'Mar 2026' }).getByRole('cell')).toHaveText([
			'3',
			'4',
			'75%'
		]);
		await expect(months.getByRole('row', { name: 'Feb 2026' }).getByRole('cell')).toHaveText([
			'4',
			'5',
			'80%'
		]);

		const states = await showTable(page, /Facts by state/);
		const count = (state: string) =>
			states.getByRole('row', { name: state }).getByRole('cell').nth(1);
		await expect(count('New')).toHaveText('122');
		await expect(count('Learning')).toHaveText('1');
		await expect(count('Young')).toHaveText('2');
		await expect(count('Mature')).toHaveText('1');
		await expect(count('Suspended')).toHaveText('1');
		await expect(count('Leech')).toHaveText('0');

		await expect(
			page.getByRole('img', { name: /2 quizzes, mean 75%, best 100%, latest 100%/ })
		).toBeVisible();

		// Mastery by topic: three facts known (stability of 7 days or more in review, the
		// suspended one included: suspending a fact does not make it forgotten).
		const topics = section(page, /Mastery by topic/);
		await expect(topics.getByText(/of \d+ known/).first()).toBeVisible();
		const tallies = await topics.getByText(/^\d+ of \d+ known$/).allTextContents();
		const sum = (i: number) => tallies.reduce((total, t) => total + Number(t.split(' ')[i]), 0);
		expect(sum(0)).toBe(3);
		expect(sum(2)).toBe(127);

		await expectNoAxeViolations(page);

		// The reader: known and learning sentences tinted, a summary, and a way to study them.
		await page.goto(READER);
		const sentenceOf = (factId: string) => page.locator(`.sentence:has(> #f-${factId})`);
		await expect(sentenceOf(known)).toHaveClass(/m-known/);
		await expect(sentenceOf(young)).toHaveClass(/m-known/);
		await expect(sentenceOf(learning)).toHaveClass(/m-learning/);
		await expect(sentenceOf(overdue)).toHaveClass(/m-learning/);
		const cited = await page.locator('.sentence.cited').count();
		await expect(page.getByText(/^Of \d+ cited sentences/)).toHaveText(
			`Of ${cited} cited sentences: 2 known, 2 learning, ${cited - 4} unseen.`
		);
		await expect(page.locator('.sentence.m-unseen')).toHaveCount(cited - 4);
		const study = sentenceOf(learning).getByRole('link', { name: /Learning: study the fact/ });
		await expect(study).toHaveAttribute('href', `/decks/kosovo/study?facts=${learning}`);
		await study.focus();
		await expect(study).toBeFocused();
		await expectNoAxeViolations(page);

		// "See in source" still lands on and highlights the sentence, tint or not.
		await page.goto(`${READER}#f-${known}`);
		await expect(page.locator('.sentence:has(> .anchor:target)')).toHaveCount(1);
		await expect(page.locator('.sentence:has(> .anchor:target)')).toHaveClass(/m-known/);
		expect(errors).toEqual([]);
	});

	test('the reader with nothing studied shows every cited sentence unseen', async ({ page }) => {
		await page.goto(READER);
		const cited = await page.locator('.sentence.cited').count();
		expect(cited).toBeGreaterThan(10);
		await expect(page.getByText(/^Of \d+ cited sentences/)).toHaveText(
			`Of ${cited} cited sentences: 0 known, 0 learning, ${cited} unseen.`
		);
		await expectNoAxeViolations(page);
	});

	test('counts 50,000 reviews and stays usable', async ({ page }) => {
		test.setTimeout(180_000);
		await openWithDatabase(page, '/progress');
		await page.evaluate(
			async ({ now, day }) => {
				let state = 2026;
				const random = () => {
					// mulberry32
					state = (state + 0x6d2b79f5) >>> 0;
					let t = state;
					t = Math.imul(t ^ (t >>> 15), t | 1);
					t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
					return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
				};
				const facts = (await (await fetch('/decks/kosovo.json')).json()).facts as { id: string }[];
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const request = indexedDB.open('factdeck');
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				const tx = db.transaction(['reviews', 'memory'], 'readwrite');
				const reviews = tx.objectStore('reviews');
				for (let i = 0; i < 50_000; i += 1) {
					const factId = facts[Math.floor(random() * facts.length)].id;
					const reviewedAt = now - Math.floor(random() * 300 * day);
					const snap = {
						dueAt: reviewedAt + 5 * day,
						stability: random() * 60,
						difficulty: 1 + random() * 9,
						scheduledDays: 5,
						learningSteps: 0,
						reps: 4,
						lapses: 0,
						state: 2,
						lastReviewAt: reviewedAt
					};
					reviews.add({
						deckId: 'kosovo',
						factId,
						itemId: `${factId}-mcq`,
						rating: 1 + Math.floor(random() * 4),
						reviewedAt,
						elapsedDays: 3,
						durationMs: 2000 + Math.floor(random() * 10_000),
						before: random() < 0.1 ? null : { ...snap, state: 2 },
						after: snap,
						origin: 'study'
					});
				}
				for (const fact of facts) {
					tx.objectStore('memory').put({
						dueAt: now + Math.floor(random() * 40 * day),
						stability: random() * 60,
						difficulty: 1 + random() * 9,
						scheduledDays: 5,
						learningSteps: 0,
						reps: 4,
						lapses: 0,
						state: 2,
						lastReviewAt: now - day,
						key: `kosovo/${fact.id}`,
						deckId: 'kosovo',
						factId: fact.id,
						suspended: 0,
						leech: 0
					});
				}
				await new Promise<void>((resolve, reject) => {
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				});
				db.close();
			},
			{ now: NOW, day: DAY }
		);

		await page.reload();
		await expect(page.getByText('50,000 reviews in the past year')).toBeVisible({
			timeout: 60_000
		});
		// The totals are saved: the next visit reads none of the 50,000 rows again.
		await page.reload();
		await expect(page.getByText('50,000 reviews in the past year')).toBeVisible();
		const forecastTable = await showTable(page, 'Reviews due in the next 30 days');
		await expect(forecastTable.getByRole('row')).toHaveCount(31);
		await expect(page.getByRole('img', { name: /past year: 50,000 reviews/ })).toBeVisible();
	});
});
