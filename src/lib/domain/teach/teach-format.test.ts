import { describe, it, expect } from 'vitest';
import {
	formatClock,
	formatDuration,
	formatIndex,
	formatPercent,
	formatShare
} from '$lib/domain/teach/teach-format';

describe('formatters', () => {
	it('formats durations for people', () => {
		expect(formatDuration(45_000)).toBe('45 s');
		expect(formatDuration(12 * 60_000 + 5_000)).toBe('12 min 05 s');
		expect(formatDuration(3_600_000 + 2 * 60_000)).toBe('1 h 02 min');
		expect(formatDuration(-5)).toBe('0 s');
	});

	it('formats a countdown rounding up', () => {
		expect(formatClock(600_000)).toBe('10:00');
		expect(formatClock(59_001)).toBe('1:00');
		expect(formatClock(500)).toBe('0:01');
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(-1000)).toBe('0:00');
		expect(formatClock(3_661_000)).toBe('1:01:01');
	});

	it('formats shares, percentages and indices', () => {
		expect(formatShare(0.666)).toBe('67%');
		expect(formatShare(null)).toBe('—');
		expect(formatPercent(66.666)).toBe('66.7%');
		expect(formatPercent(50)).toBe('50%');
		expect(formatIndex(0.5)).toBe('0.50');
		expect(formatIndex(-0.25)).toBe('−0.25');
		expect(formatIndex(-0.001)).toBe('0.00');
		expect(formatIndex(null)).toBe('—');
	});
});
