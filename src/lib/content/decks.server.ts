import { buildDeck, formatProblem } from '$lib/domain/deck/build-deck';
import { parseDocument, type ParsedDocument } from '$lib/domain/deck/document';
import type { Deck } from '$lib/domain/types';

// Read at build time: questions/<deck>/{deck.json,facts.json,*.txt}. Only prerendered loads and
// endpoints import this module, so the content never ships inside the client's JavaScript.
const metas = import.meta.glob<unknown>('/questions/*/deck.json', {
	eager: true,
	import: 'default'
});
const factFiles = import.meta.glob<unknown>('/questions/*/facts.json', {
	eager: true,
	import: 'default'
});
const texts = import.meta.glob<string>('/questions/*/*.txt', {
	eager: true,
	query: '?raw',
	import: 'default'
});

function folderOf(file: string): string {
	return file.split('/')[2];
}

function loadAll(): Map<string, Deck> {
	const decks = new Map<string, Deck>();
	for (const [file, meta] of Object.entries(metas).sort(([a], [b]) => a.localeCompare(b))) {
		const dir = folderOf(file);
		const documents: Record<string, string> = {};
		for (const [textFile, text] of Object.entries(texts)) {
			if (folderOf(textFile) === dir) {
				documents[textFile.split('/')[3].replace(/\.txt$/, '')] = text;
			}
		}
		const result = buildDeck({
			dir,
			meta,
			facts: factFiles[`/questions/${dir}/facts.json`] ?? [],
			documents
		});
		if (!result.ok) {
			throw new Error(
				`The deck in questions/${dir} is invalid (run npm run questions):\n` +
					result.errors.map(formatProblem).join('\n')
			);
		}
		decks.set(result.deck.id, result.deck);
	}
	return decks;
}

let cache: Map<string, Deck> | null = null;

/** Every built-in deck, generated once per build. */
export function allDecks(): Deck[] {
	cache ??= loadAll();
	return [...cache.values()];
}

export function getDeck(deckId: string): Deck | undefined {
	return allDecks().find((deck) => deck.id === deckId);
}

/** A source document's text and its parsed blocks. */
export function getSource(
	deckId: string,
	sourceId: string
): { text: string; parsed: ParsedDocument } | undefined {
	const text = texts[`/questions/${deckId}/${sourceId}.txt`];
	if (text === undefined || !getDeck(deckId)?.sources.some((s) => s.id === sourceId))
		return undefined;
	return { text, parsed: parseDocument(text) };
}
