/**
 * Automatic facts from an uncurated plain-text or Markdown document: the same `Fact` shape as
 * the curated `facts.json`, so the deck generator can build every item type from them.
 * Pure and deterministic: the same text and options always give the same facts.
 */
import type { AnswerKind, Fact } from '$lib/domain/types';
import { findAcronymDefinitions, findNamedTerms, type AcronymDefinition } from './acronyms.ts';
import { findDates, lastYear, type DateMention } from './dates.ts';
import { buildEntityContext, classifyName, findEntities, type EntityMention } from './entities.ts';
import { seedFromString } from '$lib/domain/seeded-random';
import { factId } from './hash.ts';
import type { Nlp, Span } from './nlp.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { findListItems, findVerbPhrases } from './phrases.ts';
import { buildQuestion, startsWithPronoun, type QuestionMode } from './questions.ts';
import { findDefinitions, findPairedNaming, type Definition } from './definitions.ts';
import { findNameCues } from './name-cues.ts';
import {
	CLASS_NOUNS,
	DISCOURSE_OPENER,
	isBrokenForm,
	isCitationYear,
	isFragment,
	isTrivialAnswer,
	opensWithPronoun,
	questionWordProblem,
	splitsPhrase
} from './lint.ts';
import { parseDocument, type ParsedDocument, type Sentence } from './sentences.ts';

export interface ExtractOptions {
	/** Source id: every fact's `document`, and part of its id. */
	documentId: string;
	/** The document's title: names in it are what the whole text is about, so never an answer. */
	title?: string;
	/** Called as sentences are analysed (for a worker's progress bar): done and total sentences. */
	onProgress?: (done: number, total: number) => void;
	/**
	 * compromise, loaded by the caller with `loadNlp()` (never imported statically): adds noun
	 * phrases as answers. The rules work without it.
	 */
	nlp?: Nlp;
	/** The text already parsed (with parseDocument), when the caller has it: not parsed again. */
	parsed?: ParsedDocument;
}

export interface ExtractResult {
	/** The facts that make the deck: the best ranked, within a budget that grows with the text. */
	facts: Fact[];
	/** The rest, best first: "more suggestions" for the editor. */
	suggestions: Fact[];
	warnings: string[];
}

/** Sentences longer than this carry too much to ask one question about. */
export const MAX_SENTENCE_WORDS = 60;
const MIN_SENTENCE_WORDS = 5;
/** Candidates kept per sentence before ranking (overgenerated: the budget picks among them). */
const MAX_FACTS_PER_SENTENCE = 6;
/** Facts in the deck per sentence that carries one (about one fact for every one or two). */
export const FACTS_PER_BEARING_SENTENCE = 1;
/** At most this many facts of the deck come from one sentence. */
const MAX_DECK_FACTS_PER_SENTENCE = 2;
/** At most this many facts of the deck ask for the same answer. */
const MAX_DECK_FACTS_PER_ANSWER = 2;
const SUMMARY_HEADING =
	/^(?:key concepts|summary|section summary|chapter review|review|conclusion)/i;
const MAX_FACTS_PER_NAME = 3;
const MAX_DISTRACTORS = 3;
const PROGRESS_EVERY = 64;
/** Words of text given to compromise at most (it takes about 1 ms per word). */
export const NLP_WORD_BUDGET = 20_000;
const NLP_BATCH = 25;

interface Analysis {
	sentence: Sentence;
	/** Where the content starts after a 'Label: ' lead-in kept in the sentence. */
	labelEnd: number;
	/** Where the content starts once a discourse opener ("In contrast, ") is set aside too. */
	openerEnd: number;
	/** What stands in for a pronoun resolved from the sentence before ("He" -> "Charles Cooley"). */
	prefix: string;
	termDefinitions: Definition[];
	dates: DateMention[];
	numbers: NumberMention[];
	definitions: AcronymDefinition[];
	entities: EntityMention[];
}

interface Candidate {
	analysis: Analysis;
	index: number;
	answer: string;
	kind: AnswerKind;
	poolKey: string;
	priority: number;
	question: string;
	when?: string;
	event?: string;
	term?: string;
	meaning?: string;
	alternatives?: string[];
	/** How much a teacher would want this fact: see `scoreOf`. */
	score?: number;
}

interface PoolEntry {
	value: string;
	lower: string;
	numeric?: number;
}

interface Pool {
	/** In document order (numeric pools are sorted by value before picking). */
	entries: PoolEntry[];
	seen: Set<string>;
	isNumeric: boolean;
}

const LABEL = /^([\p{Lu}][^.:!?\n]{0,60}):\s+/u;

function wordCount(text: string): number {
	return text.trim().split(/\s+/).length;
}

function datePoolKey(d: DateMention): string {
	if (d.subkind === 'year') return 'year';
	if (d.subkind === 'decade') return 'decade';
	if (d.subkind === 'full' || d.subkind === 'day-month') return 'date-day';
	return 'date-month';
}

function dateWh(d: DateMention): string {
	if (d.subkind === 'year') return 'which year';
	if (d.subkind === 'full' || d.subkind === 'day-month') return 'which date';
	if (d.subkind === 'month-year' || d.subkind === 'month') return 'which month';
	return 'when';
}

const ENTITY_WH: Record<string, string> = {
	organisation: 'which organisation',
	acronym: 'what',
	person: 'who',
	place: 'which place',
	term: 'what'
};
const ENTITY_PRIORITY: Record<string, number> = {
	person: 6,
	organisation: 5,
	term: 5,
	acronym: 4,
	place: 3
};

/** A name used as a modifier ("UN peacekeepers") is not what the sentence is about. */
function isAttributive(sentence: string, end: number): boolean {
	if (/^\s+\p{Lu}/u.test(sentence.slice(end))) return true;
	const next = sentence.slice(end).match(/^\s+([\p{Ll}][\p{L}-]*)/u)?.[1];
	if (!next) return false;
	if (/ed$/.test(next)) return false;
	return !/^(and|or|in|to|of|for|with|from|by|at|on|as|which|who|that|has|had|have|was|were|is|are|will|would|can|could|may|might|must|should|also|then|had|led|gave|took|made|became|began|held|sent|won|went|withdrew|remained|continues|continued)$/.test(
		next
	);
}

