/**
 * One study session over one or more decks. Nothing lives only in memory: every answer is written
 * by recordAnswer before the next card is chosen, and the next card always comes from a fresh
 * read of the database, so a closed tab loses nothing and a reopened one resumes.
 */
import { sourceSentenceOpen } from './preferences';
import { SvelteSet } from 'svelte/reactivity';
import { getDb } from '$lib/db/database';
import type { FactdeckDB, MemoryRow } from '$lib/db/schema';
import { balancePreview } from '$lib/db/load-balance-repository';
import {
	changeRating,
	countToday,
	getMemory,
	getSettings,
	knownFactIds,
	loadStudyQueue,
	nextDueAt,
	recordAnswerIfUnchanged,
	setSuspended,
	undoReview
} from '$lib/db/study-repository';
import { describeError } from '$lib/domain/errors';
import { gradeAnswer, ratingFor } from '$lib/domain/quiz/grade';
import {
	previewIntervals,
	type IntervalPreview,
	type StudyRating
} from '$lib/domain/study/fsrs-adapter';
import { cardSeed, pickStudyItem, STUDY_ITEM_TYPES } from '$lib/domain/study/item-choice';
import { factKey, memoryFieldProblem } from '$lib/domain/study/memory';
import { pickApart, SIBLING_GAP } from '$lib/domain/study/siblings';
import { combineDone, shouldWait, summariseDone } from '$lib/domain/study/session-summary';
import { RATING_LABELS, type StudyPhase } from '$lib/domain/study/study-keys';
import {
	focusQueue,
	orderedEntries,
	studyFactIds,
	studyFactIdSet,
	sumCounts,
	vanishedFactIds,
	type QueueCounts,
	type StudyQueue
} from '$lib/domain/study/study-queue';
import { nextStudyDayStart, studyDayStart } from '$lib/domain/study/study-day';
import {
	DEFAULT_SETTINGS,
	settingsForDeck,
	type StudySettings
} from '$lib/domain/study/study-settings';
import { addCounts, NO_ANSWERS, type TodayCounts } from '$lib/domain/study/today-counts';
import type { Answer, Deck, Fact, Grade, Item, MemorySnapshot } from '$lib/domain/types';
import { loadDeck } from '$lib/state/deck-loader';
import { NO_TABS, tabChannel, type TabChannel, type TabMessage } from '$lib/state/tab-sync';

/** What a study session is given: its database, its clock and how it loads a deck. */
export interface StudyDeps {
	/** The database, asked for when first needed (a page may build a session while prerendering). */
	db: () => FactdeckDB;
	/** The time now, epoch ms. */
	now: () => number;
	loadDeck: (deckId: string) => Promise<Deck>;
	/** Runs `run` once after `ms`; returns what cancels it. */
	setTimer: (run: () => void, ms: number) => () => void;
	/** The other tabs of this browser (none when left out). */
	tabs?: () => TabChannel;
}

/** The browser's: the app's one database, the system clock, decks from the network or storage. */
export const BROWSER_STUDY_DEPS: StudyDeps = {
	db: getDb,
	now: () => Date.now(),
	loadDeck: (deckId) => loadDeck(deckId),
	setTimer: (run, ms) => {
		const id = setTimeout(run, ms);
		return () => clearTimeout(id);
	},
	tabs: tabChannel
};

/**
 * The decks that /study works through, in order: the built-in deck, then the learner's own decks
 * (IndexedDB `userDecks`), oldest first.
 */
export async function listStudyDeckIds(db: FactdeckDB = getDb()): Promise<string[]> {
	const { listUserDeckIds } = await import('$lib/db/user-decks-repository');
	return ['kosovo', ...(await listUserDeckIds(db))];
}

/**
 * Starts what a study page's first card waits for, before the page is built: the decks' files
 * (loadDeck keeps the promise, so the session's own call gets the same one) and the database's
 * opening. A failure here is not reported: the session meets it again, asking for the same.
 */
