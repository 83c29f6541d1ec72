/**
 * "Optimise from my reviews" on Settings → Scheduling: reads the review log, fits FSRS
 * parameters in a worker (fsrs-rs in WebAssembly), shows how the fitted and the current
 * parameters predict the same history, applies the fitted ones when they predict it better (or
 * when the learner chooses), and keeps the replaced ones to go back to.
 */
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import type { FactdeckDB } from '$lib/db/schema';
import { describeError } from '$lib/domain/errors';
import {
	getParameterRecord,
	loadOptimiserReviews,
	saveParameterRecord
} from '$lib/db/fsrs-parameters-repository';
import {
	applyParameters,
	hasPrevious,
	parametersInUse,
	restorePrevious,
	type ParameterRecord
} from '$lib/domain/study/optimise/parameters';
import { MIN_TRAINING_ITEMS, type OptimiseReport } from '$lib/domain/study/optimise/optimise';
import { buildCardHistories, countTrainingItems } from '$lib/domain/study/optimise/training-items';
import type { OptimiseMessage, OptimisePhase, OptimiseRequest } from '$lib/workers/optimise.worker';

export type OptimiseStatus = 'loading' | 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** What the progress line says for each step. */
export const PHASE_LABELS: Record<OptimisePhase, string> = {
	loading: 'Loading the optimiser…',
	preparing: 'Reading your reviews…',
	fitting: 'Fitting parameters to your reviews…',
	scoring: 'Comparing the new parameters with the current ones…'
};

export const NOT_ISOLATED_MESSAGE =
	'The optimiser needs this page to be cross-origin isolated, which Factdeck’s offline worker provides once it is installed. Reload the page and try again.';
const FAILED_MESSAGE =
	'The optimiser stopped with an error. Your parameters are unchanged; try again later.';

/** The optimiser worker (a module worker; it loads the WebAssembly itself). */
function startOptimiseWorker(): Worker {
	return new Worker(new URL('../workers/optimise.worker.ts', import.meta.url), { type: 'module' });
}

export class OptimiseState {
	status = $state<OptimiseStatus>('loading');
	record = $state.raw<ParameterRecord | null>(null);
	/** Usable reviews in the log (each after a fact's first, on a later day). */
	items = $state(0);
	readonly needed = MIN_TRAINING_ITEMS;
	phase = $state<OptimisePhase | null>(null);
	/** 0..1 while fitting, when fsrs-rs reports it. */
	share = $state<number | null>(null);
	report = $state.raw<OptimiseReport | null>(null);
	/** Whether the fitted parameters of `report` are the ones in use now. */
	isApplied = $state(false);
	/** Plain words for the learner: what happened, or what went wrong. */
	message = $state('');
	/** Milliseconds fsrs-rs took to fit (shown, and read by the benchmark). */
	fitMs = $state<number | null>(null);

	readonly isReady = $derived(this.items >= MIN_TRAINING_ITEMS);
	readonly parameters = $derived(this.record ? parametersInUse(this.record) : null);
	readonly isCustom = $derived(this.record?.current != null);
	readonly canGoBack = $derived(this.record !== null && hasPrevious(this.record));

	#db: FactdeckDB;
	#now: () => number;
	#createWorker: () => Worker;
	#worker: Worker | null = null;
	#poll: ReturnType<typeof setInterval> | null = null;

	constructor(db: FactdeckDB, now: () => number, createWorker: () => Worker = startOptimiseWorker) {
		this.#db = db;
		this.#now = now;
		this.#createWorker = createWorker;
	}

