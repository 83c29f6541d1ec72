import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB } from '$lib/db/schema';
import { getParameterRecord } from '$lib/db/fsrs-parameters-repository';
import { getSettings } from '$lib/db/study-repository';
import { DEFAULT_PARAMETERS } from '$lib/domain/study/optimise/parameters';
import { compareParameters, prepareReviews } from '$lib/domain/study/optimise/optimise';
import { simulateReviews } from '$lib/domain/study/optimise/simulate-learner';
import { OptimiseState } from '$lib/state/optimise.svelte';
import type { OptimiseMessage, OptimiseRequest } from '$lib/workers/optimise.worker';

const LEARNER = [
	1.2, 3.5, 9.0, 30.0, 4.5, 1.2, 1.5, 0.05, 2.3, 0.12, 1.3, 1.2, 0.1, 0.3, 2.0, 0.35, 2.8, 0.6, 0.3,
	0.1, 0.5
];
const NOW = Date.UTC(2025, 6, 1);

/**
 * Stands in for the optimiser worker: "fits" by returning fixed parameters and scores them with
 * the real comparison, so the state sees the messages the worker sends.
 */
class FakeWorker {
	onmessage: ((event: MessageEvent<OptimiseMessage>) => void) | null = null;
	onerror: (() => void) | null = null;
	isTerminated = false;
	constructor(
		private fitted: number[],
		private isHeld = false
	) {}
	postMessage(request: OptimiseRequest) {
		const send = (message: OptimiseMessage) =>
			this.onmessage?.({ data: message } as MessageEvent<OptimiseMessage>);
		setTimeout(() => {
			if (this.isTerminated) return;
			send({ kind: 'phase', phase: 'fitting', items: 0 });
			if (this.isHeld) return;
			const { histories } = prepareReviews(request.reviews);
			const report = compareParameters(histories, request.current, this.fitted);
			send({ kind: 'done', report, items: report.current.count, fitMs: 1 });
		});
	}
	terminate() {
		this.isTerminated = true;
	}
}

let db: FactdeckDB;
let n = 0;
beforeEach(async () => {
	db = new FactdeckDB(`optimise-state-${n++}`);
	const reviews = simulateReviews({
		parameters: LEARNER,
		reviews: 1_500,
		newPerDay: 5,
		seed: 9,
		startAt: NOW - 400 * 86_400_000
	});
	await db.reviews.bulkAdd(
		reviews.map((r) => ({
			...r,
			itemId: 'i',
			durationMs: 1,
			before: r.before === null ? null : { ...emptyMemory(), state: 2 as const },
			after: emptyMemory(),
			origin: 'study' as const
		}))
	);
});
afterEach(async () => {
	await db.delete();
});

function emptyMemory() {
	return {
		dueAt: 0,
		stability: 1,
		difficulty: 5,
		scheduledDays: 1,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: 2 as const,
		lastReviewAt: 0
	};
}

async function settle(state: OptimiseState) {
	for (let i = 0; i < 100 && state.status === 'running'; i++) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('OptimiseState', () => {
	it('counts usable reviews, applies better parameters, keeps the old ones and goes back', async () => {
		const state = new OptimiseState(
			db,
			() => NOW,
			() => new FakeWorker(LEARNER) as never
		);
		await state.load();
		expect(state.isReady).toBe(true);
		expect(state.isCustom).toBe(false);

		await state.start();
		await settle(state);
		expect(state.status).toBe('done');
		expect(state.report!.fitted.logLoss).toBeLessThan(state.report!.current.logLoss);
		expect(state.isApplied).toBe(true);
		expect((await getSettings(db)).parameters).toEqual(LEARNER);

		await state.goBack();
		expect(state.isCustom).toBe(false);
		expect((await getParameterRecord(db)).current).toBeNull();
		expect((await getSettings(db)).parameters).toBeUndefined();
	});

	it('keeps the current parameters when the fitted ones are worse, unless the learner chooses', async () => {
		const worse = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w / 3 : w));
		const state = new OptimiseState(
			db,
			() => NOW,
			() => new FakeWorker(worse) as never
		);
		await state.load();
		await state.start();
		await settle(state);
		expect(state.report!.isBetter).toBe(false);
		expect(state.isApplied).toBe(false);
		expect((await getParameterRecord(db)).current).toBeNull();

		await state.useFitted();
		expect((await getSettings(db)).parameters).toEqual(worse);
		expect(state.canGoBack).toBe(true);
	});

	it('cancels a running fit without changing anything', async () => {
		let worker: FakeWorker | null = null;
		const state = new OptimiseState(
			db,
			() => NOW,
			() => {
				worker = new FakeWorker(LEARNER, true);
				return worker as never;
			}
		);
		await state.load();
		await state.start();
		state.cancel();
		expect(state.status).toBe('cancelled');
		expect(worker!.isTerminated).toBe(true);
		expect((await getParameterRecord(db)).current).toBeNull();
	});
});
