/**
 * One self-quiz being taken: which question is showing, the answer being drafted, and the
 * verdict. Every given answer is written to the attempt row at once (so a reload resumes where
 * the learner was), and wrong ones reach the scheduler through quizRatingForScheduler.
 * The same attempt may be open in two tabs: the stored row is the truth, each question is
 * answered (and reaches the scheduler) once, and a tab whose question was answered or whose quiz
 * was finished elsewhere follows the row and says so (domain/quiz/shared-attempt).
 */
import type { AttemptRow, FactdeckDB } from '$lib/db/schema';
import {
	createAttempt,
	getAttempt,
	saveFirstAnswer,
	submitAttemptOnce
} from '$lib/db/attempts-repository';
import { getSettings, recordAnswer } from '$lib/db/study-repository';
import type { StudySettings } from '$lib/domain/study/study-settings';
import type { Answer, Deck, Grade, Item } from '$lib/domain/types';
import { gradeAnswer, scoreAttempt, type AttemptScore } from '$lib/domain/quiz/grade';
import { assembleQuiz } from '$lib/domain/quiz/quiz-assembly';
import {
	isBlankMatch,
	itemsForIds,
	parseQuizConfig,
	quizRatingForScheduler,
	type QuizConfig
} from '$lib/domain/quiz/quiz-session';
import {
	DISCARDED_ELSEWHERE,
	FINISHED_ELSEWHERE,
	answeredElsewhereNotice,
	firstOpenIndex,
	followQuizAttempt,
	quizMovedNotice
} from '$lib/domain/quiz/shared-attempt';
import { NO_TABS, withTabLock, type TabChannel } from '$lib/state/tab-sync';

export type QuizPhase = 'question' | 'feedback' | 'results';

/** Stored for a question the learner submitted without answering (grades as wrong). */
export const NO_ANSWER = '';

export class QuizRun {
	readonly deck: Deck;
	readonly items: Item[];
	readonly config: QuizConfig;
	#db: FactdeckDB;
	#settings: StudySettings;
	#tabs: TabChannel;
	/** Epoch ms when the current question was shown, for the review's duration. */
	#shownAt: number;

	/** Replaced whole on each change, so it is always plain data Dexie can store. */
	attempt = $state.raw<AttemptRow>() as AttemptRow;
	index = $state(0);
	draft = $state.raw<Answer | undefined>(undefined);
	phase = $state<QuizPhase>('question');
	lastGrade = $state.raw<Grade | null>(null);
	isBusy = $state(false);
	/** A blank matching question was submitted once: the next submit hands it in blank. */
	isBlankPending = $state(false);
	/** What another tab did to this attempt, in plain words ('' when nothing). */
	otherTabNotice = $state('');
	/** The attempt was discarded in another tab: nothing more can be saved to it. */
	isGone = $state(false);

	private constructor(
		db: FactdeckDB,
		deck: Deck,
		items: Item[],
		attempt: AttemptRow,
		config: QuizConfig,
		settings: StudySettings,
		now: number,
		tabs: TabChannel
	) {
		this.#db = db;
		this.#tabs = tabs;
		this.deck = deck;
		this.items = items;
		this.attempt = attempt;
		this.config = config;
		this.#settings = settings;
		this.#shownAt = now;
	}

	get current(): Item | undefined {
		return this.items[this.index];
	}

	get answeredCount(): number {
		return this.items.filter((item) => Object.hasOwn(this.attempt.answers, item.id)).length;
	}

	/** The attempt graded from its saved answers (cheap: a few dozen items at most). */
	get score(): AttemptScore {
		return scoreAttempt(this.items, this.attempt.answers);
	}

	get total(): number {
		return this.items.length;
	}

	get isLast(): boolean {
		return this.index >= this.items.length - 1;
	}

