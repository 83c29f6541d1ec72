import { describe, expect, it } from 'vitest';
import {
	deckChoices,
	overridesFromChoices,
	parseMaximumInterval,
	RETENTION_CHOICES
} from '$lib/domain/study/scheduling-form';
import { DEFAULT_SETTINGS, validateSettings } from '$lib/domain/study/study-settings';

describe('parseMaximumInterval', () => {
	it('reads whole days from 1 to 36500, trimming spaces', () => {
		expect(parseMaximumInterval(' 180 ')).toEqual({ ok: true, value: 180 });
		expect(parseMaximumInterval('1')).toEqual({ ok: true, value: 1 });
		expect(parseMaximumInterval('36500')).toEqual({ ok: true, value: 36500 });
	});

	it.each(['', '0', '36501', '2.5', '-3', 'ten'])('refuses "%s" with a plain message', (text) => {
		const result = parseMaximumInterval(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/whole number of days from 1 to 36500/);
	});
});

describe('deck retention choices', () => {
	const decks = [
		{ id: 'kosovo', title: 'Kosovo' },
		{ id: 'mine', title: 'Mine' }
	];

	it('offers every retention the settings accept, and only those', () => {
		expect(RETENTION_CHOICES[0]).toBe('0.80');
		expect(RETENTION_CHOICES.at(-1)).toBe('0.97');
		for (const choice of RETENTION_CHOICES) {
			const settings = {
				...DEFAULT_SETTINGS,
				deckRetention: [{ deckId: 'kosovo', desiredRetention: Number(choice) }]
			};
			expect(validateSettings(settings).ok).toBe(true);
		}
	});

	it('shows the global default until a deck has its own, and saves only the overrides', () => {
		const rows = deckChoices(decks, [{ deckId: 'mine', desiredRetention: 0.85 }]);
		expect(rows.map((row) => row.choice)).toEqual(['', '0.85']);
		rows[0].choice = '0.95';
		rows[1].choice = '';
		expect(overridesFromChoices(rows, [])).toEqual([{ deckId: 'kosovo', desiredRetention: 0.95 }]);
	});

	it('keeps the overrides of decks the form does not list', () => {
		const saved = [{ deckId: 'elsewhere', desiredRetention: 0.82 }];
		expect(overridesFromChoices(deckChoices(decks, saved), saved)).toEqual(saved);
	});
});
