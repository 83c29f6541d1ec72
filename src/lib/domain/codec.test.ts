import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	decode,
	deflateRaw,
	encode,
	extractCode,
	fnv1a32,
	frame,
	fromBase64Url,
	messages,
	toBase64Url,
	MAX_CODE_LENGTH,
	MAX_JSON_BYTES
} from '$lib/domain/codec';

async function encodeBytesAsCode(bytes: Uint8Array): Promise<string> {
	return frame('result', toBase64Url(await deflateRaw(bytes)));
}

describe('base64url', () => {
	it('round-trips any bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				const text = toBase64Url(bytes);
				expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
				expect(fromBase64Url(text)).toEqual(bytes);
			}),
			{ numRuns: 300 }
		);
	});

	it('matches the platform encoding for a known value', () => {
		const bytes = new Uint8Array([251, 255, 0, 1, 2]);
		expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
	});

	it('refuses impossible lengths and characters', () => {
		expect(fromBase64Url('A')).toBeNull();
		expect(fromBase64Url('AB+C')).toBeNull();
		expect(fromBase64Url('AB=C')).toBeNull();
		expect(fromBase64Url('ABé')).toBeNull();
	});
});

describe('fnv1a32', () => {
	it('matches the published FNV-1a test vectors', () => {
		expect(fnv1a32('')).toBe('811c9dc5');
		expect(fnv1a32('a')).toBe('e40c292c');
		expect(fnv1a32('foobar')).toBe('bf9cf968');
	});
});

