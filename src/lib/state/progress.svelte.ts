/**
 * The progress page's numbers, loaded once when the page opens. Every review chart is derived
 * from the review log's totals, which each write to the log keeps up to date (schema version
 * 7), so no visit reads the log itself.
 */
import { getDb } from '$lib/db/database';
import type { FactdeckDB } from '$lib/db/schema';
import {
	countDueByDay,
	countUnindexedMemory,
	loadActivity,
	loadAttempts,
	loadDeckMemory
} from '$lib/db/stats-repository';
import type { TableName } from '$lib/domain/backup/backup-schema';
import { getSettings } from '$lib/db/study-repository';
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

/** What the progress page is given: its database, its clock and the zone days are counted in. */
export interface ProgressDeps {
	/** The database, asked for when loading starts (the page is built while prerendering too). */
	db: () => FactdeckDB;
	/** The time now, epoch ms. */
	now: () => number;
	/** The IANA time zone the study days are counted in. */
	timeZone: () => string;
}

export const BROWSER_PROGRESS_DEPS: ProgressDeps = {
	db: getDb,
	now: () => Date.now(),
	timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone
};

export class ProgressStats {
	/** 'error' when anything failed to load; each figure is null until its data arrives. */
	status = $state<'loading' | 'ready' | 'error'>('loading');
	errorMessage = $state('');
	today = $state.raw<TodayStats | null>(null);
	heatmap = $state.raw<Heatmap | null>(null);
	weeks = $state.raw<RetentionPeriod[] | null>(null);
	months = $state.raw<RetentionPeriod[] | null>(null);
	forecast = $state.raw<Forecast | null>(null);
	decks = $state.raw<DeckStates[] | null>(null);
	quizzes = $state.raw<QuizHistory | null>(null);
	/**
	 * The tables to look for damaged rows in once the page has drawn (null until then): the small
	 * ones always, the review log and the memory rows only when a count shows rows the page had to
	 * leave out, so no visit reads the whole log or every memory row.
	 */
	damageTables = $state.raw<TableName[] | null>(null);

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
			let leftOut = 0;
			const activity = loadActivity(db, dayStartHour, timeZone).then((totals) => {
				const aggregates = totals.aggregates;
				leftOut = totals.leftOut;
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
			// Only a hint for the damage check: a failed count must not undo a drawn page.
			const unindexed = await countUnindexedMemory(db).catch(() => 0);
			this.damageTables = [
				'userDecks',
				'settings',
				...(leftOut > 0 ? (['reviews'] as const) : []),
				...(unindexed > 0 ? (['memory'] as const) : [])
			];
		} catch (error) {
			this.errorMessage = describeError(error);
			this.status = 'error';
		}
	}
}
