/**
 * A deck from a learner's own document: validate the text, extract facts, then build the deck
 * through the same `buildDeck` as the curated decks, so a user deck obeys the same rules
 * (verbatim quotes, well-formed multiple choice, deterministic ids). Pure: the caller loads
 * compromise and passes it in; the same text and options always give the same deck.
 */
import type { Deck, DeckMeta, Fact, Topic } from '$lib/domain/types';
import { buildDeck } from '$lib/domain/deck/build-deck';
import type { Problem } from '$lib/domain/deck/validate';
import { hashString } from '$lib/domain/seeded-random';
import { extractFacts, NLP_WORD_BUDGET } from '$lib/domain/extract/extract-facts';
import { slugify } from '$lib/domain/extract/hash';
import type { Nlp } from '$lib/domain/extract/nlp';
import { parseDocument, type ParsedDocument } from '$lib/domain/extract/sentences';
import { validateDocumentText } from '$lib/domain/extract/validate';
import { USER_DECK_PREFIX } from '$lib/domain/deck/source-href';

/** The topic of sentences that come before any heading. */
export const GENERAL_TOPIC: Topic = { id: 'general', title: 'General' };

export type DeckPhase = 'analysing' | 'phrases' | 'building';

export interface DeckProgress {
	phase: DeckPhase;
	/** Share of the whole job done, 0..1. */
	share: number;
}

export interface DeckFromDocumentOptions {
	/** The deck's title; when blank, the file name or the first heading stands in. */
	title: string;
	/** The file the text came from ('' for pasted text): names the source. */
	fileName: string;
	/** The file's size in bytes, when known before reading; else measured from the text (UTF-8). */
	byteSize?: number;
	/** compromise, loaded by the caller (`loadNlp()`): adds noun-phrase questions. */
	nlp?: Nlp;
	onProgress?: (progress: DeckProgress) => void;
	/** Facts one deck holds at most (MAX_DOCUMENT_FACTS); a test passes fewer. */
	maxFacts?: number;
}

/**
 * Facts one deck made from a document holds at most: a fact-dense 1 MB text gives about 18,000
 * (with 56,000 questions), past what the deck schema allows at 2 MB and far past what a page can
 * save and read without freezing; 3,000 facts is the size the big-document browser test proves.
 */
export const MAX_DOCUMENT_FACTS = 3000;

/** Suggestions offered beside a deck at most (the editor lists them a few at a time). */
const MAX_SUGGESTIONS = 500;

export type DeckFromDocumentResult =
	| {
			ok: true;
			deck: Deck;
			/** source id -> the document text the quotes are verbatim spans of. */
			documents: Record<string, string>;
			/** Facts ranked below the deck's budget: offered in the editor, never in the deck. */
			suggestions: Fact[];
			warnings: string[];
	  }
	| { ok: false; error: string };

/** Facts that break a deck rule are left out and the deck rebuilt, at most this many times. */
const MAX_REBUILDS = 3;
const MAX_TITLE = 200;

/** A user deck id: `my-<title slug>-<hash of title and text>` (kebab-case, at most 64 chars). */
export function userDeckId(title: string, text: string): string {
	const slug = slugify(title, 40) || 'deck';
	return `${USER_DECK_PREFIX}${slug}-${hashString(`${title}\u0000${text}`)}`;
}

/** Names a key made from user text must never be: JavaScript gives them a meaning of their own. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A source id from a file name or title: its slug, but never a reserved key (a deck titled
 * "Constructor" once gave a documents record a `constructor` key that every backup refused).
 */
export function sourceIdFor(fileTitle: string, title: string): string {
	const slug = slugify(fileTitle, 40) || slugify(title, 40) || 'document';
	return RESERVED_KEYS.has(slug) ? `${slug}-document` : slug;
}

/** The file name without its folder and extension ("notes/Kosovo.md" -> "Kosovo"). */
export function baseName(fileName: string): string {
	return fileName
		.split(/[\\/]/)
		.pop()!
		.replace(/\.(?:txt|md|markdown|text)$/i, '')
		.trim();
}

