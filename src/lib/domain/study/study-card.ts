/**
 * What a study session shows next: which deck's fact, which of the fact's items, and what to say
 * when nothing is due. Pure policy on top of the scheduler; the session state class calls it.
 */
import {
	chooseItemType,
	formatRelative,
	type DoneSummary,
	type QueueEntry,
	type StudyQueue
} from '$lib/domain/study/scheduler';
import type { Deck, Item, ItemType, MemorySnapshot } from '$lib/domain/types';

/** Item types a study session shows; order and match span several facts, so they stay in quizzes. */
export const STUDY_ITEM_TYPES: readonly ItemType[] = ['flashcard', 'mcq', 'truefalse', 'cloze'];

/** A learning card due within this many ms is waited for instead of ending the session. */
export const WAIT_WINDOW_MS = 20 * 60_000;

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

/** A 32-bit seed from a fact key and its repetition count (FNV-1a), stable across reloads. */
export function cardSeed(key: string, reps: number): number {
	let hash = 0x811c9dc5;
	for (const char of `${key}#${reps}`) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/**
 * The item to show for one fact: its type chosen by the scheduler from the fact's study items,
 * then one item of that type picked by the seed. Null when the fact has no study item.
 */
export function pickStudyItem(
	items: readonly Item[],
	memory: MemorySnapshot | null,
	seed: number
): Item | null {
	const candidates = items.filter((item) => STUDY_ITEM_TYPES.includes(item.type));
	if (candidates.length === 0) return null;
	const type = chooseItemType(
		memory,
		candidates.map((item) => item.type),
		seed
	);
	const ofType = candidates.filter((item) => item.type === type);
	// A different mix than chooseItemType's, so the type and the item do not move together.
	return ofType[Math.floor(seed / 7) % ofType.length];
}

export interface DeckQueue {
	deckId: string;
	queue: readonly QueueEntry[];
}

/**
 * The next fact across several decks: anything already studied (learning, then due) before
 * anything new, decks taken in the order given. Null when every queue is empty.
 */
export function pickNextEntry(
	queues: readonly DeckQueue[]
): { deckId: string; entry: QueueEntry } | null {
	for (const { deckId, queue } of queues) {
		const entry = queue.find((e) => !e.isNew);
		if (entry) return { deckId, entry };
	}
	for (const { deckId, queue } of queues) {
		if (queue.length > 0) return { deckId, entry: queue[0] };
	}
	return null;
}

export interface StudyCounts {
	new: number;
	learning: number;
	due: number;
}

/** The sum of several decks' queue counts. */
export function sumCounts(counts: readonly StudyCounts[]): StudyCounts {
	return counts.reduce(
		(sum, c) => ({
			new: sum.new + c.new,
			learning: sum.learning + c.learning,
			due: sum.due + c.due
		}),
		{ new: 0, learning: 0, due: 0 }
	);
}

/** Whether an empty queue should wait for a card due at `nextDueAt` (epoch ms) rather than end. */
export function shouldWait(nextDueAt: number | null, now: number): boolean {
	return nextDueAt !== null && nextDueAt > now && nextDueAt - now <= WAIT_WINDOW_MS;
}

/** "Next card in 4 min" for a card due at `dueAt` (epoch ms), seen at `now` (epoch ms). */
export function waitMessage(dueAt: number, now: number): string {
	return dueAt <= now ? 'Next card is due now' : `Next card in ${formatRelative(dueAt - now)}`;
}

/**
 * One "nothing due" message for several decks, from each deck's summary at `now` (epoch ms):
 * the earliest next review and the new facts of all decks together.
 */
export function combineDone(summaries: readonly DoneSummary[], now: number): string {
	if (summaries.length === 1) return summaries[0].message;
	const reviews = summaries.map((s) => s.nextReviewAt).filter((at): at is number => at !== null);
	const newTomorrow = summaries.reduce((sum, s) => sum + s.newTomorrow, 0);
	const parts: string[] = [];
	if (reviews.length > 0) {
		parts.push(`Next review in ${formatRelative(Math.min(...reviews) - now)}`);
	}
	if (newTomorrow > 0) {
		parts.push(`${newTomorrow} new ${newTomorrow === 1 ? 'fact' : 'facts'} tomorrow`);
	}
	return parts.length > 0
		? `Nothing due. ${parts.join('; ')}.`
		: 'Nothing due and no new facts left.';
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
