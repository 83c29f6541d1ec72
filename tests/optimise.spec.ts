import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from './app-test';
import sirv from 'sirv';
import { simulateReviews } from '../src/lib/domain/study/optimise/simulate-learner';
import { expectNoAxeViolations, watchConsole } from './helpers';

// These tests are about the service worker: allow it (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const DAY = 86_400_000;
/** The seeded learner's true parameters: far from FSRS's defaults, so a fit clearly helps. */
const LEARNER = [
	1.2, 3.5, 9.0, 30.0, 4.5, 1.2, 1.5, 0.05, 2.3, 0.12, 1.3, 1.2, 0.1, 0.3, 2.0, 0.35, 2.8, 0.6, 0.3,
	0.1, 0.5
];
const DEFAULTS_SHOWN =
	'0.2120, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.0010, 1.8722, 0.1666, 0.7960, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542';

/** 5,000 review rows in the shape the app stores, from the seeded learner. */
function reviewRows(): unknown[] {
	const start = Date.UTC(2025, 0, 1);
	const snapshot = (at: number) => ({
		dueAt: at + DAY,
		stability: 1,
		difficulty: 5,
		scheduledDays: 1,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: 2,
		lastReviewAt: at
	});
	return simulateReviews({
		parameters: LEARNER,
		reviews: 5_000,
		newPerDay: 6,
		seed: 5,
		startAt: start,
		deckId: 'kosovo'
	}).map((review) => ({
		...review,
		itemId: `${review.factId}-flashcard`,
		durationMs: 4_000,
		before: review.before === null ? null : snapshot(review.reviewedAt - review.elapsedDays * DAY),
		after: snapshot(review.reviewedAt),
		origin: 'study'
	}));
}

async function seedReviews(page: Page, rows: unknown[]): Promise<void> {
	await page.waitForFunction(async () =>
		(await indexedDB.databases()).some((db) => db.name === 'factdeck')
	);
	await page.evaluate(async (rows) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('reviews', 'readwrite');
			for (const row of rows) tx.objectStore('reviews').add(row);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, rows);
}

function scheduling(page: Page) {
	return page.getByRole('region', { name: 'Scheduling' });
}

test.describe('optimising FSRS parameters from the review log', () => {
	test('is cross-origin isolated under serve.js', async ({ page }) => {
		await page.goto('/settings');
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
	});

	test('is cross-origin isolated on a plain static host once the service worker runs', async ({
		page
	}) => {
		// A host that sends no isolation headers at all: the service worker must add them.
		const dir = process.env.FACTDECK_BUILD ?? 'build';
		const plain: Server = createServer(sirv(dir, { single: '200.html', dev: false }));
		await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
		try {
			const base = `http://localhost:${(plain.address() as AddressInfo).port}`;
			await page.goto(`${base}/settings`);
			expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
			const notice = scheduling(page).getByText(/not cross-origin isolated yet/);
			await expect(notice).toBeVisible();
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			await page.reload();
			expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
			await expect(scheduling(page).getByTestId('parameters-source')).toBeVisible();
			await expect(notice).toHaveCount(0);
		} finally {
			plain.close();
		}
	});

	test('fits 5,000 reviews offline, applies the better parameters, keeps them and goes back', async ({
		page
	}) => {
		test.setTimeout(180_000);
		const errors = watchConsole(page);
		await page.goto('/settings');
		await seedReviews(page, reviewRows());
		await page.reload();
		const panel = scheduling(page);
		await expect(panel.getByTestId('optimise-readiness')).toContainText('enough to optimise');
		await expect(panel.getByTestId('parameters-source')).toContainText('default');
		await panel.locator('summary', { hasText: 'The parameters in use' }).click();
		await expect(panel.getByTestId('parameters-in-use')).toHaveText(DEFAULTS_SHOWN);

		// Offline: the worker and its WebAssembly come from the service worker's cache.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await page.context().setOffline(true);
		await panel.getByRole('button', { name: 'Optimise from my reviews' }).click();
		const metrics = panel.getByTestId('optimise-metrics');
		await expect(metrics).toBeVisible({ timeout: 150_000 });
		await page.context().setOffline(false);
		await expect(metrics.getByRole('row', { name: /Before/ })).toContainText(/0\.\d{4}/);
		await expect(metrics.getByRole('row', { name: /Fitted/ })).toContainText(/0\.\d{4}/);
		await expect(panel.getByTestId('optimise-message')).toContainText('now in use');
		await expect(panel.getByTestId('parameters-source')).toContainText('fitted');
		console.log(await panel.getByTestId('optimise-time').innerText());
		const fitted = await panel.getByTestId('parameters-in-use').innerText();
		expect(fitted).not.toBe(DEFAULTS_SHOWN);
		expect(fitted.split(', ')).toHaveLength(21);

		await page.reload();
		await expect(panel.getByTestId('parameters-source')).toContainText('fitted');
		await panel.locator('summary', { hasText: 'The parameters in use' }).click();
		await expect(panel.getByTestId('parameters-in-use')).toHaveText(fitted);

		await panel.getByRole('button', { name: 'Go back to the previous parameters' }).click();
		await expect(panel.getByTestId('parameters-source')).toContainText('default');
		await expect(panel.getByTestId('parameters-in-use')).toHaveText(DEFAULTS_SHOWN);
		await page.reload();
		await expect(panel.getByTestId('parameters-source')).toContainText('default');
		expect(errors).toEqual([]);
	});
});

test('estimates the workload of each desired retention, as a table and a chart', async ({
	page
}) => {
	await page.goto('/settings');
	const panel = scheduling(page);
	await panel.getByRole('button', { name: 'Estimate my workload' }).click();
	const table = panel.getByTestId('workload-table');
	await expect(table).toBeVisible({ timeout: 30_000 });
	await expect(table.getByRole('row', { name: /0\.90 \(yours\)/ })).toBeVisible();
	await expect(table.getByRole('row')).toHaveCount(5);
	// New facts alone (20 a day, two reviews on their first day) cost at least 40 reviews a day.
	const own = await table
		.getByRole('row', { name: /0\.90 \(yours\)/ })
		.getByRole('cell')
		.allInnerTexts();
	expect(Number(own[0])).toBeGreaterThanOrEqual(40);
	await panel.getByRole('button', { name: /Show as table/ }).click();
	await expect(panel.getByRole('table').last().getByRole('row')).toHaveCount(54);
	await expectNoAxeViolations(page);
});
