/**
 * Makes a deck from a document off the main thread: compromise and the extraction take seconds
 * on a long document (about 30 s for 50,000 words), and the page must stay usable meanwhile.
 * It loads compromise itself (a chunk of its own) and posts progress as it goes. It also parses
 * a saved deck's document and checks and saves a whole deck (`extract-handler.ts`).
 */
import { createExtractHandler, type ExtractRequest } from '$lib/workers/extract-handler';

export type { ExtractMessage, ExtractRequest } from '$lib/workers/extract-handler';

const handle = createExtractHandler();
addEventListener('message', (event: MessageEvent<ExtractRequest>) =>
	handle(event.data, (message) => postMessage(message))
);
