// Serves the built app the way a static host would: prerendered pages, assets with long cache
// lifetimes, and 200.html for routes that only exist in the browser (a teacher's gradebook).
// Every response carries the security headers the README lists for static hosts: the CSP of the
// page (read from its own meta tag, so the build's script hashes stay the single source) plus
// what a meta tag cannot say (frame-ancestors), and nosniff, Referrer-Policy, Permissions-Policy.
// Usage: node scripts/serve.js [port]
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, sep } from 'node:path';
import sirv from 'sirv';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const dir = process.env.FACTDECK_BUILD ?? 'build';

/** Headers for every response, whatever its type. */
const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	// For browsers that predate frame-ancestors.
	'X-Frame-Options': 'DENY'
};

/** What the CSP meta tag cannot carry; appended to every page's policy. */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The content of an HTML file's CSP meta tag, or null. @param {string} html */
function metaPolicy(html) {
	const tag = html.match(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i);
	return tag
		? tag[1]
				.replace(/&#39;/g, "'")
				.replace(/&quot;/g, '"')
				.replace(/&amp;/g, '&')
		: null;
}

/** The header policy: the meta policy with the header-only directives. @param {string} policy */
function headerPolicy(policy) {
	return [policy.replace(/;\s*$/, ''), ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/**
 * Every built page's policy by its path ("/settings.html"), and the fallback page's.
 * @param {string} root
 */
function readPolicies(root) {
	/** @type {Map<string, string>} */
	const policies = new Map();
	/** @param {string} folder */
	const walk = (folder) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.html')) {
				const policy = metaPolicy(readFileSync(path, 'utf8'));
				if (policy) policies.set('/' + relative(root, path).split(sep).join('/'), policy);
			}
		}
	};
	walk(root);
	const fallback = policies.get('/200.html') ?? policies.get('/index.html');
	if (!fallback) throw new Error(`No page in ${root} carries a CSP meta tag: build first.`);
	return { policies, fallback };
}

const { policies, fallback } = readPolicies(dir);

/**
 * The policy of the page sirv serves for `pathname` (the same lookup: the file, then .html, then
 * index.html, else the 200.html fallback). Scripts, workers and the service worker get the
 * fallback page's policy: a worker obeys its own response's CSP, not the page's.
 * @param {string} pathname
 */
function policyFor(pathname) {
	const base = pathname.replace(/\/$/, '');
	for (const candidate of [pathname, `${base}.html`, `${base}/index.html`]) {
		const policy = policies.get(candidate);
		if (policy) return policy;
	}
	return fallback;
}

const assets = sirv(dir, {
	single: '200.html',
	etag: true,
	// The adapter writes .br and .gz beside every file (precompress), as a CDN would serve them.
	gzip: true,
	brotli: true,
	dev: false,
	setHeaders(res, pathname) {
		// Cross-origin isolation, which the FSRS optimiser's WebAssembly (shared memory) needs.
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
		res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
		// Hashed bundles never change; everything else (pages, decks, the service worker) is
		// revalidated, so a new version is found.
		res.setHeader(
			'Cache-Control',
			pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		);
	}
});

createServer((req, res) => {
	let pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
	try {
		pathname = decodeURI(pathname);
	} catch {
		// A malformed address: sirv answers it; the fallback policy covers whatever it sends.
	}
	res.setHeader('Content-Security-Policy', headerPolicy(policyFor(pathname)));
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	assets(req, res);
}).listen(port, '127.0.0.1', () => {
	console.log(`Factdeck is being served at http://localhost:${port}`);
});
