/**
 * Small choices a learner makes once and expects the app to remember on this device (the source
 * sentence open or folded). Kept in localStorage: they are not study data, are not backed up,
 * and a browser that refuses storage (private mode, a full quota) simply falls back to the default.
 */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export interface BooleanPreference {
	get(): boolean;
	set(value: boolean): void;
}

function defaultStore(): KeyValueStore | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null; // Some browsers throw on access when storage is blocked.
	}
}

/** A yes/no choice under `key`, `fallback` until the learner makes it. */
export function booleanPreference(
	key: string,
	fallback: boolean,
	store: () => KeyValueStore | null = defaultStore
): BooleanPreference {
	return {
		get() {
			try {
				const value = store()?.getItem(key);
				return value === 'true' ? true : value === 'false' ? false : fallback;
			} catch {
				return fallback;
			}
		},
		set(value) {
			try {
				store()?.setItem(key, String(value));
			} catch {
				// Not remembered this time; the choice still applies to the card on screen.
			}
		}
	};
}

/** Whether the source sentence opens with the answer: folded by default, as the learner left it. */
export const sourceSentenceOpen = booleanPreference('factdeck.study.sourceOpen', false);
