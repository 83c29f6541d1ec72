import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDeck } from '$fixtures/study-deck';
import { FactdeckDB } from '$lib/db/schema';
import { saveUserDeck } from '$lib/db/user-decks-repository';
import { classifyError, describeError } from '$lib/domain/errors';
import { DeckLoadError, loadDeck, loadDeckVersion } from '$lib/state/deck-loader';

let db: FactdeckDB;

beforeEach(() => {
	db = new FactdeckDB(`loader-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
	await db.delete();
});

/** A fetch that answers every request with `body` and `status`, and counts the requests. */
function fakeFetch(body: unknown, status = 200) {
	const calls: string[] = [];
	const fetchFn = (async (url: string) => {
		calls.push(url);
		return new Response(JSON.stringify(body), { status });
	}) as typeof fetch;
	return { fetchFn, calls };
}

/** A built-in deck id no other test uses, since built-in decks are cached per page life. */
const uniqueId = () => `deck-${Math.random().toString(36).slice(2)}`;

describe('loadDeck', () => {
	it('fetches a built-in deck from its JSON once per page life', async () => {
		const id = uniqueId();
		const { fetchFn, calls } = fakeFetch(fixtureDeck(2, id));
		const deck = await loadDeck(id, fetchFn, () => db);
		expect(deck.facts.map((f) => f.id)).toEqual(['f1', 'f2']);
		await loadDeck(id, fetchFn, () => db);
		expect(calls).toEqual([`/decks/${id}.json`]);
	});

	it('says a missing deck is missing, a damaged one damaged, and no network offline', async () => {
		const missing = await loadDeck(uniqueId(), fakeFetch({}, 404).fetchFn).catch((e) => e);
		expect(missing).toBeInstanceOf(DeckLoadError);
		expect(missing.isMissing).toBe(true);
		expect(classifyError(missing)).toBe('missing-deck');
		expect(describeError(missing)).toMatch(/^There is no deck/);

		const id = uniqueId();
		const damaged = await loadDeck(id, fakeFetch({ id, title: 'x' }).fetchFn).catch((e) => e);
		expect(classifyError(damaged)).toBe('damaged');

		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		const error = await loadDeck(uniqueId(), offline).catch((e) => e);
		expect(classifyError(error)).toBe('offline');
		expect(describeError(error)).toMatch(/Check your connection/);
	});

	it('retries a built-in deck whose load failed', async () => {
		const id = uniqueId();
		await loadDeck(id, fakeFetch({}, 500).fetchFn).catch(() => undefined);
		const deck = await loadDeck(id, fakeFetch(fixtureDeck(1, id)).fetchFn);
		expect(deck.id).toBe(id);
	});

	it('reads the learner’s own deck from storage each time, and says when it is not here', async () => {
		const { fetchFn, calls } = fakeFetch({});
		await saveUserDeck(db, fixtureDeck(1, 'my-notes'), {}, 1_000);
		expect((await loadDeck('my-notes', fetchFn, () => db)).title).toBe('Fixture deck my-notes');
		const renamed = { ...fixtureDeck(1, 'my-notes'), title: 'Renamed' };
		await saveUserDeck(db, renamed, {}, 2_000);
		expect((await loadDeck('my-notes', fetchFn, () => db)).title).toBe('Renamed');
		const gone = await loadDeck('my-gone', fetchFn, () => db).catch((e) => e);
		expect(classifyError(gone)).toBe('missing-deck');
		expect(calls).toEqual([]);
	});
});

describe('loadDeckVersion', () => {
	it('fetches the items of one released version from its own path', async () => {
		const deck = fixtureDeck(2, 'kosovo');
		const { fetchFn, calls } = fakeFetch({ id: 'kosovo', version: 1, items: deck.items });
		const released = await loadDeckVersion('kosovo', 1, fetchFn);
		expect(released).toEqual({ version: 1, items: deck.items });
		expect(calls).toEqual(['/decks/kosovo/versions/1.json']);
	});

	it('rejects a version that is not kept, a file of another version, and a user deck', async () => {
		await expect(loadDeckVersion('kosovo', 9, fakeFetch({}, 404).fetchFn)).rejects.toThrow(
			'Version 9 of the deck “kosovo” is not kept.'
		);
		const other = fakeFetch({ id: 'kosovo', version: 2, items: [] }).fetchFn;
		await expect(loadDeckVersion('kosovo', 1, other)).rejects.toBeInstanceOf(DeckLoadError);
		await expect(loadDeckVersion('my-deck', 1, fakeFetch({}).fetchFn)).rejects.toBeInstanceOf(
			DeckLoadError
		);
	});
});
