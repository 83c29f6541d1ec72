/**
 * Lays out a learner's document for the source reader off the main thread: it reads the deck's
 * row itself (a 2 MB row read on the page's thread is a long task), parses the document (seconds
 * on a 2 MB one) and sends the layout back in parts, so no message is long to take in either.
 */
import { parseDocument, sourceLayout, type Section } from '$lib/domain/deck/document';
import { FactdeckDB } from '$lib/db/schema';
import { getUserDeck } from '$lib/db/user-decks-repository';

export interface SourceRequest {
	/** The database to read (the app's). */
	dbName: string;
	deckId: string;
}

/** Sections per message. */
const SECTIONS_PER_PART = 200;

export type SourceMessage =
	| { kind: 'sections'; sections: Section[] }
	/** The last message: the layout's other parts (after every `sections` message). */
	| {
			kind: 'laid-out';
			deckTitle: string;
			title: string;
			references: { n: number; text: string }[];
			anchors: Record<number, string[]>;
	  }
	/** No such deck, or a deck saved without its document (`deckTitle` then). */
	| { kind: 'missing'; deckTitle?: string }
	| { kind: 'error'; message: string };

async function layOut({ dbName, deckId }: SourceRequest): Promise<void> {
	const db = new FactdeckDB(dbName);
	let row;
	try {
		row = await getUserDeck(db, deckId);
	} finally {
		db.close();
	}
	if (!row) return postMessage({ kind: 'missing' } satisfies SourceMessage);
	const source = row.deck.sources[0];
	const text = source ? row.documents?.[source.id] : undefined;
	if (!source || text === undefined)
		return postMessage({ kind: 'missing', deckTitle: row.deck.title } satisfies SourceMessage);
	const facts = row.deck.facts.map(({ id, document, quote }) => ({ id, document, quote }));
	const layout = sourceLayout(parseDocument(text), text, source.id, facts);
	for (let at = 0; at < layout.sections.length; at += SECTIONS_PER_PART)
		postMessage({
			kind: 'sections',
			sections: layout.sections.slice(at, at + SECTIONS_PER_PART)
		} satisfies SourceMessage);
	postMessage({
		kind: 'laid-out',
		deckTitle: row.deck.title,
		title: source.title,
		references: layout.references,
		anchors: layout.anchors
	} satisfies SourceMessage);
}

addEventListener('message', (event: MessageEvent<SourceRequest>) =>
	layOut(event.data).catch((error: unknown) =>
		postMessage({
			kind: 'error',
			message: error instanceof Error ? error.message : String(error)
		} satisfies SourceMessage)
	)
);
