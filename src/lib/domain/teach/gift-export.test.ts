import { describe, it, expect } from 'vitest';
import { parse, type GIFTQuestion } from 'gift-pegjs';
import type { Assignment, Item } from '$lib/domain/types';
import { escapeGift, ordinal, positionLabel, toGift } from '$lib/domain/teach/gift-export';

const base = (n: number) => ({
	id: `item-${n}`,
	factId: `fact-${n}`,
	explanation: `Explanation ${n}: see {the} source = "report" #${n} ~ <b>not bold</b> & more.`,
	topic: 'origins',
	source: { document: 'peacekeeping-in-kosovo', quote: 'A quote.' }
});

/** Twenty questions, every type, with GIFT's special characters in every field. */
const items: Item[] = [
	{
		...base(1),
		type: 'mcq',
		prompt: 'Which force entered Kosovo on 12 June 1999?',
		answer: 'KFOR',
		options: ['UNMIK', 'KFOR', 'EULEX', 'OSCE']
	},
	{
		...base(2),
		type: 'mcq',
		prompt: 'What does 1 + 1 = ? {math}',
		answer: '2 = two',
		options: ['2 = two', '3 ~ three', '#4', 'a:b']
	},
	{
		...base(3),
		type: 'mcq',
		prompt: 'Back\\slash and\nnew line: which?',
		answer: 'C:\\path',
		options: ['C:\\path', 'D:/path', '{x}']
	},
	{
		...base(4),
		type: 'mcq',
		prompt: 'Who said "peace" & <order>?',
		answer: 'Ahtisaari',
		options: ['Rugova', 'Ahtisaari', 'Thaçi', 'Solana']
	},
	{ ...base(5), type: 'truefalse', prompt: 'KFOR is led by NATO.', answer: 'True' },
	{
		...base(6),
		type: 'truefalse',
		prompt: 'KFOR entered Kosovo in 2008: {false}.',
		answer: 'False',
		correction: '1999'
	},
	{ ...base(7), type: 'truefalse', prompt: 'Resolution 1244 = UN mandate.', answer: 'True' },
	{ ...base(8), type: 'truefalse', prompt: 'UNMIK#1 ~ closed in 2001.', answer: 'False' },
	{ ...base(9), type: 'cloze', prompt: 'KFOR entered Kosovo on 12 June _____.', answer: '1999' },
	{
		...base(10),
		type: 'cloze',
		prompt: '_____ replaced UNMIK in rule-of-law tasks.',
		answer: 'EULEX',
		alternatives: ['EU Rule of Law Mission']
	},
	{
		...base(11),
		type: 'cloze',
		prompt: 'The mission: "_____" {official}.',
		answer: 'Kosovo Force',
		alternatives: ['KFOR']
	},
	{
		...base(12),
		type: 'cloze',
		prompt: 'Resolution 1244 was adopted by the _____',
		answer: 'UN Security Council'
	},
	{
		...base(13),
		type: 'flashcard',
		prompt: 'What is KFOR?',
		answer: 'Kosovo Force',
		alternatives: ['K-FOR']
	},
	{ ...base(14), type: 'flashcard', prompt: 'Ratio: peacekeepers per 1,000?', answer: '20:1000' },
	{
		...base(15),
		type: 'flashcard',
		prompt: 'Name the OSCE mission.',
		answer: 'OMiK = OSCE Mission in Kosovo'
	},
	{
		...base(16),
		type: 'match',
		factIds: ['a', 'b', 'c'],
		prompt: 'Match each term with what it means.',
		answer: [
			{ term: 'KFOR', meaning: 'NATO-led force' },
			{ term: 'UNMIK', meaning: 'UN: interim administration' },
			{ term: 'A -> B', meaning: 'an arrow {term}' }
		],
		options: ['UN: interim administration', 'an arrow {term}', 'NATO-led force']
	},
	{
		...base(17),
		type: 'match',
		factIds: ['a', 'b'],
		prompt: 'Match = pairs',
		answer: [
			{ term: 'EULEX', meaning: 'EU rule of law' },
			{ term: 'OSCE', meaning: 'Elections #1' }
		],
		options: ['Elections #1', 'EU rule of law']
	},
	{
		...base(18),
		type: 'order',
		factIds: ['a', 'b', 'c'],
		prompt: 'Put these events in chronological order, earliest first.',
		answer: ['NATO air campaign', 'KFOR enters: June 1999', 'Independence declared'],
		options: ['Independence declared', 'NATO air campaign', 'KFOR enters: June 1999']
	},
	{
		...base(19),
		type: 'order',
		factIds: ['a', 'b', 'c', 'd'],
		prompt: 'Order these ~ events.',
		answer: ['Rambouillet', 'Resolution 1244', 'EULEX deployed', 'Brussels Agreement'],
		options: ['EULEX deployed', 'Rambouillet', 'Brussels Agreement', 'Resolution 1244']
	},
	{
		...base(20),
		type: 'mcq',
		prompt: 'Last: which year?',
		answer: '2008',
		options: ['1999', '2008', '2013'],
		explanation: ''
	}
];

const assignment: Assignment = {
	v: 1,
	id: 'asg-gift',
	title: 'Kosovo: peace/keeping quiz',
	deckId: 'kosovo',
	deckTitle: 'Kosovo',
	instructions: '',
	items,
	shuffle: false,
	timeLimitMinutes: 0,
	feedback: 'after',
	passMark: 50,
	createdAt: 0
};

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** gift-pegjs leaves escapes in a matching right side as `&&NNN;` placeholders. */
const unplaceholder = (text: string) =>
	text.replace(/&&(\d{3});/g, (_, code: string) => String.fromCharCode(Number(code)));

