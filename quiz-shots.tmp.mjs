import { chromium } from '@playwright/test';
import { browserLaunchOptions } from './scripts/browser.js';
const browser = await chromium.launch(browserLaunchOptions());
const out = '/tmp/quiz-shots';
for (const [w, h] of [[360, 800], [1280, 900]]) {
	for (const scheme of ['light', 'dark']) {
		const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
		const page = await ctx.newPage();
		page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
		page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
		await page.goto('http://localhost:4301/decks/kosovo/quiz');
		await page.getByRole('button', { name: 'Start quiz' }).waitFor();
		await page.screenshot({ path: `${out}/setup-${w}-${scheme}.png`, fullPage: true });
		// restrict to order + match + mcq
		await page.getByRole('button', { name: 'None of the question types' }).click();
		for (const l of ['Chronology', 'Matching', 'Multiple choice', 'Fill the blank', 'Flashcard'])
			await page.getByLabel(l).check();
		await page.getByLabel('Number of questions').fill('5');
		await page.getByRole('button', { name: 'Start quiz' }).click();
		for (let i = 0; i < 5; i++) {
			await page.getByRole('heading', { name: `Question ${i + 1} of 5` }).waitFor();
			await page.screenshot({ path: `${out}/q${i + 1}-${w}-${scheme}.png`, fullPage: true });
			const sw = await page.evaluate(() => document.documentElement.scrollWidth);
			if (sw > w) console.log('OVERFLOW', w, scheme, i, sw);
			const reveal = page.getByRole('button', { name: 'Show the answer' });
			if (await reveal.count()) { await reveal.click(); await page.getByLabel('I knew it').check(); }
			await page.getByRole('button', { name: 'Submit answer' }).click();
			await page.getByRole('button', { name: /Next question|See results/ }).waitFor();
			await page.screenshot({ path: `${out}/f${i + 1}-${w}-${scheme}.png`, fullPage: true });
			await page.getByRole('button', { name: /Next question|See results/ }).click();
		}
		await page.getByRole('heading', { name: 'Results' }).waitFor();
		await page.screenshot({ path: `${out}/results-${w}-${scheme}.png`, fullPage: true });
		const sw = await page.evaluate(() => document.documentElement.scrollWidth);
		if (sw > w) console.log('OVERFLOW results', w, scheme, sw);
		await ctx.close();
	}
}
await browser.close();
