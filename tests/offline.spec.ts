import { expect, test, type Page } from './app-test';
import { countRows, gradeStudyCard, watchConsole } from './helpers';

// These tests are about the service worker: allow it (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** Waits until the page is controlled by an activated service worker. */
async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
}

test.describe('offline', () => {
	test('after one visit every page works offline, study answers are saved, and stay', async ({
		context,
		page
	}) => {
		const errors = watchConsole(page);
		await page.goto('/');
		await waitForServiceWorker(page);
		await expect(page.getByTestId('offline-indicator')).toHaveText('Available offline');

		await context.setOffline(true);
		await expect(page.getByTestId('offline-indicator')).toHaveText(
			'Offline — your progress is still saved on this device'
		);

		// Truly offline, the worker included: what is not cached cannot be fetched.
		expect(errors).toEqual([]);
		const uncached = await page.evaluate(() =>
			fetch(`/nothing-${Date.now()}.json`).then(
				() => 'fetched',
				() => 'failed'
			)
		);
		expect(uncached).toBe('failed');
		await expect.poll(() => errors).toEqual(['Failed to load resource: net::ERR_FAILED']);
		errors.length = 0;

		await page.goto('/');
		await expect(
			page.getByRole('article').filter({ hasText: 'Peacekeeping in Kosovo since 1999' })
		).toBeVisible();

		await page.goto('/decks/kosovo');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Peacekeeping in Kosovo since 1999'
		);

		// The study screen fetches the deck JSON: it must come from the cache.
		await page.goto('/decks/kosovo/study');
		for (let n = 1; n <= 3; n++) await gradeStudyCard(page, n);

		await page.goto('/decks/kosovo/quiz');
		await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
		await page.getByRole('button', { name: 'Start quiz' }).click();
		await expect(
			page.getByRole('heading', { level: 2, name: /^Question 1 of \d+$/ })
		).toBeVisible();

		await page.goto('/decks/kosovo/sources/peacekeeping-in-kosovo');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.locator('main')).toContainText('KFOR');

		// A route that only exists in the browser is served by the cached fallback page.
		await page.goto('/teach/not-prerendered-anywhere');
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

		await context.setOffline(false);
		await page.goto('/settings');
		await expect(page.getByTestId('offline-indicator')).toHaveText('Available offline');
		await expect(page.locator('[data-table="reviews"]')).toHaveText('3');
		await expect(page.locator('[data-table="memory"]')).toHaveText('3');
		expect(await countRows(page, 'reviews')).toBe(3);
		expect(errors).toEqual([]);
	});

	test('the cache is versioned, and holds the fallback page and the deck', async ({ page }) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		const cached = await page.evaluate(async () => {
			const names = await caches.keys();
			const cache = await caches.open(names[0]);
			const urls = (await cache.keys()).map((request) => new URL(request.url).pathname);
			return { names, urls };
		});
		expect(cached.names).toHaveLength(1);
		expect(cached.names[0]).toMatch(/^factdeck-\d+$/);
		for (const path of [
			'/200.html',
			'/decks/kosovo.json',
			'/decks/kosovo/study',
			'/settings',
			'/manifest.webmanifest'
		]) {
			expect(cached.urls).toContain(path);
		}
	});

	test('the manifest makes the app installable', async ({ request }) => {
		const manifest = await (await request.get('/manifest.webmanifest')).json();
		expect(manifest).toMatchObject({ name: 'Factdeck', start_url: '/', display: 'standalone' });
		const sizes = manifest.icons.map(
			(icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`
		);
		expect(sizes).toEqual(
			expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable'])
		);
		for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
	});

	test('a new version waits until the learner chooses Reload, and old caches go', async ({
		page
	}) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		const [current] = await page.evaluate(() => caches.keys());
		// A cache left by an older deployment, to be deleted when the next version activates.
		await page.evaluate(() =>
			caches.open('factdeck-1').then((cache) => cache.put('/x', new Response('old')))
		);

		// "Deploy" a new version: a worker script at a new URL is an update whatever its bytes.
		await page.evaluate(() => navigator.serviceWorker.register('/service-worker.js?next'));
		const prompt = page.getByTestId('update-prompt');
		await expect(prompt).toContainText('Update available.');
		// It waits: the page is still controlled by the old worker, the old cache is still there.
		expect(
			await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('?next'))
		).toBe(false);
		expect(await page.evaluate(() => caches.keys())).toContain('factdeck-1');

		await Promise.all([
			page.waitForEvent('load'),
			prompt.getByRole('button', { name: 'Reload' }).click()
		]);
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''))
			.toMatch(/\/service-worker\.js\?next$/);
		expect(await page.evaluate(() => caches.keys())).toEqual([current]);
	});
});
