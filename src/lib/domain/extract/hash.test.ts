import { describe, expect, it } from 'vitest';
import { cyrb53, factId, slugify } from './hash.ts';

describe('hash and slugs', () => {
	it('hashes deterministically and spreads near-identical inputs', () => {
		expect(cyrb53('kosovo')).toBe(cyrb53('kosovo'));
		expect(cyrb53('kosovo')).not.toBe(cyrb53('kosova'));
		expect(Number.isSafeInteger(cyrb53('x'.repeat(10_000)))).toBe(true);
	});

	it('slugifies with diacritics folded and cuts at a word boundary', () => {
		expect(slugify('Slobodan Milošević’s withdrawal')).toBe('slobodan-milosevics-withdrawal');
		expect(slugify('The Origins and Establishment of UN Peacekeeping', 20)).toBe('the-origins-and');
	});

	it('makes fact ids from document, answer and quote', () => {
		const id = factId('doc', '1999', 'It ended in 1999.');
		expect(id).toMatch(/^doc-1999-[0-9a-z]+$/);
		expect(factId('doc', '1999', 'It ended in 1999.')).toBe(id);
		expect(factId('doc', '1999', 'It began in 1999.')).not.toBe(id);
		expect(factId('other', '1999', 'It ended in 1999.')).not.toBe(id);
	});
});
