import { describe, it, expect } from 'vitest';
import { studyKeyAction, type KeyInput } from '$lib/domain/study/study-keys';

const base: KeyInput = {
	key: ' ',
	target: 'other',
	hasModifier: false,
	phase: 'question',
	itemType: 'flashcard'
};
const press = (over: Partial<KeyInput>) => studyKeyAction({ ...base, ...over });

describe('studyKeyAction: self-graded cards', () => {
	it('reveals with Space or Enter, then records a grade with 1–4', () => {
		expect(press({ key: ' ' })).toEqual({ type: 'reveal' });
		expect(press({ key: 'Enter' })).toEqual({ type: 'reveal' });
		expect(press({ key: '3' })).toBeNull();
		expect(press({ key: '1', phase: 'answered' })).toEqual({ type: 'rate', rating: 1 });
		expect(press({ key: '4', phase: 'answered' })).toEqual({ type: 'rate', rating: 4 });
		expect(press({ key: '5', phase: 'answered' })).toBeNull();
		expect(press({ key: 'Enter', phase: 'answered' })).toBeNull();
	});
});

describe('studyKeyAction: auto-graded cards', () => {
	const mcq = { itemType: 'mcq' as const };

	it('leaves option letters to the answer controls: a letter selects, as a click does', () => {
		expect(press({ ...mcq, key: 'a' })).toBeNull();
		expect(press({ ...mcq, key: 'C' })).toBeNull();
		expect(press({ itemType: 'truefalse', key: 't' })).toBeNull();
		expect(press({ itemType: 'truefalse', key: 'F' })).toBeNull();
	});

	it('submits with Enter, then 1–4 only preselect and Enter or Space goes on', () => {
		expect(press({ ...mcq, key: 'Enter' })).toEqual({ type: 'submit' });
		expect(press({ ...mcq, key: ' ' })).toBeNull();
		expect(press({ ...mcq, key: '2', phase: 'answered' })).toEqual({
			type: 'select-rating',
			rating: 2
		});
		expect(press({ ...mcq, key: 'Enter', phase: 'answered' })).toEqual({ type: 'continue' });
		expect(press({ ...mcq, key: ' ', phase: 'answered' })).toEqual({ type: 'continue' });
	});
});

describe('studyKeyAction: focus and modifiers', () => {
	it('leaves typing alone in a text field except Enter, and Escape leaves the field', () => {
		const cloze = { itemType: 'cloze' as const, target: 'text' as const };
		for (const key of ['u', 's', '?', '1', ' ', 'a']) expect(press({ ...cloze, key })).toBeNull();
		expect(press({ ...cloze, key: 'Enter' })).toEqual({ type: 'submit' });
		expect(press({ ...cloze, key: 'Escape' })).toEqual({ type: 'leave-field' });
	});

	it('lets a focused button handle Enter and Space itself, but not the letter shortcuts', () => {
		expect(press({ target: 'control', key: 'Enter' })).toBeNull();
		expect(press({ target: 'control', key: ' ' })).toBeNull();
		expect(press({ target: 'control', key: 'u' })).toEqual({ type: 'undo' });
		expect(press({ target: 'control', key: '3', phase: 'answered' })).toEqual({
			type: 'rate',
			rating: 3
		});
	});

	it('ignores keys with Ctrl, Alt or Meta', () => {
		expect(press({ key: 'u', hasModifier: true })).toBeNull();
		expect(press({ key: 's', hasModifier: true })).toBeNull();
	});

	it('offers undo and help with no card on screen, but nothing else', () => {
		expect(press({ phase: 'idle', itemType: null, key: 'U' })).toEqual({ type: 'undo' });
		expect(press({ phase: 'idle', itemType: null, key: '?' })).toEqual({ type: 'help' });
		expect(press({ phase: 'idle', itemType: null, key: 's' })).toBeNull();
		expect(press({ phase: 'idle', itemType: null, key: ' ' })).toBeNull();
		expect(press({ key: 's' })).toEqual({ type: 'source' });
	});
});
