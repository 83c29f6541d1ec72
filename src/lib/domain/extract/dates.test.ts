import { describe, expect, it } from 'vitest';
import { findDates, lastYear } from './dates.ts';

describe('findDates', () => {
	it.each([
		['The force arrived on 10 June 1999.', undefined, '10 June 1999', 'full', '1999-06-10'],
		[
			'The force arrived on June 10, 1999, at dawn.',
			undefined,
			'June 10, 1999',
			'full',
			'1999-06-10'
		],
		[
			'It was signed on the 3rd of March 2001.',
			undefined,
			'3rd of March 2001',
			'full',
			'2001-03-03'
		],
		[
			'The report is dated 2020-11-24 in the archive.',
			undefined,
			'2020-11-24',
			'full',
			'2020-11-24'
		],
		['Talks resumed in March 2006 in Vienna.', undefined, 'March 2006', 'month-year', '2006-03'],
		['Talks resumed in Sept. 2006 in Vienna.', undefined, 'Sept. 2006', 'month-year', '2006-09'],
		['Forces withdrew in early June, ending the war.', 1999, 'early June', 'part-month', '1999-06'],
		[
			'Forces withdrew in late June 1999, ending the war.',
			undefined,
			'late June 1999',
			'part-month',
			'1999-06'
		],
		['On 10 June, the Council voted.', 1999, '10 June', 'day-month', '1999-06-10'],
		['On 10 June, the Council voted.', undefined, '10 June', 'day-month', undefined],
		['The vote came in June, after long talks.', 2004, 'June', 'month', '2004-06'],
		['UNMIK was established in 1999 by the Council.', undefined, '1999', 'year', '1999'],
		[
			'Violence grew in the late 1990s across the region.',
			undefined,
			'late 1990s',
			'decade',
			'1998'
		],
		['The 1980s were calm in the province.', undefined, '1980s', 'decade', '1980'],
		['Violence grew in the mid-1990s across the region.', undefined, 'mid-1990s', 'decade', '1995']
	] as const)('%s (context %s) -> %s', (sentence, context, text, subkind, when) => {
		const found = findDates(sentence, context);
		const mention = found.find((d) => d.text === text);
		expect(mention).toBeDefined();
		expect(mention?.subkind).toBe(subkind);
		expect(mention?.when).toBe(when);
		expect(sentence.slice(mention?.index, (mention?.index ?? 0) + text.length)).toBe(text);
	});

	it.each([
		[
			'On 10 June 1999, the Council voted, and, two days later, troops moved in.',
			'two days later',
			'1999-06-12'
		],
		[
			'On 30 June 1999 the Council voted; three days later troops moved in.',
			'three days later',
			'1999-07-03'
		],
		[
			'In March 2004 riots broke out and, two months later, talks began.',
			'two months later',
			'2004-05'
		],
		[
			'On 10 June the Council voted, and two days later troops moved in.',
			'two days later',
			'2021-06-12'
		]
	])('resolves a relative date pinned by an earlier date: %s', (sentence, text, when) => {
		const found = findDates(sentence, 2021);
		expect(found.find((d) => d.text === text)?.when).toBe(when);
	});

	it('keeps no relative date that nothing in the sentence pins down', () => {
		expect(
			findDates('Two days later, troops moved in.', 1999).some((d) => d.subkind === 'relative')
		).toBe(false);
		expect(
			findDates('In 1999 the Council voted and two days later troops moved in.').some(
				(d) => d.subkind === 'relative'
			)
		).toBe(false);
	});

	it.each([
		['The force numbered 42,000 troops.'],
		['Resolution 1244 set the mandate.'],
		['A force of 1500 soldiers stayed.'],
		['The road is 2.1999 km long.'],
		['Accessed 24/11/2020 online.'],
		['The population was 10,000 people.']
	])('finds no year in counts, labels and other numbers: %s', (sentence) => {
		expect(findDates(sentence).filter((d) => d.subkind === 'year')).toEqual([]);
	});

	it('pins a yearless date to the nearest year of the same sentence before the context year', () => {
		expect(
			findDates('In 2008, on 17 February, Kosovo declared independence.', 1999).find(
				(d) => d.text === '17 February'
			)?.when
		).toBe('2008-02-17');
	});

	it('gives the year the next sentence can pin to', () => {
		expect(lastYear(findDates('It began in 1999 and ended in 2002.'))).toBe(2002);
		expect(lastYear(findDates('Nothing dated here.'))).toBeUndefined();
	});

	it('rejects impossible days', () => {
		expect(findDates('It ended on 31 February 2001.').some((d) => d.subkind === 'full')).toBe(
			false
		);
	});
});
