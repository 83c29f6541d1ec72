import { expect, test, type Browser, type Locator, type Page } from './app-test';
import { expectNoAxeViolations, watchConsole } from './helpers';

/*
 * The three screens a class sees most, at a phone's and a laptop's width, in light and dark:
 * the share panel of a 20-question Kosovo assignment, a student's page, and the gradebook's
 * per-student view. Each passes axe in both themes and lays out without sideways scrolling.
 * With FACTDECK_SHOTS=<folder> it also saves a screenshot of each (name-width-theme.png).
 */

const SHOTS = process.env.FACTDECK_SHOTS;
const SIZES = [
	[360, 740],
	[1280, 800]
] as const;

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		permissions: ['clipboard-read', 'clipboard-write'],
		viewport: { width: 1280, height: 800 }
	});
	return context.newPage();
}

/** At each width and theme: no axe violation, nothing wider than the screen; a shot if asked. */
async function check(page: Page, name: string, region?: Locator): Promise<void> {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		for (const [width, height] of SIZES) {
			await page.setViewportSize({ width, height });
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${name} at ${width} px, ${scheme}: page wider than the screen`).toBe(0);
			// axe once per theme (colours are what a theme changes), at the phone's width.
			if (width === SIZES[0][0]) await expectNoAxeViolations(page);
			if (SHOTS) {
				const path = `${SHOTS}/${name}-${width}-${scheme}.png`;
				// The per-student view is the part worth seeing; the whole page is 20 answers long.
				if (region) await region.screenshot({ path });
				else await page.screenshot({ path, fullPage: true });
			}
		}
	}
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize({ width: 1280, height: 800 });
}

test('share panel, student page and per-student view look right at 360 and 1280 px, light and dark', async ({
	browser
}) => {
	test.setTimeout(600_000);
	const teacher = await newPage(browser);
	const errors = watchConsole(teacher);
	await teacher.goto('/teach/new');
	await teacher.getByLabel('Title').fill('Kosovo: week 3 check, peacekeeping missions since 1999');
	await teacher.getByRole('spinbutton', { name: 'Number of questions' }).fill('20');
	await teacher.getByRole('button', { name: 'Save and get the link' }).click();
	await expect(teacher).toHaveURL(/\/teach\/[0-9a-z]{10}$/);
	const link = await teacher.getByLabel('Link for students').inputValue();
	expect(link.length).toBeLessThan(600);
	await expect(teacher.getByRole('img', { name: /QR code of the link/ })).toBeVisible();
	await check(teacher, 'share-panel');

	// A student opens the link on a phone, answers the first question and submits.
	const student = await newPage(browser);
	await student.goto(link);
	await student.getByLabel('Your name').fill('Besnik Krasniqi');
	await student.getByRole('button', { name: 'Start' }).click();
	const blank = student.getByLabel('Fill the blank');
	if (await blank.isVisible()) {
		await blank.fill('the rule of law');
		await student.getByRole('button', { name: 'Next' }).click();
	}
	await expect(student.getByRole('button', { name: 'Submit answers…' })).toBeVisible();
	await check(student, 'student-page');
	await student.getByRole('button', { name: 'Submit answers…' }).click();
	await student.getByRole('button', { name: 'Submit now' }).click();
	const code = await student.getByLabel('Result code').inputValue();
	expect(code.length).toBeLessThanOrEqual(120);
	await check(student, 'student-done');

	await teacher.getByLabel('Paste result codes, links or whole messages').fill(code);
	await teacher.getByRole('button', { name: 'Add results' }).click();
	await expect(teacher.getByText("Besnik Krasniqi's result was added.")).toBeVisible();
	await teacher
		.getByRole('row', { name: /^Besnik Krasniqi\b/ })
		.getByRole('button', { name: 'Besnik Krasniqi', exact: true })
		.click();
	const view = teacher.getByRole('region', { name: "Besnik Krasniqi's answers" });
	await expect(view).toBeVisible();
	await view.scrollIntoViewIfNeeded();
	await check(teacher, 'student-view', view);
	if (SHOTS) {
		await teacher.setViewportSize({ width: 360, height: 740 });
		await teacher
			.locator('.scroll', { has: teacher.getByRole('table', { name: /^Students/ }) })
			.screenshot({ path: `${SHOTS}/gradebook-results-360-light.png` });
	}
	expect(errors).toEqual([]);
});
