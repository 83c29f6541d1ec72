import { describe, it, expect } from 'vitest';
import { matchTyped, normalizeAnswer, parseDate } from '$lib/domain/quiz/lenient-match';

type Row = [given: string, expected: string, isCorrect: boolean, hasTypo: boolean];

describe('matchTyped', () => {
	const rows: Row[] = [
		// case, whitespace, punctuation
		['kosovo force', 'Kosovo Force', true, false],
		['  Kosovo   Force  ', 'Kosovo Force', true, false],
		['Kosovo Force.', 'Kosovo Force', true, false],
		['"Kosovo Force"', 'Kosovo Force', true, false],
		['U.N.', 'UN', true, false],
		['K-FOR', 'KFOR', true, false],
		['Kosovo-Albanian', 'Kosovo Albanian', true, false],
		// quotes and apostrophes, straight or curly
		['O’Brien', "O'Brien", true, false],
		['OBrien', "O'Brien", true, false],
		['“Operation Allied Force”', '"Operation Allied Force"', true, false],
		// accents and letters without a decomposition
		['Milosevic', 'Milošević', true, false],
		['MILOŠEVIĆ', 'Milosevic', true, false],
		['Dakovica', 'Đakovica', true, false],
		['Pristina', 'Prishtinë', false, false],
		// a leading "the"
		['Hague', 'The Hague', true, false],
		['the Security Council', 'Security Council', true, false],
		// articles and linking words anywhere, word order in a short answer, a plural ending
		['a Security Council', 'Security Council', true, false],
		['self-rule institutions', 'the institutions for self-rule', true, false],
		['institutions for self rule', 'the institutions for self-rule', true, false],
		['self-rule institution', 'the institutions for self-rule', true, false],
		['the self-rule institutions', 'institutions for self-rule', true, false],
		['Force Kosovo', 'Kosovo Force', true, false],
		['mandate of the mission', 'mission mandate', true, false],
		['the ceasefire lines', 'ceasefire line', true, false],
		['UN Security Council resolution', 'resolution of the UN Security Council', true, false],
		// never a different number or name, never a missing or extra content word
		['resolution 1244', 'resolution 1244', true, false],
		['resolution 1245', 'resolution 1244', false, false],
		['1244 resolution', 'resolution 1244', true, false],
		['resolutions 1244', 'resolution 1244', true, true],
		['institutions for self-rule in 2008', 'the institutions for self-rule', false, false],
		['institutions', 'the institutions for self-rule', false, false],
		['the institutions for Serbia', 'the institutions for Kosovo', false, false],
		['Thomass plan', 'the plan of Thomas', false, false],
		['Ahtisaari plan', 'the plan of Ahtisaari', true, false],
		['Ahtisaaris plan', 'the plan of Ahtisaari', false, false],
		['UNMIKs', 'UNMIK', true, true],
		['Rugova Ibrahim', 'Ibrahim Rugova', true, false],
		['Rugov Ibrahim', 'Ibrahim Rugova', false, false],
		['the 12 June 1999', '12 June 1999', true, false],
		['June 12 2000', '12 June 1999', false, false],
		['one two three four five six seven', 'seven six five four three two one', false, false],
		// typos: one edit in a word longer than 4 letters
		['Milosevc', 'Milošević', true, true],
		['Kosvo Force', 'Kosovo Force', true, true],
		['Kosovo Froce', 'Kosovo Force', true, true],
		['Rambouillet', 'Rambuoillet', true, true],
		['Kosvo Liberaton Army', 'Kosovo Liberation Army', true, true],
		['Milsvc', 'Milošević', false, false],
		['Kosovo Frc', 'Kosovo Force', false, false],
		// short words (4 letters or fewer) must be exact
		['NATA', 'NATO', false, false],
		['KFRO', 'KFOR', false, false],
		['Serb', 'Serbs', true, true],
		['Srb', 'Serb', false, false],
		// numbers and years exact
		['1999', '1999', true, false],
		['1998', '1999', false, false],
		['42000', '42,000', true, false],
		['42 000', '42,000', true, false],
		['42,000', '42 000', true, false],
		['4,200', '42,000', false, false],
		['4200', '42000', false, false],
		['42001', '42000', false, false],
		['50,000 troops', '50000 troops', true, false],
		['5,000 troops', '50,000 troops', false, false],
		['2.5', '2,5', true, false],
		['25', '2.5', false, false],
		['50%', '50 per cent', true, false],
		['Resolution 1244', 'resolution 1244', true, false],
		['Resolution 1224', 'Resolution 1244', false, false],
		['Resolutoin 1244', 'Resolution 1244', true, true],
		// dates
		['12 June 1999', '12 June 1999', true, false],
		['June 12, 1999', '12 June 1999', true, false],
		['12/06/1999', '12 June 1999', true, false],
		['1999-06-12', '12 June 1999', true, false],
		['12th June 1999', 'June 12, 1999', true, false],
		['12th of June, 1999', '1999-06-12', true, false],
		['Saturday, 12 June 1999', '12 June 1999', true, false],
		['06/12/1999', '12 June 1999', false, false],
		['13 June 1999', '12 June 1999', false, false],
		['12 June 1998', '12 June 1999', false, false],
		['June 1999', 'June 1999', true, false],
		['06/1999', 'June 1999', true, false],
		['Jun. 1999', 'June 1999', true, false],
		['12 June 1999', 'June 1999', false, false],
		['June 1999', '12 June 1999', false, false],
		['July 1999', 'June 1999', false, false],
		['June 1999', '1999', false, false],
		['in 1999', '1999', true, false],
		['12 Septmber 1999', '12 September 1999', true, true],
		['12 Juen 1999', '12 June 1999', false, false],
		// empty and junk
		['', 'Kosovo', false, false],
		['   ', 'Kosovo', false, false],
		['...', 'Kosovo', false, false],
		['Kosovo Force extra', 'Kosovo Force', false, false]
	];

	it.each(rows)('%j for %j -> correct %s, typo %s', (given, expected, isCorrect, hasTypo) => {
		expect(matchTyped(given, expected)).toEqual({ isCorrect, hasTypo });
	});

	it('accepts any alternative the same way as the expected answer', () => {
		expect(matchTyped('KFOR', 'Kosovo Force', ['KFOR'])).toEqual({
			isCorrect: true,
			hasTypo: false
		});
		expect(matchTyped('k.f.o.r.', 'Kosovo Force', ['KFOR'])).toEqual({
			isCorrect: true,
			hasTypo: false
		});
		expect(matchTyped('Milsoevic', 'Slobodan Milošević', ['Milošević'])).toEqual({
			isCorrect: true,
			hasTypo: true
		});
		expect(matchTyped('UNMIK', 'Kosovo Force', ['KFOR'])).toEqual({
			isCorrect: false,
			hasTypo: false
		});
	});

	it('prefers an exact alternative over a typo match of the expected answer', () => {
		// "Serbian" is one edit from "Serbia" but exactly the alternative.
		expect(matchTyped('Serbian', 'Serbia', ['Serbian'])).toEqual({
			isCorrect: true,
			hasTypo: false
		});
	});

	it('never throws on hostile input', () => {
		const junk = [undefined, null, 42, {}, []] as unknown as string[];
		for (const value of junk) {
			expect(matchTyped(value as unknown as string, 'Kosovo').isCorrect).toBe(false);
		}
		expect(matchTyped('Kosovo', 'Kosovo', [null, 3] as unknown as string[]).isCorrect).toBe(true);
		expect(matchTyped('x'.repeat(5000), 'Kosovo').isCorrect).toBe(false);
	});
});