export function startStudyReads(deckIds: readonly string[], deps: StudyDeps = BROWSER_STUDY_DEPS) {
	for (const deckId of deckIds) deps.loadDeck(deckId).catch(() => undefined);
	deps
		.db()
		.open()
		.catch(() => undefined);
}

/** How often (ms) a waiting session looks again for a learning card that has fallen due. */
const WAIT_POLL_MS = 5_000;

export type StudyStatus = 'loading' | 'error' | 'studying' | 'waiting' | 'done';

/** The card on screen: one item of one fact, with the memory it was shown with. */
export interface ShownCard {
	deck: Deck;
	fact: Fact;
	item: Item;
	/** The fact's memory before this answer; null for a new fact. */
	memory: MemorySnapshot | null;
	isNew: boolean;
	/** Epoch ms when the card was shown, for the answer's duration. */
	shownAt: number;
}

export interface LeechInfo {
	deckId: string;
	fact: Fact;
}

interface DeckState {
	deck: Deck;
	queue: StudyQueue;
	/** Facts of the deck with any memory row (read for a focused session only). */
	known?: Set<string>;
	today: TodayCounts;
	/** The memory rows the queue was built from, by fact id (absent for a focused session). */
	rows?: Map<string, MemoryRow>;
}

export class StudySession {
	status = $state<StudyStatus>('loading');
	error = $state<string | null>(null);
	decks = $state.raw<Deck[]>([]);
	settings = $state.raw<StudySettings>(DEFAULT_SETTINGS);
	counts = $state.raw<QueueCounts>({ new: 0, learning: 0, due: 0 });
	/** What was answered today across the session's decks. */
	today = $state.raw<TodayCounts>(NO_ANSWERS);
	card = $state.raw<ShownCard | null>(null);
	isRevealed = $state(false);
	answer = $state<Answer | undefined>(undefined);
	grade = $state.raw<Grade | null>(null);
	chosenRating = $state<StudyRating | null>(null);
	preview = $state.raw<IntervalPreview | null>(null);
	isSourceOpen = $state(false);
	/** Answers given in this session that can still be taken back. */
	undoable = $state(0);
	/** Feedback for the live region. */
	message = $state('');
	leech = $state.raw<LeechInfo | null>(null);
	doneMessage = $state('');
	waitUntil = $state<number | null>(null);
	/** Epoch ms, ticking while waiting so the countdown moves. */
	now = $state(0);
	vanished = $state.raw<{ deckId: string; title: string; count: number }[]>([]);
	isBusy = $state(false);

	readonly deckIds: string[];
	/** Facts chosen for a focused session ("study this sentence now"); empty for a normal one. */
	readonly focus: ReadonlySet<string>;
	/** Facts answered in this focused session (their answers are stored; this only steers it). */
	#focusAnswered = new SvelteSet<string>();
	/** The facts of the last few cards shown, so their siblings wait (domain/study/siblings). */
	#recentFacts: Fact[] = [];
	/** Cancels the pending wake-up (a waiting poll, or the start of the next study day). */
	#cancelTimer: (() => void) | null = null;
	#deps: StudyDeps;
	/** The stored review of the auto-graded card on screen, once saved at Check. */
	#savedReviewId: number | null = null;
	#savedRating: StudyRating | null = null;
	/** Settles when every queued write (an answer saved at Check, a rating change) has. */
	#writes: Promise<void> = Promise.resolve();
	/** Review ids of the answers this session (this tab) gave, oldest first: undo takes these only. */
	#ownReviews: number[] = [];
	#tabs: TabChannel;
	#stopListening: (() => void) | null = null;

	constructor(
		deckIds: string[],
		focusFactIds: readonly string[] = [],
		deps: StudyDeps = BROWSER_STUDY_DEPS
	) {
		this.deckIds = deckIds;
		this.focus = new SvelteSet(focusFactIds);
		this.#deps = deps;
		this.#tabs = deps.tabs?.() ?? NO_TABS;
		this.now = deps.now();
	}

