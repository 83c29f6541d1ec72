import { defineConfig, devices } from '@playwright/test';
import { browserLaunchOptions } from './scripts/browser.js';

// FACTDECK_PORT and FACTDECK_BUILD let several runs share one machine. Not 4173: that is
// `npm start`, whose possibly stale build reuseExistingServer would otherwise test.
const PORT = Number(process.env.FACTDECK_PORT ?? 4174);

// Browser tests run against the BUILT app (npm run build), served as a static host would.
export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	outputDir: process.env.FACTDECK_BUILD
		? `test-results-${process.env.FACTDECK_BUILD}`
		: 'test-results',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		// Recording a trace costs every test time; in CI only a retry records one.
		trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
		// The service worker caches the whole build (over 500 files) in every new context: the
		// tests that are about it (offline, the optimiser's isolation) allow it for themselves.
		serviceWorkers: 'block',
		launchOptions: browserLaunchOptions()
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], launchOptions: browserLaunchOptions() }
		}
	],
	webServer: {
		command: `node scripts/serve.js ${PORT}`,
		url: `http://localhost:${PORT}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
