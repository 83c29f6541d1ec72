// Which Chromium the tests, the bench and the icon script drive: CHROMIUM_PATH if set, else
// Debian's /usr/bin/chromium where it exists, else Playwright's own browser (a developer laptop).
import { existsSync } from 'node:fs';

export function chromiumPath() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return fromEnv;
	for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
		if (existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Launch options for chromium.launch(): the system browser, sandbox and background traffic off. */
export function browserLaunchOptions() {
	const executablePath = chromiumPath();
	return {
		...(executablePath ? { executablePath } : {}),
		args: [
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-gpu',
			'--no-first-run'
		]
	};
}
