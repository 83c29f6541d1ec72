// Measurements that work the same for any app, so Factdeck and its peer are timed alike: an init
// script records every IndexedDB transaction (start, completion) and every key press, whatever
// framework or wrapper opens the transactions; pages are made cold by dropping the HTTP cache,
// the service worker and its caches.
import type { BrowserContext, Page } from '@playwright/test';

/** Installed before any page script: wraps IDBDatabase.transaction and notes key presses. */
function recordIndexedDb() {
	type Entry = { start: number; end: number | null; mode: string; stores: string };
	const scope = globalThis as unknown as { __idbLog: Entry[]; __lastKeyAt: number };
	scope.__idbLog = [];
	scope.__lastKeyAt = 0;
	// Capture phase on window, registered first: runs before any handler of the app.
	addEventListener('keydown', (event) => (scope.__lastKeyAt = event.timeStamp), true);
	if (typeof IDBDatabase === 'undefined') return;
	const transaction = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (
		this: IDBDatabase,
		...args: Parameters<IDBDatabase['transaction']>
	) {
		const tx = transaction.apply(this, args);
		const entry: Entry = {
			start: performance.now(),
			end: null,
			mode: tx.mode,
			stores: [...tx.objectStoreNames].join(',')
		};
		scope.__idbLog.push(entry);
		const done = () => (entry.end ??= performance.now());
		tx.addEventListener('complete', done);
		tx.addEventListener('abort', done);
		tx.addEventListener('error', done);
		return tx;
	} as IDBDatabase['transaction'];
}

/**
 * The page's `count` longest IndexedDB transactions since navigation, as "ms mode stores" (for
 * finding what a slow page waits on; printed, never tabled).
 */
export function longestTransactions(page: Page, count = 3): Promise<string[]> {
	return page.evaluate((n) => {
		const log = (
			globalThis as unknown as {
				__idbLog: { start: number; end: number | null; mode: string; stores: string }[];
			}
		).__idbLog;
		const now = performance.now();
		return log
			.map((entry) => ({ ...entry, ms: (entry.end ?? now) - entry.start }))
			.sort((a, b) => b.ms - a.ms)
			.slice(0, n)
			.map(
				(entry) =>
					`${entry.ms.toFixed(0)} ms ${entry.mode} ${entry.stores}${entry.end === null ? ' (running)' : ''} from ${entry.start.toFixed(0)} ms`
			);
	}, count);
}

export async function installRecorder(context: BrowserContext): Promise<void> {
	await context.addInitScript(recordIndexedDb);
}

type Quiet = { ms: number; transactions: number; writes: number; isCommitOnly: boolean };

/**
 * Milliseconds from the last key press to the completion of the last IndexedDB transaction begun
 * after it, once `quietMs` pass with none running; null when the key started no transaction.
 * When transactions are still running after 60 s (background work the answer set off), the
 * figure is the completion of the last write begun after the key (`isCommitOnly`).
 */
export async function untilIndexedDbQuiet(page: Page, quietMs = 400): Promise<Quiet | null> {
	try {
		const handle = await page.waitForFunction(
			(quiet) => {
				const scope = globalThis as unknown as {
					__idbLog: { start: number; end: number | null; mode: string }[];
					__lastKeyAt: number;
				};
				const since = scope.__lastKeyAt;
				const entries = scope.__idbLog.filter((entry) => entry.start >= since);
				const now = performance.now();
				if (entries.length === 0) return now - since > 3000 ? { none: true } : false;
				if (entries.some((entry) => entry.end === null)) return false;
				const last = Math.max(...entries.map((entry) => entry.end!));
				if (now - last < quiet) return false;
				return {
					none: false,
					ms: last - since,
					transactions: entries.length,
					writes: entries.filter((entry) => entry.mode !== 'readonly').length
				};
			},
			quietMs,
			{ polling: 50, timeout: 60_000 }
		);
		const result = (await handle.jsonValue()) as Quiet & { none: boolean };
		return result.none ? null : { ...result, isCommitOnly: false };
	} catch {
		const commit = await page.evaluate(() => {
			const scope = globalThis as unknown as {
				__idbLog: { start: number; end: number | null; mode: string }[];
				__lastKeyAt: number;
			};
			const since = scope.__lastKeyAt;
			const entries = scope.__idbLog.filter((entry) => entry.start >= since);
			const writes = entries.filter((entry) => entry.mode !== 'readonly' && entry.end !== null);
			if (writes.length === 0) return null;
			return {
				ms: Math.max(...writes.map((entry) => entry.end!)) - since,
				transactions: entries.length,
				writes: writes.length
			};
		});
		return commit && { ...commit, isCommitOnly: true };
	}
}

/** Drops the browser's HTTP cache, and the origin's service worker and Cache Storage. */
export async function makeCold(page: Page): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await cdp.detach();
	await page.evaluate(async () => {
		for (const registration of await navigator.serviceWorker.getRegistrations())
			await registration.unregister();
		for (const key of await caches.keys()) await caches.delete(key);
	});
}

/** Waits (at most a minute) until a service worker controls `page`, if the page registers one. */
export async function untilServiceWorkerControls(page: Page): Promise<void> {
	await page
		.waitForFunction(
			async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				if (!registration) return performance.now() > 10_000;
				return registration.active?.state === 'activated' && !!navigator.serviceWorker.controller;
			},
			undefined,
			{ polling: 250, timeout: 60_000 }
		)
		.catch(() => undefined);
}

/** How long a page may take to show what is timed before the figure is given up. */
export const PAGE_TIMEOUT = 300_000;

