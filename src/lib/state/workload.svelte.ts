/**
 * The workload estimate beside the retention choice on Settings → Scheduling: simulates the
 * learner's collection for a year at a few desired retentions (in the optimiser's worker, as it
 * takes a second or more) with the parameters in use and the daily new-fact limit.
 */
import type { FactdeckDB } from '$lib/db/schema';
import { describeError } from '$lib/domain/errors';
import { getParameterRecord, loadWorkloadCards } from '$lib/db/fsrs-parameters-repository';
import { getSettings } from '$lib/db/study-repository';
import { parametersInUse } from '$lib/domain/study/optimise/parameters';
import type { WorkloadInput } from '$lib/domain/study/optimise/workload';
import type {
	WorkloadEstimate,
	WorkloadMessage,
	WorkloadRequest
} from '$lib/workers/optimise.worker';

/** The retentions compared, besides the learner's own. */
export const COMPARED_RETENTIONS = [0.8, 0.85, 0.9, 0.95] as const;

function startWorker(): Worker {
	return new Worker(new URL('../workers/optimise.worker.ts', import.meta.url), { type: 'module' });
}

export class WorkloadState {
	status = $state<'idle' | 'running' | 'done' | 'failed'>('idle');
	estimates = $state.raw<WorkloadEstimate[]>([]);
	/** The learner's desired retention when the estimate was made. */
	desiredRetention = $state(0.9);
	newPerDay = $state(0);
	cardCount = $state(0);
	message = $state('');

	readonly own = $derived(
		this.estimates.find((estimate) => estimate.desiredRetention === this.desiredRetention) ?? null
	);

	#db: FactdeckDB;
	#now: () => number;
	#createWorker: () => Worker;
	#worker: Worker | null = null;

	constructor(db: FactdeckDB, now: () => number, createWorker: () => Worker = startWorker) {
		this.#db = db;
		this.#now = now;
		this.#createWorker = createWorker;
	}

	/** Runs the simulations for the compared retentions and the learner's own. */
	async estimate(): Promise<void> {
		if (this.status === 'running') return;
		this.status = 'running';
		this.message = '';
		let inputs: WorkloadInput[];
		try {
			const now = this.#now();
			const [settings, record] = await Promise.all([
				getSettings(this.#db),
				getParameterRecord(this.#db)
			]);
			const cards = await loadWorkloadCards(this.#db, now, settings.dayStartHour);
			this.desiredRetention = settings.desiredRetention;
			this.newPerDay = settings.newPerDay;
			this.cardCount = cards.length;
			const retentions = [...COMPARED_RETENTIONS, settings.desiredRetention]
				.filter((value, index, all) => all.indexOf(value) === index)
				.sort((a, b) => a - b);
			inputs = retentions.map((desiredRetention) => ({
				parameters: [...parametersInUse(record)],
				desiredRetention,
				cards,
				newPerDay: settings.newPerDay,
				maximumInterval: settings.maximumInterval,
				days: 365,
				seed: 16
			}));
		} catch (error) {
			this.status = 'failed';
			this.message = describeError(error);
			return;
		}
		this.#worker?.terminate();
		const worker = this.#createWorker();
		this.#worker = worker;
		worker.onmessage = (event: MessageEvent<WorkloadMessage>) => {
			this.estimates = event.data.estimates;
			this.status = 'done';
			worker.terminate();
		};
		worker.onerror = () => {
			this.status = 'failed';
			this.message = 'The estimate could not be made. Nothing was changed.';
			worker.terminate();
		};
		worker.postMessage({ kind: 'workload', inputs } satisfies WorkloadRequest);
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