	/** Reads the stored parameters and counts the usable reviews. */
	async load(): Promise<void> {
		try {
			const [record, reviews] = await Promise.all([
				getParameterRecord(this.#db),
				loadOptimiserReviews(this.#db)
			]);
			this.record = record;
			this.items = countTrainingItems(buildCardHistories(reviews));
			this.status = 'idle';
		} catch (error) {
			this.message = describeError(error);
			this.status = 'failed';
		}
	}

	/** Starts a fit in the worker; results arrive as messages. */
	async start(): Promise<void> {
		if (this.status === 'running' || !this.record) return;
		this.stop();
		this.status = 'running';
		this.report = null;
		this.isApplied = false;
		this.message = '';
		this.share = null;
		this.fitMs = null;
		this.phase = 'preparing';
		let reviews;
		try {
			reviews = await loadOptimiserReviews(this.#db);
		} catch (error) {
			this.fail(describeError(error));
			return;
		}
		const worker = this.#createWorker();
		this.#worker = worker;
		worker.onmessage = (event: MessageEvent<OptimiseMessage>) => void this.receive(event.data);
		worker.onerror = () => this.fail(FAILED_MESSAGE);
		const request: OptimiseRequest = {
			kind: 'optimise',
			wasmUrl,
			reviews,
			current: [...parametersInUse(this.record)]
		};
		worker.postMessage(request);
	}

	/** Stops a running fit; nothing is changed. */
	cancel(): void {
		if (this.status !== 'running') return;
		this.stop();
		this.status = 'cancelled';
		this.message = 'Optimisation cancelled. Your parameters are unchanged.';
	}

	/** Puts the fitted parameters of the last report in use, whether or not they scored better. */
	async useFitted(): Promise<void> {
		if (!this.report || !this.record || this.isApplied) return;
		await this.save(applyParameters(this.record, this.report.parameters, this.#now()), () => {
			this.isApplied = true;
			this.message = 'The new parameters are in use; your previous ones are kept.';
		});
	}

	/** Goes back to the parameters in use before the last change. */
	async goBack(): Promise<void> {
		if (!this.record || !hasPrevious(this.record)) return;
		await this.save(restorePrevious(this.record, this.#now()), () => {
			this.isApplied = false;
			this.message = 'Your previous parameters are in use again.';
		});
	}

	private async save(next: ParameterRecord, onSaved: () => void): Promise<void> {
		try {
			await saveParameterRecord(this.#db, next);
			this.record = next;
			onSaved();
		} catch (error) {
			this.message = describeError(error);
		}
	}

	private async receive(message: OptimiseMessage): Promise<void> {
		switch (message.kind) {
			case 'phase':
				this.phase = message.phase;
				if (message.phase !== 'fitting') this.stopPolling();
				if (message.items !== undefined) this.items = message.items;
				return;
			case 'progress-memory':
				this.pollProgress(message.buffer, message.pointer);
				return;
			case 'not-enough':
				this.stop();
				this.items = message.items;
				this.status = 'idle';
				this.message = `Not enough reviews yet: ${message.items} of the ${message.needed} needed.`;
				return;
			case 'error':
				this.fail(message.message === 'not-isolated' ? NOT_ISOLATED_MESSAGE : FAILED_MESSAGE);
				return;
			case 'done':
				this.stop();
				this.report = message.report;
				this.items = message.items;
				this.fitMs = message.fitMs;
				if (message.report.isBetter) {
					await this.useFitted();
					if (this.isApplied)
						this.message =
							'The new parameters predict your reviews better, so they are now in use. Your previous ones are kept.';
				} else {
					this.message =
						'The new parameters do not predict your reviews better, so your current ones stay. You can still use the new ones.';
				}
				// Done only once a better fit is saved, so "done" always means "as shown".
				this.status = 'done';
		}
	}

	/** Reads fsrs-rs's [done, total] from the shared wasm memory a few times a second. */
	private pollProgress(buffer: ArrayBufferLike, pointer: number): void {
		this.stopPolling();
		const view = new Uint32Array(buffer, pointer, 2);
		this.#poll = setInterval(() => {
			const [done, total] = [view[0], view[1]];
			if (total > 0 && done <= total) this.share = done / total;
		}, 250);
	}

	private fail(message: string): void {
		this.stop();
		this.status = 'failed';
		this.message = message;
	}

	private stopPolling(): void {
		if (this.#poll !== null) clearInterval(this.#poll);
		this.#poll = null;
	}

	private stop(): void {
		this.stopPolling();
		this.#worker?.terminate();
		this.#worker = null;
	}

	/** Ends any fit in progress (the panel calls this when it goes away). */
	dispose(): void {
		this.stop();
	}
}
