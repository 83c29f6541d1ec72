import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext } from './app-test';
import { browserLaunchOptions } from '../scripts/browser.js';
import { answerStudyCard, countRows } from './helpers';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** A browser with a profile on disk, as a learner's own browser keeps its site data. */
function launch(profile: string): Promise<BrowserContext> {
	return chromium.launchPersistentContext(profile, { ...browserLaunchOptions(), headless: true });
}

// Issue 18, item 10: the browser dies (a crash, a killed process, a flat battery) right after
// the learner answered. Every answer the page said it had saved is there after a relaunch.
test('answers, the browser process is killed at once, every graded answer is there after a relaunch', async ({
	baseURL
}) => {
	test.setTimeout(120_000);
	const profile = await mkdtemp(join(tmpdir(), 'factdeck-kill-'));
	try {
		const context = await launch(profile);
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${baseURL}/decks/kosovo/study`);
		const ANSWERS = 12;
		for (let n = 1; n <= ANSWERS; n++) {
			await answerStudyCard(page);
			// "Graded" as the learner sees it: the page counts the answer as today's.
			await expect(page.getByTestId('count-today')).toHaveText(
				new RegExp(`^Today: ${n} new facts? learned`)
			);
		}
		// At once, with no chance to flush or close anything: SIGKILL to the browser process
		// (a persistent context offers no process handle; the browser names its own pid).
		const cdp = await context.browser()!.newBrowserCDPSession();
		const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
			processInfo: Array<{ type: string; id: number }>;
		};
		const pid = processInfo.find((info) => info.type === 'browser')?.id;
		expect(pid, 'the browser process id').toBeGreaterThan(0);
		const closed = new Promise((resolve) => context.once('close', resolve));
		process.kill(pid!, 'SIGKILL');
		await closed;
		await expect.poll(() => isAlive(pid!)).toBe(false);

		const again = await launch(profile);
		try {
			const revived = again.pages()[0] ?? (await again.newPage());
			await revived.goto(`${baseURL}/decks/kosovo/study`);
			expect(await countRows(revived, 'reviews')).toBe(ANSWERS);
			expect(await countRows(revived, 'memory')).toBe(ANSWERS);
			await expect(revived.getByTestId('count-today')).toHaveText(
				new RegExp(`^Today: ${ANSWERS} new facts learned`)
			);
		} finally {
			await again.close();
		}
	} finally {
		await rm(profile, { recursive: true, force: true });
	}
});
