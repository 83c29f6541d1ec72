/**
 * Settings → Scheduling's rules: the maximum interval as typed, the retentions a deck may choose
 * and the words for each; the ranges themselves stay validateSettings's.
 */
import { LONGEST_INTERVAL_DAYS, type DeckRetention } from '$lib/domain/study/study-settings';

/** The retentions offered for a deck (0.80 to 0.97 by 0.01), as the select's values. */
export const RETENTION_CHOICES: readonly string[] = Array.from({ length: 18 }, (_, i) =>
	(0.8 + i / 100).toFixed(2)
);

export type MaximumIntervalResult = { ok: true; value: number } | { ok: false; error: string };

/** Reads the maximum interval field (whole days, 1 to 36500). */
export function parseMaximumInterval(text: string): MaximumIntervalResult {
	const trimmed = text.trim();
	const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
	if (Number.isInteger(value) && value >= 1 && value <= LONGEST_INTERVAL_DAYS)
		return { ok: true, value };
	return {
		ok: false,
		error: `The maximum interval must be a whole number of days from 1 to ${LONGEST_INTERVAL_DAYS}.`
	};
}

/** One deck's row on the form: '' means "use the global retention". */
export interface DeckRetentionChoice {
	deckId: string;
	title: string;
	choice: string;
}

/** The form's rows for `decks`, each showing its saved override or the global default. */
export function deckChoices(
	decks: ReadonlyArray<{ id: string; title: string }>,
	saved: readonly DeckRetention[]
): DeckRetentionChoice[] {
	return decks.map((deck) => {
		const own = saved.find((entry) => entry.deckId === deck.id);
		return {
			deckId: deck.id,
			title: deck.title,
			choice: own ? own.desiredRetention.toFixed(2) : ''
		};
	});
}

/**
 * The overrides the rows say, keeping saved overrides of decks not listed (a deck of your own
 * on another device, say) so saving here never drops them.
 */
export function overridesFromChoices(
	rows: readonly DeckRetentionChoice[],
	saved: readonly DeckRetention[]
): DeckRetention[] {
	const listed = new Set(rows.map((row) => row.deckId));
	return [
		...saved.filter((entry) => !listed.has(entry.deckId)),
		...rows
			.filter((row) => row.choice !== '')
			.map((row) => ({ deckId: row.deckId, desiredRetention: Number(row.choice) }))
	];
}
