/**
 * Fits FSRS parameters to the learner's review log off the main thread: fsrs-rs (fsrs-browser's
 * WebAssembly) runs for seconds on a large log. The wasm is fetched only when a fit starts, from
 * the app's own files (precached by the service worker, so it works offline). It declares
 * shared memory, which the browser allows only when the page is cross-origin isolated.
 *
 * Progress: fsrs-rs writes [items done, items total] into its memory while it trains; since that
 * memory is shared, the worker posts the buffer and the offset once and the page reads them.
 * Cancelling is terminating the worker: the fit is one synchronous call.
 */
import init, { Fsrs, Progress } from 'fsrs-browser';
import { fitWithFsrsBrowser } from '$lib/domain/study/optimise/fsrs-browser-fit';
import {
	compareParameters,
	prepareReviews,
	readiness,
	type OptimiseReport
} from '$lib/domain/study/optimise/optimise';
import type { LoggedReview } from '$lib/domain/study/optimise/training-items';
import {
	simulateWorkload,
	summariseWorkload,
	weeklyTotals,
	type WorkloadInput,
	type WorkloadSummary
} from '$lib/domain/study/optimise/workload';

export interface OptimiseRequest {
	kind: 'optimise';
	/**
	 * Where the page's build put fsrs-rs's wasm: imported by the page (as a URL only) so the file
	 * is part of the app's build, which the service worker caches whole for offline use.
	 */
	wasmUrl: string;
	reviews: LoggedReview[];
	/** The parameters in use now, to compare the fitted ones against. */
	current: number[];
}

/** Workload estimates, one per desired retention (the simulation takes a second or more). */
export interface WorkloadRequest {
	kind: 'workload';
	inputs: WorkloadInput[];
}

export interface WorkloadEstimate {
	desiredRetention: number;
	month: WorkloadSummary;
	year: WorkloadSummary;
	/** Reviews per week over the year. */
	weekly: number[];
}

export type WorkloadMessage = { kind: 'workload'; estimates: WorkloadEstimate[] };

export type OptimisePhase = 'loading' | 'preparing' | 'fitting' | 'scoring';

export type OptimiseMessage =
	| { kind: 'phase'; phase: OptimisePhase; items?: number }
	| { kind: 'progress-memory'; buffer: ArrayBufferLike; pointer: number }
	| { kind: 'done'; report: OptimiseReport; items: number; fitMs: number }
	| { kind: 'not-enough'; items: number; needed: number }
	| { kind: 'error'; message: string };

addEventListener('message', async (event: MessageEvent<OptimiseRequest | WorkloadRequest>) => {
	if (event.data.kind === 'workload') {
		const estimates = event.data.inputs.map((input): WorkloadEstimate => {
			const result = simulateWorkload(input);
			return {
				desiredRetention: input.desiredRetention,
				month: summariseWorkload(result, 30),
				year: summariseWorkload(result, 365),
				weekly: weeklyTotals(result)
			};
		});
		postMessage({ kind: 'workload', estimates } satisfies WorkloadMessage);
		return;
	}
	optimiseLog(event.data);
});

async function optimiseLog(request: OptimiseRequest): Promise<void> {
	const send = (message: OptimiseMessage) => postMessage(message);
	try {
		if (!crossOriginIsolated) {
			send({ kind: 'error', message: 'not-isolated' });
			return;
		}
		send({ kind: 'phase', phase: 'loading' });
		const wasm = await init({ module_or_path: request.wasmUrl });
		send({ kind: 'phase', phase: 'preparing' });
		const { histories, flat } = prepareReviews(request.reviews);
		const ready = readiness(histories);
		if (!ready.isReady) {
			send({ kind: 'not-enough', items: ready.items, needed: ready.needed });
			return;
		}
		send({ kind: 'phase', phase: 'fitting', items: ready.items });
		const progress = Progress.new();
		send({ kind: 'progress-memory', buffer: wasm.memory.buffer, pointer: progress.pointer() });
		const started = performance.now();
		const parameters = fitWithFsrsBrowser({ Fsrs, Progress }, flat, progress);
		const fitMs = performance.now() - started;
		send({ kind: 'phase', phase: 'scoring' });
		const report = compareParameters(histories, request.current, parameters);
		send({ kind: 'done', report, items: ready.items, fitMs });
	} catch (error) {
		send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}
