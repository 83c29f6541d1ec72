import { expect, test, type Page } from './app-test';
import { gradeStudyCard, putRow, readStore, watchConsole } from './helpers';

const PAST_DATE = 8_640_000_000_000_001;
const base = { explanation: '', topic: 't', source: { document: 'd', quote: 'q' } };
const assignment = {
	v: 1,
	id: 'good000001',
	title: 'Week 3',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items: [
		{
			...base,
			id: 'm1',
			factId: 'f1',
			type: 'mcq',
			prompt: 'Who led KFOR?',
			answer: 'NATO',
			options: ['UN', 'NATO']
		}
	],
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: Date.UTC(2026, 2, 1)
};

/** The page names the damaged row and points to Settings → Check the data. */
async function expectDamageNamed(page: Page, row: RegExp): Promise<void> {
	const notice = page.getByTestId('damaged-rows');
	await expect(notice).toBeVisible();
	await expect(notice).toContainText(row);
	await expect(notice.getByRole('link', { name: /Check the data/ })).toHaveAttribute(
		'href',
		/\/settings#check-data$/
	);
}

/** Waits until the app has created its database, so rows can be written beside its own. */
async function waitForDatabase(page: Page): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(async () =>
				(await indexedDB.databases()).some((d) => d.name === 'factdeck' && (d.version ?? 0) > 1)
			)
		)
		.toBe(true);
}

async function expectPage(page: Page, errors: string[]): Promise<void> {
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	await expect(page.getByText(/Invalid time value|Something went wrong/)).toHaveCount(0);
	expect(errors).toEqual([]);
}

test.describe('one bad row never disables a page', () => {
	test('teach list and gradebook show the rest and name the damaged row', async ({ page }) => {
		const errors = watchConsole(page);
		await page.goto('/teach');
		await waitForDatabase(page);
		await putRow(page, 'assignments', {
			id: assignment.id,
			createdAt: assignment.createdAt,
			assignment
		});
		await putRow(page, 'assignments', {
			id: 'bad0000001',
			createdAt: PAST_DATE,
			assignment: {
				...assignment,
				id: 'bad0000001',
				title: 'Broken',
				createdAt: PAST_DATE,
				items: 'no'
			}
		});
		await putRow(page, 'results', {
			id: 'deadbeefdeadbeef',
			assignmentId: assignment.id,
			student: 'Mallory',
			receivedAt: Date.UTC(2026, 2, 2),
			result: {
				v: 2,
				assignmentId: assignment.id,
				student: 'Mallory',
				startedAt: PAST_DATE,
				submittedAt: PAST_DATE,
				answers: 'x'
			}
		});
		await page.reload();
		await expectPage(page, errors);
		await expect(page.getByRole('link', { name: 'Week 3' })).toBeVisible();
		await expectDamageNamed(page, /bad0000001/);

		await page.goto(`/teach/${assignment.id}`);
		await expect(page.getByRole('heading', { level: 1, name: 'Week 3' })).toBeVisible();
		await expectPage(page, errors);
		await expectDamageNamed(page, /deadbeefdeadbeef|Mallory/);
	});

	test('progress, settings and study show the rest and name the damaged row', async ({ page }) => {
		const errors = watchConsole(page);
		await page.goto('/decks/kosovo/study');
		await gradeStudyCard(page, 1);
		await gradeStudyCard(page, 2);
		await putRow(page, 'userDecks', { id: 'my-broken', createdAt: 1, updatedAt: 1, deck: null });
		await putRow(page, 'reviews', {
			deckId: 'kosovo',
			factId: 'no-such-fact',
			itemId: 'x',
			rating: 9,
			reviewedAt: PAST_DATE,
			elapsedDays: -1,
			durationMs: 'long',
			before: null,
			after: null,
			origin: 'study'
		});
		for (const path of ['/progress', '/settings', '/decks/kosovo/study', '/study']) {
			await page.goto(path);
			await expectPage(page, errors);
			if (path === '/progress' || path === '/settings')
				await expectDamageNamed(page, /my-broken|review/i);
		}
		await page.goto('/decks/kosovo/study');
		await expect(page.getByRole('article', { name: 'Study card' })).toBeVisible();
	});
	test('study pages leave out a damaged deck or memory row, study the rest and name it', async ({
		page,
		request
	}) => {
		const errors = watchConsole(page);
		const deck = (await (await request.get('/decks/kosovo.json')).json()) as {
			facts: { id: string }[];
		};
		const factId = deck.facts[0].id;
		await page.goto('/decks/kosovo/study');
		await expect(page.getByRole('article', { name: 'Study card' })).toHaveAttribute(
			'data-fact-id',
			factId
		);
		// A deck row under another deck's id, and the first card's schedule made unreadable.
		await putRow(page, 'userDecks', {
			id: 'my-bad',
			createdAt: 1,
			updatedAt: 1,
			deck: { id: 'my-other', title: 'Bad', topics: [], sources: [], facts: [], items: [] }
		});
		await putRow(page, 'memory', {
			key: `kosovo/${factId}`,
			deckId: 'kosovo',
			factId,
			dueAt: 1,
			stability: null,
			difficulty: 'x',
			scheduledDays: 1,
			learningSteps: 0,
			reps: 1,
			lapses: 0,
			state: 2,
			lastReviewAt: 1,
			suspended: 0,
			leech: 0
		});
		const memoryRow = new RegExp(`kosovo/${factId}.*"stability"`);
		for (const path of ['/study', '/decks/kosovo/study']) {
			await page.goto(path);
			await expectPage(page, errors);
			// The rest is studied: a card shows, not the one whose schedule is damaged.
			const card = page.getByRole('article', { name: 'Study card' });
			await expect(card).toBeVisible();
			await expect(card).not.toHaveAttribute('data-fact-id', factId);
			await expectDamageNamed(page, memoryRow);
			if (path === '/study') await expectDamageNamed(page, /my-bad.*deck\.id/);
		}
		// The damaged deck's own pages name it; its page still offers to delete it.
		await page.goto('/decks/my-bad/study');
		await expect(page.getByText(/This deck is damaged/).first()).toBeVisible();
		await expectDamageNamed(page, /my-bad/);
		await page.goto('/my-decks/my-bad');
		await expectDamageNamed(page, /my-bad/);
		await page.getByRole('button', { name: 'Delete deck' }).click();
		await page.getByRole('button', { name: 'Delete for good' }).click();
		await expect(page).toHaveURL(/\/$/);
		expect(await readStore(page, 'userDecks')).toEqual([]);
		expect(errors).toEqual([]);
	});
});
