import { describe, expect, it } from 'vitest';
import { baseForm, buildQuestion, startsWithPronoun, type QuestionSpec } from './questions.ts';

const vocabulary = new Set(['establish', 'provides', 'moving', 'mediate', 'the', 'ongoing']);

function ask(
	sentence: string,
	answer: string,
	mode: QuestionSpec['mode'],
	wh: string,
	unit?: string
): string | null {
	const index = sentence.indexOf(answer);
	const spanEnd = unit ? sentence.indexOf(unit, index) + unit.length : undefined;
	return buildQuestion({
		sentence,
		index,
		length: answer.length,
		spanEnd,
		mode,
		wh,
		canReword: true,
		lowercaseWords: vocabulary
	});
}

describe('startsWithPronoun', () => {
	it.each([
		['It continues to maintain a force of 3,800 personnel.', true],
		['They support the safe return of refugees.', true],
		['This marked the formal start of UN peacekeeping.', true],
		['This includes disarmament and monitoring ceasefires.', true],
		['These were hard years for the province.', true],
		['Their presence remains essential.', true],
		['Its establishment aimed to ensure lasting peace.', true],
		['Furthermore, it continued to deploy troops.', true],
		['These objectives aim to facilitate reconciliation.', false],
		['This mission was set up in 1999.', false],
		['KFOR remained in Kosovo.', false],
		['Furthermore, KFOR remained in Kosovo.', false],
		['Italy sent troops in 1999.', false]
	])('%s -> %s', (sentence, expected) => {
		expect(startsWithPronoun(sentence)).toBe(expected);
	});
});

describe('baseForm', () => {
	it.each([
		['withdrew', 'withdraw'],
		['gave', 'give'],
		['established', 'establish'],
		['provided', 'provide'],
		['moved', 'move'],
		['mediated', 'mediate'],
		['carried', 'carry'],
		['stopped', 'stop'],
		['focused', 'focus']
	])('%s -> %s', (past, base) => {
		expect(baseForm(past, vocabulary)).toBe(base);
	});
});

describe('buildQuestion', () => {
	it('fronts a year after an auxiliary', () => {
		expect(
			ask(
				'NATO’s operation, known as KFOR, was established in 1999 to oversee Resolution 1244.',
				'1999',
				'time',
				'which year'
			)
		).toBe(
			'In which year was NATO’s operation, known as KFOR, established to oversee Resolution 1244?'
		);
	});

	it('fronts a date with do-support and the base form of the verb', () => {
		expect(
			ask(
				'On 10 June, the UN Security Council gave NATO the go-ahead.',
				'10 June',
				'time',
				'which date'
			)
		).toBe('On which date did the UN Security Council give NATO the go-ahead?');
		expect(
			ask(
				'Slobodan Milošević withdrew Yugoslav forces from Kosovo in early June, marking the end of the war.',
				'early June',
				'time',
				'when'
			)
		).toBe(
			'When did Slobodan Milošević withdraw Yugoslav forces from Kosovo, marking the end of the war?'
		);
	});

	it('asks about a subject with a wh-phrase in its place', () => {
		expect(
			ask(
				'Furthermore, KFOR remained in Kosovo to provide security.',
				'KFOR',
				'organisation',
				'which organisation'
			)
		).toBe('Which organisation remained in Kosovo to provide security?');
		expect(
			ask(
				'Slobodan Milošević withdrew Yugoslav forces from Kosovo.',
				'Slobodan Milošević',
				'person',
				'who'
			)
		).toBe('Who withdrew Yugoslav forces from Kosovo?');
	});

	it('asks how many of a counted unit', () => {
		expect(
			ask(
				'The force kept 3,800 personnel in Kosovo.',
				'3,800',
				'count',
				'how many personnel',
				'personnel'
			)
		).toBe('The force kept how many personnel in Kosovo?');
	});

	it('falls back to Complete: when no wording fits, and gives up when the answer shows twice', () => {
		expect(ask('Violence grew, and in the late 1990s.', 'late 1990s', 'time', 'when')).toBe(
			'Complete: Violence grew, and in the _____.'
		);
		expect(
			ask('In 1999 NATO bombed and in 1999 UNMIK began.', '1999', 'time', 'which year')
		).toBeNull();
	});

	it('never contains its own answer', () => {
		const q = ask(
			'The UN established UNMIK in 1999 after the war.',
			'UNMIK',
			'organisation',
			'which organisation'
		);
		expect(q).not.toContain('UNMIK');
	});

	it('leaves no wh-word inside a fronted adverbial, a parenthesis or an alternative', () => {
		expect(
			ask(
				'During any chemical change, atoms are neither created nor destroyed.',
				'any chemical change',
				'term',
				'what'
			)
		).toBe('Complete: During _____, atoms are neither created nor destroyed.');
		expect(
			ask(
				'According to Freud, failure at a stage results in consequences.',
				'Freud',
				'person',
				'who'
			)
		).toMatch(/^Complete:/);
		expect(
			ask(
				'Gilligan, in contrast, theorized that neither perspective was better.',
				'in contrast',
				'term',
				'what'
			)
		).toMatch(/^Complete:/);
		expect(
			ask('The cloth was sold in Africa or overseas.', 'Africa', 'place', 'which place')
		).toMatch(/^Complete:/);
		// After the adverbial the wh-word reads well.
		expect(
			ask('During labor, oxytocin causes contractions of the uterus.', 'the uterus', 'term', 'what')
		).toBe('During labor, oxytocin causes contractions of what?');
	});

	it('does not invert around a relative clause or over two past verbs', () => {
		expect(
			ask(
				'In November 1777, the final draft, which form the basis of government, was accepted by Congress.',
				'November 1777',
				'time',
				'which month'
			)
		).not.toMatch(/^In which month did/);
		expect(
			ask(
				'In 1505 Almeida landed soldiers on the island and replaced Emir Ibrahim.',
				'1505',
				'time',
				'which year'
			)
		).not.toMatch(/did Almeida land/);
	});

	it('never inverts a subordinate clause', () => {
		expect(
			ask(
				'Even after Britain abolished the slave trade in 1807 and sent ships to patrol the ocean, the sale continued.',
				'1807',
				'time',
				'which year'
			)
		).not.toMatch(/did even after/i);
	});
});
