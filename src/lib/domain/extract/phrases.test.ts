import { describe, expect, it } from 'vitest';
import { findListItems, findVerbPhrases } from './phrases.ts';

describe('findListItems', () => {
	it.each([
		[
			'KFOR’s responsibilities include ensuring a secure environment, facilitating the return of refugees, and supporting the rebuilding of civil institutions.',
			[
				'ensuring a secure environment',
				'facilitating the return of refugees',
				'supporting the rebuilding of civil institutions'
			]
		],
		[
			'Furthermore, coordinating efforts among various international forces, including the UN, NATO, and local authorities, proved challenging.',
			['the UN', 'NATO', 'local authorities']
		],
		[
			'Logistical difficulties also impacted operations, including limited infrastructure, rugged terrain, and unpredictable access to certain regions.',
			['limited infrastructure', 'rugged terrain', 'unpredictable access']
		]
	])('%s', (sentence, items) => {
		const found = findListItems(sentence);
		expect(found.map((f) => f.text)).toEqual(items);
		for (const f of found) expect(sentence.slice(f.index, f.index + f.text.length)).toBe(f.text);
	});

	it('finds no list in a sentence without one', () => {
		expect(findListItems('The mission began in 1999 and ended in 2008.')).toEqual([]);
	});
});

describe('findVerbPhrases', () => {
	it('finds purpose and gerund phrases as verbatim spans', () => {
		const sentence = 'KFOR remained in Kosovo to provide security and ensure stability.';
		expect(findVerbPhrases(sentence).map((f) => f.text)).toEqual([
			'provide security and ensure stability'
		]);
		expect(
			findVerbPhrases(
				'The objectives focus on restoring stability and maintaining peace in a region.'
			)[0].text
		).toBe('restoring stability and maintaining peace in a region');
		expect(findVerbPhrases('It sent aid to the population.')).toEqual([]);
	});
});
