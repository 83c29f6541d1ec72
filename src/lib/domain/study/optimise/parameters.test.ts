import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PARAMETERS,
	applyParameters,
	hasPrevious,
	parametersInUse,
	parseParameterRecord,
	restorePrevious
} from './parameters';

const FITTED = DEFAULT_PARAMETERS.map((w) => Number((w * 1.1).toFixed(4)));

describe('parameter record', () => {
	it('falls back to the defaults for anything that does not validate', () => {
		for (const bad of [
			undefined,
			null,
			'x',
			{ current: [1, 2, 3], updatedAt: 0 },
			{ current: null },
			{ current: null, updatedAt: 0, extra: 1 }
		]) {
			const record = parseParameterRecord(bad);
			expect(record.current).toBeNull();
			expect(parametersInUse(record)).toEqual(DEFAULT_PARAMETERS);
			expect(hasPrevious(record)).toBe(false);
		}
	});

	it('refuses non-finite parameters', () => {
		const current = [...FITTED];
		current[3] = Number.NaN;
		expect(parseParameterRecord({ current, updatedAt: 1 }).current).toBeNull();
	});

	it('applies parameters keeping the ones they replace, and goes back and forth', () => {
		const start = parseParameterRecord(undefined);
		const applied = applyParameters(start, FITTED, 100);
		expect(parametersInUse(applied)).toEqual(FITTED);
		expect(applied.previous).toBeNull();
		expect(hasPrevious(applied)).toBe(true);
		const back = restorePrevious(applied, 200);
		expect(parametersInUse(back)).toEqual(DEFAULT_PARAMETERS);
		expect(back.updatedAt).toBe(200);
		expect(parametersInUse(restorePrevious(back, 300))).toEqual(FITTED);
		// The stored form survives its own validation.
		expect(parseParameterRecord(JSON.parse(JSON.stringify(back)))).toEqual(back);
	});

	it('does nothing when there is nothing to go back to', () => {
		const start = parseParameterRecord(undefined);
		expect(restorePrevious(start, 5)).toBe(start);
	});
});
