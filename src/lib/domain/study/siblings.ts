/**
 * Siblings apart: cards that give each other away are not shown close together. Two facts are
 * siblings when they come from the same source sentence, or when the answer of one stands in the
 * question or sentence of the other (the stem of one card would answer the card before it).
 *
 * Anki buries a card's siblings until the next day. Factdeck's facts are many per sentence and a
 * learner's queue is short, so burying would empty small decks; instead a sibling waits until
 * `SIBLING_GAP` other cards have been shown. When every card waiting is a sibling, study goes on
 * with the first of them: spacing never stops a session.
 */
import type { Fact } from '$lib/domain/types';

/** How many cards must come between two siblings. */
export const SIBLING_GAP = 3;

/** Answers shorter than this ("UN", "1999") are too common to count as giving a card away. */
const MIN_ANSWER_CHARS = 4;

type SiblingFact = Pick<Fact, 'id' | 'quote' | 'question' | 'answer'>;

function normalise(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function contains(text: string, phrase: string): boolean {
	const needle = normalise(phrase);
	if (needle.length < MIN_ANSWER_CHARS) return false;
	return ` ${normalise(text)} `.includes(` ${needle} `);
}

/** Whether seeing one of the two facts' cards would give the other away. */
export function areSiblings(a: SiblingFact, b: SiblingFact): boolean {
	if (a.id === b.id) return false;
	if (normalise(a.quote) === normalise(b.quote)) return true;
	return (
		contains(b.question, a.answer) ||
		contains(b.quote, a.answer) ||
		contains(a.question, b.answer) ||
		contains(a.quote, b.answer)
	);
}

/**
 * The first candidate (in the queue's own order of priority) that is no sibling of the last
 * `gap` facts shown; the first candidate when all are; null when there are none.
 */
export function pickApart<T>(
	candidates: readonly T[],
	factOf: (candidate: T) => SiblingFact | undefined,
	recent: readonly SiblingFact[],
	gap: number = SIBLING_GAP
): T | null {
	if (candidates.length === 0) return null;
	const near = recent.slice(-gap);
	const apart = candidates.find((candidate) => {
		const fact = factOf(candidate);
		return !fact || !near.some((shown) => areSiblings(fact, shown));
	});
	return apart ?? candidates[0];
}
