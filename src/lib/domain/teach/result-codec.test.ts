import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Assignment, Item, StudentResult } from '$lib/domain/types';
import {
	decodeResult,
	encodeResult,
	fromStoredResult,
	importResults,
	resultFileName,
	resultId,
	resultLink,
	toStoredResult
} from '$lib/domain/teach/result-codec';
import { encode, encodeBytes, deflateRaw, frame, toBase64Url } from '$lib/domain/codec';
import { ByteWriter } from '$lib/domain/teach/bytes';

const NOW = Date.UTC(2026, 2, 4, 10);
const source = { document: 'd', quote: 'q' };
const base = { explanation: '', topic: 'origins', source };

const items: Item[] = [
	{
		...base,
		id: 'm1',
		factId: 'k1',
		type: 'mcq',
		prompt: 'Who led KFOR?',
		answer: 'NATO',
		options: ['UN', 'NATO', 'OSCE']
	},
	{
		...base,
		id: 't1',
		factId: 'k2',
		type: 'truefalse',
		prompt: 'KFOR came in 2001.',
		answer: 'False'
	},
	{ ...base, id: 'c1', factId: 'k3', type: 'cloze', prompt: 'KFOR came in ____.', answer: '1999' },
	{
		...base,
		id: 'f1',
		factId: 'k4',
		type: 'flashcard',
		prompt: 'What is KFOR?',
		answer: 'Kosovo Force'
	},
	{
		...base,
		id: 'o1',
		factId: 'k5',
		type: 'order',
		prompt: 'Order them.',
		answer: ['War', 'KFOR', 'Independence'],
		options: ['KFOR', 'Independence', 'War']
	},
	{
		...base,
		id: 'x1',
		factId: 'k6',
		type: 'match',
		prompt: 'Match them.',
		answer: [
			{ term: 'constructor', meaning: 'NATO force' },
			{ term: 'UNMIK', meaning: 'UN mission' }
		],
		options: ['UN mission', 'NATO force']
	}
];

const assignment: Assignment = {
	v: 1,
	id: 'asg-1',
	title: 'Kosovo quiz',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items,
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: Date.UTC(2026, 2, 1)
};

const result: StudentResult = {
	v: 1,
	assignmentId: 'asg-1',
	student: 'Ana Björk',
	startedAt: Date.UTC(2026, 2, 4, 9),
	submittedAt: Date.UTC(2026, 2, 4, 9, 10),
	answers: {
		m1: 'NATO',
		t1: 'False',
		c1: '1999',
		f1: true,
		o1: ['War', 'KFOR', 'Independence'],
		x1: { constructor: 'NATO force', UNMIK: 'UN mission' }
	}
};

async function codeOfJson(json: string): Promise<string> {
	return frame('result', toBase64Url(await deflateRaw(new TextEncoder().encode(json))));
}

async function rejection(value: unknown): Promise<string> {
	const decoded = await decodeResult(await codeOfJson(JSON.stringify(value)), assignment, NOW);
	expect(decoded.ok).toBe(false);
	return decoded.ok ? '' : decoded.error;
}

const decode = (code: string) => decodeResult(code, assignment, NOW);

/** An answer of the right kind for each item, or typed text a forged code could hold. */
function answerFor(item: Item): fc.Arbitrary<StudentResult['answers'][string] | undefined> {
	const text = fc.string({ unit: 'grapheme', maxLength: 30 });
	switch (item.type) {
		case 'mcq':
			return fc.oneof(fc.constantFrom(...item.options), text, fc.constant(undefined));
		case 'truefalse':
			return fc.oneof(fc.constantFrom('True', 'False'), fc.constant(undefined));
		case 'order':
			return fc.oneof(
				fc.shuffledSubarray(item.options, { minLength: 1 }),
				fc.array(text, { minLength: 1, maxLength: 4 })
			);
		case 'match':
			return fc.oneof(
				fc
					.subarray(item.answer)
					.map((pairs) => Object.fromEntries(pairs.map((p) => [p.term, p.meaning]))),
				fc.dictionary(
					fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__'),
					text,
					{ minKeys: 1, maxKeys: 3 }
				)
			);
		default:
			return fc.oneof(text, fc.boolean(), fc.constant(undefined));
	}
}

