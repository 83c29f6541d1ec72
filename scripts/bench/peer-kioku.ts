// The peer of `npm run bench -- --peer kioku`: kioku (nsfisis/kioku, React 19, Dexie 4, ts-fsrs 5,
// MIT), built from the snapshot in ../shared/peers/ into a cache folder outside the repository and
// served as a static site. None of its code is copied here; the bench only seeds its database
// (scripts/bench/kioku-browser.ts) and drives its pages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import sirv from 'sirv';

const PNPM = 'pnpm@10.23.0';

/** Where the peer's snapshot is looked for, and where it is built (never inside the repo). */
export const KIOKU_ARCHIVE =
	process.env.BENCH_PEER_ARCHIVE ??
	[path.resolve('..', 'shared'), path.resolve('..', '..', 'shared')]
		.map((shared) => path.join(shared, 'peers', 'kioku.tar.gz'))
		.find((archive) => existsSync(archive)) ??
	path.resolve('..', 'shared', 'peers', 'kioku.tar.gz');
const CACHE = process.env.BENCH_PEER_CACHE ?? path.join(tmpdir(), 'factdeck-peers');
const SOURCE = path.join(CACHE, 'kioku');
export const KIOKU_DIST = path.join(SOURCE, 'dist', 'client');

/** What the study page shows once a card is on screen, and its back once flipped. */
export const KIOKU_CARD = '[data-testid="card-front"]';
export const KIOKU_BACK = '[data-testid="card-back"]';
/** The home page with the studied deck listed (the seeded deck's link). */
export const KIOKU_HOME = 'a[href="/decks/kosovo"]';

/** The failure the bench prints when the peer cannot be built: what failed and how to retry. */
export class PeerBuildError extends Error {}

function run(command: string, args: string[], cwd: string, step: string) {
	console.log(`  kioku: ${step} ...`);
	const result = spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, CI: 'true' }
	});
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15);
		throw new PeerBuildError(
			`the peer kioku could not be built: "${command} ${args.join(' ')}" failed in ${cwd} ` +
				`(${result.error?.message ?? `exit code ${result.status}`}).\n` +
				`  Last lines of its output:\n    ${output.join('\n    ')}\n` +
				`  Remove ${SOURCE} to start again from the archive.`
		);
	}
}

/**
 * Builds kioku's static client unless a build is already in the cache: extracts the archive,
 * installs from its lock file and runs its `build:client`. Throws a PeerBuildError saying which
 * step failed.
 */
export function ensureKiokuBuilt(): string {
	if (existsSync(path.join(KIOKU_DIST, 'index.html'))) {
		precompress(KIOKU_DIST);
		return KIOKU_DIST;
	}
	if (!existsSync(KIOKU_ARCHIVE)) {
		throw new PeerBuildError(
			`the peer kioku could not be built: its archive ${KIOKU_ARCHIVE} is missing ` +
				'(set BENCH_PEER_ARCHIVE to its path).'
		);
	}
	console.log(`building the peer kioku in ${SOURCE} (once; later runs reuse it) ...`);
	mkdirSync(CACHE, { recursive: true });
	if (!existsSync(path.join(SOURCE, 'package.json'))) {
		rmSync(SOURCE, { recursive: true, force: true });
		run('tar', ['xzf', KIOKU_ARCHIVE, '-C', CACHE], CACHE, 'extracting the archive');
		if (!existsSync(path.join(SOURCE, 'package.json'))) {
			throw new PeerBuildError(
				`the peer kioku could not be built: ${KIOKU_ARCHIVE} holds no kioku/package.json.`
			);
		}
	}
	run('npx', ['-y', PNPM, 'install', '--frozen-lockfile'], SOURCE, 'installing its dependencies');
	run('npx', ['-y', PNPM, 'build:client'], SOURCE, 'building its client');
	if (!existsSync(path.join(KIOKU_DIST, 'index.html'))) {
		throw new PeerBuildError(
			`the peer kioku could not be built: build:client left no ${KIOKU_DIST}/index.html.`
		);
	}
	precompress(KIOKU_DIST);
	return KIOKU_DIST;
}

/**
 * Writes .gz and .br beside each text file of the build, as Factdeck's build does for itself, so
 * both apps are served compressed (Lighthouse's throttling counts transferred bytes).
 */
function precompress(dir: string) {
	for (const file of readdirSync(dir, { recursive: true }) as string[]) {
		if (!/\.(js|css|html|svg|json|webmanifest|txt)$/.test(file)) continue;
		const full = path.join(dir, file);
		if (existsSync(`${full}.br`)) continue;
		const bytes = readFileSync(full);
		writeFileSync(`${full}.gz`, gzipSync(bytes, { level: 9 }));
		writeFileSync(`${full}.br`, brotliCompressSync(bytes));
	}
}

/**
 * Serves the peer's build as a static single-page host does (unknown paths get index.html);
 * requests under /api/ get 503, as when its server is unreachable, so it runs in offline mode.
 */
export function serveKioku(port: number): Promise<Server> {
	const files = sirv(KIOKU_DIST, {
		single: true,
		etag: true,
		gzip: true,
		brotli: true,
		// Long-lived caching for hashed bundles only, as Factdeck's own server does.
		setHeaders: (response, pathname) =>
			response.setHeader(
				'cache-control',
				pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
			)
	});
	const server = createServer((request, response) => {
		if (request.url?.startsWith('/api/')) {
			response.writeHead(503, { 'content-type': 'application/json' });
			response.end('{"error":"offline"}');
			return;
		}
		files(request, response);
	});
	return new Promise((resolve, reject) => {
		server.once('error', (error) =>
			reject(new Error(`the peer's static server cannot listen on port ${port}: ${error.message}`))
		);
		server.listen(port, () => resolve(server));
	});
}

/**
 * The peer's first-load JavaScript, by the same rule as Factdeck's (scripts/bundle-size.js): the
 * module scripts and modulepreload links of the page, gzip level 9. kioku is one page for every
 * route, so home and study load the same set.
 */
export function kiokuFirstLoadGzip(): number {
	const html = readFileSync(path.join(KIOKU_DIST, 'index.html'), 'utf8');
	const sources = new Set<string>();
	for (const match of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g))
		sources.add(match[1]);
	for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g))
		sources.add(match[1]);
	let gzip = 0;
	for (const source of sources) {
		const bytes = readFileSync(path.join(KIOKU_DIST, source.replace(/^\//, '')));
		gzip += gzipSync(bytes, { level: 9 }).length;
	}
	return gzip;
}
