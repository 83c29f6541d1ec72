import { describe, expect, it } from 'vitest';
import { OPTION_KEYS, TRUE_FALSE_KEYS, optionKeys, shortcutIndex } from './answer-keys';

describe('optionKeys', () => {
	it('gives one letter per option, in order', () => {
		expect(optionKeys(4)).toEqual(['A', 'B', 'C', 'D']);
		expect(optionKeys(2)).toEqual(['A', 'B']);
	});
	it('never gives more letters than it has, nor fewer than none', () => {
		expect(optionKeys(9)).toEqual([...OPTION_KEYS]);
		expect(optionKeys(0)).toEqual([]);
		expect(optionKeys(-1)).toEqual([]);
	});
});

describe('shortcutIndex', () => {
	it.each([
		['a', ['A', 'B', 'C', 'D'], 0],
		['B', ['A', 'B', 'C', 'D'], 1],
		['d', ['A', 'B', 'C', 'D'], 3],
		['e', ['A', 'B', 'C', 'D'], -1],
		['t', [...TRUE_FALSE_KEYS], 0],
		['F', [...TRUE_FALSE_KEYS], 1],
		['Enter', ['A', 'B'], -1],
		['1', ['A', 'B'], -1]
	])('%s among %j selects %i', (key, keys, expected) => {
		expect(shortcutIndex(key, keys)).toBe(expected);
	});
	it('leaves keys with a modifier to the browser', () => {
		expect(shortcutIndex('a', ['A', 'B'], true)).toBe(-1);
	});
});
