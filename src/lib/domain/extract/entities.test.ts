import { describe, expect, it } from 'vitest';
import { buildEntityContext, findEntities } from './entities.ts';

const DOCUMENT = [
	'Slobodan Milošević withdrew Yugoslav forces from Kosovo in early June.',
	'The UN Security Council gave NATO the go-ahead under the agreement with Milošević.',
	'UNMIK was supported by the Organisation for Security and Cooperation in Europe and the EU.',
	'Talks have been mediated by the UN Office of the Special Envoy for Kosovo since 2005.',
	'The region belongs to Eastern Europe, the UN says.',
	'Following the intervention known as Operation Allied Force, peacekeeping began.',
	'Peacekeeping in the province was hard, and the following years were tense.'
];
const ctx = buildEntityContext(DOCUMENT);

describe('findEntities', () => {
	it.each([
		[0, 'Slobodan Milošević', 'person'],
		[0, 'Kosovo', 'place'],
		[1, 'UN Security Council', 'organisation'],
		[1, 'NATO', 'acronym'],
		[2, 'UNMIK', 'acronym'],
		[2, 'Organisation for Security and Cooperation in Europe', 'organisation'],
		[2, 'EU', 'acronym'],
		[3, 'UN Office of the Special Envoy for Kosovo', 'organisation'],
		[4, 'Eastern Europe', 'place'],
		[5, 'Operation Allied Force', 'term']
	] as const)('sentence %i: %s is a %s', (at, text, kind) => {
		const found = findEntities(DOCUMENT[at], ctx);
		const mention = found.find((e) => e.text === text);
		expect(mention?.kind).toBe(kind);
		expect(DOCUMENT[at].slice(mention?.index, (mention?.index ?? 0) + text.length)).toBe(text);
	});

	it('takes no common word for a name because it starts a sentence', () => {
		const names = [5, 6].flatMap((i) => findEntities(DOCUMENT[i], ctx).map((e) => e.text));
		expect(names).not.toContain('Following');
		expect(names).not.toContain('Peacekeeping');
	});

	it('leaves out spans already taken by dates and numbers', () => {
		const sentence = 'It oversees UN Security Council Resolution 1244.';
		const names = findEntities(sentence, ctx, [[32, 47]]).map((e) => e.text);
		expect(names).toEqual(['UN Security Council']);
	});

	it('does not classify what the rules cannot tell (nationality adjectives)', () => {
		expect(findEntities('Yugoslav forces left.', ctx)).toEqual([]);
	});
});
