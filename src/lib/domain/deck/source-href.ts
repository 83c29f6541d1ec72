/**
 * Where "See in source" and deck links lead: built-in decks have prerendered pages under
 * `/decks/<id>`, a learner's own decks (ids starting `my-`) live only in this browser and are
 * shown by client-only pages under `/my-decks/<id>`.
 */

/** Every user deck id starts with this, so links can tell user decks from built-in ones. */
export const USER_DECK_PREFIX = 'my-';

/** Whether a deck id names a learner's own deck (stored in this browser) rather than a built-in one. */
export function isUserDeckId(deckId: string): boolean {
	return deckId.startsWith(USER_DECK_PREFIX);
}

/** The page showing a fact's sentence highlighted in its source document. */
export function sourceHref(deckId: string, document: string, factId: string): string {
	const anchor = `#f-${encodeURIComponent(factId)}`;
	if (isUserDeckId(deckId)) return `/my-decks/${encodeURIComponent(deckId)}/source${anchor}`;
	return `/decks/${encodeURIComponent(deckId)}/sources/${encodeURIComponent(document)}${anchor}`;
}

/** The deck's own page (title, counts, study and quiz links). */
export function deckHref(deckId: string): string {
	return isUserDeckId(deckId)
		? `/my-decks/${encodeURIComponent(deckId)}`
		: `/decks/${encodeURIComponent(deckId)}`;
}
