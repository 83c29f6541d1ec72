/**
 * Study days, the one day clock of Factdeck: the local calendar day shifted so that it begins at
 * a chosen hour (default 04:00), so a session that runs past midnight still counts for the
 * evening it started in. Study, scheduling and /progress all count days here.
 * Keys are 'YYYY-MM-DD' strings; calendar arithmetic on keys is done in UTC, where every day has
 * 24 hours, so daylight-saving changes never add or lose a day. `timeZone` is an IANA zone; left
 * out, the zone the runtime is in now, read through Date's local fields (fast, and they follow a
 * change of zone at once, where a formatter keeps the zone it was made in).
 */

/** The local hour (0..23) at which a study day begins when no setting says otherwise. */
export const DEFAULT_DAY_START_HOUR = 4;

const MS_PER_DAY = 86_400_000;
const QUARTER_HOUR_MS = 900_000;
// Bounds the memo of studyDayKeyer; plenty for a scan (reviews come in sessions).
const KEYER_CACHE_LIMIT = 100_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
	const cacheKey = timeZone ?? '';
	let formatter = formatters.get(cacheKey);
	if (!formatter) {
		// en-US with numeric parts is the one format whose parts are stable across engines.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			hourCycle: 'h23'
		});
		formatters.set(cacheKey, formatter);
	}
	return formatter;
}

function assertDayStartHour(dayStartHour: number): void {
	if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
		throw new RangeError(`dayStartHour must be an integer 0..23, got ${dayStartHour}`);
	}
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

