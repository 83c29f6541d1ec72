import { encode } from '$lib/domain/codec';
import { decodeResult, encodeResult } from '$lib/domain/teach/result-codec';
import type { Assignment } from '$lib/domain/types';
import { describe, it, expect } from 'vitest';
import {
	codesFromFile,
	RESULT_FILE_FORMAT,
	resultFileText,
	resultJsonName,
	findCodes
} from '$lib/domain/teach/result-input';
import type { StudentResult } from '$lib/domain/types';

const NOW = Date.UTC(2026, 0, 6);

const result: StudentResult = {
	v: 1,
	assignmentId: 'a1',
	student: 'Ana',
	startedAt: 0,
	submittedAt: Date.UTC(2026, 0, 5, 10, 30),
	answers: { i1: 'x' }
};

/** Real codes: the compact result layout, and a version-1 JSON code as older pages made them. */
const assignment: Assignment = {
	v: 1,
	id: 'k3x9q2m1ab',
	title: 'Week 3',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items: Array.from({ length: 12 }, (_, i) => ({
		id: `q${i}`,
		factId: `f${i}`,
		type: 'mcq' as const,
		prompt: `Question ${i}?`,
		answer: 'NATO',
		options: ['UN', 'NATO', 'OSCE', 'EU'],
		explanation: '',
		topic: 't',
		source: { document: 'd', quote: 'q' }
	})),
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: Date.UTC(2026, 0, 1)
};
const student = (name: string, pick: number) => ({
	v: 1 as const,
	assignmentId: assignment.id,
	student: name,
	startedAt: Date.UTC(2026, 0, 5, 10),
	submittedAt: Date.UTC(2026, 0, 5, 10, 12),
	answers: Object.fromEntries(
		assignment.items.map((item, i) => [item.id, ['UN', 'NATO', 'OSCE', 'EU'][(i + pick) % 4]])
	)
});
const besnik = encodeResult(student('Besnik', 1), assignment);
const ana = encodeResult(student('Ana', 2), assignment);
const drita = encodeResult(student('Drita Krasniqi', 3), assignment);
const link = (code: string) => `https://factdeck.example.org/teach/${assignment.id}#r=${code}`;
/** Wraps text at `width` characters, as a mail client does with a long line. */
const wrap = (text: string, width: number, prefix = '') =>
	(text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(`\n${prefix}`);

const PASTES: Array<{ name: string; text: () => string | Promise<string>; codes: () => string[] }> =
	[
		{ name: 'a bare code', text: () => besnik, codes: () => [besnik] },
		{ name: 'a code with spaces around', text: () => `   ${besnik}  \n`, codes: () => [besnik] },
		{
			name: 'the e-mail from the issue',
			text: () => `Hi Miss, here is my code: ${besnik} Thanks, Besnik`,
			codes: () => [besnik]
		},
		{
			name: 'a code followed by a full stop',
			text: () => `My code is ${besnik}.`,
			codes: () => [besnik]
		},
		{ name: 'a code in brackets', text: () => `(${besnik})`, codes: () => [besnik] },
		{ name: 'a code in angle brackets', text: () => `<${besnik}>`, codes: () => [besnik] },
		{ name: 'a code in quotes', text: () => `"${besnik}"`, codes: () => [besnik] },
		{ name: 'a code in curly quotes', text: () => `“${besnik}”`, codes: () => [besnik] },
		{ name: 'a code in Markdown backticks', text: () => '`' + besnik + '`', codes: () => [besnik] },
		{ name: 'a result link', text: () => link(besnik), codes: () => [besnik] },
		{
			name: 'a link inside a sentence with a comma after it',
			text: () => `Here: ${link(ana)}, sorry it is late!`,
			codes: () => [ana]
		},
		{
			name: 'a link wrapped at 40 characters by a mail client',
			text: () => `Dear teacher,\n\n${wrap(link(drita), 40)}\n\nBest wishes\nDrita`,
			codes: () => [drita]
		},
		{
			name: 'a code wrapped at 20 characters with CRLF',
			text: () => wrap(besnik, 20).replace(/\n/g, '\r\n'),
			codes: () => [besnik]
		},
		{
			name: 'a quoted reply with "> " on every wrapped line',
			text: () => `On Monday Besnik wrote:\n> Here it is:\n> ${wrap(besnik, 30, '> ')}\n> Thanks`,
			codes: () => [besnik]
		},
		{
			name: 'a doubly quoted reply',
			text: () => `>> ${wrap(ana, 25, '>> ')}\n>> Ana`,
			codes: () => [ana]
		},
		{
			name: 'a chat log with three students',
			text: () =>
				`[09:41] Besnik: ${besnik}\n[09:42] Ana: ${link(ana)}\n[09:45] Drita: here ${drita} :)`,
			codes: () => [besnik, ana, drita]
		},
		{
			name: 'three codes on one line separated by spaces',
			text: () => `${besnik} ${ana} ${drita}`,
			codes: () => [besnik, ana, drita]
		},
		{
			name: 'three codes separated by commas with no spaces',
			text: () => `${besnik},${ana},${drita}`,
			codes: () => [besnik, ana, drita]
		},
		{
			name: 'codes separated by semicolons and blank lines',
			text: () => `${besnik};\n\n${ana};\n\n`,
			codes: () => [besnik, ana]
		},
		{
			name: 'a numbered list of codes',
			text: () => `1. ${besnik}\n2. ${ana}\n3. ${drita}\n`,
			codes: () => [besnik, ana, drita]
		},
		{
			name: 'a bulleted list of links',
			text: () => `• ${link(besnik)}\n• ${link(ana)}`,
			codes: () => [besnik, ana]
		},
		{
			name: 'a link with its fragment percent-encoded by a mail safety service',
			text: () =>
				`https://eur01.safelinks.example.com/?url=https%3A%2F%2Ffactdeck.example.org%2Fteach%2Fk3x9q2m1ab%23r%3D${besnik}&data=05`,
			codes: () => [besnik]
		},
		{
			name: 'an HTML mail pasted as source',
			text: () => `<p>My result: <a href="${link(ana)}">${link(ana)}</a></p>`,
			codes: () => [ana, ana]
		},
		{
			name: 'a code written straight after a colon',
			text: () => `code:${drita}`,
			codes: () => [drita]
		},
		{
			name: 'a code between tabs in a spreadsheet row',
			text: () => `Ana\t${ana}\t12/12`,
			codes: () => [ana]
		},
		{
			name: 'a code followed directly by a word on the same line',
			text: () => `${besnik}Thanks`,
			codes: () => [besnik]
		},
		{
			name: 'an old JSON (version 1) code',
			text: async () => `Old one: ${await encode('result', student('Ana', 0))} ok`,
			codes: () => []
		},
		{
			name: 'an e-mail without any code',
			text: () => 'Hi Miss, I forgot the code, sorry!',
			codes: () => []
		},
		{ name: 'blank text', text: () => '  \n\t ', codes: () => [] },
		{
			name: 'a PDF name and FD in words',
			text: () => 'See FDA.pdf and PFD2.r notes',
			codes: () => []
		},
		{
			name: 'an assignment link pasted by mistake (found, for the decoder to name)',
			text: () => 'https://factdeck.example.org/assignment#a=FD2.a.3.0badc0de.AAA',
			codes: () => ['FD2.a.3.0badc0de.AAA']
		}
	];

describe('findCodes', () => {
	it('covers at least 30 kinds of pasted text', () => {
		expect(PASTES.length).toBeGreaterThanOrEqual(30);
	});

	it.each(PASTES)('finds the codes in $name', async ({ name, text, codes }) => {
		const found = findCodes(await text());
		if (name === 'an old JSON (version 1) code') {
			expect(found).toHaveLength(1);
			expect((await decodeResult(found[0], assignment, NOW)).ok).toBe(true);
			return;
		}
		expect(found).toEqual(codes());
	});

	it('every code it finds in a message decodes to the student who sent it', async () => {
		const found = findCodes(
			`[09:41] Besnik: ${besnik}\n> ${wrap(link(ana), 33, '> ')}\nThanks, Drita ${drita}.`
		);
		const names = [];
		for (const code of found) {
			const decoded = await decodeResult(code, assignment, NOW);
			names.push(decoded.ok ? decoded.value.student : decoded.error);
		}
		expect(names).toEqual(['Besnik', 'Ana', 'Drita Krasniqi']);
	});

	it('returns a cut code short, so it is called incomplete, and a changed one whole, so it is called damaged', async () => {
		const [cut] = findCodes(`Here: ${besnik.slice(0, -6)}`);
		const cutDecoded = await decodeResult(cut, assignment, NOW);
		expect(cutDecoded.ok ? '' : cutDecoded.error).toMatch(/incomplete/);
		const i = besnik.length - 4;
		const changed = besnik.slice(0, i) + (besnik[i] === 'x' ? 'y' : 'x') + besnik.slice(i + 1);
		const [found] = findCodes(`Hi, ${changed} thanks`);
		expect(found).toBe(changed);
		const decoded = await decodeResult(found, assignment, NOW);
		expect(decoded.ok ? '' : decoded.error).toMatch(/damaged/);
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
		expect(codesFromFile('codes.txt', `\uFEFF${besnik}\n${ana}\n`)).toEqual({
			ok: true,
			codes: [besnik, ana]
		});
	});

	it('names the file when it is empty, cut off or not a result file', () => {
		expect(codesFromFile('a.json', '  ')).toEqual({ ok: false, error: 'a.json is empty.' });
		expect(codesFromFile('b.txt', 'no code here')).toEqual({
			ok: false,
			error: 'b.txt holds no result code.'
		});
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
