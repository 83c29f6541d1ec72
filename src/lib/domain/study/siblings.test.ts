import { describe, expect, it } from 'vitest';
import { areSiblings, pickApart, SIBLING_GAP } from './siblings';

const QUOTE = 'KFOR entered Kosovo on 12 June 1999 under Security Council resolution 1244.';
const fact = (id: string, quote: string, question: string, answer: string) => ({
	id,
	quote,
	question,
	answer
});

const date = fact('date', QUOTE, 'When did KFOR enter Kosovo?', '12 June 1999');
const resolution = fact('res', QUOTE, 'Under which resolution did KFOR enter?', 'resolution 1244');
const mandate = fact(
	'mandate',
	'Resolution 1244 gave the UN an interim administration in Kosovo.',
	'What did resolution 1244 give the UN in Kosovo?',
	'an interim administration'
);
const stranger = fact(
	'eulex',
	'EULEX began its work in December 2008.',
	'When did EULEX begin its work?',
	'December 2008'
);

describe('areSiblings', () => {
	it('pairs facts from one sentence', () => {
		expect(areSiblings(date, resolution)).toBe(true);
	});
	it('pairs facts whose answer stands in the other’s question or sentence', () => {
		expect(areSiblings(resolution, mandate)).toBe(true);
		expect(areSiblings(mandate, resolution)).toBe(true);
	});
	it('leaves unrelated facts, a fact with itself, and short common answers alone', () => {
		expect(areSiblings(date, stranger)).toBe(false);
		expect(areSiblings(date, date)).toBe(false);
		const short = fact('un', 'The UN ran Kosovo.', 'Who ran Kosovo?', 'UN');
		expect(areSiblings(short, mandate)).toBe(false);
	});
	it('matches whole words only, whatever the case and punctuation', () => {
		const shouted = fact(
			'x',
			'RESOLUTION 1244, adopted that day.',
			'What was adopted?',
			'that day'
		);
		expect(areSiblings(resolution, shouted)).toBe(true);
		const partial = fact('y', 'Resolutions 12445 exist.', 'What exists?', 'Resolutions');
		expect(areSiblings(resolution, partial)).toBe(false);
	});
});

describe('pickApart', () => {
	const byId = new Map([date, resolution, mandate, stranger].map((f) => [f.id, f]));
	const factOf = (id: string) => byId.get(id);

	it('skips a sibling of a card just shown, for the next candidate', () => {
		expect(pickApart(['res', 'eulex'], factOf, [date])).toBe('eulex');
	});
	it('keeps the queue’s order when nothing is near', () => {
		expect(pickApart(['res', 'eulex'], factOf, [stranger])).toBe('res');
	});
	it('lets a sibling come back once enough other cards came between', () => {
		const between = Array.from({ length: SIBLING_GAP }, (_, i) =>
			fact(`f${i}`, `Filler sentence number ${i}.`, `Which number ${i}?`, `number ${i}`)
		);
		expect(pickApart(['res', 'eulex'], factOf, [date, ...between])).toBe('res');
	});
	it('never stops study: all siblings gives the first, no candidates gives null', () => {
		expect(areSiblings(mandate, date)).toBe(false);
		expect(pickApart(['res', 'mandate'], factOf, [date])).toBe('mandate');
		expect(pickApart(['res', 'mandate'], factOf, [date, resolution])).toBe('res');
		expect(pickApart([], factOf, [date])).toBeNull();
	});
	it('treats a candidate whose fact is unknown as apart', () => {
		expect(pickApart(['missing', 'eulex'], factOf, [date])).toBe('missing');
	});
});
