import { describe, it, expect } from 'vitest';
import type { Assignment, Item } from '$lib/domain/types';
import { escapeXml, plainToHtml, toMoodleXml } from '$lib/domain/teach/moodle-xml-export';

interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
	if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text))
		throw new Error(`bare & in ${text}`);
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
		e[0] === '#'
			? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1)))
			: ENTITIES[e]
	);
}

/**
 * A strict little XML reader, enough for this file: a declaration, elements with double-quoted
 * attributes, text and the predefined entities. Throws on anything not well formed.
 */
function parseXml(xml: string): XmlElement {
	const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/;
	if (!declaration.test(xml)) throw new Error('no XML declaration');
	const body = xml.replace(declaration, '');
	const root: XmlElement = { name: '#document', attributes: {}, children: [] };
	const stack = [root];
	const token =
		/<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<&]*(?:&[^;"<]+;[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
	let end = 0;
	for (let m = token.exec(body); m; m = token.exec(body)) {
		end = token.lastIndex;
		const [, closing, name, attributeText, selfClosing, text] = m;
		const top = stack[stack.length - 1];
		if (text !== undefined) {
			if (text.includes('>')) throw new Error(`raw > in text: ${text}`);
			top.children.push(unescapeXml(text));
		} else if (closing) {
			if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
			stack.pop();
		} else {
			const attributes: Record<string, string> = {};
			for (const a of attributeText.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g))
				attributes[a[1]] = unescapeXml(a[2]);
			const element = { name, attributes, children: [] };
			top.children.push(element);
			if (!selfClosing) stack.push(element);
		}
	}
	if (end !== body.length)
		throw new Error(`not well formed at ${end}: ${body.slice(end, end + 40)}`);
	if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
	const elements = root.children.filter((c): c is XmlElement => typeof c !== 'string');
	const stray = root.children.filter((c) => typeof c === 'string' && c.trim() !== '');
	if (elements.length !== 1 || stray.length > 0) throw new Error('not exactly one root element');
	return elements[0];
}

const kids = (e: XmlElement, name: string) =>
	e.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
const kid = (e: XmlElement, name: string) => kids(e, name)[0];
const text = (e: XmlElement) => e.children.filter((c) => typeof c === 'string').join('');
const textOf = (e: XmlElement, name: string) => text(kid(kid(e, name), 'text'));

/** What a browser would show for our HTML fragments: tags out, entities in. */
function htmlToPlain(html: string): string {
	return html
		.replace(/^<p>|<\/p>$/g, '')
		.replace(/<br>/g, '\n')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}

const base = (n: number) => ({
	id: `it-${n}`,
	factId: `f${n}`,
	explanation: `Because A < B && "C" > 'D' (${n}).`,
	topic: 't',
	source: { document: 'd', quote: 'q' }
});

const items: Item[] = [
	{
		...base(1),
		type: 'mcq',
		prompt: 'Is <script>alert("x")</script> & co. escaped?',
		answer: 'Yes & <b>bold</b>',
		options: ['No', 'Yes & <b>bold</b>', 'It\'s "quoted"']
	},
	{ ...base(2), type: 'truefalse', prompt: 'AT&T > 1 < 2', answer: 'False' },
	{ ...base(3), type: 'truefalse', prompt: 'True\nstatement', answer: 'True' },
	{
		...base(4),
		type: 'cloze',
		prompt: 'KFOR & UNMIK arrived in _____.',
		answer: '1999',
		alternatives: ['June 1999']
	},
	{ ...base(5), type: 'flashcard', prompt: 'Wildcard?', answer: 'R&D * <tag>' },
	{
		...base(6),
		type: 'match',
		prompt: 'Match <terms>',
		answer: [
			{ term: 'A<B', meaning: 'less & than' },
			{ term: '"Q"', meaning: "it's" }
		],
		options: ["it's", 'less & than']
	},
	{
		...base(7),
		type: 'order',
		prompt: 'Order',
		answer: ['War', 'KFOR & UNMIK', 'Independence'],
		options: ['Independence', 'War', 'KFOR & UNMIK']
	},
	{
		...base(8),
		type: 'mcq',
		prompt: 'Control\u0001char and lone \ud800 surrogate',
		answer: 'a',
		options: ['a', 'b']
	}
];

