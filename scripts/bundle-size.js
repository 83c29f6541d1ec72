// What JavaScript a page loads first: the module scripts and `modulepreload` links of its
// prerendered HTML (routes that exist only in the browser use 200.html). Gzipped sizes, and which
// source modules those chunks hold (recorded at build time by scripts/vite-chunk-modules.js).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const buildDir = process.env.FACTDECK_BUILD ?? 'build';
const kitDir = buildDir === 'build' ? '.svelte-kit' : `.svelte-kit-${buildDir}`;

/** @param {string} urlPath */
function htmlFor(urlPath) {
	const clean = urlPath.replace(/\/$/, '');
	const candidates =
		clean === '' ? ['index.html'] : [`${clean.slice(1)}.html`, `${clean.slice(1)}/index.html`];
	for (const candidate of candidates) {
		const file = path.join(buildDir, candidate);
		if (existsSync(file)) return readFileSync(file, 'utf8');
	}
	return readFileSync(path.join(buildDir, '200.html'), 'utf8');
}

/** The JavaScript files (paths under build/) a first visit to `urlPath` loads. */
/** @param {string} urlPath */
export function firstLoadFiles(urlPath) {
	const html = htmlFor(urlPath);
	const files = new Set();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(tag);
		if (/rel="modulepreload"/.test(tag) && href) files.add(href[1]);
	}
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)/g)) files.add(match[1]);
	return [...files].map((href) => href.replace(/^(\.\.\/|\.\/|\/)+/, ''));
}

/** Gzipped bytes of the JavaScript a route loads first. */
/** @param {string} urlPath */
export function firstLoadSize(urlPath) {
	const files = firstLoadFiles(urlPath).map((file) => {
		const bytes = readFileSync(path.join(buildDir, file));
		return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
	});
	return { gzip: files.reduce((sum, f) => sum + f.gzip, 0), files };
}

/** Source modules (repo-relative ids) held by the chunks a route loads first. */
/** @param {string} urlPath */
export function firstLoadModules(urlPath) {
	const record = path.join(kitDir, 'output', 'client', '.vite', 'chunk-modules.json');
	if (!existsSync(record))
		throw new Error(`No ${record}: build with the chunk-modules plugin first.`);
	const chunks = JSON.parse(readFileSync(record, 'utf8'));
	return firstLoadFiles(urlPath).flatMap((file) => chunks[file] ?? []);
}

/** Every JavaScript file of the build with its gzipped size, largest first. */
export function allChunks() {
	const record = path.join(kitDir, 'output', 'client', '.vite', 'chunk-modules.json');
	const chunks = JSON.parse(readFileSync(record, 'utf8'));
	return Object.keys(chunks)
		.map((file) => ({
			file,
			gzip: gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 }).length
		}))
		.sort((a, b) => b.gzip - a.gzip);
}
