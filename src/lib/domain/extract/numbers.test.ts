import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers.ts';

describe('findNumbers', () => {
	it.each([
		['Then 42,000 troops moved into Kosovo.', '42,000', 'count', 'troops', 42000],
		['It keeps a force of 3,800 personnel today.', '3,800', 'count', 'personnel', 3800],
		['About 5 million people voted.', '5 million', 'count', 'people', 5_000_000],
		['Turnout reached 64.5% in the capital.', '64.5%', 'percent', '%', 64.5],
		['Turnout reached 40 per cent in the north.', '40 per cent', 'percent', '%', 40],
		['The mission cost $120 million a year.', '$120 million', 'money', '$', 120_000_000],
		[
			'KFOR oversees UN Security Council Resolution 1244.',
			'Resolution 1244',
			'label',
			'Resolution',
			1244
		],
		['NATO invoked Article 5 for the first time.', 'Article 5', 'label', 'Article', 5],
		['It deployed 1500 soldiers to the north.', '1500', 'count', 'soldiers', 1500]
	] as const)('%s -> %s', (sentence, text, subkind, unit, value) => {
		const found = findNumbers(sentence);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ text, subkind, unit, value });
		expect(sentence.slice(found[0].index, found[0].index + text.length)).toBe(text);
	});

	it.each([
		['He met 3 of them.'],
		['In 1999 the war ended.'],
		['The vote was 12 to 3.'],
		['Page 14 of the report.']
	])('finds no number without a unit or label: %s', (sentence) => {
		expect(findNumbers(sentence, [[3, 7]])).toEqual([]);
	});

	it('skips spans already taken by dates', () => {
		expect(findNumbers('On 10 June 1999 troops arrived.', [[3, 15]])).toEqual([]);
	});
});
