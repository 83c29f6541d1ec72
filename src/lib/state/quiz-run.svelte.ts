/**
 * One self-quiz being taken: which question is showing, the answer being drafted, and the
 * verdict. Every given answer is written to the attempt row at once (so a reload resumes where
 * the learner was), and wrong ones reach the scheduler through quizRatingForScheduler.
 */
import type { AttemptRow, FactdeckDB } from '$lib/db/schema';
import { createAttempt, saveAnswer, submitAttempt } from '$lib/db/attempts-repository';
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
	resumeIndex,
	type QuizConfig
} from '$lib/domain/quiz/quiz-session';

export type QuizPhase = 'question' | 'feedback' | 'results';

/** Stored for a question the learner submitted without answering (grades as wrong). */
export const NO_ANSWER = '';

export class QuizRun {
	readonly deck: Deck;
	readonly items: Item[];
	readonly config: QuizConfig;
	#db: FactdeckDB;
	#settings: StudySettings;
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

	private constructor(
		db: FactdeckDB,
		deck: Deck,
		items: Item[],
		attempt: AttemptRow,
		config: QuizConfig,
		settings: StudySettings,
		now: number
	) {
		this.#db = db;
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
		itemIds?: string[]
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
		return new QuizRun(db, deck, items, attempt, config, settings, now);
	}

	/** Picks an unfinished attempt up at its first unanswered question (results if none is left). */
	static async resume(db: FactdeckDB, deck: Deck, row: AttemptRow, now: number): Promise<QuizRun> {
		const items = itemsForIds(deck.items, row.itemIds);
		const config = parseQuizConfig(row.config) ?? {
			count: items.length,
			types: [],
			topics: [],
			feedback: 'immediate',
			seed: 0
		};
		const run = new QuizRun(db, deck, items, row, config, await getSettings(db), now);
		run.index = resumeIndex(
			items.map((item) => item.id),
			row.answers
		);
		if (run.index >= items.length) await run.finish(now);
		return run;
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
			await saveAnswer(this.#db, this.attempt.id, item.id, answer);
			this.attempt = { ...this.attempt, answers: { ...this.attempt.answers, [item.id]: answer } };
			await this.#feedScheduler(item, grade, now);
			this.lastGrade = grade;
			if (this.config.feedback === 'immediate') this.phase = 'feedback';
			else await this.#advance(now);
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

	/** Scores the attempt from its saved answers and marks it submitted. */
	async finish(now: number): Promise<void> {
		const score = scoreAttempt(this.items, this.attempt.answers).score;
		const submission = { submittedAt: now, score, durationMs: now - this.attempt.startedAt };
		await submitAttempt(this.#db, this.attempt.id, submission);
		this.attempt = { ...this.attempt, ...submission };
		this.phase = 'results';
	}

	async #advance(now: number): Promise<void> {
		if (this.isLast) {
			await this.finish(now);
			return;
		}
		this.index += 1;
		this.draft = undefined;
		this.lastGrade = null;
		this.phase = 'question';
		this.#shownAt = now;
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
