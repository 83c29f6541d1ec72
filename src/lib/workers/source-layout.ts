/**
 * The source reader's layout of a learner's document, made in a worker (`source.worker.ts`):
 * parsing a 2 MB document takes seconds, which on the page's thread would freeze it.
 */
import type { SourceLayout } from '$lib/domain/deck/document';
import type { SourceMessage, SourceRequest } from '$lib/workers/source.worker';

/** Resolves with the layout, or rejects with the worker's reason. */
export function layoutInWorker(request: SourceRequest): Promise<SourceLayout> {
	const worker = new Worker(new URL('./source.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<SourceLayout>((resolve, reject) => {
		worker.addEventListener('message', (event: MessageEvent<SourceMessage>) => {
			if (event.data.ok) resolve(event.data.layout);
			else reject(new Error(event.data.message));
		});
		worker.addEventListener('error', (event) =>
			reject(new Error(event.message || 'the worker could not start'))
		);
		worker.postMessage(request);
	}).finally(() => worker.terminate());
}
