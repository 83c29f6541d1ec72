/**
 * Measures generated decks against an evaluation set (questions/eval/): key facts written by
 * hand and labelled items. Labels are keyed by document, source sentence, answer span and item
 * type, so a label carries over when the generator rewords a question.
 */
import { z } from 'zod';
import type { Fact, Item } from '$lib/domain/types';
import { LINT_RULES, lintDeck, type LintRule } from './lint.ts';

export const FAILURE_CLASSES = [
	'false-statement',
	'wrong-kind-options',
	'trivial',
	'needs-context',
	'wrong-question-word',
	'split-phrase',
	'chronology'
] as const;

export const keyFactSchema = z.strictObject({
	document: z.string().min(1),
	id: z.string().min(1),
	fact: z.string().min(1),
	sentence: z.string().min(1),
	answer: z.string().min(1)
});
export type KeyFact = z.infer<typeof keyFactSchema>;

export const labelSchema = z.strictObject({
	document: z.string().min(1),
	sentence: z.string(),
	answer: z.string(),
	type: z.string().min(1),
	verdict: z.enum(['keep', 'reject']),
	class: z.enum(FAILURE_CLASSES).optional(),
	prompt: z.string().optional(),
	note: z.string().optional()
});
export type Label = z.infer<typeof labelSchema>;

/** A label's type: the item type, with true/false split by its answer. */
export function labelType(item: Item): string {
	return item.type === 'truefalse' ? `truefalse:${item.answer.toLowerCase()}` : item.type;
}

/** The answer span a label is keyed by: a fact's answer for true/false, the events for an order item. */
export function labelAnswer(item: Item, fact: Fact | undefined): string {
	if (item.type === 'order') return item.answer.join(' | ');
	if (item.type === 'match') return item.answer.map((pair) => pair.term).join(' | ');
	if (item.type === 'truefalse') return fact?.answer ?? '';
	return item.answer;
}

/** The sentence a label is keyed by: the item's quote ('' for order and match items). */
export function labelSentence(item: Item): string {
	return item.type === 'order' || item.type === 'match' ? '' : item.source.quote;
}

export function labelKey(document: string, sentence: string, answer: string, type: string): string {
	return [document, sentence, answer, type].join('\u0000');
}

export function keyOfItem(item: Item, fact: Fact | undefined): string {
	return labelKey(
		item.source.document,
		labelSentence(item),
		labelAnswer(item, fact),
		labelType(item)
	);
}

export interface DocumentRun {
	document: string;
	words: number;
	/** Facts and items kept in the deck. */
	facts: Fact[];
	items: Item[];
	/** Facts offered as "more suggestions". */
	suggestions: number;
	/** Those facts, best first, when the caller keeps them (to say why a key fact is missed). */
	suggestionFacts?: Fact[];
	text: string;
}

export interface Evaluation {
	documents: number;
	words: number;
	items: number;
	itemsPer1000Words: number;
	keyFacts: number;
	keyFactsCovered: number;
	uncovered: KeyFact[];
	labelled: number;
	labelledKept: number;
	unlabelled: number;
	/** Labels whose recorded prompt differs from the item's prompt now. */
	stale: number;
	lint: Record<LintRule, number>;
	lintExamples: string[];
	rejectedByClass: Record<string, number>;
	perDocument: {
		document: string;
		words: number;
		items: number;
		suggestions: number;
		covered: number;
		keyFacts: number;
		labelled: number;
		kept: number;
	}[];
}

type Range = [number, number];

function rangesOf(haystack: string, needle: string): Range[] {
	const out: Range[] = [];
	if (!needle) return out;
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
		out.push([at, at + needle.length]);
	return out;
}

const overlap = (a: Range[], b: Range[]) =>
	a.some(([as, ae]) => b.some(([bs, be]) => as < be && bs < ae));

/** Whether an item asks for the key fact: it quotes the fact's sentence and its answer overlaps the fact's. */
export function coversKeyFact(item: Item, fact: Fact | undefined, key: KeyFact): boolean {
	if (item.source.document !== key.document) return false;
	if (item.type === 'order' || item.type === 'match') return false;
	if (item.type === 'truefalse' && item.answer === 'True') return false;
	const quote = item.source.quote;
	if (!quote.includes(key.sentence) && !key.sentence.includes(quote)) return false;
	const answer = item.type === 'truefalse' ? (fact?.answer ?? '') : item.answer;
	// Both spans located in the quote (or, for a key sentence longer than the quote, in the key's).
	const keyStart = quote.indexOf(key.sentence);
	const keyRanges =
		keyStart >= 0
			? rangesOf(key.sentence, key.answer).map(([s, e]): Range => [s + keyStart, e + keyStart])
			: rangesOf(quote, key.answer);
	return overlap(rangesOf(quote, answer), keyRanges);
}