describe('toGift', () => {
	const gift = toGift(assignment);
	const parsed = parse(gift);
	const questions = parsed.filter((q) => q.type !== 'Category');

	it('parses with an independent GIFT parser into one question per item', () => {
		expect(parsed[0]).toMatchObject({
			type: 'Category',
			title: 'Factdeck/Kosovo: peace-keeping quiz'
		});
		expect(questions).toHaveLength(20);
		questions.forEach((question, i) => {
			expect((question as { title: string | null }).title).toBe(`Q${i + 1} ${items[i].id}`);
		});
	});

	it('finds every question with its right type, stem, answers and feedback', () => {
		const expectedType = {
			mcq: 'MC',
			truefalse: 'TF',
			cloze: 'Short',
			flashcard: 'Short',
			match: 'Matching',
			order: 'Matching'
		};
		items.forEach((item, i) => {
			const question = questions[i] as Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>;
			expect(question.type).toBe(expectedType[item.type]);
			expect(question.globalFeedback?.text ?? '').toBe(flat(item.explanation));
			const stem = question.stem.text;
			switch (item.type) {
				case 'mcq': {
					expect(stem).toBe(flat(item.prompt));
					const q = question as Extract<GIFTQuestion, { type: 'MC' }>;
					expect(q.choices.map((c) => c.text.text)).toEqual(item.options);
					expect(q.choices.map((c) => c.isCorrect)).toEqual(
						item.options.map((o) => o === item.answer)
					);
					break;
				}
				case 'truefalse':
					expect(stem).toBe(flat(item.prompt));
					expect((question as Extract<GIFTQuestion, { type: 'TF' }>).isTrue).toBe(
						item.answer === 'True'
					);
					break;
				case 'cloze':
				case 'flashcard': {
					const q = question as Extract<GIFTQuestion, { type: 'Short' }>;
					expect(q.choices.map((c) => c.text.text)).toEqual([
						item.answer,
						...(item.alternatives ?? [])
					]);
					expect(q.choices.every((c) => c.isCorrect)).toBe(true);
					const squeeze = (t: string) => t.replace(/\s*_____\s*/g, '_____');
					if (item.type === 'cloze') {
						// A blank that opens the prompt keeps its place in the text, answers after it.
						const opensWithBlank = /^_{3,}/.test(item.prompt);
						expect(q.hasEmbeddedAnswers || item.prompt.endsWith('_____') || opensWithBlank).toBe(
							true
						);
						if (opensWithBlank) expect(stem).toBe(flat(item.prompt));
						else expect(squeeze(flat(stem))).toBe(squeeze(flat(item.prompt)).replace(/_____$/, ''));
					} else {
						expect(stem).toBe(flat(item.prompt));
					}
					break;
				}
				case 'match': {
					expect(stem).toBe(flat(item.prompt));
					const pairs = (question as Extract<GIFTQuestion, { type: 'Matching' }>).matchPairs;
					expect(pairs.map((p) => [p.subquestion.text, unplaceholder(p.subanswer)])).toEqual(
						item.answer.map((p) => [p.term.replace('->', '→'), p.meaning])
					);
					break;
				}
				case 'order': {
					expect(stem).toBe(flat(item.prompt));
					const pairs = (question as Extract<GIFTQuestion, { type: 'Matching' }>).matchPairs;
					expect(pairs.map((p) => [p.subquestion.text, unplaceholder(p.subanswer)])).toEqual(
						item.answer.map((event, k) => [positionLabel(k, item.answer.length), event])
					);
					break;
				}
			}
		});
	});

	it('marks every question [plain], so Moodle shows markup in a prompt as text', () => {
		for (const question of questions) {
			expect((question as { stem: { format: string } }).stem.format).toBe('plain');
		}
		const hostile: Assignment = {
			...assignment,
			items: [
				{
					...base(99),
					type: 'mcq',
					prompt: 'Which tag is <img src=x onerror=alert(1)>?',
					answer: '<script>x</script>',
					options: ['<script>x</script>', '<b>bold</b>']
				}
			]
		};
		const [, parsedBack] = parse(toGift(hostile));
		const mcq = parsedBack as Extract<GIFTQuestion, { type: 'MC' }>;
		expect(mcq.stem).toEqual({
			format: 'plain',
			text: 'Which tag is <img src=x onerror=alert(1)>?'
		});
		expect(mcq.choices.map((c) => c.text.text)).toEqual(['<script>x</script>', '<b>bold</b>']);
	});

	it('writes the documented syntax', () => {
		expect(gift).toContain(
			'::Q1 item-1:: [plain]Which force entered Kosovo on 12 June 1999? {\n\t~UNMIK\n\t=KFOR\n'
		);
		expect(gift).toContain('::Q5 item-5:: [plain]KFOR is led by NATO. {\n\tT\n\t####');
		expect(gift).toContain('KFOR entered Kosovo on 12 June {\n\t=1999\n');
		expect(gift).toContain('\t=1st (earliest) -> NATO air campaign\n');
		expect(gift).toContain('\t=3rd (latest) -> Independence declared\n');
		expect(gift).toContain('\t=2 \\= two\n');
		expect(gift).not.toMatch(/\n\s*\n\s*\n/);
	});
});

describe('escapeGift and labels', () => {
	it('escapes every special character and flattens lines', () => {
		expect(escapeGift('a~b=c#d{e}f:g\\h')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h');
		expect(escapeGift('  two\n\nlines\t ')).toBe('two lines');
	});

	it('writes ordinals and position labels', () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
			'1st',
			'2nd',
			'3rd',
			'4th',
			'11th',
			'12th',
			'13th',
			'21st',
			'22nd',
			'101st'
		]);
		expect([0, 1, 2].map((i) => positionLabel(i, 3))).toEqual([
			'1st (earliest)',
			'2nd',
			'3rd (latest)'
		]);
	});
});
