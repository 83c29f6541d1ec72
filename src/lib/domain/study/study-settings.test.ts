import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '$lib/domain/study/study-settings';

describe('validateSettings', () => {
	it('accepts the defaults and the ends of every range', () => {
		expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
		const edges = { newPerDay: 0, reviewsPerDay: 9999, desiredRetention: 0.8, dayStartHour: 23 };
		expect(validateSettings(edges)).toEqual({ ok: true, value: edges });
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
		['dayStartHour', undefined]
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
			['dayStartHour', 'desiredRetention', 'newPerDay', 'reviewsPerDay'].sort()
		);
	});
});
