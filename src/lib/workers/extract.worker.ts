/**
 * Makes a deck from a document off the main thread: compromise and the extraction take seconds
 * on a long document (about 30 s for 50,000 words), and the page must stay usable meanwhile.
 * It loads compromise itself (a chunk of its own) and posts progress as it goes.
 */
import { loadNlp } from '$lib/domain/extract/nlp';
import {
	deckFromDocument,
	type DeckFromDocumentResult,
	type DeckPhase
} from '$lib/domain/deck/user-deck';

export interface ExtractRequest {
	text: string;
	title: string;
	fileName: string;
	/** The file's size in bytes when it came from a file (checked before reading). */
	byteSize?: number;
}

export type ExtractMessage =
	| { kind: 'progress'; phase: DeckPhase | 'loading'; share: number }
	| { kind: 'done'; result: DeckFromDocumentResult }
	| { kind: 'error'; message: string };

/** Progress is posted at most once per percent: thousands of messages would slow the page. */
const STEP = 0.01;

addEventListener('message', async (event: MessageEvent<ExtractRequest>) => {
	const send = (message: ExtractMessage) => postMessage(message);
	try {
		send({ kind: 'progress', phase: 'loading', share: 0 });
		const nlp = await loadNlp();
		let posted = -1;
		const result = deckFromDocument(event.data.text, {
			title: event.data.title,
			fileName: event.data.fileName,
			byteSize: event.data.byteSize,
			nlp,
			onProgress: ({ phase, share }) => {
				if (share - posted < STEP && share < 1) return;
				posted = share;
				send({ kind: 'progress', phase, share });
			}
		});
		send({ kind: 'done', result });
	} catch (error) {
		send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
	}
});
