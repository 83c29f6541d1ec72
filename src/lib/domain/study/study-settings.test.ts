import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SETTINGS,
	retentionForDeck,
	settingsForDeck,
	validateSettings,
	withDeckRetention
} from '$lib/domain/study/study-settings';

describe('validateSettings', () => {
	it('accepts the defaults and the ends of every range', () => {
		expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
		const edges = {
			newPerDay: 0,
			reviewsPerDay: 9999,
			desiredRetention: 0.8,
			dayStartHour: 23,
			maximumInterval: 1,
			loadBalance: false,
			deckRetention: [{ deckId: 'kosovo', desiredRetention: 0.97 }]
		};
		expect(validateSettings(edges)).toEqual({ ok: true, value: edges });
		expect(validateSettings({ ...edges, maximumInterval: 36500 }).ok).toBe(true);
		expect(validateSettings({ ...edges, desiredRetention: 0.97, dayStartHour: 0 }).ok).toBe(true);
	});

	it('rejects a retention of 0, which ts-fsrs would silently replace by its default', () => {
		const result = validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0 });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.join()).toMatch(/desiredRetention/);
	});

	it.each([
		['desiredRetention', 0.79],
		['desiredRetention', 0.98],
		['desiredRetention', Number.NaN],
		['desiredRetention', '0.9'],
		['newPerDay', -1],
		['newPerDay', 10000],
		['newPerDay', 2.5],
		['reviewsPerDay', '200'],
		['dayStartHour', 24],
		['dayStartHour', -1],
		['dayStartHour', undefined],
		['maximumInterval', 0],
		['maximumInterval', 36501],
		['maximumInterval', 1.5],
		['loadBalance', 'yes'],
		['deckRetention', [{ deckId: 'kosovo', desiredRetention: 0.99 }]],
		['deckRetention', [{ deckId: '', desiredRetention: 0.9 }]],
		[
			'deckRetention',
			[
				{ deckId: 'kosovo', desiredRetention: 0.9 },
				{ deckId: 'kosovo', desiredRetention: 0.85 }
			]
		],
		['deckRetention', { kosovo: 0.9 }]
	])('rejects %s = %s and names the field', (field, value) => {
		const result = validateSettings({ ...DEFAULT_SETTINGS, [field]: value });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors).toHaveLength(1);
			expect(result.errors[0]).toContain(field);
		}
	});

	it('rejects what is not an object and reports every bad field', () => {
		expect(validateSettings(null).ok).toBe(false);
		expect(validateSettings([1, 2]).ok).toBe(false);
		const result = validateSettings({});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors).toHaveLength(4);
	});

	it('returns only the known fields', () => {
		const result = validateSettings({ ...DEFAULT_SETTINGS, extra: 1 });
		expect(result.ok && Object.keys(result.value).sort()).toEqual(
			[
				'dayStartHour',
				'deckRetention',
				'desiredRetention',
				'loadBalance',
				'maximumInterval',
				'newPerDay',
				'reviewsPerDay'
			].sort()
		);
	});

	it('gives settings saved before the maximum interval and deck overrides their defaults', () => {
		const old = { newPerDay: 5, reviewsPerDay: 50, desiredRetention: 0.85, dayStartHour: 0 };
		expect(validateSettings(old)).toEqual({
			ok: true,
			value: { ...old, maximumInterval: 36500, loadBalance: true, deckRetention: [] }
		});
	});
});

describe('per-deck retention', () => {
	const settings = withDeckRetention(DEFAULT_SETTINGS, 'kosovo', 0.95);

	it('schedules a deck with its own retention and every other deck with the global one', () => {
		expect(retentionForDeck(settings, 'kosovo')).toBe(0.95);
		expect(retentionForDeck(settings, 'other')).toBe(0.9);
		expect(settingsForDeck(settings, 'kosovo')).toEqual({ ...settings, desiredRetention: 0.95 });
		expect(settingsForDeck(settings, 'other')).toBe(settings);
	});

	it('replaces an override and drops it for "use the global retention"', () => {
		const changed = withDeckRetention(settings, 'kosovo', 0.85);
		expect(changed.deckRetention).toEqual([{ deckId: 'kosovo', desiredRetention: 0.85 }]);
		expect(withDeckRetention(changed, 'kosovo', null).deckRetention).toEqual([]);
		expect(validateSettings(changed).ok).toBe(true);
	});
});
