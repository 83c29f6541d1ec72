/**
 * What the deck-edit worker does: parse a document for selections, check a whole deck and save
 * it, and read a saved deck, all seconds of work on a 2 MB document. The worker writes and reads
 * IndexedDB itself (the same schema, `db/schema.ts`), so a big deck is never cloned whole on the
 * page's thread: it crosses in parts (`deck-transfer.ts`). Apart from the worker itself so a unit
 * test can run it, and apart from extraction so this worker starts fast (no NLP in its bundle).
 */
import { parseDocument, type ParsedDocument } from '$lib/domain/extract/sentences';
import { finishDeck, type EditResult } from '$lib/domain/deck/deck-edit';
import type { Deck, Topic } from '$lib/domain/types';
import { FactdeckDB } from '$lib/db/schema';
import { getUserDeck, saveUserDeck } from '$lib/db/user-decks-repository';
import { DeckCollector, splitDeck, type DeckHead, type DeckPart } from '$lib/workers/deck-transfer';

export type DeckEditRequest =
	| { kind: 'parse'; text: string }
	| { kind: 'finish'; deck: Deck; documents: Record<string, string>; title: string }
	/** A part of the deck the next `save` request saves. */
	| DeckPart
	| {
			kind: 'save';
			/** The database to write (the app's, or a test's own). */
			dbName: string;
			head: DeckHead;
			documents: Record<string, string>;
			title: string;
			version: number;
			removedFactIds: string[];
			/** Epoch ms. */
			now: number;
	  }
	| { kind: 'read'; dbName: string; deckId: string; withDocuments: boolean };

export type DeckEditMessage =
	| { kind: 'parsed'; parsed: ParsedDocument }
	| { kind: 'finished'; result: EditResult<Deck> }
	/** Saved: what the check changed on the deck sent (its title cleaned, unused topics gone). */
	| { kind: 'saved'; title: string; topics: Topic[] }
	/** A part of the deck being read; `read` follows the last. */
	| DeckPart
	| {
			kind: 'read';
			row: {
				id: string;
				createdAt: number;
				updatedAt: number;
				head: DeckHead;
				documents?: Record<string, string>;
			} | null;
	  }
	| { kind: 'error'; message: string };

type Send = (message: DeckEditMessage) => void;

/**
 * A handler for one worker's requests; it keeps the parts of a deck between requests, so each
 * worker (or in-thread fake) makes its own.
 */
export function createDeckEditHandler(): (request: DeckEditRequest, send: Send) => Promise<void> {
	const collector = new DeckCollector();
	return async (request, send) => {
		try {
			if (request.kind === 'parse') send({ kind: 'parsed', parsed: parseDocument(request.text) });
			else if (request.kind === 'finish')
				send({
					kind: 'finished',
					result: finishDeck(request.deck, request.documents, request.title)
				});
			else if (request.kind === 'deck-part') collector.add(request);
			else if (request.kind === 'save') await save(collector.finish(request.head), request, send);
			else await read(request, send);
		} catch (error) {
			send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
		}
	};
}

/** Checks the deck and, when it keeps every rule, saves it in one transaction. */
async function save(
	deck: Deck,
	request: Extract<DeckEditRequest, { kind: 'save' }>,
	send: Send
): Promise<void> {
	const result = finishDeck(deck, request.documents, request.title);
	if (!result.ok) return send({ kind: 'finished', result });
	const finished = { ...result.value, version: request.version };
	const db = new FactdeckDB(request.dbName);
	try {
		await saveUserDeck(db, finished, request.documents, request.now, request.removedFactIds);
	} finally {
		db.close();
	}
	send({ kind: 'saved', title: finished.title, topics: finished.topics });
}

/** Reads one saved deck and sends it in parts, then its head (null when there is none). */
async function read(
	request: Extract<DeckEditRequest, { kind: 'read' }>,
	send: Send
): Promise<void> {
	const db = new FactdeckDB(request.dbName);
	let row;
	try {
		row = await getUserDeck(db, request.deckId);
	} finally {
		db.close();
	}
	if (!row) return send({ kind: 'read', row: null });
	const { head, parts } = splitDeck(row.deck);
	for (const part of parts) send(part);
	send({
		kind: 'read',
		row: {
			id: row.id,
			createdAt: row.createdAt,
			updatedAt: row.updatedAt,
			head,
			...(request.withDocuments && row.documents ? { documents: row.documents } : {})
		}
	});
}
