import { describe, expect, it } from 'vitest';
import {
	lookAlikeNames,
	nameProblem,
	nameSkeleton,
	normaliseName
} from '$lib/domain/teach/student-name';

describe('normaliseName', () => {
	it.each([
		['Ana', 'Ana'],
		['  Ana   Björk ', 'Ana Björk'],
		['A\u200bna', 'Ana'],
		['Ana\u0000', 'Ana'],
		['\u202eanA', 'anA'],
		['Ana\u2066x\u2069', 'Anax'],
		['Bjo\u0308rk', 'Björk'],
		['Ana\u00a0Maria', 'Ana Maria'],
		['\ufeffAna', 'Ana']
	])('%j becomes %j', (input, expected) => {
		expect(normaliseName(input)).toBe(expected);
	});

	it('refuses what is empty once the hidden characters go, as the form does', () => {
		expect(nameProblem('\u200b\u200d')).toMatch(/Enter your name/);
		expect(nameProblem('\u0000')).toMatch(/Enter your name/);
		expect(nameProblem('...')).toMatch(/letter or digit/);
		expect(nameProblem('x'.repeat(101))).toMatch(/at most 100/);
		expect(nameProblem('Besnik')).toBeNull();
	});
});

describe('look-alike names', () => {
	it('flags names a teacher would read as one', () => {
		expect(nameSkeleton('Ana')).toBe(nameSkeleton('Аna')); // Cyrillic А
		expect(nameSkeleton('Ana')).toBe(nameSkeleton('A\u200bna'));
		expect(nameSkeleton('Ilir')).toBe(nameSkeleton('llir'));
		expect(lookAlikeNames(['Ana', 'Аna', 'Ben', 'Ben', 'Drita', 'Dríta'])).toEqual([
			['Ana', 'Аna'],
			['Drita', 'Dríta']
		]);
	});

	it('does not flag different names or the same name sent twice', () => {
		expect(lookAlikeNames(['Ana', 'Anna', 'Ben', 'Ben'])).toEqual([]);
	});
});
