import { describe, expect, it } from 'vitest';
import type { McqItem } from '$lib/domain/types';
import { itemShapeProblems } from '$lib/domain/deck/validate';
import {
	baseName,
	deckFromDocument,
	defaultTitle,
	sourceIdFor,
	userDeckId,
	type DeckProgress
} from '$lib/domain/deck/user-deck';
import { FORBIDDEN_KEYS, hostileShape } from '$lib/domain/backup/backup-schema';
import { isUserDeckId } from '$lib/domain/deck/source-href';

const DOCUMENT = `# The Danube Commission

## Founding

The European Commission of the Danube (ECD) was created by the Treaty of Paris in 1856. Its first seat was in the port of Galați, where delegates from seven states met on 4 November 1856. By 1860 the commission employed 350 workers on the river mouth.

## Works

Engineer Charles Hartley directed the dredging of the Sulina channel for over forty years. The channel was deepened from 9 feet to 20 feet between 1858 and 1902, and traffic grew to 1,500 ships a year. In 1939 the commission was dissolved after the Sinaia Agreement.
`;

function build(text = DOCUMENT, fileName = 'danube.md', title = 'The Danube Commission') {
	return deckFromDocument(text, { title, fileName });
}

describe('deckFromDocument', () => {
	const result = build();
	if (!result.ok) throw new Error(result.error);
	const { deck, documents } = result;

	it('makes a user deck: a my- id, one source holding the document, topics from the headings', () => {
		expect(deck.id).toMatch(/^my-the-danube-commission-[0-9a-z]+$/);
		expect(isUserDeckId(deck.id)).toBe(true);
		expect(deck.title).toBe('The Danube Commission');
		expect(deck.sources).toEqual([{ id: 'danube', title: 'danube.md' }]);
		expect(documents).toEqual({ danube: DOCUMENT });
		expect(deck.topics.map((t) => t.id)).toEqual(['founding', 'works']);
		expect(deck.topics[0].title).toBe('Founding');
	});

	it('finds facts with dates, numbers and acronyms, each on a topic the deck lists', () => {
		// The deck keeps the best ranked facts; the rest are offered as suggestions.
		const answers = [...deck.facts, ...result.suggestions].map((f) => f.answer);
		expect(answers).toEqual(expect.arrayContaining(['1856', '350']));
		const acronym = deck.facts.find((f) => f.question === 'What does ECD stand for?');
		expect(acronym?.answer).toBe('European Commission of the Danube');
		const topics = new Set(deck.topics.map((t) => t.id));
		for (const fact of deck.facts) expect(topics.has(fact.topic)).toBe(true);
	});

	it('obeys the curated deck rules: verbatim quotes, well-formed items, unique ids', () => {
		const text = documents[deck.sources[0].id];
		for (const fact of deck.facts) expect(text).toContain(fact.quote);
		for (const item of deck.items) {
			expect(text).toContain(item.source.quote);
			expect(itemShapeProblems(item)).toEqual([]);
		}
		expect(new Set(deck.items.map((i) => i.id)).size).toBe(deck.items.length);
		const mcqs = deck.items.filter((i): i is McqItem => i.type === 'mcq');
		expect(mcqs.length).toBeGreaterThan(0);
		for (const mcq of mcqs) expect(mcq.options).toContain(mcq.answer);
	});

	it('keeps at most two facts of a sentence in the deck, the rest as suggestions, one "True" item per sentence', () => {
		const quote = [...deck.facts, ...result.suggestions].find((f) => f.answer === '350')!.quote;
		const all = [...deck.facts, ...result.suggestions].filter((f) => f.quote === quote);
		expect(all.length).toBeGreaterThan(1);
		expect(deck.facts.filter((f) => f.quote === quote).length).toBeLessThanOrEqual(2);
		for (const fact of deck.facts) {
			const trueItems = deck.items.filter(
				(i) => i.type === 'truefalse' && i.answer === 'True' && i.prompt === fact.statement
			);
			expect(trueItems.length).toBeLessThanOrEqual(1);
		}
		const kept = new Set(deck.facts.map((f) => f.id));
		expect(result.suggestions.some((f) => kept.has(f.id))).toBe(false);
	});

	it('is deterministic: the same text and title give the same deck', () => {
		expect(build()).toEqual(result);
	});

	it('gives a different id to a different document or title', () => {
		expect(userDeckId('A', 'text')).not.toBe(userDeckId('A', 'text 2'));
		expect(userDeckId('A', 'text')).not.toBe(userDeckId('B', 'text'));
		expect(userDeckId('', 'text')).toMatch(/^my-deck-[0-9a-z]+$/);
		expect(isUserDeckId('kosovo')).toBe(false);
	});

	it('stores Windows line endings as \\n so quotes stay verbatim in what a browser shows', () => {
		const crlf = build(DOCUMENT.replace(/\n/g, '\r\n'));
		if (!crlf.ok) throw new Error(crlf.error);
		expect(Object.values(crlf.documents)[0]).toBe(DOCUMENT);
		expect(crlf.deck.facts.map((f) => f.id)).toEqual(deck.facts.map((f) => f.id));
	});

	it('reports progress that only moves forward and ends at 1', () => {
		const seen: DeckProgress[] = [];
		deckFromDocument(DOCUMENT, { title: 'T', fileName: '', onProgress: (p) => seen.push(p) });
		const shares = seen.map((p) => p.share);
		expect(shares).toEqual([...shares].sort((a, b) => a - b));
		expect(shares.at(-1)).toBe(1);
		expect(seen.at(-1)?.phase).toBe('building');
	});
});

