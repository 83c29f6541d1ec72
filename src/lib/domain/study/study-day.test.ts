import { describe, it, expect } from 'vitest';
import { applyRating } from '$lib/domain/study/fsrs-adapter';
import { DEFAULT_SETTINGS } from '$lib/domain/study/study-settings';
import {
	addDays,
	addStudyDays,
	nextStudyDayStart,
	studyDaysBetween,
	studyDayStart,
	dayKeyFromOrdinal,
	dayOrdinal,
	isoWeekKey,
	isoWeekStart,
	monthKey,
	studyDayKey,
	studyDayStartMs,
	studyDayKeyer
} from '$lib/domain/study/study-day';

const at = (iso: string) => Date.parse(iso);

describe('studyDayKey', () => {
	it('counts 03:30 local for the previous day and 04:00 for the new one (Asia/Tokyo, UTC+9)', () => {
		// 2026-03-11 03:30 JST and 04:00 JST
		expect(studyDayKey(at('2026-03-10T18:30:00Z'), 4, 'Asia/Tokyo')).toBe('2026-03-10');
		expect(studyDayKey(at('2026-03-10T18:59:59Z'), 4, 'Asia/Tokyo')).toBe('2026-03-10');
		expect(studyDayKey(at('2026-03-10T19:00:00Z'), 4, 'Asia/Tokyo')).toBe('2026-03-11');
		// 23:00 JST is still the same study day
		expect(studyDayKey(at('2026-03-11T14:00:00Z'), 4, 'Asia/Tokyo')).toBe('2026-03-11');
	});

	it('keeps the boundary at 04:00 local on the spring-forward day in New York (2026-03-08)', () => {
		// Before the change: 2026-03-07 03:30 EST (UTC-5) and 04:00 EST
		expect(studyDayKey(at('2026-03-07T08:30:00Z'), 4, 'America/New_York')).toBe('2026-03-06');
		expect(studyDayKey(at('2026-03-07T09:00:00Z'), 4, 'America/New_York')).toBe('2026-03-07');
		// The day of the change: 01:59 EST, then 03:30, 03:59 and 04:00 EDT (UTC-4)
		expect(studyDayKey(at('2026-03-08T06:59:00Z'), 4, 'America/New_York')).toBe('2026-03-07');
		expect(studyDayKey(at('2026-03-08T07:30:00Z'), 4, 'America/New_York')).toBe('2026-03-07');
		expect(studyDayKey(at('2026-03-08T07:59:59Z'), 4, 'America/New_York')).toBe('2026-03-07');
		// Subtracting four hours from the instant would give 23:00 EST on the 7th here.
		expect(studyDayKey(at('2026-03-08T08:00:00Z'), 4, 'America/New_York')).toBe('2026-03-08');
	});

	it('keeps the boundary at 04:00 local when Auckland leaves daylight saving (2026-04-05)', () => {
		// 03:00 NZDT (UTC+13) becomes 02:00 NZST (UTC+12); 02:30 happens twice.
		expect(studyDayKey(at('2026-04-04T13:30:00Z'), 4, 'Pacific/Auckland')).toBe('2026-04-04');
		expect(studyDayKey(at('2026-04-04T14:30:00Z'), 4, 'Pacific/Auckland')).toBe('2026-04-04');
		// 03:30 and 03:59 NZST: still the 4th; 04:00 NZST: the 5th
		expect(studyDayKey(at('2026-04-04T15:30:00Z'), 4, 'Pacific/Auckland')).toBe('2026-04-04');
		expect(studyDayKey(at('2026-04-04T15:59:00Z'), 4, 'Pacific/Auckland')).toBe('2026-04-04');
		expect(studyDayKey(at('2026-04-04T16:00:00Z'), 4, 'Pacific/Auckland')).toBe('2026-04-05');
		// The study day of the 4th began at 04:00 NZDT, 25 hours before.
		expect(studyDayKey(at('2026-04-03T14:59:00Z'), 4, 'Pacific/Auckland')).toBe('2026-04-03');
		expect(studyDayKey(at('2026-04-03T15:00:00Z'), 4, 'Pacific/Auckland')).toBe('2026-04-04');
	});

	it('uses midnight when dayStartHour is 0 and other hours when set', () => {
		expect(studyDayKey(at('2026-03-08T04:59:00Z'), 0, 'America/New_York')).toBe('2026-03-07');
		expect(studyDayKey(at('2026-03-08T05:00:00Z'), 0, 'America/New_York')).toBe('2026-03-08');
		// 2026-03-11 07:30 JST with the day starting at 08:00
		expect(studyDayKey(at('2026-03-10T22:30:00Z'), 8, 'Asia/Tokyo')).toBe('2026-03-10');
		expect(studyDayKey(at('2026-03-10T23:00:00Z'), 8, 'Asia/Tokyo')).toBe('2026-03-11');
	});

	it('crosses month and year ends when going back a day', () => {
		expect(studyDayKey(at('2026-01-01T03:00:00Z'), 4, 'UTC')).toBe('2025-12-31');
		expect(studyDayKey(at('2028-03-01T02:00:00Z'), 4, 'UTC')).toBe('2028-02-29');
	});

	it('rejects an hour outside 0..23', () => {
		expect(() => studyDayKey(0, 24, 'UTC')).toThrow(RangeError);
		expect(() => studyDayKey(0, -1, 'UTC')).toThrow(RangeError);
		expect(() => studyDayKey(0, 3.5, 'UTC')).toThrow(RangeError);
	});
});

