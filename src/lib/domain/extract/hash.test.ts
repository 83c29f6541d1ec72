import { describe, expect, it } from 'vitest';
import { hashString } from '$lib/domain/seeded-random';
import { factId, slugify } from './hash.ts';

describe('slugs and fact ids', () => {
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

	it('hashes with the domain’s one string hash, so ids match those of other modules', () => {
		const id = factId('doc', 'KFOR', 'KFOR moved in.');
		expect(id).toBe(`doc-kfor-${hashString('doc\u0000KFOR\u0000KFOR moved in.')}`);
	});
});
