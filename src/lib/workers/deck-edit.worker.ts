/**
 * Parses a draft's document and checks a whole deck before saving, off the main thread
 * (`deck-edit-handler.ts`); a small bundle, so it starts at once.
 */
import { handleDeckEditRequest, type DeckEditRequest } from '$lib/workers/deck-edit-handler';

addEventListener('message', (event: MessageEvent<DeckEditRequest>) =>
	handleDeckEditRequest(event.data, (message) => postMessage(message))
);
