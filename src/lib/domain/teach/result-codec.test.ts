import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Assignment, StudentResult } from '$lib/domain/types';
import {
	decodeResult,
	encodeResult,
	importResults,
	resultFileName,
	resultId,
	resultLink
} from '$lib/domain/teach/result-codec';
import { encode, deflateRaw, frame, toBase64Url } from '$lib/domain/codec';

const result: StudentResult = {
	v: 1,
	assignmentId: 'asg-1',
	student: 'Ana Björk',
	startedAt: 1_700_000_000_000,
	submittedAt: 1_700_000_600_000,
	answers: {
		m1: 'NATO',
		t1: 'False',
		c1: '1999',
		f1: true,
		o1: ['War', 'KFOR', 'Independence'],
		x1: { KFOR: 'NATO force', UNMIK: 'UN mission' }
	}
};

const assignment: Assignment = {
	v: 1,
	id: 'asg-1',
	title: 'Kosovo quiz',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items: [
		{
			id: 'm1',
			factId: 'k1',
			type: 'mcq',
			prompt: 'Who led KFOR?',
			answer: 'NATO',
			options: ['NATO', 'UN'],
			explanation: '',
			topic: 'origins',
			source: { document: 'd', quote: 'q' }
		}
	],
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: 0
};

async function codeOfJson(json: string): Promise<string> {
	return frame('result', toBase64Url(await deflateRaw(new TextEncoder().encode(json))));
}

async function rejection(value: unknown): Promise<string> {
	const decoded = await decodeResult(await codeOfJson(JSON.stringify(value)));
	expect(decoded.ok).toBe(false);
	return decoded.ok ? '' : decoded.error;
}

/** Any key a browser could write, but "__proto__", which decoding refuses (tested below). */
const ordinaryKey = (maxLength: number) =>
	fc.string({ minLength: 1, maxLength }).filter((key) => key !== '__proto__');

const answerArbitrary = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.boolean(),
	fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }),
	fc.dictionary(ordinaryKey(10), fc.string({ maxLength: 20 }), {
		maxKeys: 6
	})
);

const resultArbitrary: fc.Arbitrary<StudentResult> = fc
	.record({
		assignmentId: fc.string({ minLength: 1, maxLength: 30 }),
		student: fc
			.string({ unit: 'binary', minLength: 1, maxLength: 40 })
			.filter((s) => s.trim() !== ''),
		startedAt: fc.nat(),
		duration: fc.nat({ max: 10_000_000 }),
		answers: fc.dictionary(ordinaryKey(12), answerArbitrary, {
			maxKeys: 20
		})
	})
	.map(({ duration, ...r }) => ({ v: 1 as const, ...r, submittedAt: r.startedAt + duration }));

describe('encodeResult / decodeResult', () => {
	it('round-trips a result with every answer type, as a short code', async () => {
		const code = await encodeResult(result);
		expect(code).toMatch(/^FD1\.r\./);
		expect(code.length).toBeLessThan(JSON.stringify(result).length + 60);
		expect(await decodeResult(code)).toEqual({ ok: true, value: result });
	});

	it('decodes from the result link the student sends', async () => {
		const link = resultLink('https://factdeck.test', 'asg 1', await encodeResult(result));
		expect(link).toMatch(/^https:\/\/factdeck\.test\/teach\/asg%201#r=FD1\.r\./);
		expect(await decodeResult(link)).toEqual({ ok: true, value: result });
	});

	it('round-trips random results', async () => {
		await fc.assert(
			fc.asyncProperty(resultArbitrary, async (r) => {
				expect(await decodeResult(await encodeResult(r))).toEqual({ ok: true, value: r });
			}),
			{ numRuns: 200 }
		);
	});

	it('rejects a forged score: results carry answers only', async () => {
		expect(await rejection({ ...result, score: 100 })).toMatch(/score/);
		expect(await rejection({ ...result, percent: 100, passed: true })).toMatch(/valid result/);
	});

	it('rejects malformed fields with a message', async () => {
		expect(await rejection({ ...result, v: 2 })).toBe(
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
		expect(await decodeResult(await encode('assignment', result))).toEqual({
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
			expect(await decodeResult(await codeOfJson(json))).toEqual({
				ok: false,
				error: 'This code was refused: it contains the forbidden key "__proto__".'
			});
		}
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});

	it('rejects 1,000 corrupted or wrongly shaped codes with a message, never throwing', async () => {
		const code = await encodeResult(result);
		const corrupt = fc.oneof(
			fc.nat({ max: code.length - 1 }).map((n) => Promise.resolve(code.slice(0, n))),
			fc
				.tuple(fc.nat({ max: code.length - 1 }), fc.constantFrom(...'bY37-_.'.split('')))
				.filter(([i, c]) => code[i] !== c)
				.map(([i, c]) => Promise.resolve(code.slice(0, i) + c + code.slice(i + 1))),
			fc.string({ maxLength: 200 }).map((s) => Promise.resolve(s.replace(/#/g, ''))),
			fc.jsonValue().map((value) => codeOfJson(JSON.stringify(value))),
			fc
				.tuple(
					fc.constantFrom('answers', 'startedAt', 'student', 'v'),
					fc.oneof(fc.constant(null), fc.integer({ min: -5, max: -1 }), fc.array(fc.integer()))
				)
				.map(([k, value]) => codeOfJson(JSON.stringify({ ...result, [k]: value })))
		);
		await fc.assert(
			fc.asyncProperty(corrupt, async (pending) => {
				const decoded = await decodeResult(await pending);
				expect(decoded.ok).toBe(false);
				expect(!decoded.ok && decoded.error.length).toBeGreaterThan(10);
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
			[result, other, { ...result }, foreign],
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
