/**
 * The deck as data, fetched in the browser from its prerendered JSON (`/decks/<id>.json`), which
 * the service worker caches for offline use; a learner's own decks (`my-…`) are read from
 * IndexedDB instead. One loader, so study and quiz read decks alike.
 */
import type { FactdeckDB, UserDeckRow } from '$lib/db/schema';
import { LearnerFacingError } from '$lib/domain/errors';
import { isUserDeckId } from '$lib/domain/deck/source-href';
import type { Deck } from '$lib/domain/types';

/** Raised when a deck cannot be loaded; `message` is written for the learner. */
export class DeckLoadError extends LearnerFacingError {
	constructor(
		message: string,
		/** True when there is no such deck (HTTP 404, or no such row). */
		readonly isMissing = false,
		kind: 'missing-deck' | 'damaged' | 'offline' = isMissing ? 'missing-deck' : 'damaged'
	) {
		super(kind, message);
		this.name = 'DeckLoadError';
	}
}

const cache = new Map<string, Promise<Deck>>();

function isDeck(value: unknown): value is Deck {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		typeof v.id === 'string' &&
		typeof v.title === 'string' &&
		Array.isArray(v.topics) &&
		Array.isArray(v.sources) &&
		Array.isArray(v.facts) &&
		Array.isArray(v.items)
	);
}

async function fetchDeck(deckId: string, fetchFn: typeof fetch): Promise<Deck> {
	let response: Response;
	try {
		response = await fetchFn(`/decks/${encodeURIComponent(deckId)}.json`);
	} catch {
		throw new DeckLoadError(
			'The deck could not be downloaded. Check your connection and reload.',
			false,
			'offline'
		);
	}
	if (response.status === 404) throw new DeckLoadError(`There is no deck “${deckId}”.`, true);
	if (!response.ok) {
		throw new DeckLoadError(`The deck could not be loaded (HTTP ${response.status}).`);
	}
	const data: unknown = await response.json().catch(() => null);
	if (!isDeck(data) || data.id !== deckId) {
		throw new DeckLoadError('The deck file is damaged: it is not a Factdeck deck.');
	}
	return data;
}

async function readUserDeck(db: (() => FactdeckDB) | undefined, deckId: string): Promise<Deck> {
	let row: UserDeckRow | undefined;
	let userDeckRowProblem: typeof import('$lib/domain/deck/damaged-row').userDeckRowProblem;
	try {
		// Only a deck of the learner's own needs the database and this repository: the built-in
		// decks skip them, so a page that loads one carries no Dexie for it.
		const [{ getUserDeck }, database, check] = await Promise.all([
			import('$lib/db/user-decks-repository'),
			db ? { getDb: db } : import('$lib/db/database'),
			import('$lib/domain/deck/damaged-row')
		]);
		userDeckRowProblem = check.userDeckRowProblem;
		row = await getUserDeck(database.getDb(), deckId);
	} catch {
		throw new DeckLoadError('Your deck could not be read from this browser’s storage.');
	}
	if (!row) {
		throw new DeckLoadError(
			`There is no deck “${deckId}” in this browser. Your own decks are kept only on the device where you made them.`,
			true
		);
	}
	const damage = userDeckRowProblem(row);
	if (damage || !isDeck(row.deck)) {
		throw new DeckLoadError(
			`This deck is damaged in this browser’s storage${damage ? ` (${damage.problem})` : ''}. Remove or repair it in Settings → Check the data.`
		);
	}
	return row.deck;
}

/**
 * Loads a deck by id (a built-in deck once per page life, a failed load retried on the next
 * call; a user deck fresh from IndexedDB each time, since it can be edited or deleted).
 */
export function loadDeck(
	deckId: string,
	fetchFn: typeof fetch = fetch,
	/** The database, for a deck of the learner's own (by default the app's, imported then). */
	db?: () => FactdeckDB
): Promise<Deck> {
	if (isUserDeckId(deckId)) return readUserDeck(db, deckId);
	let pending = cache.get(deckId);
	if (!pending) {
		pending = fetchDeck(deckId, fetchFn);
		cache.set(deckId, pending);
		pending.catch(() => cache.delete(deckId));
	}
	return pending;
}

/**
 * The items of one released version of a built-in deck (`/decks/<id>/versions/<v>.json`), for
 * an assignment link made before the deck's current version. Rejects when that version is not
 * kept or cannot be fetched; the items are checked by the assignment's own schema after.
 */
export async function loadDeckVersion(
	deckId: string,
	version: number,
	fetchFn: typeof fetch = fetch
): Promise<Pick<Deck, 'version' | 'items'>> {
	if (isUserDeckId(deckId)) throw new DeckLoadError('A deck of your own keeps no old versions.');
	let response: Response;
	try {
		response = await fetchFn(
			`/decks/${encodeURIComponent(deckId)}/versions/${encodeURIComponent(String(version))}.json`
		);
	} catch {
		throw new DeckLoadError(
			'The deck could not be downloaded. Check your connection.',
			false,
			'offline'
		);
	}
	if (!response.ok) {
		throw new DeckLoadError(`Version ${version} of the deck “${deckId}” is not kept.`, true);
	}
	const data: unknown = await response.json().catch(() => null);
	const value = data as { id?: unknown; version?: unknown; items?: unknown } | null;
	if (!value || value.id !== deckId || value.version !== version || !Array.isArray(value.items)) {
		throw new DeckLoadError('The deck version file is damaged: it is not that version’s items.');
	}
	return { version, items: value.items as Deck['items'] };
}