	get #db(): FactdeckDB {
		return this.#deps.db();
	}

	get isFocused(): boolean {
		return this.focus.size > 0;
	}

	get phase(): StudyPhase {
		if (!this.card) return 'idle';
		return this.isRevealed ? 'answered' : 'question';
	}

	get isSelfGraded(): boolean {
		return this.card?.item.type === 'flashcard';
	}

	get canUndo(): boolean {
		return this.undoable > 0 && !this.isBusy;
	}

	/** Loads the decks and settings, notes vanished facts, and shows the first card. */
	async start(): Promise<void> {
		this.#stopListening ??= this.#tabs.listen((message) => void this.#onOtherTab(message));
		try {
			const [decks, settings] = await Promise.all([
				Promise.all(this.deckIds.map((id) => this.#deps.loadDeck(id))),
				getSettings(this.#db)
			]);
			this.decks = decks;
			this.settings = settings;
			await this.#showNext(await this.#readQueues());
			// Rows of facts a deck no longer has: every key of the deck, read once the card shows.
			await this.#noteVanished();
		} catch (error) {
			this.fail(error);
		}
	}

	async #noteVanished(): Promise<void> {
		const db = this.#db;
		const counts = await Promise.all(
			this.decks.map(async (deck) => ({
				deckId: deck.id,
				title: deck.title,
				count: vanishedFactIds(
					await knownFactIds(db, deck.id),
					deck.facts.map((f) => f.id)
				).length
			}))
		);
		this.vanished = counts.filter((v) => v.count > 0);
	}

	/** Stops the waiting timer; call when the screen goes away. */
	destroy(): void {
		this.#stopTimer();
		this.#stopListening?.();
		this.#stopListening = null;
	}

	/** Reads every queue again and shows the next card, or the waiting or done state. */
	async refresh(): Promise<void> {
		await this.#showNext(await this.#readQueues());
	}

	/** Shows the next card of freshly read queues, or the waiting or done state. */
	async #showNext(states: DeckState[]): Promise<void> {
		// Siblings apart: a card that would give away one of the last few waits its turn.
		// A fact whose memory row is damaged cannot be scheduled: it is left out (the page names it).
		const isDamaged = (c: { deckId: string; entry: { factId: string } }) => {
			const row = states.find((s) => s.deck.id === c.deckId)?.rows?.get(c.entry.factId);
			return row !== undefined && memoryFieldProblem(row) !== null;
		};
		const candidates = orderedEntries(
			states.map((s) => ({ deckId: s.deck.id, queue: s.queue.queue }))
		)
			.filter((c) => !isDamaged(c))
			.slice(0, 30);
		const factOf = (c: { deckId: string; entry: { factId: string } }) =>
			states.find((s) => s.deck.id === c.deckId)?.deck.facts.find((f) => f.id === c.entry.factId);
		const next = pickApart(candidates, factOf, this.#recentFacts);
		if (next) {
			this.#stopTimer();
			const state = states.find((s) => s.deck.id === next.deckId);
			const memory = state?.rows ? (state.rows.get(next.entry.factId) ?? null) : undefined;
			await this.#show(next.deckId, next.entry.factId, next.entry.isNew, undefined, memory);
			this.status = 'studying';
			return;
		}
		await this.#finish(states);
	}

	reveal(): void {
		if (this.phase !== 'question' || !this.isSelfGraded) return;
		this.#answered();
		this.message = 'Answer shown. Grade yourself from 1 Again to 4 Easy.';
	}

	/** Chooses an option and checks it at once. */
	async choose(value: string): Promise<void> {
		if (this.phase !== 'question' || this.isSelfGraded) return;
		this.answer = value;
		await this.submit();
	}

	/**
	 * Grades an auto-graded answer and saves it at once with its automatic rating, so a reload
	 * before Continue loses nothing; `giveUp` submits no answer ("I don't know").
	 */
	async submit(giveUp = false): Promise<void> {
		if (this.phase !== 'question' || this.isSelfGraded || !this.card || this.isBusy) return;
		const isBlank =
			this.answer === undefined || (typeof this.answer === 'string' && !this.answer.trim());
		if (isBlank && !giveUp) {
			this.message = 'Choose or type an answer first, or choose “I don’t know”.';
			return;
		}
		const grade = gradeAnswer(this.card.item, giveUp ? undefined : this.answer);
		const rating = ratingFor(grade);
		this.grade = grade;
		this.chosenRating = rating;
		this.#answered();
		const verdict = grade.isCorrect
			? grade.hasTypo
				? 'Right, with a small typo.'
				: 'Right.'
			: `Not quite. The answer is ${grade.expected}.`;
		this.message = `${verdict} Rated ${RATING_LABELS[rating]}; press Enter to go on.`;
		// Not behind isBusy: the learner may already change the rating or go on; those writes
		// queue behind this one.
		await this.#queueWrite(() => this.#save(rating));
	}

	/** Changes the rating of the auto-graded card on screen; its saved review is rewritten. */
	async selectRating(rating: StudyRating): Promise<void> {
		if (this.phase !== 'answered' || this.isSelfGraded || this.isBusy) return;
		this.chosenRating = rating;
		this.message = `Rating changed to ${RATING_LABELS[rating]}.`;
		await this.#queueWrite(async () => {
			const reviewId = this.#savedReviewId;
			if (reviewId === null || this.#savedRating === rating) return;
			try {
				const changed = await changeRating(this.#db, reviewId, rating, this.settings);
				if (!changed) throw new Error('The saved answer to change is gone.');
				this.#savedRating = rating;
				this.#noteLeech(changed.isNewLeech);
			} catch (error) {
				this.fail(error);
			}
		});
	}

	/** Moves on from an auto-graded card (saved at Check; saved now if that failed). */
	async continue(): Promise<void> {
		if (this.phase !== 'answered' || this.isSelfGraded || this.chosenRating === null) return;
		if (this.isBusy) return;
		this.isBusy = true;
		try {
			await this.#writes;
			const rating = this.chosenRating;
			if (this.#savedReviewId === null && !(await this.#save(rating))) return;
		} finally {
			this.isBusy = false;
		}
		await this.#moveOn(this.chosenRating);
	}

	/** Records a self-graded card's rating and moves on. */
	async rate(rating: StudyRating): Promise<void> {
		if (this.phase !== 'answered' || !this.isSelfGraded || this.isBusy) return;
		this.isBusy = true;
		let isSaved = false;
		try {
			isSaved = await this.#save(rating);
		} finally {
			this.isBusy = false;
		}
		if (isSaved) await this.#moveOn(rating);
	}

	toggleSource(): void {
		if (this.phase !== 'answered') {
			this.message = 'The source sentence is shown once you have answered.';
			return;
		}
		this.isSourceOpen = !this.isSourceOpen;
		sourceSentenceOpen.set(this.isSourceOpen);
	}

	/** Takes back the newest answer and shows that fact again as the current card. */
	async undo(): Promise<void> {
		// An answer still being saved is part of what can be taken back.
		await this.#writes;
		if (!this.canUndo) {
			this.message = 'Nothing to undo in this session.';
			return;
		}
		this.isBusy = true;
		try {
			// This tab's newest answer, by review id: never an answer another tab gave.
			const reviewId = this.#ownReviews.pop();
			this.undoable = this.#ownReviews.length;
			const undone = reviewId === undefined ? null : await undoReview(this.#db, reviewId);
			if (!undone) {
				this.message =
					reviewId === undefined
						? 'Nothing to undo.'
						: 'That answer cannot be taken back: it is gone, or another tab has answered that fact since.';
				return;
			}
			const { deckId, factId, itemId } = undone.review;
			this.#tabs.post({ type: 'undone', deckId, factId });
			this.#focusAnswered.delete(factId);
			if (this.leech?.fact.id === factId && this.leech.deckId === deckId) this.leech = null;
			const states = await this.#readQueues();
			if (this.decks.some((d) => d.id === deckId)) {
				this.#stopTimer();
				await this.#show(deckId, factId, undone.memory === null, itemId, undone.memory);
				this.status = 'studying';
			} else {
				await this.#showNext(states);
			}
			this.message = 'Last answer undone; the card is back.';
		} catch (error) {
			this.fail(error);
		} finally {
			this.isBusy = false;
		}
	}

	/** Suspends the fact named in the leech notice. */
	async suspendLeech(): Promise<void> {
		const leech = this.leech;
		if (!leech) return;
		try {
			await setSuspended(this.#db, leech.deckId, leech.fact.id, true);
			this.leech = null;
			if (this.card?.fact.id === leech.fact.id && this.card.deck.id === leech.deckId) {
				await this.refresh();
			} else {
				await this.#readQueues();
			}
			this.message = 'Fact suspended. It stays out of your reviews until you release it.';
		} catch (error) {
			this.fail(error);
		}
	}

	dismissLeech(): void {
		this.leech = null;
	}

	/** Stops waiting for a learning card and shows the done summary. */
	endWaiting(): void {
		this.#stopTimer();
		this.waitUntil = null;
		this.status = 'done';
		this.#wakeNextStudyDay();
	}

	fail(error: unknown): void {
		this.#stopTimer();
		this.error = describeError(error);
		this.status = 'error';
	}

	/** Saves the card on screen as answered with `rating`; false (and the error shown) if not. */
	/**
	 * Runs `write` after every write queued before it, so a rating change never overtakes the
	 * answer it changes; `#writes` settles once all of them have.
	 */
	#queueWrite<T>(write: () => Promise<T>): Promise<T> {
		const run = this.#writes.then(write);
		this.#writes = run.then(
			() => undefined,
			() => undefined
		);
		return run;
	}

	async #save(rating: StudyRating): Promise<boolean> {
		const card = this.card;
		if (!card) return false;
		try {
			const now = this.#deps.now();
			const result = await recordAnswerIfUnchanged(
				this.#db,
				{
					deckId: card.deck.id,
					factId: card.fact.id,
					itemId: card.item.id,
					rating,
					now,
					durationMs: Math.max(0, now - card.shownAt),
					settings: this.settings,
					origin: 'study'
				},
				card.memory
			);
			if (!result) {
				await this.#dropAnsweredElsewhere();
				return false;
			}
			this.#savedReviewId = result.review.id ?? null;
			this.#savedRating = rating;
			if (result.review.id !== undefined) this.#ownReviews.push(result.review.id);
			this.undoable = this.#ownReviews.length;
			this.#tabs.post({ type: 'answered', deckId: card.deck.id, factId: card.fact.id });
			this.#focusAnswered.add(card.fact.id);
			this.#noteLeech(result.isNewLeech);
			return true;
		} catch (error) {
			this.fail(error);
			return false;
		}
	}

	/**
	 * The card on screen was answered (or its answer undone) in another tab since it was drawn:
	 * it goes, unanswered here, and the next card is drawn from a fresh read.
	 */
	async #dropAnsweredElsewhere(): Promise<void> {
		await this.refresh();
		this.message = 'That card was just answered in another tab, so here is the next one.';
	}

	/** Another tab answered or undid: drop the card on screen if it was that fact, or recount. */
	async #onOtherTab(message: TabMessage): Promise<void> {
		if (message.type !== 'answered' && message.type !== 'undone') return;
		if (!this.deckIds.includes(message.deckId) || this.status === 'loading') return;
		try {
			// An answer of this tab still being saved decides first whether the card was answered here.
			await this.#writes;
			const card = this.card;
			const isOnScreen =
				card?.deck.id === message.deckId && card.fact.id === message.factId && !this.isBusy;
			if (this.status === 'studying' && isOnScreen && this.#savedReviewId === null) {
				this.isBusy = true;
				try {
					await this.#dropAnsweredElsewhere();
				} finally {
					this.isBusy = false;
				}
			} else if ((this.status === 'done' || this.status === 'waiting') && !this.isBusy) {
				// An undone answer may bring a card back; an answer elsewhere changes the counts.
				await this.refresh();
			} else if (this.status === 'studying') {
				await this.#readQueues();
			}
		} catch (error) {
			this.fail(error);
		}
	}

	#noteLeech(isNewLeech: boolean): void {
		const card = this.card;
		if (!card) return;
		const isShown = this.leech?.fact.id === card.fact.id && this.leech.deckId === card.deck.id;
		if (isNewLeech) this.leech = { deckId: card.deck.id, fact: card.fact };
		else if (isShown) this.leech = null;
	}

	/** Shows the next card once the one on screen is saved. */
	async #moveOn(rating: StudyRating): Promise<void> {
		this.isBusy = true;
		try {
			await this.refresh();
			this.message = `Saved as ${RATING_LABELS[rating]}.`;
		} catch (error) {
			this.fail(error);
		} finally {
			this.isBusy = false;
		}
	}

	#answered(): void {
		const card = this.card;
		if (!card) return;
		const now = this.#deps.now();
		const preview = previewIntervals(
			card.memory,
			factKey(card.deck.id, card.fact.id),
			now,
			settingsForDeck(this.settings, card.deck.id)
		);
		this.preview = preview;
		void this.#balancePreview(card, now, preview);
		this.isRevealed = true;
		// Folded by default; open if the learner left it open on an earlier card.
		this.isSourceOpen = sourceSentenceOpen.get();
	}

	/** Relabels the grade buttons with load-balanced intervals once the day counts are read. */
	async #balancePreview(card: ShownCard, now: number, preview: IntervalPreview): Promise<void> {
		let balanced: IntervalPreview;
		try {
			balanced = await balancePreview(
				this.#db,
				card.memory,
				card.deck.id,
				card.fact.id,
				now,
				this.settings,
				preview
			);
		} catch {
			// The labels keep the fuzzed intervals; the answer balances in its own transaction.
			return;
		}
		if (this.card === card && this.preview === preview) this.preview = balanced;
	}

	async #readQueues(): Promise<DeckState[]> {
		const db = this.#db;
		const now = this.#deps.now();
		const settings = this.settings;
		const dayStart = studyDayStart(now, settings.dayStartHour);
		const states = await Promise.all(
			this.decks.map(async (deck): Promise<DeckState> => {
				if (!this.isFocused) {
					const read = await loadStudyQueue(
						db,
						deck.id,
						studyFactIds(deck),
						now,
						settings,
						dayStart
					);
					return { deck, ...read };
				}
				const [known, today] = await Promise.all([
					knownFactIds(db, deck.id),
					countToday(db, deck.id, dayStart)
				]);
				const queue = focusQueue(studyFactIds(deck), this.focus, this.#focusAnswered, known);
				return { deck, queue, known, today };
			})
		);
		this.counts = sumCounts(states.map((s) => s.queue.counts));
		this.today = addCounts(states.map((s) => s.today));
		return states;
	}

	/**
	 * Shows one fact's card. `known` is its memory row when the caller has just read it (null: no
	 * row); left out, the row is read here.
	 */
	async #show(
		deckId: string,
		factId: string,
		isNew: boolean,
		itemId?: string,
		known?: MemoryRow | null
	): Promise<void> {
		const deck = this.decks.find((d) => d.id === deckId);
		const fact = deck?.facts.find((f) => f.id === factId);
		if (!deck || !fact) throw new Error(`The fact ${factId} is not in the deck ${deckId}.`);
		const memory =
			known !== undefined ? known : ((await getMemory(this.#db, deckId, factId)) ?? null);
		const items = deck.items.filter((i) => i.factId === factId);
		const item =
			items.find((i) => i.id === itemId && STUDY_ITEM_TYPES.includes(i.type)) ??
			pickStudyItem(items, memory, cardSeed(factKey(deckId, factId), memory?.reps ?? 0));
		if (!item) throw new Error(`The fact ${factId} has no question to study.`);
		this.card = { deck, fact, item, memory, isNew, shownAt: this.#deps.now() };
		this.#recentFacts = [...this.#recentFacts, fact].slice(-SIBLING_GAP);
		this.#savedReviewId = null;
		this.#savedRating = null;
		this.isRevealed = false;
		this.answer = undefined;
		this.grade = null;
		this.chosenRating = null;
		this.preview = null;
		this.isSourceOpen = false;
	}

	async #finish(states: DeckState[]): Promise<void> {
		const db = this.#db;
		const now = this.#deps.now();
		const perDeck = await Promise.all(
			states.map(async ({ deck, known: read }) => {
				const ids = studyFactIds(deck);
				const [due, known] = await Promise.all([
					nextDueAt(db, deck.id, studyFactIdSet(deck)),
					read ?? knownFactIds(db, deck.id)
				]);
				const unseenCount = ids.filter((id) => !known.has(id)).length;
				return {
					due,
					summary: summariseDone({ now, settings: this.settings, nextDueAt: due, unseenCount })
				};
			})
		);
		this.card = null;
		// After a first session the learner has something worth keeping: ask the browser once
		// to keep this site's storage (it never throws, and asks only once).
		// After the first answer, ask the browser to keep this data (loaded then, not on first load).
		if (this.undoable > 0) {
			void import('$lib/state/persistence').then(({ requestPersistenceOnce }) =>
				requestPersistenceOnce()
			);
		}
		this.doneMessage = combineDone(
			perDeck.map((d) => d.summary),
			now
		);
		const dues = perDeck.map((d) => d.due).filter((due): due is number => due !== null);
		const earliest = dues.length > 0 ? Math.min(...dues) : null;
		this.now = now;
		if (shouldWait(earliest, now)) {
			this.waitUntil = earliest;
			this.status = 'waiting';
			this.#startTimer();
		} else {
			this.#stopTimer();
			this.waitUntil = null;
			this.status = 'done';
			this.#wakeNextStudyDay();
		}
	}

	/** Polls while waiting, so the countdown moves and the card shows once it is due. */
	#startTimer(): void {
		if (this.#cancelTimer) return;
		const poll = () => {
			this.#cancelTimer = null;
			this.now = this.#deps.now();
			if (this.waitUntil !== null && this.now >= this.waitUntil && !this.isBusy) {
				this.refresh().catch((error) => this.fail(error));
			} else if (this.status === 'waiting') {
				this.#cancelTimer = this.#deps.setTimer(poll, WAIT_POLL_MS);
			}
		};
		this.#cancelTimer = this.#deps.setTimer(poll, WAIT_POLL_MS);
	}

	/**
	 * A finished session left open reads its queues again when the next study day begins, so
	 * the new day's cards and counts appear without a reload.
	 */
	#wakeNextStudyDay(): void {
		this.#stopTimer();
		const now = this.#deps.now();
		const delay = nextStudyDayStart(now, this.settings.dayStartHour) - now;
		// Timers take at most 2^31 - 1 ms; a longer wait is re-armed when that one fires.
		this.#cancelTimer = this.#deps.setTimer(
			() => {
				this.#cancelTimer = null;
				if (this.status !== 'done') return;
				if (this.#deps.now() < now + delay) return this.#wakeNextStudyDay();
				this.refresh().catch((error) => this.fail(error));
			},
			Math.min(Math.max(0, delay), 2 ** 31 - 1)
		);
	}

	#stopTimer(): void {
		this.#cancelTimer?.();
		this.#cancelTimer = null;
	}
}
