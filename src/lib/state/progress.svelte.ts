/**
 * The progress page's numbers, loaded once when the page opens. The per-study-day review totals
 * are brought up to date in a Web Worker (or, where workers fail, on this thread in chunks that
 * yield between reads); every review chart is then derived from those few hundred totals.
 */
import { getDb } from '$lib/db/database';
import type { FactdeckDB } from '$lib/db/schema';
import {
	loadAttempts,
	loadDeckMemory,
	countDueByDay,
	updateDayAggregates,
	type AggregateResult
} from '$lib/db/stats-repository';
import { getSettings } from '$lib/db/study-repository';
import type { StatsMessage, StatsRequest } from '$lib/db/stats.worker';
import type { DayAggregate, DayAggregates } from '$lib/domain/stats/aggregate';
import { forecastEdges, forecastFromCounts, type Forecast } from '$lib/domain/stats/forecast';
import { studyDayKey } from '$lib/domain/study/study-day';
import { describeError } from '$lib/domain/errors';
import { heatmapFromAggregates, type Heatmap } from '$lib/domain/stats/heatmap';
import { quizHistory, type QuizHistory } from '$lib/domain/stats/quiz-history';
import {
	retentionByMonthFromAggregates,
	retentionByWeekFromAggregates,
	type RetentionPeriod
} from '$lib/domain/stats/retention';
import { factStates, type FactStates } from '$lib/domain/stats/states';
import { todayStatsFromAggregates, type TodayStats } from '$lib/domain/stats/today';
import { progressDeck, type ProgressDeck } from '$lib/domain/stats/progress-deck';
import { loadUserDecks } from '$lib/db/user-decks-repository';

export type { ProgressDeck, ProgressTopic } from '$lib/domain/stats/progress-deck';

export interface DeckStates {
	deck: ProgressDeck;
	states: FactStates;
}

function toMap(list: DayAggregate[]): DayAggregates {
	return new Map(list.map((aggregate) => [aggregate.day, aggregate]));
}

/** Folds the log in a worker; rejects if the worker cannot start or fails. */
function aggregateInWorker(
	request: StatsRequest,
	onProgress: (rowsRead: number, toRead: number) => void
): Promise<AggregateResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('../db/stats.worker.ts', import.meta.url), {
			type: 'module'
		});
		worker.addEventListener('message', (event: MessageEvent<StatsMessage>) => {
			const message = event.data;
			if (message.kind === 'progress') return onProgress(message.rowsRead, message.toRead);
			worker.terminate();
			if (message.kind === 'done') {
				const { rowsRead, count } = message;
				resolve({ aggregates: toMap(message.aggregates), rowsRead, count });
			} else reject(new Error(message.message));
		});
		worker.addEventListener('error', (event) => {
			worker.terminate();
			reject(new Error(event.message || 'The statistics worker failed to start'));
		});
		worker.postMessage(request);
	});
}

/** The same fold on this thread, yielding to the page between chunks. */
function aggregateHere(
	db: FactdeckDB,
	request: StatsRequest,
	onProgress: (rowsRead: number, toRead: number) => void
): Promise<AggregateResult> {
	return updateDayAggregates(db, {
		...request,
		onChunk: (rowsRead, toRead) => {
			onProgress(rowsRead, toRead);
			return new Promise((resolve) => setTimeout(resolve, 0));
		}
	});
}

/** What the progress page is given: its database, its clock and the zone days are counted in. */
export interface ProgressDeps {
	/** The database, asked for when loading starts (the page is built while prerendering too). */
	db: () => FactdeckDB;
	/** The time now, epoch ms. */
	now: () => number;
	/** The IANA time zone the study days are counted in. */
	timeZone: () => string;
	/** Folds the review log into day totals off the main thread; rejects where it cannot. */
	aggregateOffThread: typeof aggregateInWorker;
}

export const BROWSER_PROGRESS_DEPS: ProgressDeps = {
	db: getDb,
	now: () => Date.now(),
	timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
	aggregateOffThread: aggregateInWorker
};

export class ProgressStats {
	/** 'error' when anything failed to load; each figure is null until its data arrives. */
	status = $state<'loading' | 'ready' | 'error'>('loading');
	errorMessage = $state('');
	/** Reviews read from the log so far (only those new since the saved totals). */
	rowsRead = $state(0);
	/** Reviews to read in all this time. */
	toRead = $state(0);
	today = $state.raw<TodayStats | null>(null);
	heatmap = $state.raw<Heatmap | null>(null);
	weeks = $state.raw<RetentionPeriod[] | null>(null);
	months = $state.raw<RetentionPeriod[] | null>(null);
	forecast = $state.raw<Forecast | null>(null);
	decks = $state.raw<DeckStates[] | null>(null);
	quizzes = $state.raw<QuizHistory | null>(null);

	#deps: ProgressDeps;

	constructor(deps: ProgressDeps = BROWSER_PROGRESS_DEPS) {
		this.#deps = deps;
	}

	/** Loads everything for `decks` as of `now` (epoch ms); call once, in the browser. */
	async load(decks: ProgressDeck[], now: number = this.#deps.now()): Promise<void> {
		try {
			const db = this.#deps.db();
			const { dayStartHour } = await getSettings(db);
			const timeZone = this.#deps.timeZone();
			const request: StatsRequest = { dayStartHour, timeZone };
			const onProgress = (rowsRead: number, toRead: number) => {
				this.rowsRead = rowsRead;
				this.toRead = toRead;
			};
			const activity = this.#deps
				.aggregateOffThread(request, onProgress)
				.catch(() => aggregateHere(db, request, onProgress))
				.then(({ aggregates, rowsRead }) => {
					this.rowsRead = rowsRead;
					this.today = todayStatsFromAggregates(aggregates, now, dayStartHour, timeZone);
					this.heatmap = heatmapFromAggregates(aggregates, now, dayStartHour, timeZone);
					this.weeks = retentionByWeekFromAggregates(aggregates, now, dayStartHour, timeZone);
					this.months = retentionByMonthFromAggregates(aggregates, now, dayStartHour, timeZone);
				});
			const edges = forecastEdges(now, dayStartHour, timeZone);
			const due = countDueByDay(db, edges).then(({ overdue, counts }) => {
				this.forecast = forecastFromCounts(
					studyDayKey(now, dayStartHour, timeZone),
					overdue,
					counts
				);
			});
			// The learner's own decks join the built-in ones, newest last.
			const states = loadUserDecks(db)
				.then((own) => [...decks, ...own.map(progressDeck)])
				.then((all) =>
					Promise.all(
						all.map(async (deck) => {
							const factIds = deck.topics.flatMap((topic) => topic.factIds);
							return { deck, states: factStates(factIds, await loadDeckMemory(db, deck.id)) };
						})
					)
				)
				.then((list) => (this.decks = list));
			const quizzes = loadAttempts(db).then((attempts) => {
				this.quizzes = quizHistory(attempts, dayStartHour, timeZone);
			});
			await Promise.all([activity, due, states, quizzes]);
			this.status = 'ready';
		} catch (error) {
			this.errorMessage = describeError(error);
			this.status = 'error';
		}
	}
}