const resultArbitrary: fc.Arbitrary<StudentResult> = fc
	.record({
		student: fc.constantFrom('Ana', 'Besnik Gashi', 'Zoë', '李雷', 'Ана'),
		startedS: fc.integer({ min: Date.UTC(2024, 0, 1) / 1000, max: NOW / 1000 - 10_000 }),
		tookS: fc.nat({ max: 9_999 }),
		answers: fc.tuple(...items.map(answerFor))
	})
	.map(({ student, startedS, tookS, answers }) => ({
		v: 1 as const,
		assignmentId: 'asg-1',
		student,
		startedAt: startedS * 1000,
		submittedAt: (startedS + tookS) * 1000,
		answers: Object.fromEntries(
			items.flatMap((item, i) => (answers[i] === undefined ? [] : [[item.id, answers[i]!]]))
		)
	}));

describe('encodeResult / decodeResult', () => {
	it('round-trips a result with every answer type; a match term "constructor" is never a key', async () => {
		const code = encodeResult(result, assignment);
		expect(code).toMatch(/^FD2\.r\./);
		const decoded = await decode(code);
		expect(decoded).toEqual({ ok: true, value: toStoredResult(result) });
		expect(decoded.ok && fromStoredResult(decoded.value)).toEqual(result);
		expect(decoded.ok && JSON.stringify(decoded.value)).not.toMatch(/"constructor":/);
	});

	it('holds 20 multiple-choice answers in at most 120 characters', async () => {
		const twenty: Assignment = {
			...assignment,
			id: 'k3x9q2m1ab',
			items: Array.from({ length: 20 }, (_, i) => ({
				...items[0],
				id: `peacekeeping-by-un-and-allied-forces-${i}-mcq`,
				options: ['UN', 'NATO', 'OSCE', 'EU']
			}))
		};
		const answers = Object.fromEntries(
			twenty.items.map((item, i) => [item.id, ['UN', 'NATO', 'OSCE', 'EU'][i % 4]])
		);
		const long: StudentResult = {
			...result,
			assignmentId: twenty.id,
			student: 'Besnik Gashi',
			answers
		};
		const code = encodeResult(long, twenty);
		expect(code.length).toBeLessThanOrEqual(120);
		expect(await decodeResult(code, twenty, NOW)).toEqual({
			ok: true,
			value: toStoredResult(long)
		});
	});

	it('decodes from the result link the student sends', async () => {
		const link = resultLink('https://factdeck.test', 'asg 1', encodeResult(result, assignment));
		expect(link).toMatch(/^https:\/\/factdeck\.test\/teach\/asg%201#r=FD2\.r\./);
		expect(await decode(link)).toEqual({ ok: true, value: toStoredResult(result) });
	});

	it('round-trips random results', async () => {
		await fc.assert(
			fc.asyncProperty(resultArbitrary, async (r) => {
				expect(await decode(encodeResult(r, assignment))).toEqual({
					ok: true,
					value: toStoredResult(r)
				});
			}),
			{ numRuns: 200 }
		);
	});

	it('reads a result for another assignment only far enough to name it', async () => {
		const other = { ...assignment, id: 'asg-2' };
		const decoded = await decodeResult(
			encodeResult({ ...result, assignmentId: 'asg-2' }, other),
			assignment,
			NOW
		);
		expect(decoded.ok && decoded.value.assignmentId).toBe('asg-2');
		expect(decoded.ok && importResults(assignment, [decoded.value], new Set())[0].status).toBe(
			'wrong-assignment'
		);
	});

	it('normalises the name as the form does: hidden characters and direction overrides go', async () => {
		const forged = { ...result, student: 'A\u200bna\u202e Bj\u0000o\u0308rk ' };
		const decoded = await decode(encodeResult(forged, assignment));
		expect(decoded.ok && decoded.value.student).toBe('Ana Björk');
		const empty = await decode(encodeResult({ ...result, student: '\u200b\u200d' }, assignment));
		expect(empty.ok ? '' : empty.error).toMatch(/student/);
	});

	it('refuses a time past what Date can show, or in the future, naming the field', async () => {
		for (const submittedAt of [8_640_000_000_000_001, 2 ** 53 - 1]) {
			const message = await rejection({ ...result, submittedAt });
			expect(message).toMatch(/submittedAt/);
		}
		// The same in the compact layout: seconds far past the year 275760.
		const forged = new ByteWriter()
			.uint(0)
			.text('asg-1')
			.text('Ana')
			.uint(8_640_000_000_000)
			.uint(5)
			.uint(items.length);
		for (let i = 0; i < items.length; i++) forged.uint(0);
		const decoded = await decode(encodeBytes('result', forged.toBytes()));
		expect(decoded.ok ? '' : decoded.error).toMatch(/startedAt|submittedAt/);
		const future = await decode(
			encodeResult(
				{ ...result, startedAt: NOW + 3 * 86_400_000, submittedAt: NOW + 3 * 86_400_000 },
				assignment
			)
		);
		expect(future.ok ? '' : future.error).toMatch(/in the future/);
	});

	it('says incomplete for a cut code and damaged for a changed one', async () => {
		const code = encodeResult(result, assignment);
		const cut = await decode(code.slice(0, -4));
		expect(cut.ok ? '' : cut.error).toMatch(/incomplete/);
		const i = code.length - 3;
		const changed = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
		const damaged = await decode(changed);
		expect(damaged.ok ? '' : damaged.error).toMatch(/damaged/);
	});
});

describe('version-1 (JSON) result codes', () => {
	it('are still read, into the stored shape', async () => {
		const code = await encode('result', result);
		expect(code).toMatch(/^FD1\.r\./);
		expect(await decode(code)).toEqual({ ok: true, value: toStoredResult(result) });
	});

	it('rejects a forged score: results carry answers only', async () => {
		expect(await rejection({ ...result, score: 100 })).toMatch(/score/);
		expect(await rejection({ ...result, percent: 100, passed: true })).toMatch(/valid result/);
	});

	it('rejects malformed fields with a message', async () => {
		expect(await rejection({ ...result, v: 3 })).toBe(
			'This code was made by a newer version of Factdeck.'
		);
		expect(await rejection({ ...result, student: '   ' })).toMatch(/student/);
		expect(await rejection({ ...result, submittedAt: result.startedAt - 1 })).toMatch(
			/submittedAt/
		);
		expect(await rejection({ ...result, answers: { m1: 42 } })).toMatch(/answers/);
		expect(await rejection({ ...result, answers: { m1: { a: 1 } } })).toMatch(/answers/);
		expect(await rejection({ ...result, answers: { m1: 'x'.repeat(5001) } })).toMatch(/answers/);
		const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`i${i}`, 'a']));
		expect(await rejection({ ...result, answers: many })).toMatch(/Too many answers/);
		expect(await rejection('just a string')).toMatch(/valid result/);
	});

	it('refuses an assignment code pasted as a result', async () => {
		expect(await decode(await encode('assignment', result))).toEqual({
			ok: false,
			error: 'This code is for an assignment, not a result.'
		});
	});

	it('refuses a __proto__ answer key, plain or nested, without changing any prototype', async () => {
		for (const json of [
			JSON.stringify(result).replace('"m1":', '"__proto__":'),
			JSON.stringify(result).replace('"answers":{', '"answers":{"__proto__":{"isAdmin":"yes"},')
		]) {
			expect(json).toContain('"__proto__":');
			expect(await decode(await codeOfJson(json))).toEqual({
				ok: false,
				error: 'This code was refused: it contains the forbidden key "__proto__".'
			});
		}
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});

	it('rejects 1,000 corrupted or wrongly shaped codes with a message, never throwing', async () => {
		const code = encodeResult(result, assignment);
		const corrupt = fc.oneof(
			fc.nat({ max: code.length - 1 }).map((n) => Promise.resolve(code.slice(0, n))),
			fc
				.tuple(fc.nat({ max: code.length - 1 }), fc.constantFrom(...'bY37-_.'.split('')))
				.filter(([i, c]) => code[i] !== c)
				.map(([i, c]) => Promise.resolve(code.slice(0, i) + c + code.slice(i + 1))),
			fc.string({ maxLength: 200 }).map((s) => Promise.resolve(s.replace(/#/g, ''))),
			fc.jsonValue().map((value) => codeOfJson(JSON.stringify(value))),
			fc
				.uint8Array({ maxLength: 80 })
				.map((bytes) => Promise.resolve(encodeBytes('result', bytes))),
			fc
				.tuple(
					fc.constantFrom('answers', 'startedAt', 'student', 'v'),
					fc.oneof(fc.constant(null), fc.integer({ min: -5, max: -1 }), fc.array(fc.integer()))
				)
				.map(([k, value]) => codeOfJson(JSON.stringify({ ...result, [k]: value })))
		);
		await fc.assert(
			fc.asyncProperty(corrupt, async (pending) => {
				const decoded = await decode(await pending);
				if (decoded.ok) {
					// Random bytes can spell a valid empty result; it must then be a sound one.
					expect(decoded.value.student.length).toBeGreaterThan(0);
					return;
				}
				expect(decoded.error.length).toBeGreaterThan(10);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('resultId and resultFileName', () => {
	it('is stable across key order and changes with any answer', () => {
		const reordered: StudentResult = {
			answers: Object.fromEntries(Object.entries(result.answers).reverse()),
			submittedAt: result.submittedAt,
			startedAt: result.startedAt,
			student: result.student,
			assignmentId: result.assignmentId,
			v: 1
		};
		expect(resultId(reordered)).toBe(resultId(result));
		expect(resultId(toStoredResult(result))).toBe(resultId(result));
		expect(resultId(result)).toMatch(/^[0-9a-f]{16}$/);
		expect(resultId({ ...result, answers: { ...result.answers, m1: 'UN' } })).not.toBe(
			resultId(result)
		);
		expect(resultId({ ...result, submittedAt: result.submittedAt + 1 })).not.toBe(resultId(result));
	});

	it('names files safely by student', () => {
		expect(resultFileName(result)).toBe(
			`factdeck-result-ana-bjork-${resultId(result).slice(0, 8)}.txt`
		);
		const odd = { ...result, student: '../../etc/passwd <script>' };
		expect(resultFileName(odd)).toMatch(/^factdeck-result-etc-passwd-script-[0-9a-f]{8}\.txt$/);
		expect(resultFileName({ ...result, student: '李雷' })).toMatch(/^factdeck-result-student-/);
	});
});

describe('importResults', () => {
	it('accepts new results, flags repeats and results of another assignment', () => {
		const other = { ...result, student: 'Ben' };
		const foreign = { ...result, assignmentId: 'asg-2', student: 'Cleo' };
		const outcomes = importResults(
			assignment,
			[result, other, { ...result }, foreign].map(toStoredResult),
			new Set([resultId(other)])
		);
		expect(outcomes.map((o) => o.status)).toEqual([
			'accepted',
			'duplicate',
			'duplicate',
			'wrong-assignment'
		]);
		expect(outcomes[0].id).toBe(resultId(result));
		expect(outcomes[1].message).toBe("Ben's result was already imported.");
		expect(outcomes[3].message).toBe("Cleo's result is for another assignment, not “Kosovo quiz”.");
	});
});