/**
 * Milliseconds from navigation start until `selector` is visible, or null when it is not within
 * PAGE_TIMEOUT.
 */
export async function timeToVisible(
	page: Page,
	url: string,
	selector: string
): Promise<number | null> {
	await page.goto(url, { waitUntil: 'commit' });
	try {
		await page.locator(selector).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT });
	} catch {
		return null;
	}
	return page.evaluate(() => performance.now());
}

/**
 * The study page to its first card: once cold (no HTTP cache, no service worker) and once warm
 * (the same page loaded again). `originPage` is any page of the app's origin.
 */
export async function firstCard(
	context: BrowserContext,
	originPage: Page,
	url: string,
	selector: string,
	warmEntry: (page: Page) => Promise<number | null> = (page) => timeToVisible(page, url, selector)
): Promise<{ cold: number | null; warm: number | null }> {
	await makeCold(originPage);
	const page = await context.newPage();
	const cold = await timeToVisible(page, url, selector);
	// A warm load is a returning visit: the service worker installed and in control. Its install
	// downloads and stores the whole offline cache, for seconds on a busy machine; a warm load
	// timed while it runs competes with it and can come out slower than the cold one.
	await untilServiceWorkerControls(page);
	await page.waitForTimeout(500);
	const warm = await warmEntry(page);
	await page.close();
	return { cold, warm };
}

/**
 * kioku's service worker answers every address but its home with its offline page (workbox's
 * navigateFallback is offline.html), so once installed the study page is reached as a learner
 * reaches it: load the home page, then go to the study page inside the app (its router follows
 * history). Milliseconds from the home page's navigation start until `selector` is visible.
 */
export async function throughHome(
	page: Page,
	base: string,
	homeReady: string,
	studyPath: string,
	selector: string
): Promise<number | null> {
	await page.goto(`${base}/`, { waitUntil: 'commit' });
	try {
		await page.locator(homeReady).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT });
		await page.evaluate((to) => {
			history.pushState(null, '', to);
			dispatchEvent(new PopStateEvent('popstate'));
		}, studyPath);
		await page.locator(selector).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT });
	} catch {
		return null;
	}
	return page.evaluate(() => performance.now());
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

export interface AnswerTiming extends Quiet {
	kind: string;
}

/**
 * One answer in kioku: Space shows the back, then "3" (Good) records it. Timed from the "3" key
 * press to its last IndexedDB transaction.
 */
export async function answerKioku(page: Page, front: string, back: string): Promise<AnswerTiming> {
	const before = await page.locator(front).first().innerText();
	await page.keyboard.press(' ');
	await page.locator(back).first().waitFor({ state: 'visible' });
	await page.keyboard.press('3');
	const timing = await untilIndexedDbQuiet(page);
	if (!timing) throw new Error('kioku: the rating key started no IndexedDB transaction');
	// The next card is on screen (or the session is over) before the next answer.
	await page.waitForFunction(
		([selector, text]) => document.querySelector(selector)?.textContent !== text,
		[front, before] as const,
		{ timeout: PAGE_TIMEOUT }
	);
	return { ...timing, kind: 'flashcard' };
}

/**
 * One answer in Factdeck, by the card's type: a flashcard is revealed with Space and graded "3"
 * (which records it and shows the next card); multiple choice, true/false and typed cards get an
 * answer and Enter (Check records it), then Enter goes on. Timed from the recording key press to
 * its last IndexedDB transaction.
 */
export async function answerFactdeck(page: Page, card: string): Promise<AnswerTiming> {
	const article = page.locator(card).first();
	await article.waitFor({ state: 'visible' });
	const factId = await article.getAttribute('data-fact-id');
	const badge = (await article.locator('.badge').first().innerText()).trim();
	const hasText = (await article.locator('input[type="text"], textarea').count()) > 0;
	const isFlashcard = (await article.getByRole('button', { name: /Show answer/ }).count()) > 0;
	let kind: string;
	if (isFlashcard) {
		kind = 'flashcard';
		await page.keyboard.press(' ');
		await page.getByRole('button', { name: /Good/ }).first().waitFor({ state: 'visible' });
		await page.keyboard.press('3');
	} else {
		kind = badge.toLowerCase();
		if (hasText) await page.keyboard.type('x');
		else await page.keyboard.press(/true/i.test(badge) ? 't' : 'a');
		await page.keyboard.press('Enter');
	}
	const timing = await untilIndexedDbQuiet(page);
	if (!timing) throw new Error(`Factdeck: answering a ${kind} card started no transaction`);
	if (!isFlashcard) {
		await page.getByText('press Enter to go on').first().waitFor({ state: 'visible' });
		await page.keyboard.press('Enter');
	}
	await page.waitForFunction(
		([selector, id]) => document.querySelector(selector)?.getAttribute('data-fact-id') !== id,
		[card, factId] as const
	);
	return { ...timing, kind };
}

/**
 * Opens an empty page of `base`'s origin that runs none of the app's code and has no CSP
 * (answered by the bench, not the server, whose every response carries the app's policy), and
 * runs `bundle` there; resolves when `global` is defined.
 */
export async function originPage(
	context: BrowserContext,
	base: string,
	bundle: string,
	global: string
): Promise<Page> {
	const page = await context.newPage();
	const url = `${base}/__bench__`;
	await page.route(url, (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' })
	);
	await page.goto(url);
	await page.addScriptTag({ content: bundle, type: 'module' });
	await page.waitForFunction((name) => name in globalThis, global);
	return page;
}
