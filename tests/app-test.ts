// The `test` every browser test uses: Playwright's, with pages that wait, after each visit or
// reload of the app, until the app has started (the root layout marks <html data-started>).
// Pages are prerendered, so their controls are there before the app's scripts have run; a
// click or a choice made in that moment reaches nothing, and under load that moment is long.
import { test as base, type BrowserContext, type Page } from '@playwright/test';

export * from '@playwright/test';

type Goto = Page['goto'];
const patched = new WeakSet<Page>();
type Reload = Page['reload'];

/** Waits until the app on `page` has started, when `page` shows the app. */
export async function waitForApp(page: Page, baseURL: string | undefined): Promise<void> {
	const url = page.url();
	if (!baseURL || !url.startsWith(baseURL)) return;
	if (/\.(json|js|webmanifest|svg|png|txt|csv)$/.test(new URL(url).pathname)) return;
	await page.waitForFunction(() => document.documentElement.hasAttribute('data-started'), null, {
		timeout: 30_000
	});
}

/** Makes `page.goto` and `page.reload` wait for the app, unless told to wait for less. */
export function waitForAppOnNavigation(page: Page, baseURL: string | undefined): void {
	if (patched.has(page)) return;
	patched.add(page);
	const goto: Goto = page.goto.bind(page);
	const reload: Reload = page.reload.bind(page);
	const early = (options?: { waitUntil?: string }) =>
		options?.waitUntil === 'commit' || options?.waitUntil === 'domcontentloaded';
	page.goto = async (url, options) => {
		const response = await goto(url, options);
		if (!early(options)) await waitForApp(page, baseURL);
		return response;
	};
	page.reload = async (options) => {
		const response = await reload(options);
		if (!early(options)) await waitForApp(page, baseURL);
		return response;
	};
}

function watchContext(context: BrowserContext, baseURL: string | undefined): BrowserContext {
	for (const page of context.pages()) waitForAppOnNavigation(page, baseURL);
	context.on('page', (page) => waitForAppOnNavigation(page, baseURL));
	return context;
}

export const test = base.extend<object, { appBrowser: void }>({
	// Contexts a test makes itself (a teacher's, a student's) wait for the app as well.
	appBrowser: [
		async ({ browser }, use, workerInfo) => {
			const newContext = browser.newContext.bind(browser);
			const baseURL = workerInfo.project.use.baseURL;
			browser.newContext = async (options) =>
				watchContext(await newContext(options), options?.baseURL ?? baseURL);
			await use();
		},
		{ scope: 'worker', auto: true }
	],
	context: async ({ context, baseURL }, use) => {
		await use(watchContext(context, baseURL));
	}
});
