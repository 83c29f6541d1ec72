/**
 * Reads one of the learner's decks in the deck-edit worker, which sends it in parts
 * (`deck-transfer.ts`): a 2 MB row read on the page's thread is one task of a second or more on
 * a slow machine, and so is one message with the whole deck.
 */
import type { UserDeckRow } from '$lib/domain/types';
import type { DeckEditMessage, DeckEditRequest } from '$lib/workers/deck-edit-handler';
import { DeckCollector } from '$lib/workers/deck-transfer';

/** The row (with its documents only when asked), or undefined when this browser has none. */
export function readUserDeckInWorker(
	dbName: string,
	deckId: string,
	withDocuments = false
): Promise<UserDeckRow | undefined> {
	const worker = new Worker(new URL('./deck-edit.worker.ts', import.meta.url), { type: 'module' });
	const collector = new DeckCollector();
	return new Promise<UserDeckRow | undefined>((resolve, reject) => {
		worker.addEventListener('message', (event: MessageEvent<DeckEditMessage>) => {
			const message = event.data;
			if (message.kind === 'deck-part') return collector.add(message);
			if (message.kind !== 'read') return reject(new Error(describe(message)));
			if (!message.row) return resolve(undefined);
			const { head, ...row } = message.row;
			resolve({ ...row, deck: collector.finish(head) });
		});
		worker.addEventListener('error', (event) =>
			reject(new Error(event.message || 'the worker could not start'))
		);
		worker.postMessage({ kind: 'read', dbName, deckId, withDocuments } satisfies DeckEditRequest);
	}).finally(() => worker.terminate());
}

function describe(message: DeckEditMessage): string {
	return message.kind === 'error' ? message.message : `unexpected answer ${message.kind}`;
}
