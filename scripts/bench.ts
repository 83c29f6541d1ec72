// `npm run bench`: one run, one table. Every figure is measured in Chromium with a persistent
// profile (IndexedDB on disk), next to a raw IndexedDB baseline measured in the same run where one
// applies. Timings live here and never in tests: shared machines make timed assertions flaky.
// `npm run bench -- --peer kioku` also builds the peer kioku (outside the repository), seeds the
// same collections into its own schema and times both apps alike in the same run (a second table:
// Factdeck | kioku | ratio). `--quick` runs a smaller collection (10,000 facts, 100,000 reviews).
// `--only study` times only the study page's paths: an answer committed, the next queue and the
// first card, cold and warm (beside the peer's first card with --peer), and the JavaScript sizes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { browserLaunchOptions } from './browser.js';
import { firstLoadSize } from './bundle-size.js';
import { buildDeck } from '$lib/domain/deck/build-deck';
import { generateDeck } from '$lib/domain/deck/generate';
import { readDeckFolder } from './questions.ts';
import {
	answerFactdeck,
	answerKioku,
	firstCard,
	installRecorder,
	median,
	originPage,
	PAGE_TIMEOUT,
	throughHome,
	timeToVisible,
	type AnswerTiming
} from './bench/side-by-side.ts';
import {
	ensureKiokuBuilt,
	KIOKU_BACK,
	KIOKU_CARD,
	KIOKU_HOME,
	kiokuFirstLoadGzip,
	PeerBuildError,
	serveKioku
} from './bench/peer-kioku.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const BASE = `http://localhost:${PORT}`;
const PEER_PORT = Number(process.env.BENCH_PEER_PORT ?? PORT + 1);
const PEER_BASE = `http://localhost:${PEER_PORT}`;
const USAGE = 'usage: npm run bench [-- [--peer kioku] [--quick] [--only study]]';
let FACTS = Number(process.env.BENCH_FACTS ?? 100_000);
let REVIEWS = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
/** The first collection the study page is timed in beside the peer: cards, no reviews yet. */
const FIRST_FACTS = 10_000;
const SMALL_REVIEWS = 50_000;
let RUNS = 30;
/** Answers timed in each app beside the other (the median is shown). */
const ANSWERS = 5;
/** What "the first card is visible" and "charts are visible" mean on screen. */
const STUDY_READY = '[data-bench="study-card"]';
const PROGRESS_READY = '[data-bench="progress-ready"]';

interface Row {
	figure: string;
	value: string;
	baseline: string;
	ratio: string;
}
const rows: Row[] = [];
/** The side-by-side table: `baseline` holds the peer's figure. */
const peerRows: Row[] = [];

