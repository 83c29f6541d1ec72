import { describe, expect, it } from 'vitest';
import { ankiExport, ankiField } from '$lib/domain/deck/anki-export';
import type { Fact } from '$lib/domain/types';

function fact(partial: Partial<Fact>): Fact {
	return {
		id: 'f1',
		topic: 't',
		document: 'doc',
		quote: 'KFOR entered Kosovo on 12 June 1999.',
		question: 'When did KFOR enter Kosovo?',
		answer: '12 June 1999',
		answerKind: 'date',
		statement: 'KFOR entered Kosovo on 12 June 1999.',
		explanation: 'Stated in the source.',
		...partial
	};
}

/** Reads the body as Anki's importer does: `#` lines are comments, tab-separated, "-quoted fields. */
function readAnkiBody(text: string): string[][] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let i = 0;
	let atLineStart = true;
	while (i < text.length) {
		if (atLineStart && text[i] === '#') {
			i = text.indexOf('\n', i) + 1 || text.length;
			continue;
		}
		atLineStart = false;
		if (field === '' && text[i] === '"') {
			i += 1;
			while (i < text.length) {
				if (text[i] === '"' && text[i + 1] === '"') {
					field += '"';
					i += 2;
				} else if (text[i] === '"') {
					i += 1;
					break;
				} else field += text[i++];
			}
			continue;
		}
		const char = text[i++];
		if (char === '\t') {
			record.push(field);
			field = '';
		} else if (char === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			atLineStart = true;
		} else field += char;
	}
	return records;
}

describe('ankiExport', () => {
	it('writes the headers Anki reads, then one Basic note per fact', () => {
		const text = ankiExport({
			title: 'Peacekeeping in Kosovo',
			facts: [fact({}), fact({ id: 'f2', question: 'Q2', answer: 'A2', quote: 'Quote 2' })]
		});
		const lines = text.split('\n');
		expect(lines.slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:false',
			'#deck:Peacekeeping in Kosovo',
			'#notetype:Basic',
			'#columns:Front\tBack\tSource'
		]);
		expect(lines[5]).toBe(
			'When did KFOR enter Kosovo?\t12 June 1999\tKFOR entered Kosovo on 12 June 1999.'
		);
		expect(lines[6]).toBe('Q2\tA2\tQuote 2');
		expect(text.endsWith('\n')).toBe(true);
		expect(readAnkiBody(text)).toHaveLength(2);
	});

	it('keeps every note at three fields whatever the text holds', () => {
		const tricky = fact({
			question: '#1 "Why"\tnow?',
			answer: 'line one\nline two\r\nthree',
			quote: 'He said "no".\tThen left.'
		});
		const text = ankiExport({ title: 'Deck\twith\nbreaks', facts: [tricky] });
		expect(text.split('\n')[2]).toBe('#deck:Deck with breaks');
		const body = readAnkiBody(text);
		expect(body).toEqual([
			['#1 "Why" now?', 'line one line two three', 'He said "no". Then left.']
		]);
	});
});

describe('ankiField', () => {
	it('leaves plain text alone and quotes only where Anki would misread', () => {
		expect(ankiField('Kosovo Force')).toBe('Kosovo Force');
		expect(ankiField('a "b"')).toBe('"a ""b"""');
		expect(ankiField('#tag')).toBe('"#tag"');
		expect(ankiField('a\tb\nc')).toBe('a b c');
	});
});
