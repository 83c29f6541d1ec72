import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Assignment, Deck, Item } from '$lib/domain/types';
import {
	assignmentLink,
	assignmentSchema,
	deckSchema,
	decodeAssignment,
	encodeAssignment,
	itemSchema,
	parseAssignmentFragment
} from '$lib/domain/teach/assignment-codec';
import { deflateRaw, encode, frame, toBase64Url } from '$lib/domain/codec';

/** Decoding without a deck: every item these tests use rides in the link. */
const SOURCES = {
	loadDeck: async (): Promise<never> => {
		throw new Error('no deck in these tests');
	},
	now: Date.UTC(2026, 5, 1)
};

const source = {
	document: 'peacekeeping-in-kosovo',
	quote: 'KFOR entered Kosovo on 12 June 1999.'
};
const base = { explanation: 'Because the source says so.', topic: 'origins', source };

const items: Item[] = [
	{
		...base,
		id: 'f1',
		factId: 'k1',
		type: 'flashcard',
		prompt: 'What is KFOR?',
		answer: 'Kosovo Force',
		alternatives: ['KFOR']
	},
	{
		...base,
		id: 'm1',
		factId: 'k1',
		type: 'mcq',
		prompt: 'Who led KFOR?',
		answer: 'NATO',
		options: ['UN', 'NATO', 'OSCE', 'EU']
	},
	{
		...base,
		id: 't1',
		factId: 'k2',
		type: 'truefalse',
		prompt: 'KFOR entered in 2001.',
		answer: 'False',
		correction: '1999'
	},
	{
		...base,
		id: 'c1',
		factId: 'k2',
		type: 'cloze',
		prompt: 'KFOR entered Kosovo on 12 June _____.',
		answer: '1999'
	},
	{
		...base,
		id: 'o1',
		factId: 'k3',
		factIds: ['k3', 'k4', 'k5'],
		type: 'order',
		prompt: 'Put in order.',
		answer: ['War', 'KFOR', 'Independence'],
		options: ['KFOR', 'Independence', 'War']
	},
	{
		...base,
		id: 'x1',
		factId: 'k6',
		factIds: ['k6', 'k7'],
		type: 'match',
		prompt: 'Match.',
		answer: [
			{ term: 'KFOR', meaning: 'NATO force' },
			{ term: 'UNMIK', meaning: 'UN mission' }
		],
		options: ['UN mission', 'NATO force']
	}
];

function makeAssignment(overrides: Partial<Assignment> = {}): Assignment {
	return {
		v: 1,
		id: 'asg-1',
		title: 'Kosovo quiz',
		deckId: 'kosovo',
		deckTitle: 'Peacekeeping in Kosovo since 1999',
		instructions: 'Answer every question. Use "quotes" & <brackets> freely.',
		items,
		shuffle: true,
		timeLimitMinutes: 20,
		feedback: 'after',
		passMark: 60,
		createdAt: 1_750_000_000_000,
		...overrides
	};
}

