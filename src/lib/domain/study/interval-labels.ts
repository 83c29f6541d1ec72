/** Short words for time spans: the interval on a grade button, "next review in …". */
import type { MemorySnapshot } from '$lib/domain/types';
import { MEMORY_STATE } from '$lib/domain/study/memory';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A short interval label for a grade button: "1m", "10m", "5h", "3d", "2mo", "1.5y". */
export function formatInterval(after: MemorySnapshot, now: number): string {
	if (after.state === MEMORY_STATE.review && after.scheduledDays >= 1) {
		const days = after.scheduledDays;
		if (days < 30) return `${days}d`;
		if (days < 365) return `${Number((days / 30).toFixed(1))}mo`;
		return `${Number((days / 365).toFixed(1))}y`;
	}
	const minutes = Math.max(1, Math.round((after.dueAt - now) / MINUTE_MS));
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours}h`;
	return `${Math.round(minutes / 1440)}d`;
}

/** A rough human duration for "next review in …": "5 min", "3 h", "2 days". */
export function formatRelative(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.round(ms / HOUR_MS);
	if (hours < 24) return `${hours} h`;
	const days = Math.round(ms / DAY_MS);
	return days === 1 ? '1 day' : `${days} days`;
}