describe('normalizeAnswer', () => {
	it.each([
		['  The  Kosovo  Force! ', 'kosovo force'],
		['Milošević', 'milosevic'],
		['42,000', '42000'],
		['42 000', '42000'],
		['1,5', '1.5'],
		['007', '7'],
		['2.50', '2.5'],
		['O’Brien & Sons', 'obrien and sons'],
		['the', 'the']
	])('%j -> %j', (input, output) => {
		expect(normalizeAnswer(input)).toBe(output);
	});
});

describe('parseDate', () => {
	it.each([
		['1999', { y: 1999 }],
		['June 1999', { y: 1999, m: 6 }],
		['1999-06', { y: 1999, m: 6 }],
		['12 June 1999', { y: 1999, m: 6, d: 12 }],
		['June 12th, 1999', { y: 1999, m: 6, d: 12 }],
		['12.06.1999', { y: 1999, m: 6, d: 12 }],
		['1999/06/12', { y: 1999, m: 6, d: 12 }],
		['29 February 2000', { y: 2000, m: 2, d: 29 }]
	])('%j -> %j', (input, output) => {
		expect(parseDate(input)).toEqual(output);
	});

	it.each([
		'',
		'June',
		'12 June',
		'12/06/99',
		'31 June 1999',
		'29 February 1999',
		'13/13/1999',
		'42,000',
		'2.5',
		'Kosovo',
		'mid-June 1999',
		'1999 2000'
	])('rejects %j', (input) => {
		expect(parseDate(input)).toBeNull();
	});
});

describe('matchTyped with the prompt: the head of an answer whose rest the prompt gives', () => {
	const prompt = 'In deep sleep, the high amplitude _____ waves appear on the EEG.';
	it.each<[string, string, string, boolean, boolean]>([
		// The rest of the answer is in the prompt: its head is enough.
		['delta', 'high amplitude delta waves', prompt, true, false],
		['Delta', 'high amplitude delta waves', prompt, true, false],
		['detla', 'high amplitude delta waves', prompt, true, true],
		['delta waves', 'high amplitude delta waves', prompt, true, false],
		// Words of the answer the prompt does not give must be typed.
		['delta', 'high amplitude delta waves', 'What appears in deep sleep?', false, false],
		['delta', 'high amplitude delta waves', 'In deep sleep the high _____ appear.', false, false],
		// Copying words from the prompt is not knowing the answer.
		['waves', 'high amplitude delta waves', prompt, false, false],
		['high amplitude', 'high amplitude delta waves', prompt, false, false],
		// A word that is not in the answer, or not a run of it.
		['theta', 'high amplitude delta waves', prompt, false, false],
		['amplitude waves', 'high amplitude delta waves', prompt, false, false]
	])('"%s" for "%s"', (given, expected, p, isCorrect, hasTypo) => {
		expect(matchTyped(given, expected, [], p)).toEqual({ isCorrect, hasTypo });
	});

	it('changes nothing without a prompt', () => {
		expect(matchTyped('delta', 'high amplitude delta waves').isCorrect).toBe(false);
	});
});
