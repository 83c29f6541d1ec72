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
// Each released version's items, kept so a link made from an older version still finds the
// questions its teacher chose (`npm run questions -- release` writes them).
const releasedFiles = import.meta.glob<unknown>('/questions/*/released/v*.json', {
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

/** The items of one released version of a deck, as served under /decks/<id>/versions/. */
export interface ReleasedItems {
	id: string;
	version: number;
	items: Deck['items'];
}

function releasedFile(deckId: string, version: number): ReleasedItems | undefined {
	const file = releasedFiles[`/questions/${deckId}/released/v${version}.json`];
	if (typeof file !== 'object' || file === null) return undefined;
	const value = file as Partial<ReleasedItems>;
	if (value.id !== deckId || value.version !== version || !Array.isArray(value.items)) {
		throw new Error(`questions/${deckId}/released/v${version}.json is not that version's items`);
	}
	return value as ReleasedItems;
}

/**
 * Every version of every deck whose items are served: each kept release, and the current one
 * (its kept file when there is one, since that is what links of that version named).
 */
export function releasedVersions(): { deckId: string; version: number }[] {
	const found = new Set<string>();
	for (const file of Object.keys(releasedFiles)) {
		const match = /^\/questions\/([^/]+)\/released\/v(\d+)\.json$/.exec(file);
		if (match && getDeck(match[1])) found.add(`${match[1]}/${Number(match[2])}`);
	}
	for (const deck of allDecks()) found.add(`${deck.id}/${deck.version}`);
	return [...found].sort().map((key) => {
		const [deckId, version] = key.split('/');
		return { deckId, version: Number(version) };
	});
}

export function getReleasedItems(deckId: string, version: number): ReleasedItems | undefined {
	const kept = releasedFile(deckId, version);
	if (kept) return kept;
	const deck = getDeck(deckId);
	return deck && deck.version === version
		? { id: deck.id, version: deck.version, items: deck.items }
		: undefined;
}
