import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './app-test';

/** A second site on another port (and another host name): it frames whatever it is told to. */
async function startFramingSite(): Promise<{ origin: string; close: () => Promise<void> }> {
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === '/inner') {
			res.writeHead(200, { 'Content-Type': 'text/html' });
			res.end('<!doctype html><title>inner</title><h1>Framed fine</h1>');
			return;
		}
		const target = url.searchParams.get('src') ?? '/inner';
		res.writeHead(200, { 'Content-Type': 'text/html' });
		res.end(
			`<!doctype html><title>outer</title><iframe name="victim" src="${target.replace(/"/g, '')}" width="800" height="600"></iframe>`
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

test.describe('security headers', () => {
	test('every page, script and the service worker carries the CSP and the other headers', async ({
		request
	}) => {
		for (const path of [
			'/',
			'/settings',
			'/decks/kosovo',
			'/teach/some-assignment',
			'/service-worker.js'
		]) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const headers = response.headers();
			const csp = headers['content-security-policy'];
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(csp, path).toContain("default-src 'self'");
			expect(csp, path).toMatch(
				/script-src 'self'(?: 'wasm-unsafe-eval')?(?: 'sha256-[^']+')*[;']/
			);
			expect(headers['x-content-type-options'], path).toBe('nosniff');
			expect(headers['referrer-policy'], path).toBe('no-referrer');
			expect(headers['permissions-policy'], path).toContain('camera=()');
		}
	});

	test('the header policy of a page is its own meta policy plus frame-ancestors', async ({
		request
	}) => {
		const response = await request.get('/settings');
		const html = await response.text();
		const meta = html.match(/http-equiv="content-security-policy" content="([^"]*)"/)?.[1];
		expect(meta).toBeTruthy();
		expect(response.headers()['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
	});

	test('a page loaded in a cross-origin frame is refused', async ({ page, baseURL }) => {
		const site = await startFramingSite();
		try {
			const refusals: string[] = [];
			page.on('console', (message) => {
				if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
			});
			// The control: the framing site's own page loads in its frame, so a refusal below is
			// the app's headers at work, not a frame that never loads.
			await page.goto(`${site.origin}/outer`);
			await expect(page.frameLocator('iframe[name="victim"]').getByRole('heading')).toHaveText(
				'Framed fine'
			);

			await page.goto(`${site.origin}/outer?src=${encodeURIComponent(`${baseURL}/settings`)}`);
			await expect.poll(() => refusals.length).toBeGreaterThan(0);
			// Chromium shows its own error page in the frame instead: none of the app's content.
			// The frame is looked up on each poll: the refused one is replaced by the error page's.
			await expect
				.poll(() => page.frame({ name: 'victim' })?.url() ?? 'no frame yet')
				.toMatch(/^chrome-error:/);
			const victim = page.frameLocator('iframe[name="victim"]');
			await expect(victim.getByRole('button', { name: 'Download a backup' })).toHaveCount(0);
			await expect(victim.locator('main')).toHaveCount(0);
		} finally {
			await site.close();
		}
	});
});
