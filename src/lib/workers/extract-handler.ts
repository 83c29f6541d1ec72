/**
 * What the extraction worker does, apart from the worker itself so a unit test can run it: make
 * a deck from a document (loading compromise lazily), with the document's sentences for
 * selections. Seconds of work on a long document, so never on the page's thread. Requests of
 * the deck-edit worker are answered here too, so one in-thread fake can stand for both.
 */
import { loadNlp } from '$lib/domain/extract/nlp';
import { parseDocument, type ParsedDocument } from '$lib/domain/extract/sentences';
import {
	deckFromDocument,
	type DeckFromDocumentResult,
	type DeckPhase
} from '$lib/domain/deck/user-deck';
import {
	createDeckEditHandler,
	type DeckEditMessage,
	type DeckEditRequest
} from '$lib/workers/deck-edit-handler';

export type ExtractRequest =
	| {
			kind: 'extract';
			text: string;
			title: string;
			fileName: string;
			/** The file's size in bytes when it came from a file (checked before reading). */
			byteSize?: number;
	  }
	| DeckEditRequest;

export type ExtractMessage =
	| { kind: 'progress'; phase: DeckPhase | 'loading'; share: number }
	| { kind: 'done'; result: DeckFromDocumentResult; parsed: ParsedDocument | null }
	| DeckEditMessage;

/** Progress is posted at most once per percent: thousands of messages would slow the page. */
const STEP = 0.01;

/**
 * A handler for one worker's requests: each runs, posting its progress and its answer through
 * `send` (a deck sent in parts is kept between requests, so each worker makes its own).
 */
export function createExtractHandler(): (
	request: ExtractRequest,
	send: (message: ExtractMessage) => void
) => Promise<void> {
	const handleDeckEdit = createDeckEditHandler();
	return (request, send) =>
		request.kind === 'extract' ? extract(request, send) : handleDeckEdit(request, send);
}

async function extract(
	request: Extract<ExtractRequest, { kind: 'extract' }>,
	send: (message: ExtractMessage) => void
): Promise<void> {
	try {
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