	/**
	 * Starts a new attempt: the items assembled from the config, or exactly `itemIds` (a retry).
	 * Throws when nothing matches the config.
	 */
	static async start(
		db: FactdeckDB,
		deck: Deck,
		config: QuizConfig,
		now: number,
		itemIds?: string[],
		tabs: TabChannel = NO_TABS
	): Promise<QuizRun> {
		const items = itemIds
			? itemsForIds(deck.items, itemIds)
			: assembleQuiz(deck.items, {
					count: config.count,
					types: config.types,
					topics: config.topics,
					seed: config.seed
				});
		if (items.length === 0) throw new Error('No questions match these types and topics.');
		const settings = await getSettings(db);
		const attempt = await createAttempt(db, {
			deckId: deck.id,
			kind: 'self',
			itemIds: items.map((item) => item.id),
			config: { ...config, count: items.length },
			startedAt: now
		});
		return new QuizRun(db, deck, items, attempt, config, settings, now, tabs);
	}

	/**
	 * Picks an unfinished attempt up at its first unanswered question (results if none is left),
	 * read again first: another tab may have answered, finished or discarded it since `row` was
	 * read. Null when it was discarded there (the caller says DISCARDED_ELSEWHERE).
	 */
	static async resume(
		db: FactdeckDB,
		deck: Deck,
		row: AttemptRow,
		now: number,
		tabs: TabChannel = NO_TABS
	): Promise<QuizRun | null> {
		const stored = await getAttempt(db, row.id);
		if (!stored) return null;
		const items = itemsForIds(deck.items, stored.itemIds);
		const config = parseQuizConfig(stored.config) ?? {
			count: items.length,
			types: [],
			topics: [],
			feedback: 'immediate',
			seed: 0
		};
		const run = new QuizRun(db, deck, items, stored, config, await getSettings(db), now, tabs);
		if (stored.submittedAt !== null) {
			run.phase = 'results';
			run.otherTabNotice = FINISHED_ELSEWHERE;
			return run;
		}
		run.index = firstOpenIndex(run.#itemIds, stored.answers);
		if (run.index >= items.length) await run.finish(now);
		return run;
	}

	/**
	 * Follows this attempt when another tab answers, finishes or discards it; returns the
	 * cleanup. `clock` gives the time a finish or a new question is stamped with (epoch ms).
	 */
	watchTabs(clock: () => number = Date.now): () => void {
		return this.#tabs.listen((message) => {
			if (message.type !== 'attempt-saved' && message.type !== 'submitted') return;
			if (message.attemptId !== this.attempt.id || this.isBusy || this.phase === 'results') return;
			void this.#reread(clock);
		});
	}

	async #reread(clock: () => number): Promise<void> {
		this.isBusy = true;
		try {
			await this.#follow(await getAttempt(this.#db, this.attempt.id), clock());
		} catch {
			// The next answer or finish reads the row again and says what happened.
		} finally {
			this.isBusy = false;
		}
	}

	get #itemIds(): string[] {
		return this.items.map((item) => item.id);
	}

	get #lockName(): string {
		return `factdeck-quiz:${this.attempt.id}`;
	}

	/** Shows what the stored row says after another tab changed it (never writes over it). */
	async #follow(row: AttemptRow | undefined, now: number): Promise<void> {
		const follow = followQuizAttempt(this.#itemIds, this.index, this.phase === 'question', row);
		if (follow.kind === 'gone' || !row) {
			this.isGone = true;
			this.otherTabNotice = DISCARDED_ELSEWHERE;
			return;
		}
		this.attempt = row;
		if (follow.kind === 'finished') {
			this.phase = 'results';
			this.otherTabNotice = FINISHED_ELSEWHERE;
		} else if (follow.kind === 'moved') {
			if (follow.index >= this.items.length) {
				await this.finish(now);
				if (this.otherTabNotice !== FINISHED_ELSEWHERE)
					this.otherTabNotice = quizMovedNotice(follow.question, true);
			} else {
				this.#show(follow.index, now);
				this.otherTabNotice = quizMovedNotice(follow.question, false);
			}
		}
	}

	#show(index: number, now: number): void {
		this.index = index;
		this.draft = undefined;
		this.lastGrade = null;
		this.isBlankPending = false;
		this.phase = 'question';
		this.#shownAt = now;
	}

	/** Grades and saves the drafted answer; shows feedback or moves on, as the config says. */
	async submit(now: number): Promise<void> {
		const item = this.current;
		if (!item || this.phase !== 'question' || this.isBusy) return;
		if (isBlankMatch(item, this.draft) && !this.isBlankPending) {
			this.isBlankPending = true;
			return;
		}
		this.isBlankPending = false;
		this.isBusy = true;
		try {
			// Submit is the learner's word: an order question left as shown is answered as shown.
			const answer =
				this.draft !== undefined
					? $state.snapshot(this.draft)
					: item.type === 'order'
						? [...item.options]
						: NO_ANSWER;
			const grade = gradeAnswer(item, answer);
			// One tab at a time saves an answer to this attempt and feeds the scheduler, so a
			// question answered in two tabs reaches the schedule once.
			const saved = await withTabLock(this.#lockName, async () => {
				const outcome = await saveFirstAnswer(this.#db, this.attempt.id, item.id, answer);
				if (outcome.outcome === 'saved') await this.#feedScheduler(item, grade, now);
				return outcome;
			});
			if (saved.outcome !== 'saved') {
				await this.#follow(saved.outcome === 'missing' ? undefined : saved.row, now);
				return;
			}
			this.attempt = saved.row;
			this.otherTabNotice = '';
			this.lastGrade = grade;
			if (this.config.feedback === 'immediate') this.phase = 'feedback';
			else await this.#advance(now);
			// Told once this tab has gone on: had the other tab heard at once that the last
			// question was answered, it would race this one to submit the quiz.
			this.#tabs.post({ type: 'attempt-saved', attemptId: this.attempt.id });
		} finally {
			this.isBusy = false;
		}
	}

	/** From feedback to the next question, or to the results after the last one. */
	async next(now: number): Promise<void> {
		if (this.phase !== 'feedback' || this.isBusy) return;
		this.isBusy = true;
		try {
			await this.#advance(now);
		} finally {
			this.isBusy = false;
		}
	}

	/**
	 * Scores the attempt from its stored answers (those given in another tab count) and marks
	 * it submitted, once: a quiz already finished in another tab shows that result instead.
	 */
	async finish(now: number): Promise<void> {
		const { row, isNew } = await withTabLock(this.#lockName, () =>
			submitAttemptOnce(this.#db, this.attempt.id, (stored) => ({
				submittedAt: now,
				score: scoreAttempt(this.items, stored.answers).score,
				durationMs: now - stored.startedAt
			}))
		);
		if (!row) {
			this.isGone = true;
			this.otherTabNotice = DISCARDED_ELSEWHERE;
			return;
		}
		this.attempt = row;
		this.phase = 'results';
		if (isNew) this.#tabs.post({ type: 'submitted', attemptId: row.id });
		else this.otherTabNotice = FINISHED_ELSEWHERE;
	}

	/** The next open question, read from the stored row (another tab may have answered some). */
	async #advance(now: number): Promise<void> {
		const row = await getAttempt(this.#db, this.attempt.id);
		const follow = followQuizAttempt(this.#itemIds, this.index, false, row);
		if (follow.kind !== 'stay' || !row) {
			await this.#follow(row, now);
			return;
		}
		this.attempt = row;
		const next = firstOpenIndex(this.#itemIds, row.answers);
		const skipped = this.#itemIds
			.slice(this.index + 1, next)
			.map((_, offset) => this.index + offset + 2);
		if (next >= this.items.length) {
			await this.finish(now);
			return;
		}
		this.#show(next, now);
		if (skipped.length > 0) this.otherTabNotice = answeredElsewhereNotice(skipped);
	}

	// Order and match items draw on several facts; the item's own fact stands for them, as in study.
	async #feedScheduler(item: Item, grade: Grade, now: number): Promise<void> {
		const rating = quizRatingForScheduler(grade);
		if (rating === null) return;
		await recordAnswer(this.#db, {
			deckId: this.deck.id,
			factId: item.factId,
			itemId: item.id,
			rating,
			now,
			durationMs: Math.max(0, now - this.#shownAt),
			settings: this.#settings,
			origin: 'quiz'
		});
	}
}
