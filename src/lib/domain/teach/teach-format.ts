/** Small formatters for the teacher and student views; pure, so they are tested. */

/** A duration in ms as "1 h 02 min", "12 min 05 s" or "45 s": the quiz results' own format. */
export { formatDuration } from '$lib/domain/quiz/quiz-session';

/** A countdown in ms as "m:ss" (or "h:mm:ss"), rounded up so 0:00 means time is up. */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = String(total % 60).padStart(2, '0');
	return hours > 0
		? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
		: `${minutes}:${seconds}`;
}

/** A share 0..1 as a whole percentage, or a dash when there is none. */
export function formatShare(share: number | null): string {
	return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** A percentage 0..100 with at most one decimal ("66.7%", "50%"). */
export function formatPercent(percent: number): string {
	return `${Math.round(percent * 10) / 10}%`;
}

/** A discrimination index -1..1 with two decimals and a real minus sign, or a dash. */
export function formatIndex(value: number | null): string {
	if (value === null) return '—';
	const text = Math.abs(value).toFixed(2);
	return value < -0.005 ? `−${text}` : text;
}

/** True when `Date` can show this epoch-ms time (a forged or damaged row may hold any number). */
export function isShowableTime(ms: number): boolean {
	return Number.isFinite(ms) && Math.abs(ms) <= 8_640_000_000_000_000;
}

/** A time formatted for people, or "unknown date" when no date can show it; never throws. */
export function formatTimeSafely(ms: number, format: Intl.DateTimeFormat): string {
	return isShowableTime(ms) ? format.format(ms) : 'unknown date';
}
