import { describe, expect, it } from 'vitest';
import { BLANK, distractorsFor, generateDeck } from '$lib/domain/deck/generate';
import type { DeckMeta, Fact, McqItem } from '$lib/domain/types';
import { normalizeAnswer } from '$lib/domain/quiz/lenient-match';

const meta: DeckMeta = {
	id: 'test',
	title: 'Test',
	description: 'A test deck.',
	version: 1,
	topics: [{ id: 't', title: 'T' }],
	sources: [{ id: 'doc', title: 'Doc' }]
};

function fact(
	id: string,
	answer: string,
	kind: Fact['answerKind'],
	extra: Partial<Fact> = {}
): Fact {
	return {
		id,
		topic: 't',
		document: 'doc',
		quote: `In the record, ${answer} is the value of ${id}.`,
		question: `What is the value of ${id}?`,
		answer,
		answerKind: kind,
		statement: `The value of ${id} is ${answer}.`,
		explanation: `Because the record says ${answer}.`,
		...extra
	};
}

const facts: Fact[] = [
	fact('a', '1999', 'year', { when: '1999-06-10', event: 'Event A' }),
	fact('b', '2002', 'year', { when: '2002', event: 'Event B' }),
	fact('c', '2005', 'year', { when: '2005', event: 'Event C' }),
	fact('d', '2008', 'year', {
		when: '2008',
		event: 'Event D',
		alsoTrue: ['2005'],
		distractors: ['2001']
	}),
	fact('e', '1999', 'year', { when: '1999', event: 'Event E' }),
	fact('f', 'UNMIK', 'acronym', { term: 'UNMIK', meaning: 'UN administration' }),
	fact('g', 'KFOR', 'acronym', { term: 'KFOR', meaning: 'NATO force' }),
	fact('h', 'OSCE', 'acronym', { term: 'OSCE', meaning: 'Elections and democratisation' }),
	fact('i', 'EULEX', 'acronym', { term: 'EULEX', meaning: 'Rule of law mission' }),
	fact('j', 'UNOSEK', 'acronym', { term: 'UNOSEK', meaning: 'Special envoy office' }),
	fact('k', '42,000', 'number', { distractors: ['4,200', '24,000', '420,000', '42'] }),
	fact('l', 'the United Nations', 'organisation', {
		distractors: ['the United Nations Security Council', 'NATO', 'the EU', 'the OSCE']
	})
];