/** A sentence neither too short nor too long to ask about, and not itself a question. */
function hasAskableLength(a: Analysis): boolean {
	const text = a.sentence.text;
	const words = wordCount(text);
	if (words < MIN_SENTENCE_WORDS || words > MAX_SENTENCE_WORDS) return false;
	if (/^\(/.test(text.trim())) return false;
	return !/\?["'”’)]*$/.test(text.trim());
}

/** A sentence that can carry one clear fact: not too short or long, not a question, no bare pronoun subject. */
function isEligible(a: Analysis): boolean {
	if (!hasAskableLength(a)) return false;
	return a.prefix !== '' || !startsWithPronoun(a.sentence.text.slice(a.labelEnd));
}

const PHRASE_STARTS_BADLY =
	/^(?:it|its|they|their|them|this|these|those|that|he|she|his|her|we|our|which|who|what|such|other|others|one|some|many|most|all|each|both)\b/i;

/** A noun phrase worth a question: two to nine words, not led by a pronoun, not a bare name. */
function isAskablePhrase(text: string): boolean {
	const words = wordCount(text);
	if (words < 2 || words > 9 || PHRASE_STARTS_BADLY.test(text)) return false;
	return /\p{Ll}{3}/u.test(text.replace(/^(?:the|a|an)\s/i, ''));
}

/** Name particles written in lower case inside a name ("Vasco da Gama", "Ali ibn al-Hassan"). */
const NAME_PARTICLE = /^(?:and|da|de|del|della|di|du|van|von|der|ibn|bin|al|el|la|le|of|the)$/;

/** A phrase made of capitalised names ("Leucippus and Democritus", "Vasco da Gama"). */
function isNamePhrase(text: string, isSentenceStart: boolean): boolean {
	const words = text.replace(/^(?:the|a|an)\s+/i, '').split(/\s+/);
	if (words.length < 2 && isSentenceStart) return false;
	const names = words.filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
	if (names.length < (isSentenceStart ? 2 : 1)) return false;
	return words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || NAME_PARTICLE.test(w));
}

const ROLES =
	'psychologist|psychoanalyst|sociologist|philosopher|chemist|physicist|biologist|scientist|economist|historian|explorer|navigator|schoolteacher|teacher|writer|author|poet|aristocrat|merchant|ruler|leader|king|queen|sultan|emperor|president|general|diplomat|missionary|traveller|traveler|scholar|physician|son|daughter';
/** "Vasco da Gama, a Portuguese explorer": a name glossed by a role is a person. */
const ROLE_APPOSITIVE = new RegExp(
	`^,\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${ROLES})\\b`,
	'u'
);
/** "English schoolteacher John Dalton": a role before a name. */
const ROLE_BEFORE = new RegExp(`\\b(?:${ROLES})\\s+$`, 'u');
/** "the port city of", "the island of": a class noun that says a name is a place. */
const PLACE_CLASS_BEFORE =
	/\b(?:island|islands|city|port|town|kingdom|state|region|country|river|sea|ocean|coast|province|capital)\s+of\s+$/;

/** Verbs whose subject is a person (or people): "argued", "proposed", "found". */
const SPEECH_VERB =
	/^\s+(?:also\s+)?(?:argued|proposed|suggested|believed|claimed|wrote|said|theorized|theorised|hypothesized|found|discovered|observed|concluded|developed|asserted|studied|described|demonstrated|invented|showed|coined)\b/;

/**
 * A noun phrase that stops at a name used as a modifier ("the Barbary | pirates") runs on to
 * the noun it modifies.
 */
function wholeNounPhrase(sentence: string, span: Span): Span {
	// "a small, whole-number ratio": adjectives before a comma belong to the phrase.
	const lead = sentence.slice(0, span.index).match(/\b(?:a|an|the)\s+\p{Ll}+,\s+$/u);
	if (lead && !/^(?:the|a|an)\s/i.test(span.text) && /^\p{Ll}/u.test(span.text))
		return { text: lead[0] + span.text, index: span.index - lead[0].length };
	if (!/\p{Lu}[\p{Ll}’'-]*$/u.test(span.text)) return span;
	const next = sentence
		.slice(span.index + span.text.length)
		.match(/^\s+([\p{Ll}]{3,}s)(?=[\s.,;:!?)]|$)/u);
	if (!next || /^(?:was|has|is|does|as|its|this|thus|us)$/.test(next[1])) return span;
	return { ...span, text: span.text + next[0] };
}

/** A short label for a dated event: the clause around its date, without the date. */
/** An event label as a whole clause: no opener, cut at a comma if long, or null if broken. */
function wholeClause(label: string): string | null {
	let text = label.replace(DISCOURSE_OPENER, '');
	text = capitalise(text);
	if (text.endsWith('…')) {
		const full = text.slice(0, -1);
		const comma = full.lastIndexOf(',');
		if (comma < 0 || wordCount(full.slice(0, comma)) < 5) return null;
		text = full.slice(0, comma);
		// "Sheikh Isuf, the ruler of Sofala": an appositive, not a clause.
		if (/,\s+(?:the|a|an|another)\s[^,]*$/.test(text)) return null;
	}
	// A removed date leaves a dangling word: "in, the Omani tribes", "the second half of wreaked".
	if (/\b(?:in|on|of|at|by|since|during|from|the)\s*(?:[,;.]|$)/i.test(text)) return null;
	if (/\b(?:of|in|the)\s+\p{Ll}+ed\b/u.test(text)) return null;
	if (isFragment(text) || wordCount(text) < 3) return null;
	return text;
}

function eventLabel(sentence: string, anchors: DateMention[], at: number): string {
	const anchor = anchors[at];
	const distinct = new Set(anchors.map((a) => a.when)).size > 1;
	// With several dates, each one's clause runs from its date to the next date.
	const from = distinct && at > 0 ? anchor.index : 0;
	const to = distinct && at + 1 < anchors.length ? anchors[at + 1].index : sentence.length;
	let text = sentence.slice(from, to);
	const removable = distinct ? [anchor] : anchors;
	for (const a of [...removable].sort((x, y) => y.index - x.index)) {
		const s = a.index - from;
		const e = s + a.text.length;
		const before = text
			.slice(0, s)
			.replace(/\b(?:in|on|since|by|until|during|from|of|around|the)\s+$/i, '');
		text = before + text.slice(e);
	}
	text = text
		.replace(/\s+,/g, ',')
		.replace(/\s{2,}/g, ' ')
		.replace(/[\s.;:!?]+$/, '');
	text = text
		.replace(/^(?:[\s,;]|\b(?:and|but|then|while|so)\b)+/i, '')
		.replace(/(?:[\s,;]|\b(?:and|but|then|in|on|of)\b)+$/i, '');
	text = text.split(/,\s+(?:where|which|who|when|while|marking|as)\b|;\s/)[0];
	const intro = text.match(
		/^(?:Following|After|Before|During|Since|Until|On|In|By|With|Although|Despite)\b[^,]*,\s+/
	);
	if (intro && wordCount(text.slice(intro[0].length)) >= 5) text = text.slice(intro[0].length);
	const words = text.split(/\s+/);
	if (words.length > 20)
		text = `${words
			.slice(0, 20)
			.join(' ')
			.replace(/[,;:]$/, '')}…`;
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Facts from a plain-text or Markdown document, with warnings when it yields none. */
export function extractFacts(text: string, options: ExtractOptions): ExtractResult {
	const { documentId, onProgress } = options;
	const warnings: string[] = [];
	const { sentences, headings } = options.parsed ?? parseDocument(text);
	const headingTerms = new Set(
		headings.map((h) => h.text.toLowerCase().replace(/^(?:the|a|an)\s+/, ''))
	);
	const total = sentences.length;

	// Pass 1: dates, numbers and acronym definitions per sentence (dates carry a year forward).
	const analyses: Analysis[] = [];
	let previousYear: number | undefined;
	for (const sentence of sentences) {
		const label = sentence.text.match(LABEL);
		const labelEnd = label && wordCount(label[1]) <= 4 ? label[0].length : 0;
		const dates = findDates(sentence.text, sentence.isSectionStart ? undefined : previousYear);
		previousYear = lastYear(dates);
		const dateSpans: [number, number][] = dates.map((d) => [d.index, d.index + d.text.length]);
		const numbers = findNumbers(sentence.text, dateSpans);
		const rest = sentence.text.slice(labelEnd);
		// "These pancreatic beta cells respond ..." reads alone as "Pancreatic beta cells respond ...".
		const opener = rest.match(DISCOURSE_OPENER) ?? rest.match(PLURAL_DEMONSTRATIVE);
		const openerEnd = labelEnd + (opener ? opener[0].length : 0);
		analyses.push({
			sentence,
			labelEnd,
			openerEnd,
			prefix: '',
			termDefinitions: findDefinitions(sentence.text, openerEnd),
			dates,
			numbers,
			definitions: findAcronymDefinitions(sentence.text),
			entities: []
		});
		if (onProgress && analyses.length % PROGRESS_EVERY === 0)
			onProgress(Math.floor(analyses.length / 2), total);
	}

	const longToShort = new Map<string, string>();
	const shortToLong = new Map<string, string>();
	for (const a of analyses) {
		for (const d of a.definitions) {
			if (!longToShort.has(d.long)) longToShort.set(d.long, d.short);
			if (!shortToLong.has(d.short)) shortToLong.set(d.short, d.long);
		}
	}
	const texts = sentences.map((s) => s.text);
	const cues = findNameCues(texts);
	// compromise's people and places were measured and made things worse ("Southeast Asia" a
	// person, "Islam" a place): only the text's own cues name people and places.
	const ctx = buildEntityContext(texts, {
		longForms: longToShort.keys(),
		knownPeople: cues.people,
		knownPlaces: cues.places
	});

	// Pass 2: names, now that the whole document says which words are places, people, common words.
	const mentionCount = new Map<string, number>();
	for (const a of analyses) {
		const taken: [number, number][] = [
			...a.dates.map((d): [number, number] => [d.index, d.index + d.text.length]),
			...a.numbers.map((n): [number, number] => [n.spanIndex, n.spanIndex + n.span.length])
		];
		a.entities = findEntities(a.sentence.text, ctx, taken, a.labelEnd);
		for (const name of new Set(a.entities.map((e) => e.text)))
			mentionCount.set(name, (mentionCount.get(name) ?? 0) + 1);
		if (onProgress && a.sentence.index % PROGRESS_EVERY === 0)
			onProgress(Math.floor((total + a.sentence.index) / 2), total);
	}

	// Names the whole text is about ("Kosovo" in a text on Kosovo) make trivial questions.
	const title = (options.title ?? '').toLowerCase();
	const isTopicName = (name: string) =>
		(title !== '' &&
			new RegExp(
				`(^|[^\\p{L}])${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`,
				'u'
			).test(title)) ||
		((mentionCount.get(name) ?? 0) >= 8 && (mentionCount.get(name) ?? 0) >= 0.3 * total);

	// Pools of same-kind values from the whole document, for distractors.
	const pools = new Map<string, Pool>();
	const addToPool = (key: string, value: string, numeric?: number) => {
		const lower = value.toLowerCase();
		let pool = pools.get(key);
		if (!pool) {
			pool = { entries: [], seen: new Set(), isNumeric: numeric !== undefined && key !== 'phrase' };
			pools.set(key, pool);
		}
		if (pool.seen.has(lower)) return;
		pool.seen.add(lower);
		pool.entries.push({ value, lower, numeric });
	};
	for (const a of analyses) {
		for (const d of a.dates)
			if (d.subkind !== 'relative' && !isCitationYear(a.sentence.text, d.text))
				addToPool(datePoolKey(d), d.text, d.year);
		for (const n of a.numbers) addToPool(numberPoolKey(n), n.text, n.value);
		for (const d of a.termDefinitions) addToPool('defined', d.term);
		for (const m of a.sentence.text.matchAll(CENTURY)) addToPool('century', m[0]);
		for (const m of a.sentence.text.matchAll(CLASS_APPOSITIVE))
			if (!FUNCTION_WORD.test(m[2])) addToPool(`class:${m[1].replace(/s$/, '')}`, m[2]);
		for (const e of a.entities) addToPool(e.kind, e.text);
		for (const d of a.definitions)
			addToPool(classifyName(d.long, ctx) === 'organisation' ? 'organisation' : 'term', d.long);
	}

	// Phrases: list items by rule, noun phrases from compromise when it is loaded.
	resolvePronouns(analyses);
	const eligible = analyses.filter(isEligible);
	const nounPhrasesOf = new Map<Analysis, Span[]>();
	if (options.nlp) {
		// compromise costs about a millisecond per word: past the budget the rules carry on alone.
		const parsed: Analysis[] = [];
		let words = 0;
		for (const a of eligible) {
			words += wordCount(a.sentence.text);
			if (words > NLP_WORD_BUDGET) break;
			parsed.push(a);
		}
		// In batches, so a progress bar can follow the slowest step.
		const found: Span[][] = [];
		for (let i = 0; i < parsed.length; i += NLP_BATCH)
			found.push(
				...options.nlp.nounPhrases(parsed.slice(i, i + NLP_BATCH).map((a) => a.sentence.text))
			);
		parsed.forEach((a, i) =>
			nounPhrasesOf.set(
				a,
				found[i].filter((p) => isAskablePhrase(p.text))
			)
		);
		if (parsed.length < eligible.length) {
			warnings.push(
				`The document is long: noun-phrase questions were made for its first ${NLP_WORD_BUDGET.toLocaleString('en')} words only; dates, numbers and names come from all of it.`
			);
		}
	}
	const phrasesOf = new Map<
		Analysis,
		{ span: Span; isListItem: boolean; isVerbPhrase: boolean }[]
	>();
	for (const a of eligible) {
		const list = findListItems(a.sentence.text).map((span) => ({
			span,
			isListItem: true,
			isVerbPhrase: false
		}));
		const np = [
			...(nounPhrasesOf.get(a) ?? []).map((span) => ({
				span: wholeNounPhrase(a.sentence.text, span),
				isListItem: false,
				isVerbPhrase: false
			})),
			...findVerbPhrases(a.sentence.text).map((span) => ({
				span,
				isListItem: false,
				isVerbPhrase: true
			}))
		];
		// A discourse opener ("Finally, ") is set aside, never asked.
		const all = [...list, ...np].filter((p) => p.span.index >= a.openerEnd);
		phrasesOf.set(a, all);
		for (const p of all) {
			// A verb phrase is never an option for a noun phrase ("form compounds" beside "samples").
			if (!p.isVerbPhrase) addToPool('phrase', p.span.text, wordCount(p.span.text));
			if (isNamePhrase(p.span.text, p.span.index === 0))
				addToPool(`name:${headNoun(p.span.text)}`, p.span.text);
		}
	}

	const lowerText = text.toLowerCase();
	const termsOf: PhraseTerms = {
		lowerText,
		defined: new Set(analyses.flatMap((a) => a.termDefinitions.map((d) => bareOf(d.term))))
	};
	// Pass 3: candidates in sentences that carry a clear fact.
	const candidates: Candidate[] = [];
	const perName = new Map<string, number>();
	for (const a of eligible) {
		const s = a.sentence;
		const own: Candidate[] = [];
		// After a 'Label: ' lead-in the rest is the sentence to turn around; the quote keeps the label.
		// A discourse opener ("In contrast, ") is set aside too: the question must stand alone.
		const from = a.openerEnd;
		const body = capitalise(a.prefix + s.text.slice(from));
		const standalone = from > a.labelEnd ? s.text.slice(0, a.labelEnd) + body : s.text;
		// Offsets in `body` of a sentence offset after the lead-in.
		const shiftBy = a.prefix.length;
		const ask = (
			index: number,
			length: number,
			mode: QuestionMode,
			wh: string,
			spanEnd?: number,
			canReword = true
		) => {
			const spec = {
				length,
				mode,
				wh,
				lowercaseWords: ctx.lowercaseWords,
				properWords: ctx.properWords
			};
			const inBody = index >= from && wordCount(body) >= MIN_SENTENCE_WORDS && !s.isInLabelBlock;
			const reworded = inBody
				? buildQuestion({
						...spec,
						sentence: body,
						index: index - from + shiftBy,
						spanEnd: spanEnd === undefined ? undefined : spanEnd - from + shiftBy,
						canReword: canReword && !s.isFragment
					})
				: null;
			// A question the rewording broke falls back to the sentence with a blank.
			if (reworded && !reworded.startsWith('Complete:') && !isBrokenForm(reworded)) return reworded;
			const shift = s.text.length - standalone.length;
			if (index < from) return null;
			if (a.prefix) return null;
			return buildQuestion({
				...spec,
				sentence: standalone,
				index: index - shift,
				spanEnd: spanEnd === undefined ? undefined : spanEnd - shift,
				canReword: false
			});
		};
		const push = (c: Omit<Candidate, 'analysis'>) =>
			own.push({
				...c,
				question: whichRole(withoutPanelReferences(withoutCitations(c.question))),
				analysis: a
			});

		// "Ensure Security: Peacekeepers are tasked with ..." (a list item's title) pairs a term with its gloss.
		const label = s.text.slice(0, a.labelEnd).replace(/:\s*$/, '');
		if (
			label &&
			!s.isInLabelBlock &&
			/^(?:\p{Lu}[\p{L}-]*\s*)+$/u.test(label) &&
			wordCount(body) >= MIN_SENTENCE_WORDS
		) {
			const question = buildQuestion({
				sentence: s.text,
				index: 0,
				length: label.length,
				mode: 'term',
				wh: 'what',
				canReword: false,
				lowercaseWords: ctx.lowercaseWords,
				properWords: ctx.properWords
			});
			if (question) {
				push({
					index: 0,
					answer: label,
					kind: 'term',
					poolKey: 'label',
					priority: 9,
					question,
					term: label,
					meaning: body.trim().replace(/[.]$/, '')
				});
				addToPool('label', label);
			}
		}
		for (const d of a.termDefinitions) {
			// Capitalised names "known as" are findNamedTerms' (with a better meaning); people are names.
			if (d.form === 'named' && /^\p{Lu}/u.test(d.term)) continue;
			push({
				index: d.termIndex,
				answer: d.term,
				kind: 'term',
				poolKey: 'defined',
				priority: d.form === 'copula' ? 11 : 10,
				question: withoutCitations(d.question),
				term: d.term,
				meaning: d.meaning,
				...(d.alias ? { alternatives: [d.alias] } : {})
			});
			// "Epithelial tissue, also referred to as epithelium, ...": the other name is a fact too.
			const named = d.alias ? aliasNaming(s.text, d.termIndex + d.term.length, d.alias) : null;
			if (d.alias && named) {
				const term = ctx.lowercaseWords.has(d.term.split(/\s+/)[0].toLowerCase())
					? d.term.charAt(0).toLowerCase() + d.term.slice(1)
					: d.term;
				push({
					index: named.index,
					answer: d.alias,
					kind: 'term',
					poolKey: 'defined',
					priority: 9,
					question: `What ${/s$/.test(d.term) && !/ss$/.test(d.term) ? 'are' : 'is'} ${term} also ${named.verb}?`,
					alternatives: [d.term]
				});
			}
		}
		for (const d of a.definitions) {
			const kind: AnswerKind =
				classifyName(d.long, ctx) === 'organisation' ? 'organisation' : 'term';
			push({
				index: d.longIndex,
				answer: d.long,
				kind,
				poolKey: kind,
				priority: 10,
				question: `What does ${d.short} stand for?`,
				term: d.short,
				meaning: d.long
			});
		}
		for (const t of findNamedTerms(s.text)) {
			if (t.meaning.toLowerCase().includes(t.term.toLowerCase())) continue;
			const kind = classifyName(t.term, ctx) ?? 'term';
			const tense =
				/\b(is|are|has|have)\b/.test(s.text) && !/\b(was|were|had)\b|\w{3}ed\b/.test(s.text)
					? 'is'
					: 'was';
			push({
				index: t.termIndex,
				answer: t.term,
				kind,
				poolKey: kind,
				priority: 9,
				question: `What ${tense} ${t.meaning} known as?`,
				term: t.term,
				meaning: t.meaning
			});
		}
		for (const d of a.dates) {
			if (d.subkind === 'relative' || isCitationYear(s.text, d.text)) continue;
			const question = ask(d.index, d.text.length, 'time', dateWh(d));
			if (!question) continue;
			const priority =
				d.subkind === 'full' || d.subkind === 'day-month' ? 8 : d.subkind === 'year' ? 7 : 6;
			push({
				index: d.index,
				answer: d.text,
				kind: d.subkind === 'year' ? 'year' : 'date',
				poolKey: datePoolKey(d),
				priority,
				question,
				when: d.when
			});
		}
		for (const n of a.numbers) {
			let question: string | null;
			if (n.subkind === 'count')
				question = ask(
					n.index,
					n.text.length,
					'count',
					`how many ${n.value === 1 && !/s$/.test(n.unit) ? `${n.unit}s` : n.unit}`,
					n.spanIndex + n.span.length
				);
			else if (n.subkind === 'percent')
				question = ask(n.index, n.text.length, 'count', 'what percentage');
			else if (n.subkind === 'money') question = ask(n.index, n.text.length, 'count', 'how much');
			else if (n.subkind === 'measure') question = ask(n.index, n.text.length, 'term', 'what');
			else {
				// "UN Security Council Resolution 1244": no wh-phrase fits after a name, so blank it.
				const isModified = /\p{Lu}[\p{L}]*\s+$/u.test(s.text.slice(0, n.index));
				question = isModified
					? buildQuestion({
							sentence: s.text,
							index: n.index,
							length: n.text.length,
							mode: 'term',
							wh: 'what',
							canReword: false,
							lowercaseWords: ctx.lowercaseWords,
							properWords: ctx.properWords
						})
					: ask(n.index, n.text.length, 'term', `which ${n.unit.toLowerCase()}`);
			}
			if (!question) continue;
			push({
				index: n.index,
				answer: n.text,
				kind: 'number',
				poolKey: numberPoolKey(n),
				// "two years" in words is usually incidental; "42,000 troops" rarely is.
				priority: /^\d/.test(n.text) ? 7 : n.value <= 2 ? 4 : 5,
				question
			});
		}
		for (const m of s.text.matchAll(CENTURY)) {
			const index = m.index ?? 0;
			if (index < from) continue;
			const question = ask(index, m[0].length, 'time', 'which century');
			if (!question) continue;
			push({ index, answer: m[0], kind: 'date', poolKey: 'century', priority: 6, question });
		}
		for (const m of s.text.matchAll(CLASS_APPOSITIVE)) {
			const index = (m.index ?? 0) + m[0].length - m[2].length;
			if (m.index! < from || FUNCTION_WORD.test(m[2])) continue;
			const stem = body.replace(/[\s.!?;:]+$/, '');
			const at = m.index! - from;
			const question = `${capitalise(stem.slice(0, at))}which ${m[1]}${stem.slice(at + m[0].length)}?`;
			push({
				index,
				answer: m[2],
				kind: 'term',
				poolKey: `class:${m[1].replace(/s$/, '')}`,
				priority: 8,
				question
			});
		}
		for (const found of a.entities) {
			// "the Omani Sultanate", "the Kilwa Sultanate": a state, never a "who".
			const e: EntityMention =
				found.kind === 'person' && STATE_NAME.test(found.text) ? { ...found, kind: 'term' } : found;
			if (isTopicName(e.text) || isAttributive(s.text, e.index + e.text.length)) continue;
			if (a.definitions.some((d) => e.index >= d.shortIndex - 1 && e.index <= d.shortIndex))
				continue;
			const question = ask(
				e.index,
				e.text.length,
				e.kind === 'acronym' ? 'organisation' : e.kind,
				// An acronym the text spells out as an organisation is asked as one.
				e.kind === 'acronym' &&
					shortToLong.has(e.text) &&
					classifyName(shortToLong.get(e.text)!, ctx) === 'organisation'
					? 'which organisation'
					: ENTITY_WH[e.kind]
			);
			if (!question) continue;
			push({
				index: e.index,
				answer: e.text,
				kind: e.kind,
				poolKey: e.kind,
				// "the port city of Sofala", "the island of Zanzibar": a place the sentence names as such.
				priority:
					ENTITY_PRIORITY[e.kind] +
					(e.kind === 'place' && PLACE_CLASS_BEFORE.test(s.text.slice(0, e.index)) ? 2 : 0),
				question
			});
		}

		for (const { span, isListItem, isVerbPhrase } of phrasesOf.get(a) ?? []) {
			// "Leucippus and Democritus argued ...": names that argue, propose or find are people.
			if (!isListItem && isNamePhrase(span.text, span.index === 0)) {
				const isPeople =
					SPEECH_VERB.test(s.text.slice(span.index + span.text.length)) ||
					ROLE_APPOSITIVE.test(s.text.slice(span.index + span.text.length)) ||
					ROLE_BEFORE.test(s.text.slice(0, span.index));
				const question = ask(
					span.index,
					span.text.length,
					isPeople ? 'person' : 'term',
					isPeople ? 'who' : 'what'
				);
				if (question)
					push({
						index: span.index,
						answer: span.text,
						kind: isPeople ? 'person' : 'term',
						// Other names with the same head ("the Arabian Peninsula", "the Iberian Peninsula").
						poolKey: isPeople ? 'person' : `name:${headNoun(span.text)}`,
						priority: isPeople ? 6 : 4,
						question
					});
				continue;
			}
			// The question word follows the answer: "who" for people, "where" for places, "what"
			// only for a term the text comes back to; any other phrase (a verb phrase, a one-off
			// noun phrase) is asked as a blank over the whole phrase.
			// A blank that stops short of the noun it modifies ("the slave | trade") cuts a phrase.
			if (!isListItem && !isVerbPhrase && runsOnAsNoun(s.text, span)) continue;
			const phraseKind = isListItem || isVerbPhrase ? null : kindOfPhrase(span.text, termsOf);
			const question =
				phraseKind === null
					? isListItem
						? buildQuestion({
								sentence: s.text,
								index: span.index,
								length: span.text.length,
								mode: 'term',
								wh: 'what',
								canReword: false,
								lowercaseWords: ctx.lowercaseWords,
								properWords: ctx.properWords
							})
						: ask(span.index, span.text.length, 'term', 'what', undefined, false)
					: ask(
							span.index,
							span.text.length,
							// "captured in the interior" -> "captured in which place", never "captured where".
							phraseKind === 'place' ? 'term' : phraseKind,
							phraseKind === 'person' ? 'who' : phraseKind === 'place' ? 'which place' : 'what'
						);
			if (!question) continue;
			// Among phrases: list items first, then longer phrases, and objects before the subject.
			const priority = isListItem
				? 2
				: 1 + Math.min(wordCount(span.text), 6) / 10 - (span.index <= from ? 0.5 : 0);
			push({
				index: span.index,
				answer: span.text,
				kind: phraseKind === 'person' || phraseKind === 'place' ? phraseKind : 'phrase',
				// Verb phrases have no pool of their own kind: no options, no false statement.
				poolKey: isVerbPhrase ? 'verb-phrase' : 'phrase',
				priority,
				question
			});
		}

		for (const c of own) {
			c.score = scoreOf(c, lowerText, mentionCount, title);
			// A section's heading names a term the section teaches.
			if (headingTerms.has(c.answer.toLowerCase().replace(/^(?:the|a|an)\s+/, ''))) c.score += 3;
		}
		const askable = own.filter((c) => isAskable(c, text));
		askable.sort((x, y) => (y.score ?? 0) - (x.score ?? 0) || x.index - y.index);
		const chosen: Candidate[] = [];
		const cap = MAX_FACTS_PER_SENTENCE;
		for (const c of askable) {
			if (chosen.length >= cap) break;
			const end = c.index + c.answer.length;
			if (chosen.some((o) => c.index < o.index + o.answer.length && end > o.index)) continue;
			if (chosen.some((o) => o.answer.toLowerCase() === c.answer.toLowerCase())) continue;
			const isName =
				['organisation', 'person', 'place', 'acronym', 'term'].includes(c.kind) && !c.term;
			if (isName && (perName.get(c.answer) ?? 0) >= MAX_FACTS_PER_NAME) continue;
			if (isName) perName.set(c.answer, (perName.get(c.answer) ?? 0) + 1);
			chosen.push(c);
		}
		chosen.sort((x, y) => x.index - y.index);
		attachEvents(a, chosen);
		candidates.push(...chosen);
	}

	// A sentence that leans on the one before still teaches a term it glosses ("Such changes can be
	// detected through histology, the microscopic study of ...") or names what the sentence before
	// says ("This statement is known as the law of definite proportions").
	for (let i = 0; i < analyses.length; i++) {
		const a = analyses[i];
		if (!hasAskableLength(a) || a.sentence.isInLabelBlock) continue;
		// Eligible sentences had their own definitions asked above.
		const definitions = isEligible(a) ? [] : a.termDefinitions.filter((d) => d.form === 'copula');
		const prev = analyses[i - 1];
		if (prev && !a.sentence.isSectionStart && isEligible(prev) && prev.prefix === '') {
			const paired = findPairedNaming(
				a.sentence.text.slice(a.openerEnd),
				capitalise(prev.sentence.text.slice(prev.openerEnd))
			);
			if (paired) {
				definitions.push({ ...paired, termIndex: paired.termIndex + a.openerEnd });
				addToPool('defined', paired.term);
			}
		}
		const own: Candidate[] = definitions.map((d) => ({
			analysis: a,
			index: d.termIndex,
			answer: d.term,
			kind: 'term',
			poolKey: 'defined',
			priority: 10,
			question: withoutCitations(d.question),
			term: d.term,
			meaning: d.meaning
		}));
		for (const c of own) c.score = scoreOf(c, lowerText, mentionCount, title);
		candidates.push(...own.filter((c) => isAskable(c, text)).slice(0, 1));
	}
	// In document order, so the deck keeps it.
	candidates.sort(
		(x, y) => x.analysis.sentence.index - y.analysis.sentence.index || x.index - y.index
	);

	for (const pool of pools.values()) {
		if (pool.isNumeric)
			pool.entries.sort(
				(x, y) => (x.numeric ?? 0) - (y.numeric ?? 0) || x.lower.localeCompare(y.lower)
			);
	}
	const facts: Fact[] = [];
	const scores = new Map<Fact, number>();
	const sentenceOf = new Map<Fact, number>();
	const ids = new Set<string>();
	for (const c of candidates) {
		const quote = c.analysis.sentence.text;
		const id = factId(documentId, c.answer, quote);
		if (ids.has(id)) continue;
		ids.add(id);
		const fact: Fact = {
			id,
			topic: c.analysis.sentence.topic,
			document: documentId,
			quote,
			question: c.question,
			answer: c.answer,
			answerKind: c.kind,
			statement: statementOf(c.analysis, c),
			explanation: `From the text: ${quote}`
		};
		const alternative =
			shortToLong.get(c.answer) ?? (c.term ? undefined : longToShort.get(c.answer));
		if (alternative && !c.term) fact.alternatives = [alternative];
		if (c.alternatives?.length) fact.alternatives = [...c.alternatives];
		// Three options of the same kind, or none: with fewer, no multiple choice and no false
		// statement (an empty list also keeps the deck from drawing options of another kind).
		const distractors = pickDistractors(c, pools.get(c.poolKey), shortToLong, longToShort);
		fact.distractors = distractors.length >= MAX_DISTRACTORS ? distractors : [];
		if (c.when && c.event) {
			fact.when = c.when;
			fact.event = c.event;
		}
		if (c.term && c.meaning) {
			fact.term = c.term;
			fact.meaning = c.meaning;
		}
		facts.push(fact);
		scores.set(fact, c.score ?? 0);
		sentenceOf.set(fact, c.analysis.sentence.index);
	}
	onProgress?.(total, total);
	const { kept, rest } = withinBudget(facts, scores, sentenceOf);

	if (kept.length === 0) {
		warnings.push(
			total === 0
				? 'No sentences found: the document has no running text to make questions from.'
				: 'No facts found: no sentence has a date, a number with a unit, a named organisation, person or place, or a defined acronym to ask about.'
		);
	}
	return { facts: kept, suggestions: rest, warnings };
}

interface PhraseTerms {
	lowerText: string;
	/** Terms the text defines, lower case, without an article. */
	defined: Set<string>;
}

/** Where an alias stands after its term ("..., also referred to as epithelium,") and the verb that names it. */
function aliasNaming(
	sentence: string,
	from: number,
	alias: string
): { index: number; verb: string } | null {
	const m = sentence
		.slice(from)
		.match(/^,\s+(?:also\s+)?(referred to as|called|known as)\s+(?:an?\s+|the\s+)?/);
	if (!m || !sentence.slice(from + m[0].length).startsWith(alias)) return null;
	return { index: from + m[0].length, verb: m[1] };
}

const NUMBER_WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten'
];

/** Whether a colon after a count is followed by a list of exactly that many items. */
function listCountsOut(quote: string, from: number, answer: string): boolean {
	const n = /^\d+$/.test(answer) ? Number(answer) : NUMBER_WORDS.indexOf(answer.toLowerCase());
	if (n < 2) return false;
	const colon = quote.indexOf(':', from);
	if (colon < 0 || /[.;]/.test(quote.slice(from, colon))) return false;
	const list = quote
		.slice(colon + 1)
		.replace(/[.;].*$/s, '')
		.split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
		.filter((part) => part.trim() !== '');
	return list.length === n;
}

/** Words ending in -s that are not plural nouns. */
const NOT_PLURAL =
	/^(?:is|was|has|does|this|its|his|hers|us|as|thus|less|always|perhaps|across|towards|various|whereas|unless|sometimes|afterwards|besides|chaos|series|species|news|analysis|basis|thesis|status|process|gas|bus|plus|yes|numerous|previous|famous|serious|conscious|continuous|enormous|obvious|tremendous|various)$/i;

/**
 * Whether a pronoun of a question stands for something named in the question itself: "they"
 * or "their" after a plural noun ("Although there are many types of cells ..., they are"),
 * "he" or "she" after a name, and a possessive in a fronted phrase that the main clause's
 * subject then names ("Regardless of its size ..., each state would have").
 */
function hasAntecedent(question: string, at: number, pronoun: string): boolean {
	const before = question.slice(0, at).replace(/^Complete:\s*/, '');
	const p = pronoun.toLowerCase();
	const words = before.split(/[^\p{L}’'-]+/u).filter(Boolean);
	if (p === 'they' || p === 'their' || p === 'them')
		return words.some((w) => /^\p{L}{3,}s$/u.test(w) && !NOT_PLURAL.test(w) && !/ss$/.test(w));
	if (p === 'he' || p === 'she' || p === 'him')
		return words.slice(1).some((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
	if (p !== 'its' && p !== 'their') return false;
	// A possessive before the first comma, the subject after it: "Regardless of its size, each state".
	const text = question.replace(/^Complete:\s*/, '');
	const offset = question.length - text.length;
	const comma = text.indexOf(',');
	if (comma < 0 || at - offset > comma) return false;
	return /^,\s+(?:(?:each|every|the|a|an|all|most|many|some|no)\s+\p{Ll}|\p{Lu}\p{Ll}+\s+\p{Ll})/u.test(
		text.slice(comma)
	);
}

/** Words that may follow a whole noun phrase: function words, auxiliaries, relatives. */
const AFTER_NOUN_PHRASE =
	/^(?:and|or|but|nor|of|in|to|for|with|from|by|at|on|as|into|onto|than|about|after|before|during|between|within|without|through|across|against|among|under|over|around|toward|towards|like|who|whom|whose|which|that|where|when|while|because|if|is|are|was|were|be|been|had|have|has|will|would|could|can|may|might|must|should|shall|did|do|does|not|also|only|then|thus|often|always|never|still|now|first|each|all|both|either|neither|too|even|just|here|there|itself|themselves)$/;

/**
 * Whether a singular noun phrase is followed by a word that continues it ("the slave | trade",
 * "the maturation | process"): not a function word, not a verb in -s or -ed.
 */
function runsOnAsNoun(sentence: string, span: Span): boolean {
	if (/s$/i.test(span.text)) return false;
	const next = sentence
		.slice(span.index + span.text.length)
		.match(/^\s+(\p{Ll}[\p{Ll}-]*)(?=[\s,.;:!?)]|$)/u)?.[1];
	if (!next || AFTER_NOUN_PHRASE.test(next)) return false;
	return !/(?:s|ed|ly|ing)$/.test(next);
}

/** A phrase without its article, lower case. */
function bareOf(phrase: string): string {
	return phrase.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
}

/** Head nouns that name people ("ancient Greek philosophers", "local African chiefs"). */
const PERSON_HEAD = new RegExp(
	`^(?:${ROLES}|${ROLES.replace(/\|/g, 's|')}s|people|persons?|men|women|children|boys|girls|chiefs?|kings?|queens?|traders?|settlers?|colonists?|philosophers?|scholars?|scientists?|researchers?|theorists?|framers?|founders?|delegates?|representatives?|citizens?|residents?|soldiers?|sailors?|workers?|farmers?|slaves?|rulers?|governors?|officials?|leaders?|members?|adults?|parents?|mothers?|fathers?|infants?|patients?|individuals?|thinkers?|writers?|sultans?|aristocrats?|nobles?|elites?|peoples|immigrants?|inhabitants?|populations?|tribes?)$`
);
/** Head nouns that name places ("the Arabian Peninsula", "the interior"). */
const PLACE_HEAD =
	/^(?:peninsula|coast|coastline|island|islands|city|cities|town|towns|port|ports|region|regions|interior|ocean|sea|river|country|countries|continent|kingdom|village|villages|valley|mountains|desert|harbou?r|bay|gulf|territory|territories|colony|colonies)$/;

/** The head noun of a noun phrase: its last word before a preposition or clause ("the cities of the coast" -> "cities"). */
function phraseHead(phrase: string): string {
	const core = bareOf(phrase).split(
		/\s(?:of|in|for|with|from|to|on|at|by|between|within|that|which|who|and|or)\s/
	)[0];
	return core.split(/\s+/).pop() ?? '';
}

/**
 * Which question a noun phrase can be asked with: "who" for people, "which place" for places,
 * "what" for a term the text defines or comes back to; null (a blank over the whole phrase) for
 * any other phrase, which "what" in its place rarely asks well.
 */
function kindOfPhrase(phrase: string, terms: PhraseTerms): 'person' | 'place' | 'term' | null {
	const head = phraseHead(phrase);
	const isProper = /^(?:(?:the|a|an)\s+)?\p{Lu}/u.test(phrase);
	if (PERSON_HEAD.test(head)) return 'person';
	if (PLACE_HEAD.test(head) && (isProper || /^the\s/i.test(phrase))) return 'place';
	const bare = bareOf(phrase);
	if (terms.defined.has(bare)) return 'term';
	let seen = 0;
	for (
		let at = terms.lowerText.indexOf(bare);
		at !== -1 && seen < 2;
		at = terms.lowerText.indexOf(bare, at + 1)
	)
		seen++;
	return seen >= 2 && bare.length >= 4 ? 'term' : null;
}

const PLURAL_DEMONSTRATIVE =
	/^(?:These|Those)\s+(?=(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]{3,}s\s+[\p{Ll}])/u;
const ORDINALS =
	'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|\\d{1,2}(?:st|nd|rd|th)';
/** "the seventh century", "the 1500s" are times too, asked with "which century". */
const CENTURY = new RegExp(`\\bthe\\s+(?:early\\s+|late\\s+)?(?:${ORDINALS})\\s+century\\b`, 'gi');
/** "the hormone insulin", "the element copper": the class noun gives the question word. */
const CLASS_APPOSITIVE = new RegExp(`\\bthe\\s+(${CLASS_NOUNS})\\s+([\\p{L}][\\p{L}-]+)`, 'gu');
const FUNCTION_WORD =
	/^(?:of|in|on|at|to|for|from|with|by|and|or|that|which|who|is|are|was|were|has|had|have|into|as|itself|system|level|levels|cells|release|releases|production)$/i;

/**
 * "He asserted ..." after a sentence that names one person reads "Charles Cooley asserted ...";
 * "His theory ..." reads "Erikson’s theory ...". Any other pronoun stays unresolved (not asked).
 */
function resolvePronouns(analyses: Analysis[]): void {
	for (let i = 1; i < analyses.length; i++) {
		const a = analyses[i];
		const prev = analyses[i - 1];
		if (a.sentence.isSectionStart || a.labelEnd > 0) continue;
		const rest = a.sentence.text.slice(a.openerEnd);
		// "It was founded ..." after "Kilwa, located on ..., was ...": the subject of the sentence
		// before, when it is a name, is what "it" stands for.
		const it = rest.match(OPENING_IT);
		if (it) {
			const subject = prev.entities.find((e) => e.index === prev.openerEnd);
			const after = prev.sentence.text.slice((subject?.index ?? 0) + (subject?.text.length ?? 0));
			if (
				subject &&
				['place', 'organisation', 'term', 'acronym'].includes(subject.kind) &&
				/^(?:,|\s+(?:is|was|had|has|became|remained))/.test(after)
			) {
				a.prefix = subject.text;
				a.openerEnd += it[0].length;
				a.termDefinitions = findDefinitions(a.sentence.text, a.openerEnd, a.prefix);
			}
			continue;
		}
		const m = rest.match(/^(He|She|His|Her)\s/);
		if (!m) continue;
		const people = [
			...new Set(prev.entities.filter((e) => e.kind === 'person').map((e) => e.text))
		];
		if (people.length !== 1) continue;
		// "Her" may be an object pronoun ("Her research ..." is possessive at the start: fine).
		a.prefix = m[1] === 'His' || m[1] === 'Her' ? `${people[0]}’s` : people[0];
		a.openerEnd += m[1].length;
		a.termDefinitions = findDefinitions(a.sentence.text, a.openerEnd, a.prefix);
	}
}

/**
 * "It was ..." opening a sentence: a pronoun before a verb. Only at the very start: a cloze is
 * made from the quote when it does not open with a pronoun, so "According to legend, it was
 * founded by _____" would still show the "it".
 */
const OPENING_IT = /^It(?=\s+(?:was|is|had|has|became|remained|\p{Ll}+ed)\b)/u;

const ROLE_BEFORE_WHO =
	/(^|[\s,])((?:[\p{Lu}][\p{Ll}]+\s+)?(?:psychologist|psychoanalyst|sociologist|philosopher|chemist|physicist|biologist|scientist|economist|historian|explorer|schoolteacher|teacher|writer|author|aristocrat|merchant|ruler|leader)s?)\s+who\b/iu;

/** "French chemist who, who demonstrated" -> "which French chemist, who demonstrated". */
function whichRole(question: string): string {
	const m = question.match(ROLE_BEFORE_WHO);
	if (!m) return question;
	const at = (m.index ?? 0) + m[1].length;
	// "Psychologist" at the start is a common word; "French" in "French chemist" keeps its capital.
	const role = /\s/.test(m[2]) ? m[2] : m[2].charAt(0).toLowerCase() + m[2].slice(1);
	const rewritten = `${question.slice(0, at)}which ${role}${question.slice(at + m[2].length + ' who'.length)}`;
	return at === 0 ? capitalise(rewritten) : rewritten;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A pool per kind of number: counts of troops never stand in for counts of years. */
function numberPoolKey(n: NumberMention): string {
	if (n.subkind === 'label') return `label:${n.unit}`;
	if (n.subkind === 'count') return `count:${n.unit.toLowerCase().replace(/s$/, '')}`;
	return n.subkind;
}

const CITATION = /\s*\((?:[^()]*\b\d{4}[a-z]?)(?:;\s*[^()]*\b\d{4}[a-z]?)*\)/gu;

/** A question without its parenthesised citations ("... (Cooley 1902)?"). */
export function withoutCitations(question: string): string {
	return question.replace(CITATION, '').replace(/\s+\?$/, '?');
}

/** A question without references to a figure's panels ("... components (a)?"): the figure is not shown. */
function withoutPanelReferences(question: string): string {
	return question.replace(/\s*\([a-h]\)(?=[\s?.,;:]|$)/g, '').replace(/\s+\?$/, '?');
}

/** The true statement: the quote without a discourse opener or citations, when the answer survives. */
function statementOf(a: Analysis, c: Candidate): string {
	const quote = a.sentence.text;
	let statement =
		a.openerEnd > a.labelEnd && c.index >= a.openerEnd
			? quote.slice(0, a.labelEnd) + capitalise(a.prefix + quote.slice(a.openerEnd))
			: quote;
	const clean = withoutCitations(statement);
	if (clean.includes(c.answer)) statement = clean;
	return statement.includes(c.answer) ? statement : quote;
}

/** Whether most content words of a phrase answer stand in its own question. */
function givesAway(c: Candidate): boolean {
	const wordsOf = (text: string) =>
		text
			.toLowerCase()
			.split(/[^\p{L}]+/u)
			.filter((w) => w.length >= 4);
	const answer = wordsOf(c.answer);
	if (answer.length === 0) return false;
	const question = new Set(wordsOf(c.question));
	return answer.filter((w) => question.has(w)).length * 2 >= answer.length;
}

/** Words of a candidate's answer that are not function words ("the sensor" -> 1). */
function contentWords(answer: string): number {
	return answer
		.split(/\s+/)
		.filter((w) => !/^(?:the|a|an|of|and|or|in|to|for|on|by|with)$/i.test(w)).length;
}

/**
 * How much a teacher would want a candidate: terms the text defines first, then names, dated
 * events and numbers with units, then phrases; terms the document repeats gain, and answers in
 * summary sections, long answers, fill-in-the-blank questions and long sentences lose.
 */
function scoreOf(
	c: Candidate,
	lowerText: string,
	mentionCount: Map<string, number>,
	title: string
): number {
	let score = c.priority;
	const bare = c.answer.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
	// What the title names is what the whole text is about: a trivial answer.
	if (title && bare.length > 2 && title.includes(bare)) score -= 6;
	const sentence = c.analysis.sentence;
	const lower = c.answer.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
	if (lower.length >= 4) {
		let seen = 0;
		const hay = lowerText;
		for (let at = hay.indexOf(lower); at !== -1 && seen < 5; at = hay.indexOf(lower, at + 1))
			seen++;
		// A term the text comes back to is worth knowing; a phrase it uses everywhere is its topic.
		if (seen >= 2 && seen <= 3) score += 0.5;
		if (seen >= 5 && c.kind === 'phrase') score -= 2;
	}
	// An aside ("what is now Tanzania", "in today's Somalia") is not what the sentence is about.
	if (/(?:what is now|today[’']s|present-day|now in)\s+$/i.test(sentence.text.slice(0, c.index)))
		score -= 3;
	if ((mentionCount.get(c.answer) ?? 0) >= 3) score += 0.5;
	if (SUMMARY_HEADING.test(sentence.topic.replace(/-/g, ' '))) score -= 2;
	// An example illustrates a fact; it is rarely the fact a teacher tests.
	if (/^for (?:example|instance)\b/i.test(sentence.text)) score -= 2;
	if (c.question.startsWith('Complete:') && c.kind !== 'phrase') score -= 1.5;
	// "Dalton also used ...", "another interesting law": the stem leans on what came before.
	if (/\b(?:also|another|again|too)\b/i.test(c.question.replace(/\bas well as\b/g, '')))
		score -= 1.5;
	// A figure's panel ("(a)") is not shown with the question.
	if (/\([a-h]\)/.test(sentence.text)) score -= 1.5;
	// An answer whose words the question repeats gives itself away ("What is formed solely from
	// connective tissue?" -> "The connective tissue membrane").
	if (c.kind === 'phrase' && givesAway(c)) score -= 2.5;
	const words = contentWords(c.answer);
	if (words > 4) score -= 1;
	if (words > 6) score -= 1;
	if (wordCount(sentence.text) > 40) score -= 1;
	return score;
}

const RELATIVE_TIME =
	/^(?:the\s+(?:following|next|previous)\s+(?:day|week|month|year|decade|century)|(?:a\s+)?(?:few|several|some|many|two|three|four|five|ten|\d+)\s+(?:days|weeks|months|years|decades|centuries)\s+(?:later|earlier|after|before)|(?:soon|shortly|not long|much|years|months|days)\s+(?:later|after|afterwards?|thereafter)|thereafter|later\s+that\s+\w+|within\s+(?:a|an|\w+)\s+(?:days?|weeks?|months?|years?|decades?))\b/i;

/** Whether a candidate passes the checks a teacher would apply at a glance (see lint.ts). */
function isAskable(c: Candidate, text: string): boolean {
	const quote = c.analysis.sentence.text;
	if (isTrivialAnswer(c.answer, quote) || isFragment(c.answer, text)) return false;
	if (splitsPhrase(quote, c.answer, text)) return false;
	if (opensWithPronoun(c.question)) return false;
	// An era ("BC") or a name inside a citation ("(Kohlberg 1981)") is not a fact.
	if (/^(?:BC|BCE|AD|CE)$/.test(c.answer)) return false;
	if (/^\s+\d{4}[a-z]?\s*[;)]/.test(quote.slice(c.index + c.answer.length))) return false;
	// A stem that leans on an earlier sentence mid-way ("these observations", "it could not pay",
	// "had done so") is not asked.
	// "several roles ... how those roles interact" points back inside the question itself: fine.
	for (const m of c.question.matchAll(/\b(?:this|these|those)\s+(\p{Ll}[\p{Ll}-]*)/gu)) {
		const earlier = c.question.slice(0, m.index);
		if (!new RegExp(`\\b${m[1]}\\b`).test(earlier)) return false;
	}
	const subjectPronoun = c.question.match(
		/(?:^|,\s*|\b(?:and|but|so)\s+)(it|they|he|she)\s+(?:could|had|has|have|was|were|did|would|is|are|can|will)\b/i
	);
	if (
		/\bdone so\b/i.test(c.question) ||
		(subjectPronoun && !hasAntecedent(c.question, subjectPronoun.index ?? 0, subjectPronoun[1]))
	)
		return false;
	// Too short to stand alone ("Here are what?", "Mosques and what were built?"), or asking for
	// an aside in parentheses.
	if (wordCount(c.question) < 5 || /^\p{Lu}\p{Ll}+ and what\b/u.test(c.question)) return false;
	// "Both have what, ...": both of what the sentence before named.
	if (/^(?:Both|Each|Neither)\s+(?:have|has|are|is|were|was|of)\b/.test(c.question)) return false;
	// An answer that ends on its verb ("The term refers") is a piece of a clause.
	if (/\s(?:refers|means|is|are|was|were|includes|states|has|have)$/.test(c.answer)) return false;
	// A blank across a dash or ending at a possessive cuts a phrase ("the four “elements”—fire").
	if (/[—–]|[’']$/.test(c.answer)) return false;
	// "A few months later, ...", "Within two years, ...": when is told by the sentence before.
	if (RELATIVE_TIME.test(c.question.replace(/^Complete:\s*/, ''))) return false;
	// An answer that is itself "A few months later", "Shortly thereafter" or "Finally".
	if (RELATIVE_TIME.test(c.answer) || DISCOURSE_OPENER.test(`${c.answer}, `)) return false;
	// "A fourth, the ...", "The final stage, called ...": one of a series the text set out before.
	if (
		/^(?:A|An|The)\s+(?:second|third|fourth|fifth|sixth|final|last|latter|former)(?:\s+\p{Ll}+)?,/u.test(
			c.question.replace(/^Complete:\s*/, '')
		)
	)
		return false;
	// "... into four types of tissues: epithelial, connective, muscle, and nervous": the list
	// that follows counts the answer out.
	if (c.kind === 'number' && listCountsOut(quote, c.index + c.answer.length, c.answer))
		return false;
	// A pronoun before anything it could stand for ("What was the currency it issued known as?").
	const pronoun = c.question.match(/\b(?:it|they|them|he|she|him|its|their)\b/i);
	if (
		pronoun &&
		wordCount(c.question.slice(0, pronoun.index)) <= 6 &&
		!hasAntecedent(c.question, pronoun.index ?? 0, pronoun[0]) &&
		!/^What (?:is|are|was|were) it (?:known as|called|termed|referred to as) when\b/.test(
			c.question
		)
	)
		return false;
	if (
		/\(\s*$/.test(quote.slice(0, c.index)) &&
		/^\s*\)/.test(quote.slice(c.index + c.answer.length))
	)
		return false;
	if (questionWordProblem(c.question, c.answer, c.kind)) return false;
	return !/\b(?:figure|fig\.|table)\s+\d/i.test(c.question);
}

/**
 * The deck's facts: the best scored, about one for every one or two sentences that carry one, at
 * most two from a sentence and two asking for the same answer; the rest, best first, are
 * suggestions. The deck keeps document order.
 */
function withinBudget(
	facts: Fact[],
	scores: Map<Fact, number>,
	sentenceOf: Map<Fact, number>
): { kept: Fact[]; rest: Fact[] } {
	const bearing = new Set(facts.map((fact) => sentenceOf.get(fact))).size;
	const budget = Math.max(1, Math.round(bearing * FACTS_PER_BEARING_SENTENCE));
	// A sentence's second fact counts for less than another sentence's first: spread the deck.
	const rankInSentence = new Map<Fact, number>();
	const bySentence = new Map<number, Fact[]>();
	for (const fact of facts) {
		const key = sentenceOf.get(fact) ?? -1;
		bySentence.set(key, [...(bySentence.get(key) ?? []), fact]);
	}
	for (const list of bySentence.values()) {
		list.sort((x, y) => (scores.get(y) ?? 0) - (scores.get(x) ?? 0));
		list.forEach((fact, rank) => rankInSentence.set(fact, rank));
	}
	const effective = (fact: Fact) =>
		(scores.get(fact) ?? 0) - SECOND_FACT_PENALTY * (rankInSentence.get(fact) ?? 0);
	const ranked = [...facts].sort(
		(x, y) => effective(y) - effective(x) || facts.indexOf(x) - facts.indexOf(y)
	);
	const chosen = new Set<Fact>();
	const perSentence = new Map<number, number>();
	const perAnswer = new Map<string, number>();
	for (const fact of ranked) {
		if (chosen.size >= budget) break;
		const sentence = sentenceOf.get(fact) ?? -1;
		const answer = fact.answer.toLowerCase();
		if ((perSentence.get(sentence) ?? 0) >= MAX_DECK_FACTS_PER_SENTENCE) continue;
		if ((perAnswer.get(answer) ?? 0) >= MAX_DECK_FACTS_PER_ANSWER) continue;
		chosen.add(fact);
		perSentence.set(sentence, (perSentence.get(sentence) ?? 0) + 1);
		perAnswer.set(answer, (perAnswer.get(answer) ?? 0) + 1);
	}
	return {
		kept: facts.filter((fact) => chosen.has(fact)),
		rest: ranked.filter((fact) => !chosen.has(fact))
	};
}

/** How much less a sentence's second fact counts than its first. */
const SECOND_FACT_PENALTY = 3;

/** Gives each date of a sentence (its `when`) to one fact: the date's own, or the first fact it governs. */
function attachEvents(a: Analysis, chosen: Candidate[]): void {
	const anchors = a.dates.filter((d) => d.when !== undefined);
	const withEvent = new Set<Candidate>();
	anchors.forEach((anchor, at) => {
		const nextIndex = at + 1 < anchors.length ? anchors[at + 1].index : Infinity;
		const own = chosen.find((c) => c.index === anchor.index && c.answer === anchor.text);
		const governed = chosen.find(
			(c) =>
				!withEvent.has(c) &&
				c.term === undefined &&
				c.index > anchor.index &&
				c.index < nextIndex &&
				!(c.kind === 'year' || c.kind === 'date')
		);
		const target = own ?? (anchor.subkind === 'relative' ? governed : undefined);
		if (!target || withEvent.has(target)) return;
		const event = wholeClause(eventLabel(a.sentence.text, anchors, at));
		// Chronology only with a label that reads as a whole clause.
		if (event === null) return;
		withEvent.add(target);
		target.when = anchor.when;
		target.event = event;
	});
	for (const c of chosen) if (!withEvent.has(c)) c.when = undefined;
}

/** A word or phrase in the singular, lower case ("atoms" -> "atom", "cities" -> "city"). */
function singular(text: string): string {
	return text
		.toLowerCase()
		.replace(/ies$/, 'y')
		.replace(/(?<![su])s$/, '');
}

/** Whether a phrase's head is plural ("Arab Muslims", "the Barbary pirates"). */
function isPluralPhrase(phrase: string): boolean {
	const head = phraseHead(phrase);
	return /[^su]s$/.test(head) || /\sand\s/.test(phrase);
}

/** The last word of a phrase, singular ("waves" -> "wave"). */
function headNoun(phrase: string): string {
	const last = phrase.toLowerCase().split(/\s+/).pop() ?? '';
	return last.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '');
}

function articleOf(phrase: string): string {
	return (
		phrase
			.match(/^(?:the|a|an)\s/i)?.[0]
			.trim()
			.toLowerCase()
			.replace('an', 'a') ?? ''
	);
}

/** Names of states and bodies, which a name-finder may take for people. */
const STATE_NAME =
	/\b(?:Sultanate|Kingdom|Empire|Company|Council|Army|Party|Church|Ottoman|Republic|Dynasty|Caliphate|Confederation|Congress)\b/u;

/**
 * Whether a pooled value is plainly not of the answer's kind: a people or religion word among
 * places ("Chinese", "Islam"), a state among people ("Kilwa Sultanate").
 */
function isOtherKind(kind: AnswerKind, value: string): boolean {
	if (kind === 'place')
		return /(?:ese|ish|ians?|ic|ism)$|^(?:Islam|Christian|Muslim|Arab)$/u.test(value);
	if (kind === 'person') return STATE_NAME.test(value) || /(?:ese|ish|ians)$/u.test(value);
	return false;
}

/**
 * Up to three same-kind values of the document that are not the answer, not part of it, not
 * in the same sentence and not another name for it: the nearest values for years and numbers,
 * otherwise values from a position seeded by the answer (so different facts get different ones).
 */
function pickDistractors(
	c: Candidate,
	pool: Pool | undefined,
	shortToLong: Map<string, string>,
	longToShort: Map<string, string>
): string[] {
	if (!pool || pool.entries.length === 0) return [];
	const answer = c.answer.toLowerCase();
	const sentence = c.analysis.sentence.text.toLowerCase();
	const same = new Set(
		[shortToLong.get(c.answer), longToShort.get(c.answer)]
			.filter((v): v is string => !!v)
			.map((v) => v.toLowerCase())
	);
	// Phrases are options of the same kind only with the same head noun ("alpha waves", "theta
	// waves") and the same article; any other phrase is an option of the wrong kind.
	// Defined terms likewise ("law of definite proportions", "law of multiple proportions"): a
	// mechanism, a cell and an adjective are not options for one another.
	const head = singular(phraseHead(c.answer));
	const article = articleOf(c.answer);
	const isPlural = isPluralPhrase(c.answer);
	const isSameKind = (p: PoolEntry) => {
		if (c.poolKey === 'phrase' || c.poolKey === 'defined')
			return singular(phraseHead(p.value)) === head && articleOf(p.value) === article;
		// One person is not an option for a group ("Emir Ibrahim", "Arab Muslims").
		if (c.kind === 'person' || c.kind === 'place') return isPluralPhrase(p.value) === isPlural;
		return true;
	};
	const stems = new Set([singular(answer)]);
	const isValid = (p: PoolEntry) =>
		!isOtherKind(c.kind, p.value) &&
		!p.lower.includes(answer) &&
		!answer.includes(p.lower) &&
		!sentence.includes(p.lower) &&
		!same.has(p.lower) &&
		isSameKind(p) &&
		!stems.has(singular(p.lower)) &&
		!isFragment(p.value) &&
		!isTrivialAnswer(p.value);
	// "atom" beside "atoms": the same value twice is one option.
	const take = (p: PoolEntry) => {
		out.push(p.value);
		stems.add(singular(p.lower));
	};
	const entries = pool.entries;
	const out: string[] = [];
	if (pool.isNumeric) {
		const target = entries.find((p) => p.lower === answer)?.numeric ?? 0;
		let lo = 0;
		let hi = entries.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((entries[mid].numeric ?? 0) < target) lo = mid + 1;
			else hi = mid;
		}
		let left = lo - 1;
		let right = lo;
		while (out.length < MAX_DISTRACTORS && (left >= 0 || right < entries.length)) {
			const dl = left >= 0 ? Math.abs((entries[left].numeric ?? 0) - target) : Infinity;
			const dr =
				right < entries.length ? Math.abs((entries[right].numeric ?? 0) - target) : Infinity;
			const pick = dr <= dl ? entries[right++] : entries[left--];
			if (isValid(pick)) take(pick);
		}
		return out;
	}
	const start = seedFromString(c.answer) % entries.length;
	for (let k = 0; k < entries.length && out.length < MAX_DISTRACTORS; k++) {
		const p = entries[(start + k) % entries.length];
		if (isValid(p)) take(p);
	}
	return out;
}
