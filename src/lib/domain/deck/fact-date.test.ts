import { describe, expect, it } from 'vitest';
import { dateRange, isBefore } from '$lib/domain/deck/fact-date';

describe('dateRange', () => {
	it('covers a whole year, month or single day', () => {
		const year = dateRange('1999')!;
		expect(year[1] - year[0]).toBe(364);
		const month = dateRange('1999-06')!;
		expect(month[1] - month[0]).toBe(29);
		const day = dateRange('1999-06-10')!;
		expect(day[0]).toBe(day[1]);
	});

	it('rejects what is not a date', () => {
		expect(dateRange('June 1999')).toBeNull();
		expect(dateRange('1999-13')).toBeNull();
		expect(dateRange('1999-02-30')).toBeNull();
		expect(dateRange('')).toBeNull();
	});
});

describe('isBefore', () => {
	it('orders dates whose spans do not overlap', () => {
		expect(isBefore('1999-06-10', '1999-06-12')).toBe(true);
		expect(isBefore('1999', '2002')).toBe(true);
		expect(isBefore('2002', '1999')).toBe(false);
	});

	it('refuses to order a year against a day inside it', () => {
		expect(isBefore('1999', '1999-06-10')).toBe(false);
		expect(isBefore('1999-06-10', '1999')).toBe(false);
	});
});