function jsonType(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A code with a valid frame and checksum around any JSON text. */
async function codeOfJson(json: string): Promise<string> {
	return frame('assignment', toBase64Url(await deflateRaw(new TextEncoder().encode(json))));
}

async function expectRejected(value: unknown): Promise<string> {
	const result = await decodeAssignment(await codeOfJson(JSON.stringify(value)), SOURCES);
	expect(result.ok).toBe(false);
	return result.ok ? '' : result.error;
}

describe('encodeAssignment / decodeAssignment', () => {
	it('round-trips an assignment with every item type', async () => {
		const assignment = makeAssignment();
		const code = await encodeAssignment(assignment);
		expect(await decodeAssignment(code, SOURCES)).toEqual({ ok: true, value: assignment });
	});

	it('decodes from the share link and its fragment', async () => {
		const assignment = makeAssignment();
		const link = assignmentLink('https://factdeck.test/', await encodeAssignment(assignment));
		expect(link).toMatch(/^https:\/\/factdeck\.test\/assignment#a=FD2\.a\./);
		const hash = new URL(link).hash;
		const code = parseAssignmentFragment(hash);
		expect(code).not.toBeNull();
		expect(await decodeAssignment(code!, SOURCES)).toEqual({ ok: true, value: assignment });
		expect(await decodeAssignment(link, SOURCES)).toEqual({ ok: true, value: assignment });
	});

	it('finds no code in a fragment without one', () => {
		expect(parseAssignmentFragment('')).toBeNull();
		expect(parseAssignmentFragment('#r=FD1.r.1.00000000.x')).toBeNull();
		expect(parseAssignmentFragment('#a=')).toBeNull();
		expect(parseAssignmentFragment('#x=1&a=FD1.abc')).toBe('FD1.abc');
	});

	it('round-trips random assignments', async () => {
		await fc.assert(
			fc.asyncProperty(assignmentArbitrary, async (assignment) => {
				const result = await decodeAssignment(await encodeAssignment(assignment), SOURCES);
				expect(result).toEqual({ ok: true, value: assignment });
			}),
			{ numRuns: 150 }
		);
	});

	it('refuses a result code with a message that says so', async () => {
		const code = await encode('result', { v: 1 });
		expect(await decodeAssignment(code, SOURCES)).toEqual({
			ok: false,
			error: 'This code is for a result, not an assignment.'
		});
	});

	it('says a newer assignment format was made by a newer Factdeck', async () => {
		expect(await expectRejected({ ...makeAssignment(), v: 2 })).toBe(
			'This link was made by a newer version of Factdeck.'
		);
	});

	it('refuses forged or malformed fields with a message naming the place', async () => {
		const good = makeAssignment();
		expect(await expectRejected({ ...good, score: 100 })).toMatch(/score/);
		expect(
			await expectRejected({
				...good,
				items: [{ ...items[0], isCorrect: true }, ...items.slice(1)]
			})
		).toMatch(/items → 0/);
		expect(await expectRejected({ ...good, title: 'x'.repeat(201) })).toMatch(/title/);
		expect(await expectRejected({ ...good, passMark: 101 })).toMatch(/passMark/);
		expect(await expectRejected({ ...good, items: [] })).toMatch(/items/);
		expect(await expectRejected({ ...good, items: [{ ...items[0], type: 'essay' }] })).toMatch(
			/items → 0/
		);
		expect(await expectRejected({ ...good, items: [items[0], items[0]] })).toMatch(
			/duplicate item id/
		);
		expect(
			await expectRejected({ ...good, items: [{ ...items[1], answer: 'Red Cross' }] })
		).toMatch(/exactly once/);
		expect(
			await expectRejected({ ...good, items: [{ ...items[4], options: ['War', 'KFOR', 'Peace'] }] })
		).toMatch(/events of the answer/);
		expect(
			await expectRejected({ ...good, items: [{ ...items[5], options: ['UN mission', 'x'] }] })
		).toMatch(/meanings/);
		expect(
			await expectRejected({
				...good,
				items: Array.from({ length: 501 }, (_, i) => ({ ...items[0], id: `f${i}` }))
			})
		).toMatch(/items/);
		expect(await expectRejected(null)).toMatch(/not hold a valid assignment/);
		expect(await expectRejected([good])).toMatch(/not hold a valid assignment/);
	});

	it('lets no __proto__ key pollute anything', async () => {
		const json = JSON.stringify(makeAssignment()).replace(
			'{"v":1,',
			'{"__proto__":{"polluted":true},"v":1,'
		);
		expect(json).toContain('__proto__');
		expect(await decodeAssignment(await codeOfJson(json), SOURCES)).toEqual({
			ok: false,
			error: 'This link was refused: it contains the forbidden key "__proto__".'
		});
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const parsed = assignmentSchema.safeParse(JSON.parse(json));
		expect(parsed.success).toBe(false);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('rejects 1,000 corrupted or wrongly shaped codes with a message, never throwing', async () => {
		const good = makeAssignment();
		const code = await encodeAssignment(good);
		const corrupt = fc.oneof(
			fc.nat({ max: code.length - 1 }).map((n) => Promise.resolve(code.slice(0, n))),
			fc
				.tuple(fc.nat({ max: code.length - 1 }), fc.constantFrom(...'aZ09-_.'.split('')))
				.filter(([i, c]) => code[i] !== c)
				.map(([i, c]) => Promise.resolve(code.slice(0, i) + c + code.slice(i + 1))),
			fc.jsonValue().map((value) => codeOfJson(JSON.stringify(value))),
			fc
				.tuple(fc.constantFrom(...Object.keys(good)), fc.jsonValue())
				// A value of another JSON type is always wrong; a same-typed one may well be valid.
				.filter(([key, value]) => jsonType(value) !== jsonType(good[key as keyof Assignment]))
				.map(([key, value]) => codeOfJson(JSON.stringify({ ...good, [key]: value }))),
			fc
				.constantFrom(...Object.keys(good))
				.map((key) => codeOfJson(JSON.stringify({ ...good, [key]: undefined })))
		);
		await fc.assert(
			fc.asyncProperty(corrupt, async (pending) => {
				const result = await decodeAssignment(await pending, SOURCES);
				expect(result.ok).toBe(false);
				expect(!result.ok && result.error.length).toBeGreaterThan(10);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('itemSchema and deckSchema', () => {
	it('accepts every well-formed item type and refuses unknown keys', () => {
		for (const item of items) expect(itemSchema.safeParse(item).success).toBe(true);
		expect(itemSchema.safeParse({ ...items[0], extra: 1 }).success).toBe(false);
		expect(itemSchema.safeParse({ ...items[2], answer: 'Maybe' }).success).toBe(false);
		expect(itemSchema.safeParse({ ...items[0], prompt: '' }).success).toBe(false);
	});

	it('accepts a whole deck with facts and refuses a stray field on a fact', () => {
		const deck: Deck = {
			id: 'kosovo',
			title: 'Peacekeeping in Kosovo',
			description: 'A deck.',
			version: 1,
			topics: [{ id: 'origins', title: 'Origins' }],
			sources: [{ id: 'peacekeeping-in-kosovo', title: 'Peacekeeping in Kosovo' }],
			facts: [
				{
					id: 'k1',
					topic: 'origins',
					document: 'peacekeeping-in-kosovo',
					quote: 'KFOR entered Kosovo on 12 June 1999.',
					question: 'When did KFOR enter Kosovo?',
					answer: '12 June 1999',
					answerKind: 'date',
					statement: 'KFOR entered Kosovo on 12 June 1999.',
					explanation: 'It followed Resolution 1244.'
				}
			],
			items
		};
		expect(deckSchema.safeParse(deck).success).toBe(true);
		expect(
			deckSchema.safeParse({ ...deck, facts: [{ ...deck.facts[0], isAdmin: true }] }).success
		).toBe(false);
		expect(deckSchema.safeParse({ ...deck, owner: 'x' }).success).toBe(false);
		expect(deckSchema.safeParse({ ...deck, items: [items[0], items[0]] }).success).toBe(false);
	});
});

const str = (maxLength = 30) => fc.string({ unit: 'binary', minLength: 1, maxLength });
const distinct = (min: number, max: number) =>
	fc.uniqueArray(str(20), { minLength: min, maxLength: max });

const baseArbitrary = fc.record(
	{
		factId: str(),
		prompt: str(80),
		explanation: fc.string({ maxLength: 80 }),
		topic: fc.string({ maxLength: 20 }),
		source: fc.record({
			document: fc.string({ maxLength: 20 }),
			quote: fc.string({ maxLength: 80 })
		}),
		alternatives: fc.array(str(), { maxLength: 3 }),
		factIds: fc.array(str(), { maxLength: 3 })
	},
	{ requiredKeys: ['factId', 'prompt', 'explanation', 'topic', 'source'] }
);

const itemArbitrary: fc.Arbitrary<Omit<Item, 'id'>> = fc.oneof(
	fc
		.tuple(baseArbitrary, str())
		.map(([b, answer]) => ({ ...b, type: 'flashcard' as const, answer })),
	fc.tuple(baseArbitrary, str()).map(([b, answer]) => ({ ...b, type: 'cloze' as const, answer })),
	fc
		.tuple(
			baseArbitrary,
			fc.constantFrom('True' as const, 'False' as const),
			fc.option(str(), { nil: undefined })
		)
		.map(([b, answer, correction]) => ({
			...b,
			type: 'truefalse' as const,
			answer,
			...(correction === undefined ? {} : { correction })
		})),
	fc.tuple(baseArbitrary, distinct(2, 6), fc.nat()).map(([b, options, pick]) => ({
		...b,
		type: 'mcq' as const,
		answer: options[pick % options.length],
		options
	})),
	fc.tuple(baseArbitrary, distinct(2, 5)).map(([b, answer]) => ({
		...b,
		type: 'order' as const,
		answer,
		options: [...answer].reverse()
	})),
	fc
		.tuple(baseArbitrary, distinct(2, 5), fc.array(str(), { minLength: 5, maxLength: 5 }))
		.map(([b, terms, meanings]) => {
			const answer = terms.map((term, i) => ({ term, meaning: meanings[i] }));
			return {
				...b,
				type: 'match' as const,
				answer,
				options: answer.map((p) => p.meaning).reverse()
			};
		})
);

const assignmentArbitrary: fc.Arbitrary<Assignment> = fc
	.record({
		id: str(),
		title: str(60),
		deckId: str(),
		deckTitle: fc.string({ maxLength: 60 }),
		instructions: fc.string({ unit: 'binary', maxLength: 200 }),
		items: fc.array(itemArbitrary, { minLength: 1, maxLength: 8 }),
		shuffle: fc.boolean(),
		timeLimitMinutes: fc.nat({ max: 600 }),
		feedback: fc.constantFrom('after' as const, 'none' as const),
		passMark: fc.double({ min: 0, max: 100, noNaN: true }),
		createdAt: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 5, 1) })
	})
	.map((a) => ({
		v: 1 as const,
		...a,
		items: a.items.map((item, i) => ({ ...item, id: `item-${i}` }) as Item)
	}));