describe('generateDeck', () => {
	const deck = generateDeck(meta, facts);

	it('makes items of all six types, each citing its fact’s quote', () => {
		const types = new Set(deck.items.map((item) => item.type));
		expect([...types].sort()).toEqual(['cloze', 'flashcard', 'match', 'mcq', 'order', 'truefalse']);
		for (const item of deck.items) {
			const cited = facts.find((f) => f.id === item.factId)!;
			expect(item.source).toEqual({ document: 'doc', quote: cited.quote });
		}
	});

	it('is deterministic: the same input gives byte-identical output', () => {
		expect(JSON.stringify(generateDeck(meta, facts))).toBe(JSON.stringify(deck));
	});

	it('keeps every item id when the facts are reordered', () => {
		const reversed = generateDeck(meta, [...facts].reverse());
		expect(reversed.items.map((i) => i.id).sort()).toEqual(deck.items.map((i) => i.id).sort());
	});

	it('gives every item a unique id', () => {
		const ids = deck.items.map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('builds mcqs with one correct option and three distractors of the same kind', () => {
		const mcqs = deck.items.filter((item): item is McqItem => item.type === 'mcq');
		expect(mcqs.length).toBeGreaterThan(0);
		for (const mcq of mcqs) {
			expect(mcq.options).toHaveLength(4);
			expect(mcq.options.filter((o) => o === mcq.answer)).toHaveLength(1);
			const kind = facts.find((f) => f.id === mcq.factId)!.answerKind;
			if (kind === 'year') for (const o of mcq.options) expect(o).toMatch(/^\d{4}$/);
			if (kind === 'acronym') for (const o of mcq.options) expect(o).toMatch(/^[A-Z]+$/);
		}
	});

	it('never offers a value that is also true, or one containing the answer', () => {
		const d = deck.items.find((i) => i.type === 'mcq' && i.factId === 'd') as McqItem;
		expect(d.options).not.toContain('2005');
		const l = deck.items.find((i) => i.type === 'mcq' && i.factId === 'l') as McqItem;
		expect(l.options).not.toContain('the United Nations Security Council');
	});

	it('keeps number distractors on the same scale', () => {
		const k = deck.items.find((i) => i.type === 'mcq' && i.factId === 'k') as McqItem;
		expect(k.options).toContain('42,000');
		expect(k.options).not.toContain('42');
	});

	it('spreads the correct option evenly over the positions', () => {
		const many = Array.from({ length: 40 }, (_, n) => fact(`y${n}`, String(1950 + n), 'year'));
		const mcqs = generateDeck(meta, many).items.filter((i): i is McqItem => i.type === 'mcq');
		const counts = [0, 0, 0, 0];
		for (const mcq of mcqs) counts[mcq.options.indexOf(mcq.answer)] += 1;
		expect(counts).toEqual([10, 10, 10, 10]);
	});

	it('blanks the answer in the quote for cloze', () => {
		const cloze = deck.items.find((i) => i.type === 'cloze' && i.factId === 'k')!;
		expect(cloze.prompt).toBe(`In the record, ${BLANK} is the value of k.`);
		expect(cloze.answer).toBe('42,000');
	});

	it('makes false statements by swapping the value, never by negation', () => {
		const falses = deck.items.filter((i) => i.type === 'truefalse' && i.answer === 'False');
		expect(falses.length).toBeGreaterThan(0);
		for (const item of falses) {
			expect(item.prompt).not.toMatch(/\bnot\b/);
			const f = facts.find((x) => x.id === item.factId)!;
			expect(item.prompt).not.toContain(f.answer === '1999' ? ' 1999.' : f.answer);
		}
	});

	it('orders only events whose dates can be told apart', () => {
		const orders = deck.items.filter((i) => i.type === 'order');
		expect(orders.length).toBeGreaterThan(0);
		for (const order of orders) {
			expect(order.answer.length).toBeGreaterThanOrEqual(3);
			expect(order.answer.length).toBeLessThanOrEqual(5);
			// "1999" and "1999-06-10" overlap: never in the same question.
			expect(order.answer.includes('Event A') && order.answer.includes('Event E')).toBe(false);
			expect(order.options).not.toEqual(order.answer);
		}
	});

	it('matches 4 to 6 distinct terms with their meanings', () => {
		const matches = deck.items.filter((i) => i.type === 'match');
		expect(matches.length).toBeGreaterThan(0);
		for (const match of matches) {
			expect(match.answer.length).toBeGreaterThanOrEqual(4);
			expect(match.answer.length).toBeLessThanOrEqual(6);
			expect(new Set(match.answer.map((p) => p.term)).size).toBe(match.answer.length);
		}
	});
});

describe('distractorsFor', () => {
	it('prefers curated distractors and excludes the answer written another way', () => {
		const f = fact('m', 'Milošević', 'person', {
			distractors: ['Milosevic', 'Tito', 'Tudjman', 'Izetbegović']
		});
		const wrong = distractorsFor(f, ['Milošević', 'Rugova'], 3);
		expect(wrong).toHaveLength(3);
		expect(wrong.map(normalizeAnswer)).not.toContain(normalizeAnswer('Milošević'));
	});

	it('keeps curated distractors that only end like the answer, never a drawn one of another kind', () => {
		const cases: [string, string[]][] = [
			[
				'Operation Allied Force',
				['Operation Deliberate Force', 'Operation Storm', 'Operation Joint Guardian']
			],
			['10 June', ['3 June', '20 June', '12 July']],
			[
				'the United Nations and allied forces',
				[
					'Yugoslav and Serbian police forces',
					'private security contractors',
					'the African Union and the Arab League'
				]
			]
		];
		for (const [answer, curated] of cases) {
			const f = fact(answer, answer, 'phrase', { distractors: curated });
			expect(distractorsFor(f, ['over two decades', 'a political mission'], 3).sort()).toEqual(
				[...curated].sort()
			);
		}
	});

	it('still treats a surname alone and the full name as the same person', () => {
		const f = fact('k', 'Jean Piaget', 'person', {
			distractors: ['Kohlberg', 'Lawrence Kohlberg', 'Erikson', 'Freud']
		});
		const wrong = distractorsFor(f, [], 3);
		expect(wrong).toHaveLength(3);
		expect(wrong.filter((value) => value.includes('Kohlberg'))).toHaveLength(1);
	});
});

describe('facts that share a sentence', () => {
	it('yield each identical question once, keeping the other items of both facts', () => {
		const quote = 'KFOR, with 42,000 troops, moved into Kosovo in 1999.';
		const shared = { quote, statement: quote };
		const twins = [
			fact('year', '1999', 'year', { ...shared, question: 'In which year did KFOR move in?' }),
			fact('troops', '42,000', 'number', { ...shared, question: 'How many KFOR troops moved in?' })
		];
		const deck = generateDeck(meta, twins);
		const ids = deck.items.map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
		const trues = deck.items.filter((i) => i.type === 'truefalse' && i.answer === 'True');
		expect(trues).toHaveLength(1);
		expect(deck.items.filter((i) => i.type === 'flashcard')).toHaveLength(2);
	});
});
