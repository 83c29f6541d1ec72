import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { csvCell, isFormulaLike, toCsv } from '$lib/domain/csv';
import { parseCsv } from '$fixtures/csv-reader';

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
