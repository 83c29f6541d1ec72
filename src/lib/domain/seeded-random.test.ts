import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRandom, hashString, seedFromString, shuffle } from '$lib/domain/seeded-random';

describe('hashString', () => {
	it('matches the published cyrb53 reference values, so hashes agree across runtimes', () => {
		// Values from the cyrb53 author's reference implementation.
		expect(parseInt(hashString('a'), 36)).toBe(7929297801672961);
		expect(parseInt(hashString('b'), 36)).toBe(8684336938537663);
		expect(parseInt(hashString('revenge'), 36)).toBe(4051478007546757);
		expect(parseInt(hashString('revenue'), 36)).toBe(8309097637345594);
	});

	it('is stable, base-36 and fits in 53 bits', () => {
		const h = hashString('Kosovo Force');
		expect(hashString('Kosovo Force')).toBe(h);
		expect(h).toMatch(/^[0-9a-z]{1,11}$/);
		expect(parseInt(h, 36)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
	});

	it('separates near-identical strings, including accents and empty text', () => {
		const inputs = ['', ' ', 'a', 'A', 'ab', 'ba', 'Milosevic', 'Milošević', 'item-1', 'item-2'];
		const hashes = new Set(inputs.map(hashString));
		expect(hashes.size).toBe(inputs.length);
	});

	it('has no collisions over a few thousand related ids', () => {
		const hashes = new Set<string>();
		for (let i = 0; i < 5000; i++) hashes.add(hashString(`fact-${i}`));
		expect(hashes.size).toBe(5000);
	});
});

describe('seedFromString', () => {
	it('gives the same 32-bit unsigned seed for the same text, different for different text', () => {
		const s = seedFromString('Ada Lovelace');
		expect(seedFromString('Ada Lovelace')).toBe(s);
		expect(Number.isInteger(s)).toBe(true);
		expect(s).toBeGreaterThanOrEqual(0);
		expect(s).toBeLessThan(2 ** 32);
		expect(seedFromString('Ada Lovelace ')).not.toBe(s);
	});
});

describe('createRandom', () => {
	it('replays the same sequence for the same seed', () => {
		const a = createRandom(42);
		const b = createRandom(42);
		const seqA = Array.from({ length: 20 }, () => a());
		const seqB = Array.from({ length: 20 }, () => b());
		expect(seqA).toEqual(seqB);
	});

	it('gives different sequences for different seeds', () => {
		const a = createRandom(1);
		const b = createRandom(2);
		const seqA = Array.from({ length: 5 }, () => a());
		const seqB = Array.from({ length: 5 }, () => b());
		expect(seqA).not.toEqual(seqB);
	});

	it('treats seeds as 32-bit unsigned integers (epoch-ms and NaN seeds do not break it)', () => {
		expect(createRandom(2 ** 32 + 7)()).toBe(createRandom(7)());
		expect(createRandom(7.9)()).toBe(createRandom(7)());
		const nan = createRandom(Number.NaN)();
		expect(nan).toBe(createRandom(0)());
		expect(Number.isFinite(createRandom(Date.UTC(2025, 0, 1))())).toBe(true);
	});

	it('stays in [0, 1) and is roughly uniform', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
				const random = createRandom(seed);
				const buckets = new Array(10).fill(0);
				const n = 2000;
				let sum = 0;
				let outOfRange = 0;
				for (let i = 0; i < n; i++) {
					const x = random();
					if (!(x >= 0 && x < 1)) outOfRange++;
					else buckets[Math.floor(x * 10)]++;
					sum += x;
				}
				expect(outOfRange).toBe(0);
				// Expected 200 per bucket; 120..280 is about 6 standard deviations either way.
				for (const count of buckets) {
					expect(count).toBeGreaterThan(120);
					expect(count).toBeLessThan(280);
				}
				expect(sum / n).toBeGreaterThan(0.45);
				expect(sum / n).toBeLessThan(0.55);
			}),
			{ numRuns: 30 }
		);
	});
});

describe('shuffle', () => {
	it('returns a permutation and leaves the input untouched', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
				const frozen = Object.freeze(items.slice());
				const out = shuffle(frozen, createRandom(seed));
				expect(out).not.toBe(frozen);
				expect(out.length).toBe(items.length);
				expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
				expect(frozen).toEqual(items);
			})
		);
	});

	it('is deterministic for a seed', () => {
		const items = Array.from({ length: 30 }, (_, i) => i);
		expect(shuffle(items, createRandom(9))).toEqual(shuffle(items, createRandom(9)));
		expect(shuffle(items, createRandom(9))).not.toEqual(shuffle(items, createRandom(10)));
	});

	it('puts every element in every position about equally often', () => {
		const random = createRandom(123);
		const n = 4;
		const runs = 8000;
		const counts = Array.from({ length: n }, () => new Array(n).fill(0));
		for (let r = 0; r < runs; r++) {
			shuffle([0, 1, 2, 3], random).forEach((value, position) => counts[value][position]++);
		}
		// Expected 2000 each.
		for (const row of counts) for (const c of row) expect(Math.abs(c - runs / n)).toBeLessThan(200);
	});

	it('survives a generator that returns exactly 1', () => {
		const out = shuffle(['a', 'b', 'c'], () => 1);
		expect([...out].sort()).toEqual(['a', 'b', 'c']);
	});

	it('handles empty and single-element arrays', () => {
		expect(shuffle([], createRandom(1))).toEqual([]);
		expect(shuffle(['x'], createRandom(1))).toEqual(['x']);
	});
});
