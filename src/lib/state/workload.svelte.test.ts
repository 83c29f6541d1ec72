import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkMemory } from '$fixtures/study-memory';
import { fixtureMemoryRow } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { saveSettings } from '$lib/db/study-repository';
import {
	simulateWorkload,
	summariseWorkload,
	weeklyTotals
} from '$lib/domain/study/optimise/workload';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { COMPARED_RETENTIONS, WorkloadState } from '$lib/state/workload.svelte';
import type {
	WorkloadEstimate,
	WorkloadMessage,
	WorkloadRequest
} from '$lib/workers/optimise.worker';

/**
 * Stands in for the optimiser worker: runs the real (pure) simulation on what the state sends,
 * shortened to 40 days so the test is quick, and answers as the worker does.
 */
class FakeWorker {
	onmessage: ((event: MessageEvent<WorkloadMessage>) => void) | null = null;
	onerror: (() => void) | null = null;
	isTerminated = false;
	requests: WorkloadRequest[] = [];
	constructor(private isFailing = false) {}
	postMessage(request: WorkloadRequest) {
		this.requests.push(request);
		setTimeout(() => {
			if (this.isTerminated) return;
			if (this.isFailing) return this.onerror?.();
			const estimates = request.inputs.map((input): WorkloadEstimate => {
				const result = simulateWorkload({ ...input, days: 40 });
				return {
					desiredRetention: input.desiredRetention,
					month: summariseWorkload(result, 30),
					year: summariseWorkload(result, 40),
					weekly: weeklyTotals(result)
				};
			});
			this.onmessage?.({ data: { kind: 'workload', estimates } } as MessageEvent<WorkloadMessage>);
		});
	}
	terminate() {
		this.isTerminated = true;
	}
}

let db: FactdeckDB;
let n = 0;
const memory = walkMemory([3, 3, 3]);
const NOW = memory.dueAt;

beforeEach(async () => {
	db = new FactdeckDB(`workload-state-${n++}`);
	await db.memory.bulkPut(
		Array.from({ length: 30 }, (_, i) => fixtureMemoryRow('kosovo', `f${i}`, memory))
	);
	await db.memory.put(fixtureMemoryRow('kosovo', 'held', memory, { suspended: 1 }));
});
afterEach(async () => {
	await db.delete();
});

function until(check: () => boolean): Promise<void> {
	return new Promise((resolve) => {
		const poll = () => (check() ? resolve() : setTimeout(poll, 5));
		poll();
	});
}

describe('WorkloadState', () => {
	it('estimates the compared retentions and the learner’s own from the saved settings', async () => {
		await saveSettings(db, {
			...DEFAULT_SETTINGS,
			desiredRetention: 0.87,
			newPerDay: 4,
			maximumInterval: 60
		});
		const worker = new FakeWorker();
		const state = new WorkloadState(
			db,
			() => NOW,
			() => worker as unknown as Worker
		);
		expect(state.status).toBe('idle');
		const running = state.estimate();
		await running;
		expect(state.status).toBe('running');
		await until(() => state.status !== 'running');
		expect(state.status).toBe('done');
		// The suspended fact is left out; the settings reach the simulation.
		expect(state.cardCount).toBe(30);
		expect(state.newPerDay).toBe(4);
		const [request] = worker.requests;
		expect(request.inputs.map((input) => input.desiredRetention)).toEqual(
			[...COMPARED_RETENTIONS, 0.87].sort((a, b) => a - b)
		);
		expect(request.inputs.every((input) => input.maximumInterval === 60)).toBe(true);
		expect(request.inputs.every((input) => input.newPerDay === 4)).toBe(true);
		expect(state.estimates).toHaveLength(5);
		expect(state.own?.desiredRetention).toBe(0.87);
		// A higher retention costs more reviews over the month.
		const byRetention = state.estimates.map((estimate) => estimate.month.reviewsPerDay);
		expect(byRetention[byRetention.length - 1]).toBeGreaterThan(byRetention[0]);
		expect(worker.isTerminated).toBe(true);
	});

	it('does not repeat the retention when it is one of the compared ones', async () => {
		const worker = new FakeWorker();
		const state = new WorkloadState(
			db,
			() => NOW,
			() => worker as unknown as Worker
		);
		await state.estimate();
		await until(() => state.status !== 'running');
		expect(state.estimates.map((estimate) => estimate.desiredRetention)).toEqual([
			...COMPARED_RETENTIONS
		]);
		expect(state.own?.desiredRetention).toBe(0.9);
	});

	it('says so in plain words when the worker fails, and can be disposed', async () => {
		const worker = new FakeWorker(true);
		const state = new WorkloadState(
			db,
			() => NOW,
			() => worker as unknown as Worker
		);
		await state.estimate();
		await until(() => state.status !== 'running');
		expect(state.status).toBe('failed');
		expect(state.message).toBe('The estimate could not be made. Nothing was changed.');
		state.dispose();
		expect(worker.isTerminated).toBe(true);
	});

	it('reports a database that cannot be read without starting the worker', async () => {
		const worker = new FakeWorker();
		const state = new WorkloadState(
			db,
			() => NOW,
			() => worker as unknown as Worker
		);
		db.close();
		await state.estimate();
		expect(state.status).toBe('failed');
		expect(state.message).not.toBe('');
		expect(worker.requests).toEqual([]);
	});
});
