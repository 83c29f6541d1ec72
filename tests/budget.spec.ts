import { expect, test } from '@playwright/test';
import { firstLoadModules, firstLoadSize } from '../scripts/bundle-size.js';

// Budgets checked from the build output: sizes, never timings (timings are for `npm run bench`).
// Home and a deck page paint and work without the data layer: the learner's own decks, the day's
// counts, mastery and past quizzes load after first paint (44.8 and 46.4 KB; issue "Faster than
// the peers" asks at most 50 KB). Study and quiz still load Dexie (30 KB) first, and their answer
// path now holds the tab channel, load balancing and the review totals: 107.0 and 108.2 KB, a
// KB or two of room. Study's next-queue cursor (db/study-cursors.ts, 2026-12-04) brought study to
// 108.1 KB with its done screen loaded lazily, so its budget is 109. The 90 KB needs Dexie
// off their first load; not done yet.
const BUDGET_GZIP: Record<string, number> = {
	'/': 50 * 1024,
	'/decks/kosovo': 50 * 1024,
	'/decks/kosovo/study': 109 * 1024,
	'/decks/kosovo/quiz': 110 * 1024
};
// Pages whose first load must not hold Dexie or the database schema.
const WITHOUT_DATA_LAYER = ['/', '/decks/kosovo'];
const DATA_LAYER = [/node_modules\/dexie\//, /src\/lib\/db\/(schema|database|live\.svelte)\.ts$/];
const FIRST_LOAD_ROUTES = [
	'/',
	'/decks/kosovo',
	'/decks/kosovo/study',
	'/decks/kosovo/quiz',
	'/study',
	'/progress'
];
// Heavy code that must only ever load on demand.
const LAZY_ONLY = [
	/node_modules\/compromise\//,
	/src\/lib\/domain\/extract\//,
	/node_modules\/(d3|chart\.js|echarts|layercake)/,
	/node_modules\/qrcode\//,
	/node_modules\/lighthouse\//,
	/node_modules\/fsrs-browser\//
];

test.describe('bundle budgets', () => {
	for (const route of Object.keys(BUDGET_GZIP)) {
		test(`first-load JavaScript of ${route} is within its budget`, () => {
			const { gzip } = firstLoadSize(route);
			console.log(`${route}: ${(gzip / 1024).toFixed(1)} KB gzip`);
			expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP[route]);
		});
	}

	for (const route of WITHOUT_DATA_LAYER) {
		test(`no Dexie on the first load of ${route}`, () => {
			const modules: string[] = firstLoadModules(route);
			expect(modules.length).toBeGreaterThan(0);
			expect(modules.filter((id) => DATA_LAYER.some((pattern) => pattern.test(id)))).toEqual([]);
		});
	}

	for (const route of FIRST_LOAD_ROUTES) {
		test(`no NLP, charting or QR library on the first load of ${route}`, () => {
			const modules: string[] = firstLoadModules(route);
			expect(modules.length).toBeGreaterThan(0);
			const heavy = modules.filter((id) => LAZY_ONLY.some((pattern) => pattern.test(id)));
			expect(heavy).toEqual([]);
		});
	}
});
