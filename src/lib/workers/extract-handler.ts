/**
 * What the extraction worker does, apart from the worker itself so a unit test can run it: make
 * a deck from a document (loading compromise lazily), parse a document for selections, and check
 * a whole deck before it is saved. Each is seconds of work on a 2 MB document, so none of them
 * runs on the page's thread.
 */
import { loadNlp } from '$lib/domain/extract/nlp';
import { parseDocument, type ParsedDocument } from '$lib/domain/extract/sentences';
import { finishDeck, type EditResult } from '$lib/domain/deck/deck-edit';
import {
	deckFromDocument,
	type DeckFromDocumentResult,
	type DeckPhase
} from '$lib/domain/deck/user-deck';
import type { Deck } from '$lib/domain/types';

export type ExtractRequest =
	| {
			kind: 'extract';
			text: string;
			title: string;
			fileName: string;
			/** The file's size in bytes when it came from a file (checked before reading). */
			byteSize?: number;
	  }
	| { kind: 'parse'; text: string }
	| { kind: 'finish'; deck: Deck; documents: Record<string, string>; title: string };

export type ExtractMessage =
	| { kind: 'progress'; phase: DeckPhase | 'loading'; share: number }
	| { kind: 'done'; result: DeckFromDocumentResult; parsed: ParsedDocument | null }
	| { kind: 'parsed'; parsed: ParsedDocument }
	| { kind: 'finished'; result: EditResult<Deck> }
	| { kind: 'error'; message: string };

/** Progress is posted at most once per percent: thousands of messages would slow the page. */
const STEP = 0.01;

/** Runs one request, posting its progress and its answer through `send`. */
export async function handleExtractRequest(
	request: ExtractRequest,
	send: (message: ExtractMessage) => void
): Promise<void> {
	try {
		if (request.kind === 'parse') {
			send({ kind: 'parsed', parsed: parseDocument(request.text) });
			return;
		}
		if (request.kind === 'finish') {
			send({
				kind: 'finished',
				result: finishDeck(request.deck, request.documents, request.title)
			});
			return;
		}
		send({ kind: 'progress', phase: 'loading', share: 0 });
		const nlp = await loadNlp();
		let posted = -1;
		const result = deckFromDocument(request.text, {
			title: request.title,
			fileName: request.fileName,
			byteSize: request.byteSize,
			nlp,
			onProgress: ({ phase, share }) => {
				if (share - posted < STEP && share < 1) return;
				posted = share;
				send({ kind: 'progress', phase, share });
			}
		});
		// The page needs the sentences for selections: parsed here, not on its own thread.
		const text = result.ok ? Object.values(result.documents)[0] : undefined;
		send({ kind: 'done', result, parsed: text === undefined ? null : parseDocument(text) });
	} catch (error) {
		send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}
