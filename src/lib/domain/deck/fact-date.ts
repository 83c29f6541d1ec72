/**
 * The dates facts carry for chronology (`when`): YYYY, YYYY-MM or YYYY-MM-DD. A date stands
 * for the whole span it names, so "1999" covers the year and cannot be ordered against
 * "1999-06-10".
 */
const WHEN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The span a `when` covers, as [first, last] UTC day numbers (days since the epoch), or null. */
export function dateRange(when: string): [number, number] | null {
	const match = WHEN.exec(when);
	if (!match) return null;
	const year = Number(match[1]);
	const month = match[2] ? Number(match[2]) : null;
	const day = match[3] ? Number(match[3]) : null;
	if (month !== null && (month < 1 || month > 12)) return null;
	const dayMs = 86_400_000;
	if (month === null) {
		return [Date.UTC(year, 0, 1) / dayMs, Date.UTC(year, 11, 31) / dayMs];
	}
	if (day === null) {
		return [Date.UTC(year, month - 1, 1) / dayMs, Date.UTC(year, month, 0) / dayMs];
	}
	const date = Date.UTC(year, month - 1, day);
	if (new Date(date).getUTCDate() !== day) return null;
	return [date / dayMs, date / dayMs];
}

/** True when every day of `a` comes before every day of `b`. */
export function isBefore(a: string, b: string): boolean {
	const first = dateRange(a);
	const second = dateRange(b);
	return first !== null && second !== null && first[1] < second[0];
}
