import { describe, it, expect } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import { parseSettingsForm, settingsToText } from '$lib/domain/study/study-settings-form';

const text = settingsToText(DEFAULT_SETTINGS);
const FORM_DEFAULTS = { newPerDay: 20, reviewsPerDay: 200, desiredRetention: 0.9, dayStartHour: 4 };

describe('settingsToText', () => {
	it('writes retention with two decimals and the rest as whole numbers', () => {
		expect(text).toEqual({
			newPerDay: '20',
			reviewsPerDay: '200',
			desiredRetention: '0.90',
			dayStartHour: '4'
		});
	});
});

describe('parseSettingsForm', () => {
	it('reads the form back into the same settings, trimming spaces', () => {
		// Only the form's own fields: saving them keeps what Settings → Scheduling set.
		expect(parseSettingsForm(text)).toEqual({ ok: true, value: FORM_DEFAULTS });
		expect(parseSettingsForm({ ...text, newPerDay: ' 5 ', desiredRetention: '0.97' })).toEqual({
			ok: true,
			value: { ...FORM_DEFAULTS, newPerDay: 5, desiredRetention: 0.97 }
		});
	});

	it('gives a plain message for each wrong field and none for the right ones', () => {
		const result = parseSettingsForm({
			newPerDay: '2.5',
			reviewsPerDay: '200',
			desiredRetention: '0.99',
			dayStartHour: '24'
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual([
			'dayStartHour',
			'desiredRetention',
			'newPerDay'
		]);
		expect(result.errors.desiredRetention).toBe(
			'Desired retention must be a number from 0.80 to 0.97.'
		);
		expect(result.errors.newPerDay).toMatch(/^New facts per day must be a whole number/);
	});

	it('refuses an empty field or text rather than reading it as 0', () => {
		const empty = parseSettingsForm({ ...text, newPerDay: '' });
		expect(empty.ok).toBe(false);
		if (!empty.ok) expect(Object.keys(empty.errors)).toEqual(['newPerDay']);
		const words = parseSettingsForm({ ...text, reviewsPerDay: 'lots' });
		expect(words.ok).toBe(false);
		if (!words.ok) expect(Object.keys(words.errors)).toEqual(['reviewsPerDay']);
		expect(parseSettingsForm({ ...text, dayStartHour: '-1' }).ok).toBe(false);
	});
});
