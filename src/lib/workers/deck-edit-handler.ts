/**
 * What the deck-edit worker does: parse a document for selections and check a whole deck before
 * it is saved, both seconds of work on a 2 MB document. Apart from the worker itself so a unit
 * test can run it, and apart from extraction so this worker starts fast (no NLP in its bundle).
 */
import { parseDocument, type ParsedDocument } from '$lib/domain/extract/sentences';
import { finishDeck, type EditResult } from '$lib/domain/deck/deck-edit';
import type { Deck } from '$lib/domain/types';

export type DeckEditRequest =
	| { kind: 'parse'; text: string }
	| { kind: 'finish'; deck: Deck; documents: Record<string, string>; title: string };

export type DeckEditMessage =
	| { kind: 'parsed'; parsed: ParsedDocument }
	| { kind: 'finished'; result: EditResult<Deck> }
	| { kind: 'error'; message: string };

/** Answers one request through `send`. */
export function handleDeckEditRequest(
	request: DeckEditRequest,
	send: (message: DeckEditMessage) => void
): void {
	try {
		if (request.kind === 'parse') send({ kind: 'parsed', parsed: parseDocument(request.text) });
		else
			send({
				kind: 'finished',
				result: finishDeck(request.deck, request.documents, request.title)
			});
	} catch (error) {
		send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}