const assignment: Assignment = {
	v: 1,
	id: 'asg',
	title: 'Quiz <1> & "2"',
	deckId: 'd',
	deckTitle: 'd',
	instructions: '',
	items,
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: 0
};

describe('toMoodleXml', () => {
	const xml = toMoodleXml(assignment);
	const quiz = parseXml(xml);
	const questions = kids(quiz, 'question');
	const real = questions.filter((q) => q.attributes.type !== 'category');

	it('is well formed, with a category and one question per item', () => {
		expect(quiz.name).toBe('quiz');
		expect(questions[0].attributes.type).toBe('category');
		expect(textOf(questions[0], 'category')).toBe('$course$/top/Factdeck/Quiz <1> & "2"');
		expect(real.map((q) => q.attributes.type)).toEqual([
			'multichoice',
			'truefalse',
			'truefalse',
			'shortanswer',
			'shortanswer',
			'matching',
			'matching',
			'multichoice'
		]);
		expect(real.map((q) => textOf(q, 'name'))).toEqual(
			items.map((item, i) => `Q${i + 1} ${item.id}`)
		);
	});

	it('escapes everything without CDATA, so text reads back exactly', () => {
		expect(xml).not.toContain('CDATA');
		expect(xml).not.toContain('<script>');
		expect(xml).toContain('&lt;p&gt;Is &amp;lt;script&amp;gt;alert(&amp;quot;x&amp;quot;)');
		real.forEach((q, i) => {
			expect(kid(q, 'questiontext').attributes.format).toBe('html');
			expect(htmlToPlain(textOf(q, 'questiontext'))).toBe(
				items[i].prompt.replace('\u0001', '\ufffd').replace('\ud800', '\ufffd')
			);
			expect(htmlToPlain(textOf(q, 'generalfeedback'))).toBe(items[i].explanation);
		});
		expect(textOf(real[2], 'questiontext')).toBe('<p>True<br>statement</p>');
	});

	it('gives every answer its fraction', () => {
		const answers = (q: XmlElement) =>
			kids(q, 'answer').map((a) => [a.attributes.fraction, text(kid(a, 'text'))]);
		expect(answers(real[0])).toEqual([
			['0', '<p>No</p>'],
			['100', '<p>Yes &amp; &lt;b&gt;bold&lt;/b&gt;</p>'],
			['0', "<p>It's &quot;quoted&quot;</p>"]
		]);
		expect(answers(real[1])).toEqual([
			['0', 'true'],
			['100', 'false']
		]);
		expect(answers(real[2])).toEqual([
			['100', 'true'],
			['0', 'false']
		]);
		expect(answers(real[3])).toEqual([
			['100', '1999'],
			['100', 'June 1999']
		]);
		// Short answers are matched as typed: plain text, Moodle's * wildcard escaped.
		expect(answers(real[4])).toEqual([['100', 'R&D \\* <tag>']]);
		const totalAnswers = real.reduce((sum, q) => sum + kids(q, 'answer').length, 0);
		expect(totalAnswers).toBe(3 + 2 + 2 + 2 + 1 + 2);
	});

	it('writes matching pairs, and order items as position -> event', () => {
		const pairs = (q: XmlElement) =>
			kids(q, 'subquestion').map((s) => [
				htmlToPlain(text(kid(s, 'text'))),
				text(kid(kid(s, 'answer'), 'text'))
			]);
		expect(pairs(real[5])).toEqual([
			['A<B', 'less & than'],
			['"Q"', "it's"]
		]);
		expect(pairs(real[6])).toEqual([
			['1st (earliest)', 'War'],
			['2nd', 'KFOR & UNMIK'],
			['3rd (latest)', 'Independence']
		]);
	});
});

describe('escapeXml and plainToHtml', () => {
	it('escapes the five XML characters and replaces characters XML forbids', () => {
		expect(escapeXml(`<a href="x">&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;'
		);
		expect(escapeXml('ok\ttab\nline\u0000nul\ufffe 😀')).toBe('ok\ttab\nline\ufffdnul\ufffd 😀');
		expect(plainToHtml('')).toBe('');
		expect(plainToHtml('a & b\nc')).toBe('<p>a &amp; b<br>c</p>');
	});
});