/** A title for an untitled document: its opening heading, else its file name in words. */
export function defaultTitle(
	text: string,
	fileTitle: string,
	parsed: ParsedDocument = parseDocument(text)
): string {
	const { headings, sentences } = parsed;
	const first = headings[0];
	if (first && (sentences.length === 0 || first.start < sentences[0].start)) return first.text;
	const words = fileTitle.replace(/[-_]+/g, ' ').trim();
	return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'My deck';
}

/** The deck's topics: one per distinct heading slug that some fact uses, in document order. */
export function topicsFor(
	text: string,
	facts: readonly Fact[],
	parsed: ParsedDocument = parseDocument(text)
): Topic[] {
	const used = new Set(facts.map((fact) => fact.topic));
	const topics: Topic[] = used.has(GENERAL_TOPIC.id) ? [GENERAL_TOPIC] : [];
	const seen = new Set(topics.map((topic) => topic.id));
	for (const heading of parsed.headings) {
		if (seen.has(heading.slug) || !used.has(heading.slug)) continue;
		seen.add(heading.slug);
		topics.push({ id: heading.slug, title: clip(heading.text, MAX_TITLE) });
	}
	// A fact's topic always names a heading, but never leave one unlisted (buildDeck would refuse it).
	for (const id of used) {
		if (!seen.has(id)) topics.push({ id, title: id });
		seen.add(id);
	}
	return topics;
}

/**
 * Turns a plain-text or Markdown document into a deck, or says in a sentence why it cannot:
 * empty, binary, over 2 MB, or no sentence with anything to ask about.
 */
export function deckFromDocument(
	rawText: string,
	options: DeckFromDocumentOptions
): DeckFromDocumentResult {
	// Steps overlap (extraction reports its end after the noun phrases): never move backwards.
	let reached = 0;
	const report = (phase: DeckPhase, share: number) => {
		reached = Math.min(1, Math.max(reached, share));
		options.onProgress?.({ phase, share: reached });
	};
	const byteSize = options.byteSize ?? new TextEncoder().encode(rawText).length;
	const check = validateDocumentText(rawText, byteSize);
	if (!check.ok) return { ok: false, error: check.error };
	// Quotes must be verbatim spans of what is stored, and a browser's textarea only knows '\n'.
	const text = rawText.replace(/\r\n?/g, '\n');

	// Parsed once: the title, the extraction and the topics all read the same sentences.
	const parsed = parseDocument(text);
	const fileTitle = baseName(options.fileName);
	const title = clip(options.title.trim() || defaultTitle(text, fileTitle, parsed), MAX_TITLE);
	const documentId = sourceIdFor(fileTitle, title);
	const sourceTitle = clip(options.fileName.trim() || title, 300);

	const hasNlp = options.nlp !== undefined;
	const analysedShare = hasNlp ? 0.25 : 0.8;
	let nlp = options.nlp;
	if (nlp) {
		const words = Math.min(NLP_WORD_BUDGET, countWords(text));
		nlp = countingNlp(nlp, (done) =>
			report('phrases', analysedShare + (0.85 - analysedShare) * (done / words))
		);
	}
	report('analysing', 0);
	const extracted = extractFacts(text, {
		documentId,
		title,
		nlp,
		parsed,
		onProgress: (done, total) => report('analysing', analysedShare * (done / (total || 1)))
	});
	if (extracted.facts.length === 0) {
		return {
			ok: false,
			error:
				extracted.warnings[0] ??
				'No facts found: no sentence has a date, a number, a name or a defined acronym to ask about.'
		};
	}

	// A fact-dense document keeps its first facts (the deck is in document order), and says so.
	const maxFacts = options.maxFacts ?? MAX_DOCUMENT_FACTS;
	const isCut = extracted.facts.length > maxFacts;
	const facts = isCut ? extracted.facts.slice(0, maxFacts) : extracted.facts;
	const cutWarnings = isCut
		? [
				`This document has more facts than one deck can hold; the first ${maxFacts.toLocaleString('en')} were kept (of ${extracted.facts.length.toLocaleString('en')}).`
			]
		: [];

	report('building', 0.85);
	const documents = { [documentId]: text };
	const meta: DeckMeta = {
		id: userDeckId(title, text),
		title,
		description: `Questions made automatically from ${sourceTitle}.`,
		version: 1,
		topics: topicsFor(text, facts, parsed),
		sources: [{ id: documentId, title: sourceTitle }]
	};
	const built = buildWithoutBrokenFacts(meta, facts, documents);
	report('building', 1);
	if (!built.ok) return built;
	return {
		ok: true,
		deck: built.deck,
		documents,
		suggestions: extracted.suggestions.slice(0, MAX_SUGGESTIONS),
		warnings: [...cutWarnings, ...extracted.warnings, ...built.warnings]
	};
}