describe('encode and decode', () => {
	it('round-trips JSON values with a readable frame', async () => {
		const value = { title: 'Kosovo — KFOR 1999 ✓', list: [1, 2, 3], nested: { ok: true } };
		const code = await encode('assignment', value);
		expect(code).toMatch(/^FD1\.a\.[0-9a-z]+\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
		expect(await decode('assignment', code)).toEqual({ ok: true, value });
	});

	it('compresses repetitive content', async () => {
		const value = {
			items: Array.from({ length: 50 }, (_, i) => ({ prompt: `Question ${i} about KFOR` }))
		};
		const code = await encode('assignment', value);
		expect(code.length).toBeLessThan(JSON.stringify(value).length / 2);
	});

	it('accepts the code inside a link, a fragment, or wrapped over lines', async () => {
		const code = await encode('result', { n: 1 });
		const expected = { ok: true, value: { n: 1 } };
		expect(await decode('result', `https://x.test/teach/abc#r=${code}`)).toEqual(expected);
		expect(await decode('result', `r=${code}`)).toEqual(expected);
		const wrapped = `  ${code.slice(0, 10)}\n${code.slice(10, 20)}\r\n ${code.slice(20)}  `;
		expect(await decode('result', wrapped)).toEqual(expected);
		expect(extractCode('#a=FD1.x')).toBe('FD1.x');
	});

	it('names each kind of failure in words a person understands', async () => {
		const code = await encode('assignment', { hello: 'world' });
		const fails = async (kind: 'assignment' | 'result', text: string) => {
			const result = await decode(kind, text);
			expect(result.ok).toBe(false);
			return result.ok ? '' : result.error;
		};
		expect(await fails('assignment', '')).toBe(messages.empty('assignment'));
		expect(await fails('assignment', code.slice(0, -3))).toBe(
			'This link is incomplete — it may have been cut off when it was copied.'
		);
		expect(await fails('assignment', code.slice(0, 9))).toBe(messages.incomplete('assignment'));
		expect(await fails('assignment', 'FD')).toBe(messages.incomplete('assignment'));
		expect(await fails('assignment', code.replace(/^FD1/, 'FD3'))).toBe(
			'This link was made by a newer version of Factdeck.'
		);
		expect(await fails('result', code)).toBe('This code is for an assignment, not a result.');
		const resultCode = await encode('result', { r: 1 });
		expect(await fails('assignment', resultCode)).toBe(
			'This code is for a result, not an assignment.'
		);
		const last = code.at(-1) === 'A' ? 'B' : 'A';
		expect(await fails('assignment', code.slice(0, -1) + last)).toBe(
			'This link is damaged (checksum mismatch).'
		);
		expect(await fails('assignment', code + 'A')).toBe(messages.damaged('assignment'));
		expect(await fails('assignment', 'hello world')).toBe(messages.notFactdeck('assignment'));
	});

	it('reports a valid frame around garbage as unreadable, not as a crash', async () => {
		const garbage = frame('assignment', toBase64Url(new Uint8Array([1, 2, 3, 4, 5, 250, 251])));
		expect(await decode('assignment', garbage)).toEqual({
			ok: false,
			error: messages.unreadable('assignment')
		});
		const notJson = await encodeBytesAsCode(new TextEncoder().encode('{"a": 1'));
		expect(await decode('result', notJson)).toEqual({
			ok: false,
			error: messages.unreadable('result')
		});
		const badUtf8 = await encodeBytesAsCode(new Uint8Array([0x22, 0xff, 0xfe, 0x22]));
		expect(await decode('result', badUtf8)).toEqual({
			ok: false,
			error: messages.unreadable('result')
		});
	});

	it('refuses a "__proto__" key at any depth instead of silently dropping it', async () => {
		const json = (text: string) => encodeBytesAsCode(new TextEncoder().encode(text));
		for (const text of [
			'{"__proto__": {"polluted": true}}',
			'{"answers": {"m1": "a", "__proto__": false}}',
			'[{"deep": [{"__proto__": 1}]}]'
		]) {
			expect(await decode('result', await json(text))).toEqual({
				ok: false,
				error: messages.forbiddenKey('result')
			});
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		// The key name as a value, or "constructor" as a key, is ordinary data.
		expect(await decode('result', await json('{"a": "__proto__", "constructor": 1}'))).toEqual({
			ok: true,
			value: { a: '__proto__', constructor: 1 }
		});
	});

	it('refuses input over the size limit without reading it', async () => {
		const huge = 'FD1.a.' + 'A'.repeat(MAX_CODE_LENGTH + 10);
		expect(await decode('assignment', huge)).toEqual({
			ok: false,
			error: messages.tooLong('assignment')
		});
	});

	it('stops inflating a zip bomb past the output limit, quickly', async () => {
		// 50 MB of zeros deflates to about 50 kB: well under the input limit.
		const bomb = await encodeBytesAsCode(new Uint8Array(10 * MAX_JSON_BYTES));
		expect(bomb.length).toBeLessThan(MAX_CODE_LENGTH);
		const started = performance.now();
		expect(await decode('result', bomb)).toEqual({ ok: false, error: messages.tooLarge('result') });
		expect(performance.now() - started).toBeLessThan(3000);
	});

	it('accepts output just under the limit', async () => {
		const json = JSON.stringify('x'.repeat(MAX_JSON_BYTES - 10));
		const code = await encodeBytesAsCode(new TextEncoder().encode(json));
		const result = await decode('result', code);
		expect(result.ok && (result.value as string).length).toBe(MAX_JSON_BYTES - 10);
	});

	it('never throws and never accepts a corrupted code (1,000 cases)', async () => {
		const original = await encode('assignment', {
			id: 'a1',
			items: ['KFOR', 'UNMIK', '1999', 'Ahtisaari'],
			note: 'Ümlaut & "quotes"'
		});
		// Not whitespace and not '#': those are read as line wrapping and as the start of a fragment.
		const noise = fc.constantFrom(...'ABCXYZabcxyz0189-_.=/%?é\u0000'.split(''));
		const corruption = fc.oneof(
			fc.nat({ max: original.length - 1 }).map((n) => original.slice(0, n)),
			fc
				.tuple(fc.nat({ max: original.length - 1 }), noise)
				.filter(([i, c]) => original[i] !== c)
				.map(([i, c]) => original.slice(0, i) + c + original.slice(i + 1)),
			fc
				.tuple(fc.nat({ max: original.length }), noise)
				.map(([i, c]) => original.slice(0, i) + c + original.slice(i)),
			fc.nat({ max: original.length - 1 }).map((i) => original.slice(0, i) + original.slice(i + 1)),
			fc
				.integer({ min: 0, max: 99 })
				.filter((v) => v !== 1)
				.map((v) => original.replace(/^FD1/, `FD${v}`)),
			fc
				.stringMatching(/^[0-9a-f]{8}$/)
				.map((sum) => original.replace(/\.[0-9a-f]{8}\./, `.${sum}.`))
				.filter((code) => code !== original),
			fc.string({ maxLength: 300 }).filter((s) => !s.includes('#')),
			// Random bytes behind a good checksum, led by a block of the reserved deflate type (0b11),
			// so they never happen to inflate to JSON (three random bytes once gave "0"; what a code
			// that inflates must hold is checked by each kind's schema, not here).
			fc
				.uint8Array({ maxLength: 300 })
				.map((b) => frame('assignment', toBase64Url(Uint8Array.of(0x07, ...b))))
		);
		await fc.assert(
			fc.asyncProperty(corruption, async (code) => {
				const result = await decode('assignment', code);
				expect(result.ok).toBe(false);
				expect(!result.ok && result.error.length).toBeGreaterThan(10);
			}),
			{ numRuns: 1000 }
		);
	});
});