/** Evaluates generated decks: density, key-fact coverage, labelled share kept, lint counts. */
export function evaluate(runs: DocumentRun[], keyFacts: KeyFact[], labels: Label[]): Evaluation {
	const labelled = new Map(
		labels.map((label) => [
			labelKey(label.document, label.sentence, label.answer, label.type),
			label
		])
	);
	const lint = Object.fromEntries(LINT_RULES.map((rule) => [rule, 0])) as Record<LintRule, number>;
	const lintExamples: string[] = [];
	const rejectedByClass: Record<string, number> = {};
	let labelledCount = 0;
	let kept = 0;
	let unlabelled = 0;
	let stale = 0;
	let covered = 0;
	const uncovered: KeyFact[] = [];
	const perDocument: Evaluation['perDocument'] = [];
	for (const run of runs) {
		const factById = new Map(run.facts.map((fact) => [fact.id, fact]));
		const verdicts = new Map<Item, Label | undefined>();
		let docLabelled = 0;
		let docKept = 0;
		for (const item of run.items) {
			const label = labelled.get(keyOfItem(item, factById.get(item.factId)));
			verdicts.set(item, label);
			if (!label) {
				unlabelled++;
				continue;
			}
			labelledCount++;
			docLabelled++;
			if (label.prompt !== undefined && label.prompt !== item.prompt) stale++;
			if (label.verdict === 'keep') {
				kept++;
				docKept++;
			} else
				rejectedByClass[label.class ?? 'unclassified'] =
					(rejectedByClass[label.class ?? 'unclassified'] ?? 0) + 1;
		}
		for (const problem of lintDeck(run.items, run.facts, { [run.document]: run.text })) {
			lint[problem.rule]++;
			if (lintExamples.length < 40)
				lintExamples.push(`${run.document}: ${problem.rule}: ${problem.message}`);
		}
		const keys = keyFacts.filter((key) => key.document === run.document);
		let docCovered = 0;
		for (const key of keys) {
			const isCovered = run.items.some(
				(item) =>
					verdicts.get(item)?.verdict !== 'reject' &&
					coversKeyFact(item, factById.get(item.factId), key)
			);
			if (isCovered) docCovered++;
			else uncovered.push(key);
		}
		covered += docCovered;
		perDocument.push({
			document: run.document,
			words: run.words,
			items: run.items.length,
			suggestions: run.suggestions,
			covered: docCovered,
			keyFacts: keys.length,
			labelled: docLabelled,
			kept: docKept
		});
	}
	const words = runs.reduce((sum, run) => sum + run.words, 0);
	const items = runs.reduce((sum, run) => sum + run.items.length, 0);
	const keyCount = runs.reduce(
		(sum, run) => sum + keyFacts.filter((k) => k.document === run.document).length,
		0
	);
	return {
		documents: runs.length,
		words,
		items,
		itemsPer1000Words: words === 0 ? 0 : (1000 * items) / words,
		keyFacts: keyCount,
		keyFactsCovered: covered,
		uncovered,
		labelled: labelledCount,
		labelledKept: kept,
		unlabelled,
		stale,
		lint,
		lintExamples,
		rejectedByClass,
		perDocument
	};
}

/**
 * Why a key fact is not covered: an item that asks it is labelled reject, the fact that asks
 * it was ranked out of the deck (a suggestion), its sentence was asked for another answer, or
 * no fact asks about its sentence at all.
 */
export function whyUncovered(run: DocumentRun, key: KeyFact, labels: Label[]): string {
	const byKey = new Map(labels.map((l) => [labelKey(l.document, l.sentence, l.answer, l.type), l]));
	const factById = new Map(run.facts.map((fact) => [fact.id, fact]));
	const rejected = run.items.filter(
		(item) =>
			coversKeyFact(item, factById.get(item.factId), key) &&
			byKey.get(keyOfItem(item, factById.get(item.factId)))?.verdict === 'reject'
	);
	if (rejected.length)
		return `asked, but labelled reject (${rejected
			.map((item) => byKey.get(keyOfItem(item, factById.get(item.factId)))?.class ?? '?')
			.join(', ')})`;
	const asAnswer = (fact: Fact): Item => ({
		id: fact.id,
		type: 'flashcard',
		factId: fact.id,
		prompt: fact.question,
		answer: fact.answer,
		explanation: fact.explanation,
		topic: fact.topic,
		source: { document: fact.document, quote: fact.quote }
	});
	const suggestions = run.suggestionFacts ?? [];
	const rank = suggestions.findIndex((fact) => coversKeyFact(asAnswer(fact), fact, key));
	if (rank >= 0)
		return `ranked out of the budget (suggestion ${rank + 1} of ${suggestions.length}: "${suggestions[rank].question}")`;
	const quotes = (fact: Fact) =>
		fact.quote.includes(key.sentence) || key.sentence.includes(fact.quote);
	const other = [...run.facts, ...suggestions].filter(quotes);
	if (other.length)
		return `its sentence asks for another answer: ${other.map((f) => `"${f.answer}"`).join(', ')}`;
	return 'no fact from its sentence (not eligible, or no pattern found)';
}