function ms(value: number): string {
	return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

function record(figure: string, value: number | string, baseline?: number, unit = ms) {
	const shown = typeof value === 'number' ? unit(value) : value;
	rows.push({
		figure,
		value: shown,
		baseline: baseline === undefined ? '—' : unit(baseline),
		ratio:
			baseline === undefined || typeof value !== 'number'
				? '—'
				: `${(value / baseline).toFixed(2)}x`
	});
	console.log(`  ${figure}: ${shown}${baseline === undefined ? '' : ` (raw ${unit(baseline)})`}`);
}

/**
 * A row of the side-by-side table. A string is shown as it is (a feature the peer lacks, a figure
 * not measured); the ratio is Factdeck's figure over the peer's.
 */
function recordPeer(
	figure: string,
	factdeck: number | string | null,
	peer: number | string | null,
	unit: (value: number) => string = ms
) {
	const show = (value: number | string | null) =>
		value === null
			? `not within ${PAGE_TIMEOUT / 1000} s`
			: typeof value === 'number'
				? unit(value)
				: value;
	peerRows.push({
		figure,
		value: show(factdeck),
		baseline: show(peer),
		ratio:
			typeof factdeck === 'number' && typeof peer === 'number' && peer !== 0
				? `${(factdeck / peer).toFixed(2)}x`
				: '—'
	});
	console.log(`  ${figure}: Factdeck ${show(factdeck)}, kioku ${show(peer)}`);
}

function startServer(): Promise<ChildProcess> {
	const server = spawn('node', ['scripts/serve.js', String(PORT)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		server.stdout!.once('data', () => resolve(server));
		server.on('error', reject);
		// A taken port makes serve.js exit before it prints: fail instead of waiting forever.
		server.on('exit', (code, signal) =>
			reject(new Error(`scripts/serve.js exited (${signal ?? `code ${code}`}) before serving`))
		);
	});
}

/**
 * Bundles a module run in the page (by default scripts/bench/browser.ts, the app's real data
 * layer) into one ES module string.
 */
async function browserBundle(entry = 'scripts/bench/browser.ts'): Promise<string> {
	const outDir = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-'));
	await build({
		configFile: false,
		logLevel: 'error',
		resolve: { alias: { $lib: path.resolve('src/lib') } },
		build: {
			outDir,
			emptyOutDir: true,
			minify: true,
			lib: { entry: path.resolve(entry), formats: ['es'], fileName: 'bench' }
		}
	});
	const file = readdirSync(outDir).find((name) => name.endsWith('.js'))!;
	const code = readFileSync(path.join(outDir, file), 'utf8');
	rmSync(outDir, { recursive: true, force: true });
	return code;
}

type Bench = {
	seed(
		facts: number,
		reviews: number,
		decks: number,
		fromFact?: number
	): Promise<{ memory: number; reviews: number }>;
	dueQueue(runs: number): Promise<{ app: number; raw: number; rows: number }>;
	answerCommit(runs: number): Promise<{ app: number; raw: number }>;
	studyQueue(
		runs: number
	): Promise<{ app: number; unbounded: number; raw: number; facts: number; due: number }>;
	rawStudyReads(runs: number, deckId: string): Promise<number>;
	rawProgressReads(runs: number, firstVisit: boolean): Promise<number>;
};

/** A page of the app's origin without the app's CSP, where the bench module runs. */
function benchPage(context: BrowserContext, bundle: string): Promise<Page> {
	return originPage(context, BASE, bundle, 'factdeckBench');
}

function call<K extends keyof Bench>(page: Page, name: K, ...args: Parameters<Bench[K]>) {
	return page.evaluate(
		([fn, fnArgs]) =>
			(
				globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>
			).factdeckBench[fn](...fnArgs),
		[name, args] as [string, unknown[]]
	) as ReturnType<Bench[K]>;
}

/**
 * The study page to its first card, cold and warm, beside raw reads of what that card needs
 * (median of 5).
 */
async function routeTimings(context: BrowserContext, bench: Page, label: string) {
	const { cold, warm } = await firstCard(context, bench, `${BASE}/decks/kosovo/study`, STUDY_READY);
	const raw = await call(bench, 'rawStudyReads', 5, 'kosovo');
	record(
		`study: navigation to first card, cold (${label})`,
		cold ?? 'not measured: no card shown',
		raw
	);
	record(
		`study: navigation to first card, warm (${label})`,
		warm ?? 'not measured: no card shown',
		raw
	);
	return { cold, warm };
}

/** `ANSWERS` answers on a study page, one after the other; the median and the card types seen. */
async function answers(
	context: BrowserContext,
	open: (page: Page) => Promise<number | null>,
	answer: (page: Page) => Promise<AnswerTiming>
): Promise<{ ms: number; kinds: string; transactions: number } | string> {
	const page = await context.newPage();
	try {
		if ((await open(page)) === null) throw new Error('the study page showed no card');
		const timings: AnswerTiming[] = [];
		for (let i = 0; i < ANSWERS; i++) timings.push(await answer(page));
		const kinds = [
			...new Set(
				timings.map((timing) => timing.kind + (timing.isCommitOnly ? ' (to its commit)' : ''))
			)
		].join(', ');
		return {
			ms: median(timings.map((timing) => timing.ms)),
			kinds,
			transactions: median(timings.map((timing) => timing.transactions))
		};
	} catch (error) {
		return `not measured: ${(error as Error).message.split('\n')[0]}`;
	} finally {
		await page.close();
	}
}

/**
 * The first visit counts the whole log into day totals; later visits read only new rows. Each
 * beside raw reads of the same data (the whole log once for the first visit; median of 3 next).
 */
async function progressTiming(context: BrowserContext, bench: Page, label: string) {
	const page = await context.newPage();
	const first = await timeToVisible(page, `${BASE}/progress`, PROGRESS_READY);
	const next = await timeToVisible(page, `${BASE}/progress`, PROGRESS_READY);
	await page.close();
	record(
		`/progress to charts visible, ${label}, first visit`,
		first ?? 'not measured: charts not shown',
		await call(bench, 'rawProgressReads', 1, true)
	);
	record(
		`/progress to charts visible, ${label}, next visit`,
		next ?? 'not measured: charts not shown',
		await call(bench, 'rawProgressReads', 3, false)
	);
	return first;
}

async function generation(quick: boolean) {
	const files = readDeckFolder(path.resolve('questions'), 'kosovo');
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		const start = performance.now();
		const result = buildDeck(files);
		times.push(performance.now() - start);
		if (!result.ok) throw new Error('the Kosovo deck does not build');
	}
	record('generation: Kosovo deck (validate + generate)', times.sort((a, b) => a - b)[2]);
	const extractor = path.resolve('src/lib/domain/extract/extract-facts.ts');
	if (quick) {
		record('generation: 50,000-word document', 'not measured: --quick');
		return;
	}
	if (!existsSync(extractor)) {
		record('generation: 50,000-word document', 'not measured: no extractor');
		return;
	}
	const { extractFacts } = await import('$lib/domain/extract/extract-facts');
	const text = Object.values(files.documents).join('\n');
	const words = text.split(/\s+/).length;
	const copies = Math.ceil(50_000 / words);
	const big = Array.from({ length: copies }, (_, n) =>
		text.replace(/\b(19|20)\d\d\b/g, (y) => String(Number(y) + (n % 7)))
	).join('\n');
	const start = performance.now();
	const { facts } = extractFacts(big, { documentId: 'big', title: 'Big' });
	generateDeck(
		{
			id: 'big',
			title: 'Big',
			description: 'Big.',
			version: 1,
			topics: [{ id: 'general', title: 'General' }],
			sources: [{ id: 'big', title: 'Big' }]
		},
		facts
	);
	record(
		`generation: ${big.split(/\s+/).length.toLocaleString('en')}-word document (${facts.length} facts)`,
		performance.now() - start
	);
}

