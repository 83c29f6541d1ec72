import { describe, expect, it } from 'vitest';
import { findDefinitions } from './definitions';

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
});