describe('a document with more facts than one deck holds', () => {
	// Census lines, each a year, a count and a name: as fact-dense as text gets.
	let dense = '# Census notes\n\n';
	for (let i = 0; i < 120; i++)
		dense += `In ${1800 + i} the village of Marl${i} had ${1000 + i} residents.${i % 8 === 7 ? '\n\n' : ' '}`;

	it('keeps its first facts, in document order, and says so instead of refusing it', () => {
		const whole = deckFromDocument(dense, { title: 'Census', fileName: '' });
		if (!whole.ok) throw new Error(whole.error);
		expect(whole.deck.facts.length).toBeGreaterThan(40);
		const cut = deckFromDocument(dense, { title: 'Census', fileName: '', maxFacts: 40 });
		if (!cut.ok) throw new Error(cut.error);
		expect(cut.deck.facts.map((fact) => fact.id)).toEqual(
			whole.deck.facts.slice(0, 40).map((fact) => fact.id)
		);
		expect(cut.warnings[0]).toBe(
			`This document has more facts than one deck can hold; the first 40 were kept (of ${whole.deck.facts.length}).`
		);
		expect(cut.deck.items.every((item) => cut.deck.facts.some((f) => f.id === item.factId))).toBe(
			true
		);
		expect(whole.warnings.join(' ')).not.toMatch(/more facts than one deck/);
	});
});

describe('deckFromDocument on bad input', () => {
	it.each([
		['an empty document', '  \n\n ', undefined, /empty/],
		['a binary file', 'PK\u0003\u0004\u0000\u0000 some bytes', undefined, /binary/],
		['a file over 2 MB', 'The talks ended in 1999 in Vienna.', 3 * 1024 * 1024, /at most 2 MB/],
		[
			'a text with nothing to ask about',
			'we went for a walk and it was nice.\n\nthen we came back home, happy and tired.',
			undefined,
			/No facts found/
		]
	])('refuses %s with a clear message', (_, text, byteSize, message) => {
		const result = deckFromDocument(text, { title: 'T', fileName: 'x.txt', byteSize });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});
});

describe('titles', () => {
	it('takes an untitled document’s opening heading, else its file name in words', () => {
		expect(defaultTitle(DOCUMENT, 'danube')).toBe('The Danube Commission');
		expect(defaultTitle('It began in 1999 in Vienna.', 'danube-commission_notes')).toBe(
			'Danube commission notes'
		);
		expect(defaultTitle('It began in 1999 in Vienna.', '')).toBe('My deck');
		const untitled = deckFromDocument(DOCUMENT, { title: '  ', fileName: 'notes/danube.md' });
		expect(untitled.ok && untitled.deck.title).toBe('The Danube Commission');
	});

	it('names the source after the file, without folder or extension', () => {
		expect(baseName('C:\\notes\\Danube.md')).toBe('Danube');
		expect(baseName('a/b/river.txt')).toBe('river');
		expect(baseName('')).toBe('');
	});
});

describe('source ids never reserved keys', () => {
	const cases: Array<[title: string, fileName: string]> = [
		['Constructor', ''],
		['Prototype', ''],
		['__proto__', ''],
		['Notes', 'constructor.md'],
		['Notes', 'notes/Prototype.txt'],
		['', '__proto__.md']
	];
	it.each(cases)('title %j, file %j: documents keyed safely, backups accept it', (title, file) => {
		const result = deckFromDocument(DOCUMENT, { title, fileName: file });
		if (!result.ok) throw new Error(result.error);
		const keys = Object.keys(result.documents);
		expect(keys).toEqual([result.deck.sources[0].id]);
		for (const key of keys) expect(FORBIDDEN_KEYS as readonly string[]).not.toContain(key);
		for (const fact of result.deck.facts) expect(fact.document).toBe(keys[0]);
		expect(hostileShape({ documents: result.documents, deck: result.deck })).toBeNull();
	});

	it('maps a reserved slug and keeps every other one', () => {
		expect(sourceIdFor('constructor', 'x')).toBe('constructor-document');
		expect(sourceIdFor('', 'Prototype')).toBe('prototype-document');
		expect(sourceIdFor('Danube', 'x')).toBe('danube');
		expect(sourceIdFor('', '')).toBe('document');
	});
});
