/** Number and time formats shared by the progress charts, in the reader's locale. */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** 12,345 */
export function formatCount(value: number): string {
	return integer.format(value);
}

/** 1.2K above 9,999, else as formatCount: for labels inside a chart. */
export function formatCompact(value: number): string {
	return value > 9999 ? compact.format(value) : integer.format(value);
}

/** A share 0..1 as 87% */
export function formatPercent(share: number): string {
	return percent.format(share);
}

/** Milliseconds as "45 s", "12 min" or "1 h 5 min". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A study day 'YYYY-MM-DD' as "Thu 12 Mar 2026" (the day is a calendar date, read in UTC). */
export function formatDay(day: string, withWeekday = true): string {
	return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
		timeZone: 'UTC',
		weekday: withWeekday ? 'short' : undefined,
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
}

/** A study day as "12 Mar", for axis labels. */
export function formatShortDay(day: string): string {
	return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'short'
	});
}

/** 'YYYY-MM' as "Mar 2026". */
export function formatMonth(month: string): string {
	return new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
		timeZone: 'UTC',
		month: 'short',
		year: 'numeric'
	});
}

/** Plural-aware "1 review" / "3 reviews". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${formatCount(count)} ${count === 1 ? one : many}`;
}