/** The key 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function dayKeyFromOrdinal(ordinal: number): string {
	const date = new Date(ordinal * MS_PER_DAY);
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** The day number (days since 1970-01-01) of a key 'YYYY-MM-DD'. */
export function dayOrdinal(day: string): number {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	const date = Number(day.slice(8, 10));
	return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

/** The key of the day `days` calendar days after `day` (negative for before). */
export function addDays(day: string, days: number): string {
	return dayKeyFromOrdinal(dayOrdinal(day) + days);
}

/** The study day 'YYYY-MM-DD' that the instant `ms` (epoch ms) belongs to in `timeZone`. */
export function studyDayKey(
	ms: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): string {
	assertDayStartHour(dayStartHour);
	let year = 0;
	let month = 0;
	let date = 0;
	let hour = 0;
	if (timeZone === undefined) {
		const local = new Date(ms);
		year = local.getFullYear();
		month = local.getMonth() + 1;
		date = local.getDate();
		hour = local.getHours();
	} else
		for (const part of formatterFor(timeZone).formatToParts(ms)) {
			if (part.type === 'year') year = Number(part.value);
			else if (part.type === 'month') month = Number(part.value);
			else if (part.type === 'day') date = Number(part.value);
			else if (part.type === 'hour') hour = Number(part.value);
		}
	// Compare wall-clock hours rather than subtracting dayStartHour hours from the instant:
	// on a daylight-saving day the local day is 23 or 25 hours long and the subtraction is off.
	const ordinal = Date.UTC(year, month - 1, date) / MS_PER_DAY;
	return dayKeyFromOrdinal(hour < dayStartHour ? ordinal - 1 : ordinal);
}

/**
 * The first instant (epoch ms) of study day `day` in `timeZone`: a search over instants, since
 * studyDayKey only ever moves forward in time; exact on daylight-saving days too.
 */
export function studyDayStartMs(
	day: string,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): number {
	if (timeZone === undefined) {
		assertDayStartHour(dayStartHour);
		// The local constructor moves an hour skipped by a daylight-saving jump forward, and takes
		// the first of an hour that repeats: the first instant of the day, as the search finds.
		const [year, month, date] = day.split('-').map(Number);
		return new Date(year, month - 1, date, dayStartHour).getTime();
	}
	const keyOf = studyDayKeyer(dayStartHour, timeZone);
	// Every zone is within 14 hours of UTC, so the start lies within 36 hours of this guess; and
	// a local hour begins on a UTC quarter hour, so searching quarter hours finds it exactly.
	const guess = dayOrdinal(day) * MS_PER_DAY + dayStartHour * 3_600_000;
	let low = Math.floor((guess - 36 * 3_600_000) / QUARTER_HOUR_MS);
	let high = Math.ceil((guess + 36 * 3_600_000) / QUARTER_HOUR_MS);
	while (high - low > 1) {
		const mid = Math.floor((low + high) / 2);
		if (keyOf(mid * QUARTER_HOUR_MS) < day) low = mid;
		else high = mid;
	}
	return high * QUARTER_HOUR_MS;
}

/**
 * A memoised studyDayKey for one setting, for scanning many rows (epoch ms in, key out).
 * Memoises per UTC quarter hour: every zone offset in use is a multiple of 15 minutes and
 * changes on a quarter hour, so the local date and hour are constant within one.
 */
export function studyDayKeyer(
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): (ms: number) => string {
	assertDayStartHour(dayStartHour);
	const cache = new Map<number, string>();
	return (ms) => {
		const bucket = Math.floor(ms / QUARTER_HOUR_MS);
		let key = cache.get(bucket);
		if (key === undefined) {
			key = studyDayKey(ms, dayStartHour, timeZone);
			if (cache.size >= KEYER_CACHE_LIMIT) cache.clear();
			cache.set(bucket, key);
		}
		return key;
	};
}

/** The Monday 'YYYY-MM-DD' that starts the ISO week of `day`. */
export function isoWeekStart(day: string): string {
	const ordinal = dayOrdinal(day);
	// 1970-01-01 was a Thursday: index 3 counting from Monday.
	const weekday = (((ordinal + 3) % 7) + 7) % 7;
	return dayKeyFromOrdinal(ordinal - weekday);
}

/** The ISO week 'YYYY-Www' of `day` (the year is the ISO week-numbering year). */
export function isoWeekKey(day: string): string {
	const monday = dayOrdinal(isoWeekStart(day));
	// The ISO year is the year of the week's Thursday.
	const thursday = dayKeyFromOrdinal(monday + 3);
	const isoYear = Number(thursday.slice(0, 4));
	const firstOfYear = Date.UTC(isoYear, 0, 1) / MS_PER_DAY;
	const week = Math.floor((monday + 3 - firstOfYear) / 7) + 1;
	return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
}

/** The month 'YYYY-MM' of `day`. */
export function monthKey(day: string): string {
	return day.slice(0, 7);
}

const starts = new Map<string, number>();

function cachedDayStart(day: string, dayStartHour: number, timeZone: string | undefined): number {
	// The local zone can change under a running program, so only named zones are remembered.
	if (timeZone === undefined) return studyDayStartMs(day, dayStartHour);
	const cacheKey = `${day}|${dayStartHour}|${timeZone}`;
	let start = starts.get(cacheKey);
	if (start === undefined) {
		start = studyDayStartMs(day, dayStartHour, timeZone);
		if (starts.size >= 1000) starts.clear();
		starts.set(cacheKey, start);
	}
	return start;
}

/** Epoch ms at which the study day containing `now` (epoch ms) began. */
export function studyDayStart(
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): number {
	return cachedDayStart(studyDayKey(now, dayStartHour, timeZone), dayStartHour, timeZone);
}

/** Epoch ms at which the study day `days` days after the one containing `at` (epoch ms) begins. */
export function addStudyDays(
	at: number,
	days: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): number {
	const day = addDays(studyDayKey(at, dayStartHour, timeZone), days);
	return cachedDayStart(day, dayStartHour, timeZone);
}

/** Epoch ms at which the study day after the one containing `now` (epoch ms) begins. */
export function nextStudyDayStart(
	now: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): number {
	return addStudyDays(now, 1, dayStartHour, timeZone);
}

/** Whole study days from the study day of `from` to that of `to` (both epoch ms). */
export function studyDaysBetween(
	from: number,
	to: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): number {
	return (
		dayOrdinal(studyDayKey(to, dayStartHour, timeZone)) -
		dayOrdinal(studyDayKey(from, dayStartHour, timeZone))
	);
}

/**
 * An instant on a clock where every study day is one UTC day (ms): the study day's number times
 * 24 h, plus the time since that day began (capped inside the day, for a 25-hour day). ts-fsrs
 * counts UTC calendar days, so on this clock it counts study days.
 */
export function studyDayClock(
	time: number,
	dayStartHour: number = DEFAULT_DAY_START_HOUR,
	timeZone?: string
): number {
	const day = studyDayKey(time, dayStartHour, timeZone);
	const sinceStart = time - cachedDayStart(day, dayStartHour, timeZone);
	return dayOrdinal(day) * MS_PER_DAY + Math.min(Math.max(0, sinceStart), MS_PER_DAY - 1);
}