/**
 * buildDeck, repairing what automatic facts get wrong instead of refusing the deck: facts of one
 * sentence share it as their true statement, so only the first keeps its true/false items (the
 * rest would repeat the same "True" item); a fact that still breaks a rule is left out.
 */
function buildWithoutBrokenFacts(
	meta: DeckMeta,
	facts: Fact[],
	documents: Record<string, string>
): { ok: true; deck: Deck; warnings: string[] } | { ok: false; error: string } {
	let kept = facts;
	for (let attempt = 0; attempt <= MAX_REBUILDS; attempt++) {
		const topics = new Set(kept.map((fact) => fact.topic));
		const result = buildDeck(
			{
				dir: meta.id,
				meta: { ...meta, topics: meta.topics.filter((topic) => topics.has(topic.id)) },
				facts: kept,
				documents
			},
			{ isCompact: true }
		);
		if (result.ok) {
			const dropped = facts.length - kept.length;
			const warnings =
				dropped === 0
					? []
					: [
							`${dropped} automatic ${dropped === 1 ? 'fact was' : 'facts were'} left out because ${dropped === 1 ? 'it' : 'they'} broke a deck rule.`
						];
			return { ok: true, deck: result.deck, warnings };
		}
		if (result.errors.some((problem) => problem.factId === undefined)) break;
		kept = repaired(kept, result.errors);
		if (kept.length === 0) break;
	}
	return {
		ok: false,
		error: 'No usable facts: every question found in this document broke a deck rule.'
	};
}

/** The facts with the problems fixed where a fix keeps the fact true, else without those facts. */
function repaired(facts: Fact[], errors: readonly Problem[]): Fact[] {
	const repeatedTrue = new Set<string>();
	const broken = new Set<string>();
	for (const problem of errors) {
		if (!problem.factId) continue;
		const isRepeatedTrueFalse =
			problem.itemId?.startsWith('truefalse-') && problem.message.startsWith('duplicate item id');
		(isRepeatedTrueFalse ? repeatedTrue : broken).add(problem.factId);
	}
	const out: Fact[] = [];
	for (const fact of facts) {
		if (broken.has(fact.id)) continue;
		if (!repeatedTrue.has(fact.id)) out.push(fact);
		// A statement without the answer gives no true/false items (the generator's own rule).
		else if (!fact.question.includes(fact.answer)) out.push({ ...fact, statement: fact.question });
	}
	return out;
}

/** The NLP library, counting the words it is given so a progress bar can follow the slowest step. */
function countingNlp(nlp: Nlp, onWords: (done: number) => void): Nlp {
	let done = 0;
	return {
		name: nlp.name,
		nounPhrases: (texts) => {
			const found = nlp.nounPhrases(texts);
			done += texts.reduce((sum, text) => sum + countWords(text), 0);
			onWords(done);
			return found;
		}
	};
}

function countWords(text: string): number {
	const words = text.match(/\S+/g);
	return words ? words.length : 0;
}

function clip(text: string, max: number): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}
