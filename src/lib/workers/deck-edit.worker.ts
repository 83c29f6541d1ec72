/**
 * Parses a draft's document, checks and saves a whole deck, and reads a saved one, off the main
 * thread (`deck-edit-handler.ts`); a small bundle, so it starts at once.
 */
import { createDeckEditHandler, type DeckEditRequest } from '$lib/workers/deck-edit-handler';

const handle = createDeckEditHandler();
addEventListener('message', (event: MessageEvent<DeckEditRequest>) =>
	handle(event.data, (message) => postMessage(message))
);
