/**
 * Lays out a learner's document for the source reader off the main thread: parsing a 2 MB
 * document takes seconds, and the reader's page must not freeze meanwhile.
 */
import { parseDocument, sourceLayout, type SourceLayout } from '$lib/domain/deck/document';

export interface SourceRequest {
	text: string;
	sourceId: string;
	facts: { id: string; document: string; quote: string }[];
}

export type SourceMessage = { ok: true; layout: SourceLayout } | { ok: false; message: string };

addEventListener('message', (event: MessageEvent<SourceRequest>) => {
	const { text, sourceId, facts } = event.data;
	try {
		const layout = sourceLayout(parseDocument(text), text, sourceId, facts);
		postMessage({ ok: true, layout } satisfies SourceMessage);
	} catch (error) {
		postMessage({
			ok: false,
			message: error instanceof Error ? error.message : String(error)
		} satisfies SourceMessage);
	}
});
