/**
 * Building a quiz from a deck's items: a fair mix of the chosen types and topics, never the same
 * fact twice (a second question on a fact gives its answer away), and always the same quiz for
 * the same seed so a printed paper or a shared link can be rebuilt.
 */
import type { Grade, Item, ItemType } from '$lib/domain/types';
import { ITEM_TYPES } from '$lib/domain/types';
import { createRandom, seedFromString, shuffle } from '$lib/domain/seeded-random';

export const MIN_QUIZ_ITEMS = 1;
export const MAX_QUIZ_ITEMS = 50;

export interface QuizOptions {
	/** Wanted number of items, clamped to 1..50. */
	count: number;
	/** Item types to draw from; empty means all types. */
	types: ItemType[];
	/** Topic ids to draw from; empty means all topics. */
	topics: string[];
	seed: number;
}

/** Every fact an item draws on: all of factIds for order and match items, else factId. */
export function factsOf(item: Item): string[] {
	return [...new Set([item.factId, ...(item.factIds ?? [])])];
}

/** The wanted item count clamped to 1..50 (whole items; NaN becomes 1). */
export function clampCount(count: number): number {
	const whole = Math.floor(count);
	if (Number.isNaN(whole)) return MIN_QUIZ_ITEMS;
	return Math.min(MAX_QUIZ_ITEMS, Math.max(MIN_QUIZ_ITEMS, whole));
}

/**
 * Picks up to `count` items (1..50) of the chosen types and topics, no fact asked twice, types
 * taken in turn so they are spread as evenly as the pool allows; the same seed gives the same quiz.
 */
export function assembleQuiz(items: Item[], options: QuizOptions): Item[] {
	const random = createRandom(options.seed);
	const wanted = clampCount(options.count);
	const types = [...new Set(options.types.length > 0 ? options.types : ITEM_TYPES)];
	const topics = new Set(options.topics);

	const pool = shuffle(
		items.filter(
			(item) => types.includes(item.type) && (topics.size === 0 || topics.has(item.topic))
		),
		random
	);
	const queues = new Map<ItemType, Item[]>(types.map((type) => [type, []]));
	for (const item of pool) queues.get(item.type)?.push(item);

	// The turn order is shuffled too, so the type that gets the odd extra item varies by seed.
	let rotation = shuffle(types, random).filter((type) => (queues.get(type)?.length ?? 0) > 0);
	const usedFacts = new Set<string>();
	const picked: Item[] = [];
	while (picked.length < wanted && rotation.length > 0) {
		for (const type of rotation) {
			if (picked.length >= wanted) break;
			const queue = queues.get(type) ?? [];
			// Items whose facts were already asked are dropped for good: they can never fit later.
			let next = queue.shift();
			while (next && factsOf(next).some((f) => usedFacts.has(f))) next = queue.shift();
			if (!next) continue;
			for (const f of factsOf(next)) usedFacts.add(f);
			picked.push(next);
		}
		rotation = rotation.filter((type) => (queues.get(type)?.length ?? 0) > 0);
	}
	// Picking went type by type; shuffle so the paper does not cycle through types in a fixed beat.
	return shuffle(picked, random);
}

/** The items whose grade says they were not fully right, in quiz order (ungraded items skipped). */
export function retryMissed(items: Item[], perItemGrades: Record<string, Grade>): Item[] {
	return items.filter((item) => {
		const grade = Object.hasOwn(perItemGrades, item.id) ? perItemGrades[item.id] : undefined;
		return grade !== undefined && !grade.isCorrect;
	});
}

/**
 * A student's name as used for seeding: accents, case, punctuation and spacing folded, so
 * "José  O’Neil" on the paper and "jose o'neil" in the gradebook rebuild the same order.
 */
export function normalizeStudentName(name: string): string {
	return String(name)
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/['‘’‚‛ʼ`]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The question order for one student: a shuffle seeded by their normalised name, or as given. */
export function orderForStudent(
	itemIds: string[],
	studentName: string,
	shuffled: boolean
): string[] {
	if (!shuffled) return [...itemIds];
	return shuffle(itemIds, createRandom(seedFromString(normalizeStudentName(studentName))));
}
