/**
 * The study queue: which facts are studied now, in which order, within the daily limits; and the
 * same across several decks. Pure policy; the repository reads the rows and the session shows
 * the cards.
 */
import type { Deck } from '$lib/domain/types';
import { MEMORY_STATE } from '$lib/domain/study/memory';
import type { StudySettings } from '$lib/domain/study/study-settings';
import { STUDY_ITEM_TYPES } from '$lib/domain/study/item-choice';
import { WAIT_WINDOW_MS } from '$lib/domain/study/session-summary';
import { newLeftToday, reviewsLeftToday, type TodayCounts } from '$lib/domain/study/today-counts';

/** The part of a stored memory row the queue needs (a schema MemoryRow fits). */
export interface QueueMemory {
	factId: string;
	dueAt: number;
	state: 0 | 1 | 2 | 3;
	suspended: 0 | 1;
}

export interface QueueInput {
	/** Epoch ms. */
	now: number;
	settings: StudySettings;
	/** The deck's facts, in deck order. */
	factIds: readonly string[];
	/**
	 * This deck's memory rows due by `now`, and learning rows due within WAIT_WINDOW_MS after it
	 * (rows due later are left out whatever the caller passes).
	 */
	memories: readonly QueueMemory[];
	/** What was answered today in this deck (the daily limits count it). */
	today: TodayCounts;
	/**
	 * Facts of this deck that have any memory row. Asked only to find the first new facts in deck
	 * order, so a reader that knows just those (every other fact answers true) gives the same queue.
	 */
	knownFactIds: { has(factId: string): boolean };
}

export interface QueueEntry {
	factId: string;
	isNew: boolean;
}

export interface StudyQueue {
	queue: QueueEntry[];
	counts: QueueCounts;
}

/**
 * The facts to study now: learning and relearning first (by due time, never limited), then
 * reviews by due time up to the daily review limit, then new facts in deck order up to the
 * daily new limit. Suspended facts and facts the deck no longer has are left out. The learning
 * count also counts learning cards due within WAIT_WINDOW_MS, which the session waits for (as
 * Anki's learn-ahead does), so the header never says "Learning 0" while one is a minute away.
 */
export function buildQueue(input: QueueInput): StudyQueue {
	const { now, settings, factIds, memories, knownFactIds } = input;
	const inDeck = new Set(factIds);
	const byDue = (a: QueueMemory, b: QueueMemory) =>
		a.dueAt - b.dueAt || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0);
	const isLearning = (row: QueueMemory) =>
		row.state === MEMORY_STATE.learning || row.state === MEMORY_STATE.relearning;
	const studied = memories.filter((row) => row.suspended === 0 && inDeck.has(row.factId));
	const active = studied.filter((row) => row.dueAt <= now);
	const learning = active.filter(isLearning).sort(byDue);
	const learningSoon = studied.filter(
		(row) => isLearning(row) && row.dueAt > now && row.dueAt <= now + WAIT_WINDOW_MS
	).length;
	const reviewLimit = reviewsLeftToday(settings, input.today);
	const reviews = active
		.filter((row) => row.state === MEMORY_STATE.review)
		.sort(byDue)
		.slice(0, reviewLimit);
	// A row still in state New was only ever suspended and released: the fact is new again.
	const newAgain = new Set(
		active.filter((row) => row.state === MEMORY_STATE.new).map((r) => r.factId)
	);
	const newLimit = newLeftToday(settings, input.today);
	const fresh = factIds
		.filter((id) => !knownFactIds.has(id) || newAgain.has(id))
		.slice(0, newLimit);
	const queue: QueueEntry[] = [
		...learning.map((row) => ({ factId: row.factId, isNew: false })),
		...reviews.map((row) => ({ factId: row.factId, isNew: false })),
		...fresh.map((factId) => ({ factId, isNew: true }))
	];
	return {
		queue,
		counts: { new: fresh.length, learning: learning.length + learningSoon, due: reviews.length }
	};
}

