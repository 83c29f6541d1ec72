// Makes sure a Chromium exists for the browser tests: the one in CHROMIUM_PATH, Debian's
// /usr/bin/chromium (installed with apt-get when we are root on Debian and it is missing), or
// Playwright's own download on an ordinary developer machine.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser.js';

/** @param {string | undefined} path */
function has(path) {
	return path !== undefined && existsSync(path);
}

if (has(chromiumPath())) {
	console.log(`browser: ${chromiumPath()}`);
	process.exit(0);
}
if (existsSync(chromium.executablePath())) {
	console.log(`browser: Playwright's ${chromium.executablePath()}`);
	process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
	console.log('browser: installing Debian chromium with apt-get ...');
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
		stdio: 'inherit'
	});
	if (has('/usr/bin/chromium')) process.exit(0);
}
console.log("browser: fetching Playwright's Chromium ...");
try {
	execSync('npx playwright install chromium', { stdio: 'inherit' });
	process.exit(0);
} catch {
	console.error(
		'No Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to its binary.'
	);
	process.exit(1);
}