describe('studyDayKeyer', () => {
	it('agrees with studyDayKey on many instants around DST changes in several zones', () => {
		const zones = [
			'America/New_York',
			'Asia/Tokyo',
			'Pacific/Auckland',
			'Asia/Kathmandu',
			'Australia/Lord_Howe'
		];
		let seed = 12345;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const start = at('2026-03-01T00:00:00Z');
		const span = 45 * 86_400_000;
		for (const zone of zones) {
			for (const hour of [0, 4]) {
				const keyOf = studyDayKeyer(hour, zone);
				for (let i = 0; i < 2000; i += 1) {
					const ms = start + Math.floor(random() * span);
					expect(keyOf(ms)).toBe(studyDayKey(ms, hour, zone));
				}
			}
		}
	});
});

describe('day keys', () => {
	it('does calendar arithmetic without daylight-saving effects', () => {
		expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
		expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-12', -364)).toBe('2025-03-13');
		expect(dayOrdinal('1970-01-02')).toBe(1);
		expect(dayKeyFromOrdinal(dayOrdinal('2026-04-05'))).toBe('2026-04-05');
	});

	it('names ISO weeks by their week-numbering year', () => {
		expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
		expect(isoWeekStart('2026-01-01')).toBe('2025-12-29');
		expect(isoWeekKey('2026-03-12')).toBe('2026-W11');
		expect(isoWeekStart('2026-03-15')).toBe('2026-03-09');
		expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
		expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
		expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
		expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
		expect(monthKey('2026-03-12')).toBe('2026-03');
	});
});

describe('studyDayStartMs', () => {
	it('finds the first instant of a study day, on daylight-saving days and odd offsets', () => {
		const cases: Array<[string, number, string, string]> = [
			['2026-03-07', 4, 'America/New_York', '2026-03-07T09:00:00.000Z'],
			['2026-03-08', 4, 'America/New_York', '2026-03-08T08:00:00.000Z'],
			['2026-11-01', 4, 'America/New_York', '2026-11-01T09:00:00.000Z'],
			['2026-06-01', 0, 'Asia/Kathmandu', '2026-05-31T18:15:00.000Z'],
			['2026-04-05', 4, 'Australia/Lord_Howe', '2026-04-04T17:30:00.000Z'],
			['2026-01-10', 4, 'UTC', '2026-01-10T04:00:00.000Z']
		];
		for (const [day, hour, zone, iso] of cases) {
			const start = studyDayStartMs(day, hour, zone);
			expect(new Date(start).toISOString(), `${day} ${zone}`).toBe(iso);
			expect(studyDayKey(start, hour, zone)).toBe(day);
			expect(studyDayKey(start - 1, hour, zone) < day).toBe(true);
		}
	});
});

const MINUTE = 60_000;

/** Local noon, so the tests hold in whatever zone the process runs. */
const NOON = new Date(2026, 0, 10, 12).getTime();

const KEY = 'kosovo/kfor-founded';

describe('study days as instants (in the zone the process runs)', () => {
	it('starts at the chosen local hour, the day before when that hour is still to come', () => {
		const at = (h: number, m = 0) => new Date(2026, 0, 10, h, m).getTime();
		expect(studyDayStart(at(12), 4)).toBe(at(4));
		expect(studyDayStart(at(4), 4)).toBe(at(4));
		expect(studyDayStart(at(3, 59), 4)).toBe(new Date(2026, 0, 9, 4).getTime());
		expect(studyDayStart(at(0, 30), 0)).toBe(at(0));
		expect(nextStudyDayStart(at(3, 59), 4)).toBe(at(4));
		expect(nextStudyDayStart(at(12), 4)).toBe(new Date(2026, 0, 11, 4).getTime());
		expect(addStudyDays(at(4), 30, 4)).toBe(new Date(2026, 1, 9, 4).getTime());
	});

	it('counts study days, not calendar days, between reviews', () => {
		const at = (d: number, h: number) => new Date(2026, 0, d, h).getTime();
		expect(studyDaysBetween(at(10, 23), at(11, 3), 4)).toBe(0);
		expect(studyDaysBetween(at(10, 23), at(11, 5), 4)).toBe(1);
		expect(studyDaysBetween(at(10, 5), at(13, 3), 4)).toBe(2);
		expect(studyDaysBetween(at(10, 5), at(13, 3), 0)).toBe(3);
	});

	it('makes a review fall due at the start of a later study day', () => {
		const settings = { ...DEFAULT_SETTINGS, dayStartHour: 6 };
		const learning = applyRating(null, KEY, 3, NOON, settings);
		const review = applyRating(learning, KEY, 3, learning.dueAt, settings);
		expect(review.state).toBe(2);
		expect(review.scheduledDays).toBeGreaterThanOrEqual(1);
		const today = studyDayStart(learning.dueAt, 6);
		expect(review.dueAt).toBe(addStudyDays(today, review.scheduledDays, 6));
		expect(new Date(review.dueAt).getHours()).toBe(6);
	});

	it('keeps the exact minute for learning steps, even across the day start', () => {
		const lateEvening = new Date(2026, 0, 10, 3, 55).getTime();
		const step = applyRating(null, KEY, 3, lateEvening, DEFAULT_SETTINGS);
		expect(step.state).toBe(1);
		expect(step.dueAt).toBe(lateEvening + 10 * MINUTE);
	});
});
