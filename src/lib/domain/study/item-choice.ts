/**
 * Which of a fact's items a study card shows: recognition while the memory is young, recall once
 * it is stable, picked by a seed so a reload shows the same card.
 */
import type { Item, ItemType, MemorySnapshot } from '$lib/domain/types';
import { MEMORY_STATE } from '$lib/domain/study/memory';

/** Item types a study session shows; order and match span several facts, so they stay in quizzes. */
export const STUDY_ITEM_TYPES: readonly ItemType[] = ['flashcard', 'mcq', 'truefalse', 'cloze'];

/** A Review fact below this stability (days) is still shown in a recognition format. */
export const RECALL_MIN_STABILITY_DAYS = 21;

const RECOGNITION_TYPES: readonly ItemType[] = ['mcq', 'truefalse', 'flashcard'];
const RECALL_TYPES: readonly ItemType[] = ['cloze', 'flashcard'];

function pickBySeed<T>(choices: readonly T[], seed: number): T {
	// A 32-bit integer mix, so neighbouring seeds pick independently.
	let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return choices[(h >>> 0) % choices.length];
}

/**
 * The item format to show for a fact: recognition while the memory is young (new, learning,
 * relearning or stability under 21 days), recall once it is stable; whatever exists otherwise.
 */
export function chooseItemType(
	memory: MemorySnapshot | null,
	available: readonly ItemType[],
	seed: number
): ItemType {
	if (available.length === 0) throw new Error('chooseItemType: the fact has no items');
	const isStable =
		memory !== null &&
		memory.state === MEMORY_STATE.review &&
		memory.stability >= RECALL_MIN_STABILITY_DAYS;
	const preferred = isStable ? RECALL_TYPES : RECOGNITION_TYPES;
	const fitting = preferred.filter((type) => available.includes(type));
	const unique = [...new Set(available)].sort();
	return pickBySeed(fitting.length > 0 ? fitting : unique, seed);
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
