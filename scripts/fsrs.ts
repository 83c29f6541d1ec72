// `npm run fsrs -- optimise backup.json`: fits FSRS parameters to a Factdeck backup's review log
// with fsrs-rs (the same WebAssembly the app runs in its worker, here in Node) and prints them with
// the log loss and RMSE of the backup's current parameters and of the fitted ones.
// `npm run fsrs -- bench`: times the fit on 10,000 and 100,000 simulated reviews.
import { readFile } from 'node:fs/promises';
import { parseBackup } from '$lib/domain/backup/backup-schema';
import { fitWithFsrsBrowser } from '$lib/domain/study/optimise/fsrs-browser-fit';
import { compareParameters, prepareReviews, readiness } from '$lib/domain/study/optimise/optimise';
import {
	PARAMETERS_SETTING_KEY,
	parametersInUse,
	parseParameterRecord
} from '$lib/domain/study/optimise/parameters';
import { simulateReviews } from '$lib/domain/study/optimise/simulate-learner';
import { loadFsrsBrowser, quietly } from './fsrs-node';

const USAGE = 'usage: npm run fsrs -- optimise <backup.json>\n       npm run fsrs -- bench';

/** A learner unlike FSRS's defaults, for the benchmark. */
const BENCH_LEARNER = [
	1.2, 3.5, 9.0, 30.0, 4.5, 1.2, 1.5, 0.05, 2.3, 0.12, 1.3, 1.2, 0.1, 0.3, 2.0, 0.35, 2.8, 0.6, 0.3,
	0.1, 0.5
];

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(4) : '—');
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(2)} %` : '—');

async function optimiseBackup(file: string): Promise<number> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		console.error(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`);
		return 1;
	}
	const parsed = parseBackup(text, Date.now());
	if (!parsed.ok) {
		console.error(`${file}: ${parsed.error}`);
		return 1;
	}
	const { reviews, settings } = parsed.value.tables;
	const record = parseParameterRecord(
		settings.find((row) => row.key === PARAMETERS_SETTING_KEY)?.value
	);
	const current = parametersInUse(record);
	const { histories, flat } = prepareReviews(reviews);
	const ready = readiness(histories);
	console.log(
		`${reviews.length} reviews; ${ready.items} usable (each after a fact's first, on a later day).`
	);
	if (!ready.isReady) {
		console.error(`Not enough to optimise: ${ready.needed} usable reviews are needed.`);
		return 1;
	}
	const lib = await loadFsrsBrowser();
	const started = performance.now();
	const fitted = quietly(() => fitWithFsrsBrowser(lib, flat));
	const fitMs = performance.now() - started;
	const report = compareParameters(histories, current, fitted);
	console.log(`Fitted in ${(fitMs / 1000).toFixed(2)} s (fsrs-rs in WebAssembly, one thread).`);
	console.log('');
	console.log(`Fitted parameters:\n  ${report.parameters.map((w) => w.toFixed(4)).join(', ')}`);
	console.log('');
	console.table({
		[record.current ? 'Current (fitted before)' : 'Current (FSRS defaults)']: {
			'log loss': fixed(report.current.logLoss),
			'RMSE (bins)': percent(report.current.rmseBins)
		},
		Fitted: {
			'log loss': fixed(report.fitted.logLoss),
			'RMSE (bins)': percent(report.fitted.rmseBins)
		}
	});
	console.log(
		report.isBetter
			? 'The fitted parameters predict these reviews better.'
			: 'The fitted parameters do not predict these reviews better; keep the current ones.'
	);
	return 0;
}

async function bench(): Promise<number> {
	const lib = await loadFsrsBrowser();
	// One small fit first, so the figures below do not include compiling the WebAssembly.
	const warmUp = simulateReviews({
		parameters: BENCH_LEARNER,
		reviews: 1_000,
		newPerDay: 5,
		seed: 1,
		startAt: 0
	});
	quietly(() => fitWithFsrsBrowser(lib, prepareReviews(warmUp).flat));
	for (const count of [10_000, 100_000]) {
		const reviews = simulateReviews({
			parameters: BENCH_LEARNER,
			reviews: count,
			newPerDay: Math.max(5, Math.round(count / 1_000)),
			seed: 16,
			startAt: Date.UTC(2025, 0, 1)
		});
		const { histories, flat } = prepareReviews(reviews);
		const started = performance.now();
		const fitted = quietly(() => fitWithFsrsBrowser(lib, flat));
		const fitMs = performance.now() - started;
		const scoreStart = performance.now();
		const report = compareParameters(histories, BENCH_LEARNER, fitted);
		const scoreMs = performance.now() - scoreStart;
		console.log(
			`${count.toLocaleString('en')} reviews (${flat.lengths.length.toLocaleString('en')} items): ` +
				`fit ${(fitMs / 1000).toFixed(2)} s, scoring both sets ${(scoreMs / 1000).toFixed(2)} s; ` +
				`log loss ${fixed(report.fitted.logLoss)} fitted, ${fixed(report.current.logLoss)} true`
		);
	}
	return 0;
}

export async function main(args: string[]): Promise<number> {
	const [command, file] = args;
	if (command === 'optimise' && file) return optimiseBackup(file);
	if (command === 'bench') return bench();
	console.error(USAGE);
	return 2;
}
