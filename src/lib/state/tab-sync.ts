/**
 * Tabs of one browser are one learner: each tab tells the others what it wrote (an answer, an
 * undo, an attempt's answer or submission) and which build of the app it runs, over one BroadcastChannel.
 * The channel only hurries things up: every write still checks the database itself (a study
 * answer is refused when its fact was answered since the card was drawn; a submit runs under a
 * Web Lock), so a browser without BroadcastChannel loses nothing but the early warning.
 */

/** What one tab tells the others. */
export type TabMessage =
	| { type: 'answered'; deckId: string; factId: string }
	| { type: 'undone'; deckId: string; factId: string }
	| { type: 'submitted'; attemptId: string }
	/** An answer was saved to (or the row removed from) a quiz or assignment attempt. */
	| { type: 'attempt-saved'; attemptId: string }
	| { type: 'version'; version: string };

export interface TabChannel {
	/** Tells every other tab (never this one). */
	post(message: TabMessage): void;
	/** Calls `listener` with each well-formed message from another tab; returns its cleanup. */
	listen(listener: (message: TabMessage) => void): () => void;
	close(): void;
}

/** The broadcast channel's name; one per origin. */
export const TAB_CHANNEL_NAME = 'factdeck-tabs';

/** The longest id a message may carry (deck, fact and attempt ids are far shorter). */
const MAX_ID_LENGTH = 200;

const isId = (value: unknown): value is string =>
	typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;

/**
 * A message from another tab, or null when it is not one this code knows (another build may
 * send other shapes): checked field by field, never trusted as typed.
 */
export function parseTabMessage(data: unknown): TabMessage | null {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
	const m = data as Record<string, unknown>;
	switch (m.type) {
		case 'answered':
		case 'undone':
			return isId(m.deckId) && isId(m.factId)
				? { type: m.type, deckId: m.deckId, factId: m.factId }
				: null;
		case 'submitted':
		case 'attempt-saved':
			return isId(m.attemptId) ? { type: m.type, attemptId: m.attemptId } : null;
		case 'version':
			return isId(m.version) ? { type: 'version', version: m.version } : null;
		default:
			return null;
	}
}

/**
 * True when build `theirs` is newer than `ours`. SvelteKit's default version is the build time
 * in epoch ms, so two numeric versions compare as numbers; any other pair counts as newer only
 * when it differs and sorts after ours, so two tabs never both ask the other to reload.
 */
export function isNewerVersion(theirs: string, ours: string): boolean {
	if (theirs === ours) return false;
	const a = Number(theirs);
	const b = Number(ours);
	if (Number.isFinite(a) && Number.isFinite(b)) return a > b;
	return theirs > ours;
}

/** The smallest part of BroadcastChannel this module needs; tests may pass their own. */
export interface BroadcastPort {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	close(): void;
}

function browserPort(name: string): BroadcastPort | null {
	return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
}

/** Opens a channel to the other tabs; without BroadcastChannel it says and hears nothing. */
export function openTabChannel(
	name: string = TAB_CHANNEL_NAME,
	open: (name: string) => BroadcastPort | null = browserPort
): TabChannel {
	const port = open(name);
	const listeners = new Set<(message: TabMessage) => void>();
	const onMessage = (event: MessageEvent) => {
		const message = parseTabMessage(event.data);
		if (message) for (const listener of [...listeners]) listener(message);
	};
	port?.addEventListener('message', onMessage);
	return {
		post(message) {
			try {
				port?.postMessage(message);
			} catch {
				// A closed channel (the page is going away): the other tabs re-check the database.
			}
		},
		listen(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			listeners.clear();
			port?.removeEventListener('message', onMessage);
			port?.close();
		}
	};
}

let shared: TabChannel | null = null;

/** This tab's one channel, opened when first asked for (never while prerendering). */
export function tabChannel(): TabChannel {
	shared ??= openTabChannel();
	return shared;
}

/** A channel that goes nowhere, for code run without other tabs (tests, prerendering). */
export const NO_TABS: TabChannel = {
	post: () => undefined,
	listen: () => () => undefined,
	close: () => undefined
};

/** The part of the Web Locks API a submit needs. */
export interface LockManagerLike {
	request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function browserLocks(): LockManagerLike | null {
	return typeof navigator !== 'undefined' && 'locks' in navigator
		? (navigator.locks as LockManagerLike)
		: null;
}

/**
 * Runs `run` while holding the lock `name` across every tab of this origin (Web Locks), so two
 * tabs never submit the same thing at once; without Web Locks it simply runs.
 */
export function withTabLock<T>(
	name: string,
	run: () => Promise<T>,
	locks: LockManagerLike | null = browserLocks()
): Promise<T> {
	return locks ? locks.request(name, run) : run();
}
