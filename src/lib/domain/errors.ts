/**
 * The one error edge: every failure a learner can meet, named by kind and told in plain words.
 * State classes and components show `describeError(error)`, never `error.message`.
 *
 * Storage errors come from IndexedDB through Dexie, which wraps the browser's errors (a
 * QuotaExceededError often arrives as an AbortError of the transaction, with the real cause in
 * `inner`), so the whole chain of causes is searched by name; no Dexie import is needed for that.
 */

export type FailureKind =
	| 'quota'
	| 'closed-by-other-tab'
	| 'blocked-upgrade'
	| 'newer-version'
	| 'storage-unavailable'
	| 'missing-deck'
	| 'damaged'
	| 'offline'
	| 'unknown';

/** What each kind of failure means to the learner, and what to do about it. */
export const FAILURE_WORDS: Readonly<Record<Exclude<FailureKind, 'unknown'>, string>> = {
	quota:
		"Your browser's storage is full, so this was not saved (nothing was half written). Free some space — delete other sites' data or unused decks, and export a backup — then try again.",
	'closed-by-other-tab':
		'Factdeck was updated in another tab, so this tab stopped saving. Reload the page to continue; nothing saved before was lost.',
	'blocked-upgrade':
		'Factdeck is open in another tab with an older version, which keeps this one from updating its storage. Close the other Factdeck tabs, then reload this one; nothing is lost.',
	'newer-version':
		'Your progress was saved by a newer version of Factdeck. Reload the page to update.',
	'storage-unavailable':
		'This browser is not letting Factdeck store data (a private window or a privacy setting can block it). Your progress cannot be saved here.',
	'missing-deck':
		'This deck is not here. It may have been deleted, or it was made on another device: your own decks are kept only in the browser where you made them.',
	damaged:
		'Some saved data could not be read: it is damaged or not in a form Factdeck knows. Nothing was changed. Restoring a backup in Settings can bring it back.',
	offline: 'Factdeck could not reach the network. Check your connection and try again.'
};

/** The words of a failure of no known kind; `detail` is a short technical hint. */
export function unknownFailureWords(detail: string): string {
	return `Something went wrong, and Factdeck could not finish this. Reload the page and try again; if it keeps happening, export a backup in Settings. (Details: ${detail})`;
}

/**
 * A failure raised by Factdeck itself, of a known kind, told in that kind's words or in words
 * written where it was raised (a deck that cannot be loaded, say): describeError shows them.
 */
export class LearnerFacingError extends Error {
	constructor(
		readonly kind: Exclude<FailureKind, 'unknown'>,
		message: string = FAILURE_WORDS[kind]
	) {
		super(message);
		this.name = 'LearnerFacingError';
	}
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const DAMAGED_NAMES = new Set(['DataError', 'DataCloneError', 'ZodError', 'SyntaxError']);

type Link = { name?: unknown; message?: unknown; code?: unknown };

/** Every error in a wrapping chain: the error itself, its `inner` causes and bulk failures. */
function chain(error: unknown): Link[] {
	const found: Link[] = [];
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

/** The kind of any thrown value. */
export function classifyError(error: unknown): FailureKind {
	if (error instanceof LearnerFacingError) return error.kind;
	if (isQuotaError(error)) return 'quota';
	const names = chain(error).map((link) => link.name);
	if (names.includes('DatabaseClosedError')) return 'closed-by-other-tab';
	if (names.includes('UpgradeBlockedError')) return 'blocked-upgrade';
	if (names.includes('VersionError')) return 'newer-version';
	if (names.some((name) => name === 'MissingAPIError' || name === 'InvalidStateError')) {
		return 'storage-unavailable';
	}
	if (names.some((name) => typeof name === 'string' && DAMAGED_NAMES.has(name))) return 'damaged';
	if (names.includes('NetworkError')) return 'offline';
	// fetch() rejects with a bare TypeError when the network is down.
	if (error instanceof TypeError && /fetch|network/i.test(error.message)) return 'offline';
	return 'unknown';
}

/** One paragraph a learner can act on, for any thrown value. */
export function describeError(error: unknown): string {
	if (error instanceof LearnerFacingError) return error.message;
	const kind = classifyError(error);
	if (kind !== 'unknown') return FAILURE_WORDS[kind];
	const first = chain(error)[0];
	const detail =
		typeof first?.message === 'string' && first.message.length > 0
			? first.message.slice(0, 200)
			: String(error).slice(0, 200);
	return unknownFailureWords(detail);
}
