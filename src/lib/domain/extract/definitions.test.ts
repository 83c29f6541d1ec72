import { describe, expect, it } from 'vitest';
import { findDefinitions, findPairedNaming } from './definitions';

describe('findDefinitions', () => {
	it('asks for the term a sentence defines', () => {
		const [d] = findDefinitions(
			'A set point is the physiological value around which the normal range fluctuates.'
		);
		expect(d).toMatchObject({
			term: 'set point',
			question: 'What is the physiological value around which the normal range fluctuates?',
			form: 'copula'
		});
		const [sensor] = findDefinitions(
			'A sensor, also referred to a receptor, is a component of a feedback system that monitors a physiological value.'
		);
		expect(sensor).toMatchObject({ term: 'sensor', alias: 'receptor' });
	});

	it('asks for a term the sentence names, with the blank over its article', () => {
		const [d] = findDefinitions(
			'The standard ship of the region, called a dhow, was a vessel made of coconut-wood planks.'
		);
		expect(d).toMatchObject({
			term: 'dhow',
			question:
				'The standard ship of the region, called what, was a vessel made of coconut-wood planks?'
		});
	});

	it('leaves alone subjects that are not terms', () => {
		expect(
			findDefinitions('It is worth noting that all samples have the same mass ratio.')
		).toEqual([]);
		expect(
			findDefinitions('The next level of organization is the organ, where tissues come together.')
		).toEqual([]);
		expect(
			findDefinitions(
				'Known as Shays’ Rebellion, the incident panicked the governor, who called upon the national government for assistance.'
			)
		).toEqual([]);
	});

	it('asks which law a statement is, from "X states that" or its name in parentheses', () => {
		const [law] = findDefinitions(
			'The law of multiple proportions states that when two elements react to form more than one compound, a fixed mass of one element will react with masses of the other element in a ratio of small, whole numbers.'
		);
		expect(law).toMatchObject({
			term: 'law of multiple proportions',
			termIndex: 4,
			question: expect.stringMatching(/^Which law states that when two elements react/)
		});
		const sentence =
			'If atoms are neither created nor destroyed during a chemical change, then the total mass of matter present will remain constant (the law of conservation of matter).';
		const [named] = findDefinitions(sentence);
		expect(named.term).toBe('law of conservation of matter');
		expect(sentence.slice(named.termIndex)).toMatch(/^law of conservation of matter\)/);
		expect(named.question).toBe(
			'Which law says that if atoms are neither created nor destroyed during a chemical change, then the total mass of matter present will remain constant?'
		);
	});

	it('asks for a term glossed where it stands', () => {
		const sentence =
			'Such changes can be detected through histology, the microscopic study of tissue appearance, organization, and function.';
		const [d] = findDefinitions(sentence);
		expect(d).toMatchObject({
			term: 'histology',
			question:
				'What is the microscopic study of tissue appearance, organization, and function called?'
		});
		expect(sentence.slice(d.termIndex)).toMatch(/^histology,/);
		const [p] = findDefinitions(
			'A fourth, the peritoneum, is the serous membrane in the abdominal cavity that covers abdominal organs.'
		);
		expect(p).toMatchObject({
			term: 'peritoneum',
			question: 'What is the serous membrane in the abdominal cavity that covers abdominal organs?'
		});
		// A short appositive is a description, not a definition.
		expect(findDefinitions('The fleet sailed for the coast, a long way.')).toEqual([]);
	});

	it('pairs "This is known as X" with the sentence it names', () => {
		const sentence =
			'This statement is known as the law of definite proportions or the law of constant composition.';
		const d = findPairedNaming(
			sentence,
			'Joseph Proust demonstrated that all samples of a pure compound contain the same elements in the same proportion by mass.'
		);
		expect(d).toMatchObject({
			term: 'law of definite proportions',
			question:
				'What is the statement that all samples of a pure compound contain the same elements in the same proportion by mass known as?'
		});
		expect(sentence.slice(d!.termIndex)).toMatch(/^law of definite proportions/);
		expect(
			findPairedNaming(
				'This is known as REM rebound.',
				'REM sleep deprivation leads to more REM sleep on subsequent nights.'
			)?.question
		).toBe(
			'What is it known as when REM sleep deprivation leads to more REM sleep on subsequent nights?'
		);
		expect(findPairedNaming('This statement is true.', 'Water is wet.')).toBeNull();
	});
});
