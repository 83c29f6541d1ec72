/**
 * Makes a deck from a document off the main thread: compromise and the extraction take seconds
 * on a long document (about 30 s for 50,000 words), and the page must stay usable meanwhile.
 * It loads compromise itself (a chunk of its own) and posts progress as it goes. It also parses
 * a saved deck's document and checks a whole deck before saving (`extract-handler.ts`).
 */
import { handleExtractRequest, type ExtractRequest } from '$lib/workers/extract-handler';

export type { ExtractMessage, ExtractRequest } from '$lib/workers/extract-handler';

addEventListener('message', (event: MessageEvent<ExtractRequest>) =>
	handleExtractRequest(event.data, (message) => postMessage(message))
);
