/**
 * The learner's study settings: daily limits, target retention (with per-deck overrides), the
 * longest interval, load balancing and the hour a study day begins.
 */

/** A deck whose desired retention differs from the global one (Anki: a deck options preset). */
export interface DeckRetention {
	deckId: string;
	/** FSRS target probability of recall for this deck, 0.80..0.97. */
	desiredRetention: number;
}

export interface StudySettings {
	/** New facts introduced per study day. */
	newPerDay: number;
	/** Reviews of review-state facts per study day. */
	reviewsPerDay: number;
	/** FSRS target probability of recall, 0.80..0.97. */
	desiredRetention: number;
	/** Local hour (0..23) at which a study day begins. */
	dayStartHour: number;
	/** Longest interval FSRS may give, in days (1..36500). */
	maximumInterval: number;
	/** Whether a review's due day moves, within FSRS's fuzz range, to the lightest day. */
	loadBalance: boolean;
	/** Decks that use their own desired retention instead of the global one. */
	deckRetention: readonly DeckRetention[];
	/** FSRS-6 parameters fitted to the learner's reviews; FSRS's defaults when absent. */
	parameters?: readonly number[];
}

/** ts-fsrs's own longest interval (100 years), the default maximum. */
export const LONGEST_INTERVAL_DAYS = 36500;

/** At most this many decks carry their own retention (a bound on what a backup may hold). */
export const MAX_DECK_OVERRIDES = 1000;

export const DEFAULT_SETTINGS: StudySettings = {
	newPerDay: 20,
	reviewsPerDay: 200,
	desiredRetention: 0.9,
	dayStartHour: 4,
	maximumInterval: LONGEST_INTERVAL_DAYS,
	loadBalance: true,
	deckRetention: []
};

export type ValidationResult = { ok: true; value: StudySettings } | { ok: false; errors: string[] };

function checkInteger(value: unknown, name: string, min: number, max: number): string | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
		? null
		: `${name} must be a whole number from ${min} to ${max}`;
}

/** Whether `value` is a desired retention FSRS is asked for here (0.80..0.97). */
export function isRetention(value: unknown): value is number {
	// ts-fsrs quietly replaces a retention of 0 by its default, so the range is checked here.
	return typeof value === 'number' && Number.isFinite(value) && value >= 0.8 && value <= 0.97;
}

function checkDeckRetention(value: unknown): { value: DeckRetention[] } | { error: string } {
	const error = { error: 'deckRetention must list decks once each, with retentions 0.80 to 0.97' };
	if (!Array.isArray(value) || value.length > MAX_DECK_OVERRIDES) return error;
	const seen = new Set<string>();
	const out: DeckRetention[] = [];
	for (const entry of value as unknown[]) {
		if (typeof entry !== 'object' || entry === null) return error;
		const { deckId, desiredRetention } = entry as Record<string, unknown>;
		if (typeof deckId !== 'string' || deckId.length === 0 || deckId.length > 200) return error;
		if (seen.has(deckId) || !isRetention(desiredRetention)) return error;
		seen.add(deckId);
		out.push({ deckId, desiredRetention });
	}
	return { value: out };
}

/**
 * Checks study settings strictly. The four fields the first version had are required; the
 * maximum interval, load balancing and deck overrides take their defaults when absent (older
 * saved settings and backups lack them).
 */
export function validateSettings(input: unknown): ValidationResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return { ok: false, errors: ['settings must be an object'] };
	}
	const raw = input as Record<string, unknown>;
	const errors: string[] = [];
	const push = (error: string | null) => {
		if (error) errors.push(error);
	};
	push(checkInteger(raw.newPerDay, 'newPerDay', 0, 9999));
	push(checkInteger(raw.reviewsPerDay, 'reviewsPerDay', 0, 9999));
	push(checkInteger(raw.dayStartHour, 'dayStartHour', 0, 23));
	if (!isRetention(raw.desiredRetention)) {
		errors.push('desiredRetention must be a number from 0.80 to 0.97');
	}
	const maximumInterval = raw.maximumInterval ?? DEFAULT_SETTINGS.maximumInterval;
	push(checkInteger(maximumInterval, 'maximumInterval', 1, LONGEST_INTERVAL_DAYS));
	const loadBalance = raw.loadBalance ?? DEFAULT_SETTINGS.loadBalance;
	if (typeof loadBalance !== 'boolean') errors.push('loadBalance must be true or false');
	const deckRetention = checkDeckRetention(raw.deckRetention ?? []);
	if ('error' in deckRetention) errors.push(deckRetention.error);
	if (errors.length > 0 || 'error' in deckRetention) return { ok: false, errors };
	return {
		ok: true,
		value: {
			newPerDay: raw.newPerDay as number,
			reviewsPerDay: raw.reviewsPerDay as number,
			desiredRetention: raw.desiredRetention as number,
			dayStartHour: raw.dayStartHour as number,
			maximumInterval: maximumInterval as number,
			loadBalance: loadBalance as boolean,
			deckRetention: deckRetention.value
		}
	};
}

/** The desired retention that schedules `deckId`: its own override, else the global one. */
export function retentionForDeck(settings: StudySettings, deckId: string): number {
	return (
		settings.deckRetention.find((entry) => entry.deckId === deckId)?.desiredRetention ??
		settings.desiredRetention
	);
}

/** The settings that schedule one deck: the global ones with the deck's retention in place. */
export function settingsForDeck(settings: StudySettings, deckId: string): StudySettings {
	const desiredRetention = retentionForDeck(settings, deckId);
	return desiredRetention === settings.desiredRetention
		? settings
		: { ...settings, desiredRetention };
}

/**
 * The settings with `deckId`'s retention set to `retention`, or back to the global one for null
 * (the override is dropped).
 */
export function withDeckRetention(
	settings: StudySettings,
	deckId: string,
	retention: number | null
): StudySettings {
	const others = settings.deckRetention.filter((entry) => entry.deckId !== deckId);
	return {
		...settings,
		deckRetention:
			retention === null ? others : [...others, { deckId, desiredRetention: retention }]
	};
}