function bundleSizes() {
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	for (const [label, route] of [
		['home', '/'],
		['deck', '/decks/kosovo'],
		['study', '/decks/kosovo/study'],
		['quiz', '/decks/kosovo/quiz']
	]) {
		record(`JavaScript on first load (gzip): ${label}`, kb(firstLoadSize(route).gzip));
	}
	const pages = (readdirSync('build', { recursive: true }) as string[])
		.filter((file) => file.endsWith('.html'))
		.map((file) => '/' + file.replace(/(index)?\.html$/, '').replace(/\/$/, ''));
	const largest = pages
		.map((route) => ({ route, gzip: firstLoadSize(route).gzip as number }))
		.sort((a, b) => b.gzip - a.gzip)[0];
	record(`JavaScript on first load (gzip): largest route, ${largest.route}`, kb(largest.gzip));
}

type Scores = { performance: number; accessibility: number; bestPractices: number } | string;

/**
 * One Lighthouse run (its default: mobile, simulated throttling) in a fresh browser profile, so
 * each page loads cold; `prepare` may first store data on the origin (the peer's offline user),
 * which Lighthouse then keeps (its storage reset is off; a fresh profile has nothing else).
 */
async function lighthouseRun(
	lighthouse: typeof import('lighthouse').default,
	url: string,
	prepare?: (context: BrowserContext) => Promise<void>
): Promise<Scores> {
	const port = 9400 + Math.floor(Math.random() * 400);
	const profile = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-lighthouse-'));
	const options = browserLaunchOptions();
	const context = await chromium.launchPersistentContext(profile, {
		...options,
		args: [...options.args, `--remote-debugging-port=${port}`]
	});
	try {
		if (prepare) await prepare(context);
		const result = await lighthouse(url, {
			port,
			output: 'json',
			logLevel: 'error',
			disableStorageReset: true,
			onlyCategories: ['performance', 'accessibility', 'best-practices']
		});
		if (!result) return 'n/a: Lighthouse returned no result';
		if (result.lhr.runtimeError) return `n/a: ${result.lhr.runtimeError.code}`;
		const categories = result.lhr.categories;
		const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices')
		};
	} catch (error) {
		return `n/a: ${(error as Error).message.split('\n')[0]}`;
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

async function loadLighthouse(): Promise<typeof import('lighthouse').default | string> {
	try {
		return (await import('lighthouse')).default;
	} catch (error) {
		return `n/a: lighthouse cannot be loaded (${(error as Error).message.split('\n')[0]})`;
	}
}

const threeScores = (scores: Scores) =>
	typeof scores === 'string'
		? scores
		: `${scores.performance} / ${scores.accessibility} / ${scores.bestPractices}`;

/** Factdeck's home, deck and study pages; with a peer, its home and study beside them. */
async function lighthouseScores(
	peer: { prepare: (context: BrowserContext) => Promise<void> } | null
) {
	const lighthouse = await loadLighthouse();
	const scores: Record<string, Scores> = {};
	for (const [label, route] of [
		['home', '/'],
		['deck', '/decks/kosovo'],
		['study', '/decks/kosovo/study']
	]) {
		scores[label] =
			typeof lighthouse === 'string' ? lighthouse : await lighthouseRun(lighthouse, BASE + route);
		record(
			`Lighthouse ${label}: performance / accessibility / best practices`,
			threeScores(scores[label])
		);
	}
	if (!peer) return;
	for (const [label, route] of [
		['home', '/'],
		['study', '/decks/kosovo/study']
	]) {
		const theirs =
			typeof lighthouse === 'string'
				? lighthouse
				: await lighthouseRun(lighthouse, PEER_BASE + route, peer.prepare);
		const ours = scores[label];
		const performance = (value: Scores) => (typeof value === 'string' ? value : value.performance);
		recordPeer(
			`Lighthouse mobile performance: ${label}`,
			performance(ours),
			performance(theirs),
			String
		);
		recordPeer(
			`Lighthouse ${label}: accessibility / best practices`,
			typeof ours === 'string' ? ours : `${ours.accessibility} / ${ours.bestPractices}`,
			typeof theirs === 'string' ? theirs : `${theirs.accessibility} / ${theirs.bestPractices}`
		);
	}
}

/**
 * The FSRS optimiser's fit time on 10,000 and 100,000 simulated reviews, from the command that
 * already measures it (`npm run fsrs -- bench`, fsrs-rs in WebAssembly in Node, one thread).
 */
function optimiserTimes() {
	console.log('timing the FSRS optimiser (npm run fsrs -- bench) ...');
	const result = spawnSync('node', ['scripts/run-ts.js', 'scripts/fsrs.ts', 'bench'], {
		encoding: 'utf8'
	});
	const lines = (result.stdout ?? '').split('\n');
	let found = 0;
	for (const line of lines) {
		const match = /^([\d,]+) reviews \(([\d,]+) items\): fit ([\d.]+) s/.exec(line);
		if (!match) continue;
		found++;
		record(
			`FSRS optimiser: fit on ${match[1]} simulated reviews (${match[2]} items; fsrs-rs wasm in Node)`,
			`${match[3]} s`
		);
	}
	if (found === 0) {
		const why = `${result.stderr ?? ''}`.trim().split('\n').pop() || `exit code ${result.status}`;
		record('FSRS optimiser: fit on 10,000 and 100,000 reviews', `not measured: ${why}`);
	}
}

function printTable(table: Row[], baseline: string) {
	const header: Row = {
		figure: 'figure',
		value: 'Factdeck',
		baseline,
		ratio: 'ratio'
	};
	const all = [header, ...table];
	const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
	const line = (row: Row) =>
		`| ${row.figure.padEnd(width('figure'))} | ${row.value.padStart(width('value'))} | ${row.baseline.padStart(width('baseline'))} | ${row.ratio.padStart(width('ratio'))} |`;
	console.log('');
	console.log(line(header));
	console.log(
		`|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('value') + 1)}:|${'-'.repeat(width('baseline') + 1)}:|${'-'.repeat(width('ratio') + 1)}:|`
	);
	for (const row of table) console.log(line(row));
}

/** The parts `--only` can pick; null runs them all. */
const ONLY = ['study'] as const;
type Only = (typeof ONLY)[number] | null;

function parseArgs(
	args: string[]
): { peer: string | null; quick: boolean; only: Only | undefined } | null {
	let peer: string | null = null;
	let quick = false;
	let only: string | null = null;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--quick') quick = true;
		else if (args[i] === '--only' && args[i + 1]) only = args[++i];
		else if (args[i].startsWith('--only=')) only = args[i].slice('--only='.length);
		else if (args[i] === '--peer' && args[i + 1]) peer = args[++i];
		else if (args[i].startsWith('--peer=')) peer = args[i].slice('--peer='.length);
		else return null;
	}
	// undefined: an --only this bench does not know.
	const part = only === null ? null : ONLY.find((name) => name === only);
	return { peer, quick, only: part };
}

