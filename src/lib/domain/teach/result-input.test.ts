import { describe, it, expect } from 'vitest';
import {
	codesFromFile,
	RESULT_FILE_FORMAT,
	resultFileText,
	resultJsonName,
	splitCodes
} from '$lib/domain/teach/result-input';
import type { StudentResult } from '$lib/domain/types';

const result: StudentResult = {
	v: 1,
	assignmentId: 'a1',
	student: 'Ana',
	startedAt: 0,
	submittedAt: Date.UTC(2026, 0, 5, 10, 30),
	answers: { i1: 'x' }
};

describe('splitCodes', () => {
	it('splits codes and links on whitespace and newlines', () => {
		expect(splitCodes(' FD1.r.a.b.c \n\nhttps://x.org/teach/a#r=FD1.r.d  FD1.r.e ')).toEqual([
			'FD1.r.a.b.c',
			'https://x.org/teach/a#r=FD1.r.d',
			'FD1.r.e'
		]);
	});

	it('joins a code or link that a mail client wrapped', () => {
		expect(splitCodes('FD1.r.3.abcdef01.AAA\nBBB\nCC\nFD1.r.x')).toEqual([
			'FD1.r.3.abcdef01.AAABBBCC',
			'FD1.r.x'
		]);
		expect(splitCodes('https://x.org/te\nach/a#r=FD1.r.1')).toEqual([
			'https://x.org/teach/a#r=FD1.r.1'
		]);
		expect(splitCodes('#r=FD1 r=FD2')).toEqual(['#r=FD1', 'r=FD2']);
	});

	it('gives nothing for blank text', () => {
		expect(splitCodes('  \n ')).toEqual([]);
	});
});

describe('result files', () => {
	it('round-trips the code through the file a student downloads', () => {
		const text = resultFileText(result, 'Week 3', 'FD1.r.abc');
		const parsed = JSON.parse(text);
		expect(parsed).toEqual({
			format: RESULT_FILE_FORMAT,
			v: 1,
			assignmentTitle: 'Week 3',
			student: 'Ana',
			submittedAt: '2026-01-05T10:30:00.000Z',
			code: 'FD1.r.abc'
		});
		expect(codesFromFile('ana.json', text)).toEqual({ ok: true, codes: ['FD1.r.abc'] });
	});

	it('reads a list of result files, a BOM, and plain text with codes', () => {
		expect(codesFromFile('all.json', '[{"code":"FD1.a"},{"code":"FD1.b"}]')).toEqual({
			ok: true,
			codes: ['FD1.a', 'FD1.b']
		});
		expect(codesFromFile('codes.txt', '\uFEFFFD1.r.one\nFD1.r.two\n')).toEqual({
			ok: true,
			codes: ['FD1.r.one', 'FD1.r.two']
		});
	});

	it('names the file when it is empty, cut off or not a result file', () => {
		expect(codesFromFile('a.json', '  ')).toEqual({ ok: false, error: 'a.json is empty.' });
		const cut = codesFromFile('b.json', resultFileText(result, 'W', 'FD1.r.x').slice(0, 40));
		expect(!cut.ok && cut.error).toMatch(/b\.json is not a complete result file/);
		expect(codesFromFile('c.json', '{"name":"x"}')).toEqual({
			ok: false,
			error: 'c.json is not a Factdeck result file.'
		});
	});

	it('names the downloaded file .json', () => {
		expect(resultJsonName('factdeck-result-ana-1234abcd.txt')).toBe(
			'factdeck-result-ana-1234abcd.json'
		);
	});
});
