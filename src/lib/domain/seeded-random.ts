/**
 * Deterministic hashing and randomness for the domain: anything "random" (distractor picks,
 * quiz assembly, a student's question order) must be rebuildable from a seed, in Node at build
 * time and in any browser, so these use only 32-bit integer arithmetic via Math.imul.
 */

/** cyrb53 (public domain, bryc): a fast 53-bit non-cryptographic string hash. */
function cyrb53(s: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < s.length; i++) {
		const ch = s.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A stable 53-bit hash of a string (cyrb53 over UTF-16 code units), as base-36 text (≤ 11 chars). */
export function hashString(s: string): string {
	return cyrb53(s).toString(36);
}

/** A 32-bit unsigned integer seed derived from a string (0..2^32-1). */
export function seedFromString(s: string): number {
	return cyrb53(s) >>> 0;
}

/**
 * A seeded generator of floats in [0, 1) (mulberry32). The seed is read as a 32-bit unsigned
 * integer (fractions truncated, larger values wrapped, NaN = 0), so epoch-ms seeds also work.
 */
export function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A shuffled copy of `items` (Fisher–Yates driven by `random`); the input is left untouched. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		// min() guards against a caller's generator that returns exactly 1.
		const j = Math.min(i, Math.floor(random() * (i + 1)));
		const tmp = out[i];
		out[i] = out[j];
		out[j] = tmp;
	}
	return out;
}