/** The Kosovo deck's questions and answers, which the peer studies as its own deck's cards. */
function kosovoCards(): { question: string; answer: string }[] {
	const deck = JSON.parse(readFileSync('build/decks/kosovo.json', 'utf8')) as {
		facts: { question: string; answer: string }[];
	};
	return deck.facts.map(({ question, answer }) => ({ question, answer }));
}

const count = (n: number) => n.toLocaleString('en');

/**
 * The peer's half of the side-by-side: the same collections in kioku's schema, timed as
 * Factdeck's were. Returns its figures by name.
 */
/** kioku's study page once its service worker is installed: entered at home (see throughHome). */
const kiokuWarm = (page: Page) =>
	throughHome(page, PEER_BASE, KIOKU_HOME, '/decks/kosovo/study', KIOKU_CARD);

async function measureKioku(collections: { facts: number; reviews: number }[]) {
	const profile = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-peer-'));
	const context = await chromium.launchPersistentContext(profile, browserLaunchOptions());
	const figures: Record<string, number | string | null> = {};
	try {
		await installRecorder(context);
		const bundle = await browserBundle('scripts/bench/kioku-browser.ts');
		const page = await originPage(context, PEER_BASE, bundle, 'kiokuBench');
		const studied = kosovoCards();
		let facts = 0;
		let reviews = 0;
		for (const collection of collections) {
			console.log(
				`kioku: seeding up to ${count(collection.facts)} cards and ${count(collection.reviews)} reviews ...`
			);
			const counts = await page.evaluate(
				(options) =>
					(
						globalThis as unknown as {
							kiokuBench: { seed(o: unknown): Promise<{ cards: number; reviews: number }> };
						}
					).kiokuBench.seed(options),
				{
					studied,
					facts: collection.facts - facts,
					fromFact: facts,
					reviews: collection.reviews - reviews,
					fromReview: reviews,
					decks: 10
				}
			);
			facts = collection.facts;
			reviews = collection.reviews;
			console.log(
				`  kioku database: ${count(counts.cards)} cards, ${count(counts.reviews)} reviews`
			);
			const { cold, warm } = await firstCard(
				context,
				page,
				`${PEER_BASE}/decks/kosovo/study`,
				KIOKU_CARD,
				kiokuWarm
			);
			figures[`cold ${collection.facts}`] = cold;
			figures[`warm ${collection.facts}`] = warm;
			console.log(`  kioku first card: cold ${cold} ms, warm ${warm} ms`);
		}
		const answer = await answers(context, kiokuWarm, (p) => answerKioku(p, KIOKU_CARD, KIOKU_BACK));
		figures.answer = typeof answer === 'string' ? answer : answer.ms;
		figures.answerKinds = typeof answer === 'string' ? null : answer.kinds;
		if (typeof answer !== 'string')
			console.log(
				`  kioku answer: ${ms(answer.ms)} (${answer.kinds}; ${answer.transactions} transactions)`
			);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return figures;
}

async function seedKiokuOffline(
	context: BrowserContext,
	studied: { question: string; answer: string }[]
) {
	const bundle = await browserBundle('scripts/bench/kioku-browser.ts');
	const page = await originPage(context, PEER_BASE, bundle, 'kiokuBench');
	await page.evaluate(
		(options) =>
			(
				globalThis as unknown as { kiokuBench: { seed(o: unknown): Promise<unknown> } }
			).kiokuBench.seed(options),
		{ studied, facts: 0, fromFact: 0, reviews: 0, fromReview: 0, decks: 0 }
	);
	await page.close();
}

export async function main(args: string[] = []): Promise<number> {
	const options = parseArgs(args);
	if (!options) {
		console.error(USAGE);
		return 2;
	}
	if (options.only === undefined) {
		console.error(`--only takes one of: ${ONLY.join(', ')}.\n${USAGE}`);
		return 2;
	}
	const isStudyOnly = options.only === 'study';
	if (options.peer !== null && options.peer !== 'kioku') {
		console.error(`Unknown peer "${options.peer}": the only peer is kioku.\n${USAGE}`);
		return 2;
	}
	if (options.quick) {
		FACTS = Math.min(FACTS, 10_000);
		REVIEWS = Math.min(REVIEWS, 100_000);
		RUNS = 10;
	}
	if (!existsSync('build/index.html')) {
		console.error('No build/: npm run bench builds first; run it through npm.');
		return 1;
	}
	const peer = options.peer;
	if (peer) {
		try {
			ensureKiokuBuilt();
		} catch (error) {
			if (!(error instanceof PeerBuildError)) throw error;
			console.error(`npm run bench -- --peer kioku: ${error.message}`);
			return 1;
		}
	}
	const load = () =>
		loadavg()
			.map((value) => value.toFixed(1))
			.join(' ');
	const executable = browserLaunchOptions().executablePath;
	const browserVersion = executable
		? spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout.trim()
		: `Playwright's Chromium`;
	console.log(
		`machine: ${cpus().length} cores, load average ${load()} (1, 5, 15 min); node ${process.version}; ${browserVersion}`
	);
	console.log(
		`Factdeck bench: ${count(FACTS)} facts, ${count(REVIEWS)} review rows, Chromium with a persistent profile${peer ? `, beside ${peer}` : ''}\n`
	);
	/** The collections both apps' study pages are timed in, growing: cards, then reviews. */
	const collections =
		FACTS > FIRST_FACTS
			? [
					{ facts: FIRST_FACTS, reviews: 0 },
					{ facts: FACTS, reviews: REVIEWS }
				]
			: [{ facts: FACTS, reviews: REVIEWS }];
	const ours: Record<string, number | string | null> = {};
	const server = await startServer();
	const peerServer = peer ? await serveKioku(PEER_PORT) : null;
	try {
		const profile = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-profile-'));
		const context = await chromium.launchPersistentContext(profile, browserLaunchOptions());
		try {
			await installRecorder(context);
			const bundle = await browserBundle();
			const page = await benchPage(context, bundle);

			let seeded = 0;
			if (peer && collections.length > 1) {
				console.log(`seeding ${count(FIRST_FACTS)} facts ...`);
				await call(page, 'seed', FIRST_FACTS, 0, 10);
				seeded = FIRST_FACTS;
				const first = await routeTimings(context, page, `${count(FIRST_FACTS)} facts, no reviews`);
				ours[`cold ${FIRST_FACTS}`] = first.cold;
				ours[`warm ${FIRST_FACTS}`] = first.warm;
			}

			console.log(
				`seeding ${count(FACTS)} facts and ${count(Math.min(SMALL_REVIEWS, REVIEWS))} reviews ...`
			);
			await call(page, 'seed', FACTS - seeded, Math.min(SMALL_REVIEWS, REVIEWS), 10, seeded);
			if (REVIEWS > SMALL_REVIEWS && !isStudyOnly)
				await progressTiming(context, page, `${count(SMALL_REVIEWS)} review rows`);

			console.log(`seeding up to ${count(REVIEWS)} reviews ...`);
			const counts = await call(page, 'seed', 0, Math.max(0, REVIEWS - SMALL_REVIEWS), 10);
			console.log(
				`  database: ${count(counts.memory)} memory rows, ${count(counts.reviews)} review rows`
			);

			if (!isStudyOnly) {
				const due = await call(page, 'dueQueue', RUNS);
				record(
					`due queue: first ${due.rows} due facts of one deck (median of ${RUNS})`,
					due.app,
					due.raw
				);
			}
			const answer = await call(page, 'answerCommit', RUNS);
			record(`one answer committed (memory + log row, median of ${RUNS})`, answer.app, answer.raw);
			const queue = await call(page, 'studyQueue', RUNS);
			const deckSize = `a deck of ${count(queue.facts)} facts`;
			record(
				`study queue after an answer, ${deckSize}, ${queue.due} due shown (median of ${RUNS})`,
				queue.app,
				queue.raw
			);
			record(
				`  the same queue from every due row of the deck (the read it replaced)`,
				queue.unbounded,
				queue.raw
			);

			const last = await routeTimings(context, page, `${count(FACTS)} facts in the database`);
			ours[`cold ${FACTS}`] = last.cold;
			ours[`warm ${FACTS}`] = last.warm;
			if (peer) {
				const keyed = await answers(
					context,
					(p) => timeToVisible(p, `${BASE}/decks/kosovo/study`, STUDY_READY),
					(p) => answerFactdeck(p, STUDY_READY)
				);
				ours.answer = typeof keyed === 'string' ? keyed : keyed.ms;
				if (typeof keyed !== 'string')
					console.log(
						`  Factdeck answer: ${ms(keyed.ms)} (${keyed.kinds}; ${keyed.transactions} transactions)`
					);
			}
			if (!isStudyOnly)
				ours.progress = await progressTiming(context, page, `${count(counts.reviews)} review rows`);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}

		if (peer) {
			const theirs = await measureKioku(collections);
			for (const collection of collections) {
				const label =
					collection.reviews === 0
						? `${count(collection.facts)} cards, no reviews`
						: `${count(collection.facts)} cards, ${count(collection.reviews)} reviews`;
				for (const kind of ['cold', 'warm'])
					recordPeer(
						`study: navigation to first card, ${kind} (${label}${kind === 'warm' ? '; kioku from its home' : ''})`,
						ours[`${kind} ${collection.facts}`],
						theirs[`${kind} ${collection.facts}`]
					);
			}
			const commitOnly = String(theirs.answerKinds ?? '').includes('commit')
				? "; kioku's to its commit, its sync still reading after 60 s"
				: '';
			recordPeer(
				`one answer: key press to its last IndexedDB transaction (median of ${ANSWERS}${commitOnly})`,
				ours.answer,
				theirs.answer
			);
			const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
			const peerJs = kiokuFirstLoadGzip();
			recordPeer('JavaScript on first load (gzip): home', firstLoadSize('/').gzip, peerJs, kb);
			recordPeer(
				'JavaScript on first load (gzip): study',
				firstLoadSize('/decks/kosovo/study').gzip,
				peerJs,
				kb
			);
			if (!isStudyOnly)
				recordPeer(
					'quiz: JavaScript on first load (gzip)',
					kb(firstLoadSize('/decks/kosovo/quiz').gzip),
					'no quizzes'
				);
			if (!isStudyOnly)
				recordPeer(
					`/progress to charts visible, ${count(REVIEWS)} reviews, first visit`,
					ours.progress ?? 'not measured',
					'no progress page'
				);
		}

		if (!isStudyOnly) await generation(options.quick);
		bundleSizes();
		const studied = peer ? kosovoCards() : [];
		if (!isStudyOnly)
			await lighthouseScores(
				peer ? { prepare: (context) => seedKiokuOffline(context, studied) } : null
			);
	} finally {
		server.kill();
		peerServer?.close();
	}
	if (!isStudyOnly) optimiserTimes();
	console.log(`\nload average at the end: ${load()} (1, 5, 15 min)`);
	printTable(rows, 'raw IndexedDB');
	if (peer) {
		console.log(`\nSide by side with ${peer} (ratio: Factdeck's figure over ${peer}'s):`);
		printTable(peerRows, peer);
	}
	return 0;
}
