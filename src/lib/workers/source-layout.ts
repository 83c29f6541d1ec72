/**
 * The source reader's layout of a learner's document, made in a worker (`source.worker.ts`)
 * from the deck's row, which the worker reads itself: reading and parsing a 2 MB document on
 * the page's thread would freeze it.
 */
import type { SourceLayout, Section } from '$lib/domain/deck/document';
import type { SourceMessage, SourceRequest } from '$lib/workers/source.worker';

/** A deck's document laid out, or what there is instead. */
export type SourceReading =
	| ({ kind: 'laid-out'; deckTitle: string; title: string } & SourceLayout)
	| { kind: 'missing'; deckTitle?: string };

/** Resolves with the layout (or that there is none), or rejects with the worker's reason. */
export function layoutInWorker(request: SourceRequest): Promise<SourceReading> {
	const worker = new Worker(new URL('./source.worker.ts', import.meta.url), { type: 'module' });
	const sections: Section[] = [];
	return new Promise<SourceReading>((resolve, reject) => {
		worker.addEventListener('message', (event: MessageEvent<SourceMessage>) => {
			const message = event.data;
			if (message.kind === 'sections')
				for (const section of message.sections) sections.push(section);
			else if (message.kind === 'laid-out') resolve({ ...message, sections });
			else if (message.kind === 'missing') resolve(message);
			else reject(new Error(message.message));
		});
		worker.addEventListener('error', (event) =>
			reject(new Error(event.message || 'the worker could not start'))
		);
		worker.postMessage(request);
	}).finally(() => worker.terminate());
}
