import { describe, expect, it } from 'vitest';
import { booleanPreference, type KeyValueStore } from './preferences';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('booleanPreference', () => {
	it('gives the default until a choice is made, then the choice', () => {
		const store = memoryStore();
		const pref = booleanPreference('k', false, () => store);
		expect(pref.get()).toBe(false);
		pref.set(true);
		expect(pref.get()).toBe(true);
		expect(store.data.get('k')).toBe('true');
		pref.set(false);
		expect(pref.get()).toBe(false);
	});

	it('ignores a stored value it did not write', () => {
		const store = memoryStore();
		store.data.set('k', 'yes please');
		expect(booleanPreference('k', true, () => store).get()).toBe(true);
	});

	it('falls back to the default when storage is missing or throws', () => {
		expect(booleanPreference('k', true, () => null).get()).toBe(true);
		const broken: KeyValueStore = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		const pref = booleanPreference('k', false, () => broken);
		expect(pref.get()).toBe(false);
		expect(() => pref.set(true)).not.toThrow();
	});
});
