/**
 * Words for storage failures, for the edge where an error reaches the learner. Dexie wraps the
 * browser's errors (a QuotaExceededError often arrives as an AbortError of the transaction, with
 * the real cause in `inner`), so the whole chain is searched by name.
 */

export const STORAGE_FULL_MESSAGE =
	"Your browser's storage is full, so this was not saved (nothing was half written). Free some space — delete other sites' data or unused decks, and export a backup — then try again.";
export const DATABASE_CLOSED_MESSAGE =
	'Factdeck was updated in another tab, so this tab stopped saving. Reload the page to continue; nothing saved before was lost.';
export const NEWER_DATABASE_MESSAGE =
	'Your progress was saved by a newer version of Factdeck. Reload the page to update.';
export const STORAGE_BLOCKED_MESSAGE =
	'This browser is not letting Factdeck store data (a private window or a privacy setting can block it). Your progress cannot be saved here.';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Every error in a wrapping chain: the error itself, its `inner` causes and bulk failures. */
function chain(error: unknown): Array<{ name?: unknown; message?: unknown; code?: unknown }> {
	const found: Array<{ name?: unknown; message?: unknown; code?: unknown }> = [];
	const queue: unknown[] = [error];
	while (queue.length > 0 && found.length < 20) {
		const next = queue.shift();
		if (typeof next !== 'object' || next === null) continue;
		const record = next as Record<string, unknown>;
		found.push(record);
		if (record.inner) queue.push(record.inner);
		if (record.cause) queue.push(record.cause);
		if (Array.isArray(record.failures)) queue.push(...record.failures);
	}
	return found;
}

/** True when the browser refused a write because storage is full, however it was wrapped. */
export function isQuotaError(error: unknown): boolean {
	return chain(error).some(
		(link) => (typeof link.name === 'string' && QUOTA_NAMES.has(link.name)) || link.code === 22
	);
}

/** One sentence a learner can act on, for any error from IndexedDB or Dexie. */
export function describeStorageError(error: unknown): string {
	if (isQuotaError(error)) return STORAGE_FULL_MESSAGE;
	const names = chain(error).map((link) => link.name);
	if (names.includes('DatabaseClosedError')) return DATABASE_CLOSED_MESSAGE;
	if (names.includes('VersionError')) return NEWER_DATABASE_MESSAGE;
	if (names.some((name) => name === 'MissingAPIError' || name === 'InvalidStateError')) {
		return STORAGE_BLOCKED_MESSAGE;
	}
	const first = chain(error)[0];
	const detail =
		typeof first?.message === 'string' && first.message.length > 0
			? first.message.slice(0, 300)
			: String(error);
	return `Factdeck could not read or save your data: ${detail}`;
}