const studyFactIdsOf = new WeakMap<object, readonly string[]>();

/**
 * The deck's facts that have something to study, in deck order. Worked out once per deck object
 * (decks are never changed in place; an edited deck is a new object), since every study step
 * asks again.
 */
export function studyFactIds(deck: Pick<Deck, 'facts' | 'items'>): readonly string[] {
	let ids = studyFactIdsOf.get(deck);
	if (!ids) {
		const studyable = new Set(
			deck.items.filter((item) => STUDY_ITEM_TYPES.includes(item.type)).map((item) => item.factId)
		);
		ids = deck.facts.map((fact) => fact.id).filter((id) => studyable.has(id));
		studyFactIdsOf.set(deck, ids);
	}
	return ids;
}

/** The same facts as studyFactIds, as a set for membership checks. */
export function studyFactIdSet(deck: Pick<Deck, 'facts' | 'items'>): ReadonlySet<string> {
	return new Set(studyFactIds(deck));
}

/** Facts with memory rows (`known`) that are no longer among the deck's facts, sorted. */
export function vanishedFactIds(known: Iterable<string>, deckFactIds: Iterable<string>): string[] {
	const current = new Set(deckFactIds);
	return [...known].filter((id) => !current.has(id)).sort();
}

export interface DeckQueue {
	deckId: string;
	queue: readonly QueueEntry[];
}

/**
 * Every fact waiting across several decks, in the order they should come: anything already
 * studied (learning, then due) before anything new, decks taken in the order given.
 */
export function orderedEntries(
	queues: readonly DeckQueue[]
): { deckId: string; entry: QueueEntry }[] {
	const studied = queues.flatMap(({ deckId, queue }) =>
		queue.filter((e) => !e.isNew).map((entry) => ({ deckId, entry }))
	);
	const fresh = queues.flatMap(({ deckId, queue }) =>
		queue.filter((e) => e.isNew).map((entry) => ({ deckId, entry }))
	);
	return [...studied, ...fresh];
}

/** The first of orderedEntries: the next fact, or null when every queue is empty. */
export function pickNextEntry(
	queues: readonly DeckQueue[]
): { deckId: string; entry: QueueEntry } | null {
	return orderedEntries(queues)[0] ?? null;
}

/** How many cards of each kind a queue holds. */
export interface QueueCounts {
	new: number;
	learning: number;
	due: number;
}

/** The sum of several decks' queue counts. */
export function sumCounts(counts: readonly QueueCounts[]): QueueCounts {
	return counts.reduce(
		(sum, c) => ({
			new: sum.new + c.new,
			learning: sum.learning + c.learning,
			due: sum.due + c.due
		}),
		{ new: 0, learning: 0, due: 0 }
	);
}

/**
 * A focused session on chosen facts ("study this sentence now"): every chosen fact of the deck
 * not yet answered in this session, in deck order, due or not and outside the daily limits.
 */
export function focusQueue(
	deckFactIds: readonly string[],
	focus: ReadonlySet<string>,
	answered: ReadonlySet<string>,
	known: ReadonlySet<string>
): StudyQueue {
	const queue = deckFactIds
		.filter((id) => focus.has(id) && !answered.has(id))
		.map((factId) => ({ factId, isNew: !known.has(factId) }));
	const fresh = queue.filter((entry) => entry.isNew).length;
	return { queue, counts: { new: fresh, learning: 0, due: queue.length - fresh } };
}

/** The fact ids of a `?facts=a,b` parameter, at most 200, each a plausible id. */
export function parseFocusParam(value: string | null): string[] {
	if (!value) return [];
	return [
		...new Set(
			value
				.split(',')
				.map((id) => id.trim())
				.filter((id) => /^[\w.:-]{1,160}$/.test(id))
		)
	].slice(0, 200);
}
