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

// Study days and months are calendar dates, so they are formatted in UTC. Formatters are made
// once: toLocaleDateString builds a new one per call, which a year of heatmap cells notices.
const longDay = new Intl.DateTimeFormat(undefined, {
	timeZone: 'UTC',
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});
const dateOnly = new Intl.DateTimeFormat(undefined, {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});
const shortDay = new Intl.DateTimeFormat(undefined, {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'short'
});
const monthYear = new Intl.DateTimeFormat(undefined, {
	timeZone: 'UTC',
	month: 'short',
	year: 'numeric'
});
const monthOnly = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', month: 'short' });

const utcDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** A study day 'YYYY-MM-DD' as "Thu, Mar 12, 2026" (in the reader's locale). */
export function formatDay(day: string, withWeekday = true): string {
	return (withWeekday ? longDay : dateOnly).format(utcDate(day));
}

/** A study day as "Mar 12", for axis labels. */
export function formatShortDay(day: string): string {
	return shortDay.format(utcDate(day));
}

/** 'YYYY-MM' as "Mar 2026". */
export function formatMonth(month: string): string {
	return monthYear.format(utcDate(`${month}-01`));
}

/** A study day's month as "Mar", for axis labels. */
export function formatMonthName(day: string): string {
	return monthOnly.format(utcDate(day));
}

/** Plural-aware "1 review" / "3 reviews". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${formatCount(count)} ${count === 1 ? one : many}`;
}
