import { describe, expect, it } from 'vitest';
import { setOwnKey } from './own-key';

describe('setOwnKey', () => {
	it('keeps "__proto__", "constructor" and "prototype" as ordinary keys', () => {
		const record: Record<string, number> = {};
		for (const [i, key] of ['__proto__', 'constructor', 'prototype', 'q1'].entries()) {
			setOwnKey(record, key, i);
		}
		expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
		expect(Object.keys(record)).toEqual(['__proto__', 'constructor', 'prototype', 'q1']);
		expect(JSON.parse(JSON.stringify(record))).toEqual(
			JSON.parse('{"__proto__":0,"constructor":1,"prototype":2,"q1":3}')
		);
	});

	it('replaces a value already there', () => {
		const record: Record<string, string> = { a: 'old' };
		setOwnKey(record, 'a', 'new');
		expect(record).toEqual({ a: 'new' });
	});
});
