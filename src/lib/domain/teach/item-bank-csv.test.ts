import { describe, expect, it } from 'vitest';
import { ITEM_BANK_COLUMNS, answerText, itemBankCsv } from '$lib/domain/teach/item-bank-csv';
import type { Item } from '$lib/domain/types';

const base = {
	factId: 'f1',
	explanation: 'Because the source says so.',
	topic: 'nato-kfor',
	source: { document: 'peacekeeping-in-kosovo', quote: 'KFOR, 50,000 strong, entered.' }
};

const items: Item[] = [
	{
		...base,
		id: 'i-mcq',
		type: 'mcq',
		prompt: 'How many?',
		answer: '50,000',
		options: ['50,000', '=SUM(A1)', '10']
	},
	{ ...base, id: 'i-tf', type: 'truefalse', prompt: 'KFOR had "50,000" troops.', answer: 'True' },
	{
		...base,
		id: 'i-order',
		type: 'order',
		prompt: 'Order these',
		answer: ['A', 'B'],
		options: ['B', 'A']
	},
	{
		...base,
		id: 'i-match',
		type: 'match',
		prompt: 'Match',
		answer: [
			{ term: 'KFOR', meaning: 'Kosovo Force' },
			{ term: 'UNMIK', meaning: 'UN mission' }
		],
		options: ['UN mission', 'Kosovo Force']
	},
	{
		...base,
		id: 'i-card',
		type: 'flashcard',
		prompt: 'Line one\nline two',
		answer: 'KFOR',
		alternatives: ['Kosovo Force']
	}
];

/** RFC 4180 reader, to check that every cell reads back as written. */
function readCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i += 1;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i += 1;
		} else field += char;
	}
	return rows;
}

describe('itemBankCsv', () => {
	it('writes a header and one row per item that reads back cell by cell', () => {
		const rows = readCsv(itemBankCsv(items));
		expect(rows[0]).toEqual([...ITEM_BANK_COLUMNS]);
		expect(rows).toHaveLength(items.length + 1);
		for (const row of rows) expect(row).toHaveLength(ITEM_BANK_COLUMNS.length);
		expect(rows[1]).toEqual([
			'i-mcq',
			'mcq',
			'nato-kfor',
			'f1',
			'How many?',
			'50,000',
			'50,000 | =SUM(A1) | 10',
			'',
			'Because the source says so.',
			'peacekeeping-in-kosovo',
			'KFOR, 50,000 strong, entered.'
		]);
		expect(rows[2][4]).toBe('KFOR had "50,000" troops.');
		expect(rows[5][4]).toBe('Line one\nline two');
		expect(rows[5][7]).toBe('Kosovo Force');
	});

	it('defuses cells a spreadsheet would run as formulas', () => {
		const csv = itemBankCsv([
			{ ...base, id: 'x', type: 'flashcard', prompt: '=1+1', answer: '@cmd' }
		]);
		const row = readCsv(csv)[1];
		expect(row[4]).toBe("'=1+1");
		expect(row[5]).toBe("'@cmd");
	});

	it('writes only the header for an empty bank', () => {
		expect(itemBankCsv([])).toBe(ITEM_BANK_COLUMNS.join(',') + '\r\n');
	});
});

describe('answerText', () => {
	it('writes list answers as one line', () => {
		expect(answerText(items[2])).toBe('A → B');
		expect(answerText(items[3])).toBe('KFOR = Kosovo Force | UNMIK = UN mission');
		expect(answerText(items[1])).toBe('True');
	});
});
