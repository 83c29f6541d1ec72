// `npm run bench`: one run, one table. Every figure is measured in Chromium with a persistent
// profile (IndexedDB on disk), next to a raw IndexedDB baseline measured in the same run where one
// applies. Timings live here and never in tests: shared machines make timed assertions flaky.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { browserLaunchOptions } from './browser.js';
import { firstLoadSize } from './bundle-size.js';
import { buildDeck } from '$lib/domain/deck/build-deck';
import { generateDeck } from '$lib/domain/deck/generate';
import { readDeckFolder } from './questions.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const BASE = `http://localhost:${PORT}`;
const FACTS = Number(process.env.BENCH_FACTS ?? 100_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const SMALL_REVIEWS = 50_000;
const RUNS = 30;
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

/** Bundles scripts/bench/browser.ts (the app's real data layer) into one ES module string. */
async function browserBundle(): Promise<string> {
	const outDir = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-'));
	await build({
		configFile: false,
		logLevel: 'error',
		resolve: { alias: { $lib: path.resolve('src/lib') } },
		build: {
			outDir,
			emptyOutDir: true,
			minify: true,
			lib: { entry: path.resolve('scripts/bench/browser.ts'), formats: ['es'], fileName: 'bench' }
		}
	});
	const file = readdirSync(outDir).find((name) => name.endsWith('.js'))!;
	const code = readFileSync(path.join(outDir, file), 'utf8');
	rmSync(outDir, { recursive: true, force: true });
	return code;
}

type Bench = {
	seed(facts: number, reviews: number, decks: number): Promise<{ memory: number; reviews: number }>;
	dueQueue(runs: number): Promise<{ app: number; raw: number; rows: number }>;
	answerCommit(runs: number): Promise<{ app: number; raw: number }>;
	studyQueue(
		runs: number
	): Promise<{ app: number; unbounded: number; raw: number; facts: number; due: number }>;
	rawStudyReads(runs: number, deckId: string): Promise<number>;
	rawProgressReads(runs: number, firstVisit: boolean): Promise<number>;
};

async function benchPage(context: BrowserContext, bundle: string): Promise<Page> {
	const page = await context.newPage();
	// A page of the app's origin without the app's CSP, so the bench module may run there.
	await page.goto(`${BASE}/decks/kosovo.json`);
	await page.addScriptTag({ content: bundle, type: 'module' });
	await page.waitForFunction(() => 'factdeckBench' in globalThis);
	return page;
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

/** Milliseconds from navigation start until `selector` is visible. */
async function timeToVisible(page: Page, url: string, selector: string): Promise<number | null> {
	await page.goto(url, { waitUntil: 'commit' });
	try {
		await page.locator(selector).first().waitFor({ state: 'visible', timeout: 120_000 });
	} catch {
		return null;
	}
	return page.evaluate(() => performance.now());
}

/** The study page to its first card, beside raw reads of what that card needs (median of 5). */
async function routeTimings(context: BrowserContext, bench: Page, label: string) {
	const page = await context.newPage();
	const cold = await timeToVisible(page, `${BASE}/decks/kosovo/study`, STUDY_READY);
	const warm = await timeToVisible(page, `${BASE}/decks/kosovo/study`, STUDY_READY);
	await page.close();
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
}

async function generation() {
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

async function lighthouseScores() {
	let lighthouse: typeof import('lighthouse').default;
	try {
		lighthouse = (await import('lighthouse')).default;
	} catch {
		record('Lighthouse', 'not measured: lighthouse is not installed');
		return;
	}
	const port = 9400 + Math.floor(Math.random() * 400);
	const options = browserLaunchOptions();
	const browser = await chromium.launch({
		...options,
		args: [...options.args, `--remote-debugging-port=${port}`]
	});
	try {
		for (const [label, route] of [
			['home', '/'],
			['deck', '/decks/kosovo'],
			['study', '/decks/kosovo/study']
		]) {
			const result = await lighthouse(`${BASE}${route}`, {
				port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices']
			});
			const categories = result?.lhr.categories ?? {};
			const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
			record(
				`Lighthouse ${label}: performance / accessibility / best practices`,
				`${score('performance')} / ${score('accessibility')} / ${score('best-practices')}`
			);
		}
	} finally {
		await browser.close();
	}
}

function printTable() {
	const header: Row = {
		figure: 'figure',
		value: 'Factdeck',
		baseline: 'raw IndexedDB',
		ratio: 'ratio'
	};
	const all = [header, ...rows];
	const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
	const line = (row: Row) =>
		`| ${row.figure.padEnd(width('figure'))} | ${row.value.padStart(width('value'))} | ${row.baseline.padStart(width('baseline'))} | ${row.ratio.padStart(width('ratio'))} |`;
	console.log('');
	console.log(line(header));
	console.log(
		`|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('value') + 1)}:|${'-'.repeat(width('baseline') + 1)}:|${'-'.repeat(width('ratio') + 1)}:|`
	);
	for (const row of rows) console.log(line(row));
}

export async function main(): Promise<number> {
	if (!existsSync('build/index.html')) {
		console.error('No build/: npm run bench builds first; run it through npm.');
		return 1;
	}
	console.log(
		`Factdeck bench: ${FACTS.toLocaleString('en')} facts, ${REVIEWS.toLocaleString('en')} review rows, Chromium with a persistent profile\n`
	);
	const server = await startServer();
	try {
		const profile = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-profile-'));
		const context = await chromium.launchPersistentContext(profile, browserLaunchOptions());
		try {
			const bundle = await browserBundle();
			const page = await benchPage(context, bundle);

			console.log(
				`seeding ${FACTS.toLocaleString('en')} facts and ${SMALL_REVIEWS.toLocaleString('en')} reviews ...`
			);
			await call(page, 'seed', FACTS, SMALL_REVIEWS, 10);
			await progressTiming(context, page, `${SMALL_REVIEWS.toLocaleString('en')} review rows`);

			console.log(`seeding up to ${REVIEWS.toLocaleString('en')} reviews ...`);
			const counts = await call(page, 'seed', 0, REVIEWS - SMALL_REVIEWS, 10);
			console.log(
				`  database: ${counts.memory.toLocaleString('en')} memory rows, ${counts.reviews.toLocaleString('en')} review rows`
			);

			const due = await call(page, 'dueQueue', RUNS);
			record(
				`due queue: first ${due.rows} due facts of one deck (median of ${RUNS})`,
				due.app,
				due.raw
			);
			const answer = await call(page, 'answerCommit', RUNS);
			record(`one answer committed (memory + log row, median of ${RUNS})`, answer.app, answer.raw);
			const queue = await call(page, 'studyQueue', RUNS);
			const deckSize = `a deck of ${queue.facts.toLocaleString('en')} facts`;
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

			await routeTimings(context, page, `${FACTS.toLocaleString('en')} facts in the database`);
			await progressTiming(context, page, `${counts.reviews.toLocaleString('en')} review rows`);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
		await generation();
		bundleSizes();
		await lighthouseScores();
	} finally {
		server.kill();
	}
	printTable();
	return 0;
}
