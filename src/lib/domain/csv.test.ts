import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Assignment, StudentResult } from '$lib/domain/types';
import { csvCell, gradebookCsv, isFormulaLike, toCsv, CSV_BOM } from '$lib/domain/csv';
import { analyseItems } from '$lib/domain/teach/item-analysis';

/** A strict RFC 4180 reader, written only to check the writer against. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let i = 0;
	let quoted = false;
	while (i < text.length) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
			} else if (c === '"') {
				quoted = false;
				i++;
			} else {
				field += c;
				i++;
			}
		} else if (c === '"' && field === '') {
			quoted = true;
			i++;
		} else if (c === ',') {
			row.push(field);
			field = '';
			i++;
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i += 2;
		} else {
			if (c === '"' || c === '\r' || c === '\n')
				throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
			field += c;
			i++;
		}
	}
	if (quoted) throw new Error('unterminated quote');
	if (field !== '' || row.length > 0) throw new Error('last record not ended by CRLF');
	return rows;
}

describe('csvCell and toCsv', () => {
	it('quotes only fields with a comma, quote or line break', () => {
		expect(csvCell('plain text')).toBe('plain text');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
		expect(csvCell(12.5)).toBe('12.5');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(null)).toBe('');
		expect(csvCell(true)).toBe('TRUE');
	});

	it('defuses text a spreadsheet would run as a formula', () => {
		expect(csvCell('=1+1')).toBe("'=1+1");
		expect(csvCell('+33 6 12')).toBe("'+33 6 12");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=cmd')).toBe("'\t=cmd");
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvCell('a=b')).toBe('a=b');
	});

	it('defuses formulas behind leading whitespace, line feeds and full-width signs', () => {
		const hostile = [
			' =1+1',
			'  +cmd',
			'\n=HYPERLINK("http://x")',
			'\r\n@SUM(A1)',
			'\u00a0-2+3',
			'\u3000=1',
			'\u200b=1',
			'\ufeff=1',
			'\u0000=1',
			'＝HYPERLINK("http://x")',
			'＋1',
			'－1',
			'＠SUM(A1)',
			' ＝1',
			'\nplain text after a line feed'
		];
		for (const text of hostile) {
			const [[cell]] = parseCsv(toCsv([[text]]));
			expect(cell).toBe(`'${text}`);
		}
		for (const text of ['a =b', 'Ana', '1 + 1 = 2', 'x＝y', "'=already"]) {
			expect(parseCsv(toCsv([[text]]))).toEqual([[text]]);
		}
	});

	it('round-trips any table through a strict RFC 4180 reader', () => {
		const unit = fc.oneof(
			fc.constantFrom(',', '"', '\r', '\n', ' ', "'", '=', '-', '😀'),
			fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 })
		);
		const safeText = fc.string({ unit, maxLength: 20 }).filter((s) => !isFormulaLike(s));
		fc.assert(
			fc.property(
				fc.array(fc.array(safeText, { minLength: 1, maxLength: 5 }), {
					minLength: 1,
					maxLength: 6
				}),
				(rows) => {
					return JSON.stringify(parseCsv(toCsv(rows))) === JSON.stringify(rows);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('reads back every text exactly, with one quote more where it was defused', () => {
		const unit = fc.oneof(
			fc.constantFrom(
				' ',
				'\t',
				'\r',
				'\n',
				'=',
				'+',
				'-',
				'@',
				'＝',
				'＋',
				'\u3000',
				'\u200b',
				'a'
			),
			fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 })
		);
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit, maxLength: 12 }), { minLength: 1, maxLength: 5 }),
				(row) => {
					const [back] = parseCsv(toCsv([row]));
					return back.every((cell, i) => {
						const text = row[i];
						if (!isFormulaLike(text)) return cell === text;
						// What a spreadsheet sees first, once it skips what it skips, is the quote.
						return cell === `'${text}` && !isFormulaLike(cell);
					});
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('gradebookCsv', () => {
	const assignment: Assignment = {
		v: 1,
		id: 'asg',
		title: 'Quiz',
		deckId: 'kosovo',
		deckTitle: 'Kosovo',
		instructions: '',
		items: [
			{
				id: 'q1',
				factId: 'f',
				type: 'mcq',
				prompt: 'Who?',
				answer: 'NATO',
				options: ['NATO', 'UN'],
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			},
			{
				id: 'q2',
				factId: 'f',
				type: 'truefalse',
				prompt: 'True?',
				answer: 'True',
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			},
			{
				id: 'q3',
				factId: 'f',
				type: 'truefalse',
				prompt: 'False?',
				answer: 'False',
				explanation: '',
				topic: 't',
				source: { document: 'd', quote: 'q' }
			}
		],
		shuffle: false,
		timeLimitMinutes: 0,
		feedback: 'after',
		passMark: 50,
		createdAt: 0
	};
	const submittedAt = Date.UTC(2025, 2, 4, 9, 30, 0);
	const result = (
		student: string,
		answers: StudentResult['answers'],
		ms: number
	): StudentResult => ({
		v: 1,
		assignmentId: 'asg',
		student,
		startedAt: submittedAt - ms,
		submittedAt,
		answers
	});

	it('writes one row per student with the agreed columns', () => {
		const analysis = analyseItems(assignment, [
			result('Ana, "the quick"', { q1: 'NATO', q2: 'True', q3: 'False' }, 61_400),
			result('=HYPERLINK("http://evil")', { q1: 'UN', q2: 'True' }, 120_600),
			result('Ben', {}, 5_000)
		]);
		const csv = gradebookCsv(assignment, analysis);
		expect(csv.startsWith(CSV_BOM)).toBe(false);
		expect(parseCsv(csv)).toEqual([
			[
				'Student',
				'Score (%)',
				'Correct',
				'Total',
				'Passed',
				'Time taken (s)',
				'Submitted at (ISO)'
			],
			['Ana, "the quick"', '100', '3', '3', 'yes', '61', '2025-03-04T09:30:00.000Z'],
			// 1 of 3 = 33.333...% -> 33.3
			['\'=HYPERLINK("http://evil")', '33.3', '1', '3', 'no', '121', '2025-03-04T09:30:00.000Z'],
			['Ben', '0', '0', '3', 'no', '5', '2025-03-04T09:30:00.000Z']
		]);
		expect(csv.split('\r\n')).toHaveLength(5);
	});
});
