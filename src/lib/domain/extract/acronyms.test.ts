import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions, findNamedTerms } from './acronyms.ts';

describe('findAcronymDefinitions', () => {
	it.each([
		[
			'The UN established the United Nations Interim Administration Mission in Kosovo (UNMIK) in 1999.',
			'UNMIK',
			'United Nations Interim Administration Mission in Kosovo'
		],
		[
			'Then 42,000 troops of the international Kosovo Force (KFOR) moved in.',
			'KFOR',
			'Kosovo Force'
		],
		[
			'It was backed by the Organisation for Security and Cooperation in Europe (OSCE) from the start.',
			'OSCE',
			'Organisation for Security and Cooperation in Europe'
		],
		[
			'The North Atlantic Treaty Organization (NATO) led the campaign.',
			'NATO',
			'North Atlantic Treaty Organization'
		],
		['Monitors from the European Union (EU) arrived.', 'EU', 'European Union'],
		[
			'The OSCE (Organization for Security and Co-operation in Europe) sent monitors.',
			'OSCE',
			'Organization for Security and Co-operation in Europe'
		]
	])('%s -> %s', (sentence, short, long) => {
		const [def] = findAcronymDefinitions(sentence);
		expect(def).toMatchObject({ short, long });
		expect(sentence.slice(def.longIndex, def.longIndex + long.length)).toBe(long);
		expect(sentence.slice(def.shortIndex, def.shortIndex + short.length)).toBe(short);
	});

	it.each([
		['The force (KFOR) moved in.'],
		['Aid arrived (see Table 2) quickly.'],
		['The talks (in Vienna) failed.']
	])('finds no definition whose letters the words before do not spell: %s', (sentence) => {
		expect(findAcronymDefinitions(sentence)).toEqual([]);
	});
});

describe('findNamedTerms', () => {
	it.each([
		[
			'NATO’s peacekeeping operation, known as KFOR, was established in 1999.',
			'KFOR',
			'NATO’s peacekeeping operation'
		],
		[
			'Following the NATO-led intervention in 1999 known as Operation Allied Force, the UN acted.',
			'Operation Allied Force',
			'the NATO-led intervention in 1999'
		],
		[
			'The agreement, called the Kumanovo Agreement, ended the war.',
			'Kumanovo Agreement',
			'The agreement'
		]
	])('%s -> %s', (sentence, term, meaning) => {
		const [t] = findNamedTerms(sentence);
		expect(t).toMatchObject({ term, meaning });
		expect(sentence.slice(t.termIndex, t.termIndex + term.length)).toBe(term);
	});
});
