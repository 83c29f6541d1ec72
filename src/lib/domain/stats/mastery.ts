/**
 * Mastery in three words a learner understands: 'unseen', 'learning', 'known'.
 *
 * A fact is known when it is in the FSRS Review state with a stability of at least 7 days (the
 * memory is expected to last about a week; a fact that survives a week without study has moved
 * past cramming) and is not a leech (a fact forgotten again and again is not known, whatever its
 * last stability). A fact never studied, or still in state 0, is unseen; everything else is
 * learning.
 *
 * A source sentence carries several facts. Its level is 'known' only when all of its facts are
 * known, 'unseen' only when none has been studied, and 'learning' otherwise: the sentence is
 * not mastered while one of its facts is not, and one studied fact is already progress, which
 * the strict minimum ('unseen' as soon as any fact is unseen) would hide.
 */
import type { MemorySnapshot } from '$lib/domain/types';
import { STATE_NEW, STATE_REVIEW } from '$lib/domain/stats/review-kind';

/** Stability (days) at and above which a fact in review is known. */
export const KNOWN_STABILITY_DAYS = 7;

export type MasteryLevel = 'unseen' | 'learning' | 'known';

/** A snapshot, optionally with the leech flag of its memory row (a MemoryRow fits). */
export type MasteryMemory = MemorySnapshot & { leech?: 0 | 1 };

export interface MasteryTally {
	total: number;
	unseen: number;
	learning: number;
	known: number;
	/** known / total, 0..1 (0 when total is 0). */
	shareKnown: number;
}

export interface TopicMastery extends MasteryTally {
	topic: string;
}

export interface SentenceMastery extends MasteryTally {
	level: MasteryLevel;
	factIds: string[];
}

/** The mastery level of one fact from its memory (undefined when never studied). */
export function factMastery(memory: MasteryMemory | undefined): MasteryLevel {
	if (!memory || memory.state === STATE_NEW) return 'unseen';
	if (
		memory.state === STATE_REVIEW &&
		memory.stability >= KNOWN_STABILITY_DAYS &&
		memory.leech !== 1
	) {
		return 'known';
	}
	return 'learning';
}

function emptyTally(): MasteryTally {
	return { total: 0, unseen: 0, learning: 0, known: 0, shareKnown: 0 };
}

function count(tally: MasteryTally, level: MasteryLevel): void {
	tally.total += 1;
	tally[level] += 1;
	tally.shareKnown = tally.known / tally.total;
}

/** Known share per topic, topics in the order they first appear among the facts. */
export function masteryByTopic(
	facts: Iterable<{ id: string; topic: string }>,
	memories: ReadonlyMap<string, MasteryMemory>
): TopicMastery[] {
	const byTopic = new Map<string, TopicMastery>();
	for (const fact of facts) {
		let tally = byTopic.get(fact.topic);
		if (!tally) {
			tally = { topic: fact.topic, ...emptyTally() };
			byTopic.set(fact.topic, tally);
		}
		count(tally, factMastery(memories.get(fact.id)));
	}
	return [...byTopic.values()];
}

/** The level of a sentence from the levels of its facts (rule in the file note). */
export function sentenceLevel(tally: MasteryTally): MasteryLevel {
	if (tally.total > 0 && tally.known === tally.total) return 'known';
	if (tally.unseen === tally.total) return 'unseen';
	return 'learning';
}

/** Mastery of each source sentence, keyed by the exact quote its facts share. */
export function masteryBySentence(
	facts: Iterable<{ id: string; quote: string }>,
	memories: ReadonlyMap<string, MasteryMemory>
): Map<string, SentenceMastery> {
	const bySentence = new Map<string, SentenceMastery>();
	for (const fact of facts) {
		let sentence = bySentence.get(fact.quote);
		if (!sentence) {
			sentence = { level: 'unseen', factIds: [], ...emptyTally() };
			bySentence.set(fact.quote, sentence);
		}
		sentence.factIds.push(fact.id);
		count(sentence, factMastery(memories.get(fact.id)));
		sentence.level = sentenceLevel(sentence);
	}
	return bySentence;
}
