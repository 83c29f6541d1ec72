import type { Deck, DeckMeta, Fact, Item } from '$lib/domain/types';
import { ITEM_TYPES } from '$lib/domain/types';
import { dateRange } from '$lib/domain/deck/fact-date';
import { normalizeAnswer } from '$lib/domain/quiz/lenient-match';
import { BLANK } from '$lib/domain/deck/generate';

/** One thing wrong (error) or worth a look (warning), named by file and fact or item. */
export interface Problem {
	file: string;
	factId?: string;
	itemId?: string;
	message: string;
}

export interface ValidationReport {
	errors: Problem[];
	warnings: Problem[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a deck's curated facts against its documents: every quote verbatim in its document,
 * every answer (or cloze span) inside its quote, ids unique, topics and dates known.
 * `documents` maps source id -> full text; `file` names the facts file in messages.
 */
export function validateFacts(
	meta: DeckMeta,
	facts: readonly Fact[],
	documents: Readonly<Record<string, string>>,
	file: string
): ValidationReport {
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	const topics = new Set(meta.topics.map((topic) => topic.id));
	const seen = new Set<string>();
	for (const fact of facts) {
		const error = (message: string) => errors.push({ file, factId: fact.id, message });
		if (!ID.test(fact.id)) error(`id "${fact.id}" is not kebab-case`);
		if (seen.has(fact.id)) error(`duplicate fact id "${fact.id}"`);
		seen.add(fact.id);
		if (!topics.has(fact.topic)) error(`unknown topic "${fact.topic}"`);
		const text = documents[fact.document];
		if (text === undefined) {
			error(`unknown document "${fact.document}"`);
		} else if (!text.includes(fact.quote)) {
			error(`quote not found verbatim in ${fact.document}.txt: "${clip(fact.quote)}"`);
		}
		if (/\[endnoteRef:\d+\]/.test(fact.quote)) error('quote includes endnote markup');
		const span = fact.cloze ?? fact.answer;
		if (!fact.quote.includes(span)) {
			error(`${fact.cloze ? 'cloze span' : 'answer'} "${span}" is not in the quote`);
		}
		if (!fact.answer.trim()) error('answer is empty');
		if (!fact.statement.includes(fact.answer)) {
			warnings.push({
				file,
				factId: fact.id,
				message: 'statement does not contain the answer: no true/false items'
			});
		}
		if (fact.when !== undefined && !dateRange(fact.when)) {
			error(`"when" is not YYYY, YYYY-MM or YYYY-MM-DD: "${fact.when}"`);
		}
		if ((fact.when === undefined) !== (fact.event === undefined)) {
			error('"when" and "event" go together');
		}
		if ((fact.term === undefined) !== (fact.meaning === undefined)) {
			error('"term" and "meaning" go together');
		}
		const answer = normalizeAnswer(fact.answer);
		for (const wrong of fact.distractors ?? []) {
			if (normalizeAnswer(wrong) === answer) error(`distractor "${wrong}" is the answer`);
			if ((fact.alsoTrue ?? []).some((v) => normalizeAnswer(v) === normalizeAnswer(wrong))) {
				error(`distractor "${wrong}" is also listed as true`);
			}
		}
	}
	return { errors, warnings };
}

/**
 * Checks generated items: unique ids, quotes verbatim, every mcq with one correct option among
 * at least four distinct ones, well-formed order and match items.
 */
export function validateItems(
	deck: Deck,
	documents: Readonly<Record<string, string>>,
	file: string
): ValidationReport {
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	const ids = new Set<string>();
	const factsById = new Map(deck.facts.map((fact) => [fact.id, fact]));
	for (const item of deck.items) {
		const error = (message: string) =>
			errors.push({ file, factId: item.factId, itemId: item.id, message });
		if (ids.has(item.id)) error(`duplicate item id "${item.id}"`);
		ids.add(item.id);
		if (!(ITEM_TYPES as readonly string[]).includes(item.type))
			error(`unknown type "${item.type}"`);
		const text = documents[item.source.document];
		if (text === undefined || !text.includes(item.source.quote)) {
			error(`source quote not found verbatim in ${item.source.document}.txt`);
		}
		for (const message of itemShapeProblems(item, factsById.get(item.factId))) error(message);
	}
	return { errors, warnings };
}

/** What is wrong with one item's shape, as messages (empty when well formed). */
export function itemShapeProblems(item: Item, fact?: Fact): string[] {
	const problems: string[] = [];
	switch (item.type) {
		case 'mcq': {
			const options = item.options ?? [];
			const norms = options.map(normalizeAnswer);
			const hits = options.filter((option) => option === item.answer).length;
			if (options.length < 4)
				problems.push(`mcq has ${options.length} options; it needs at least 4`);
			if (hits !== 1)
				problems.push(`mcq answer "${item.answer}" appears ${hits} times among its options`);
			if (new Set(norms).size !== norms.length) problems.push('mcq has duplicate options');
			const alsoTrue = new Set((fact?.alsoTrue ?? []).map(normalizeAnswer));
			for (const option of options) {
				if (option !== item.answer && alsoTrue.has(normalizeAnswer(option))) {
					problems.push(`mcq distractor "${option}" is also true`);
				}
			}
			break;
		}
		case 'truefalse':
			if (item.answer !== 'True' && item.answer !== 'False')
				problems.push('truefalse answer must be True or False');
			break;
		case 'cloze':
			if (!item.prompt.includes(BLANK)) problems.push('cloze prompt has no blank');
			break;
		case 'order':
			if (item.answer.length < 3 || item.answer.length > 5)
				problems.push('order needs 3 to 5 events');
			if ([...item.options].sort().join('\u0000') !== [...item.answer].sort().join('\u0000')) {
				problems.push('order options are not the events of the answer');
			}
			break;
		case 'match':
			if (item.answer.length < 4 || item.answer.length > 6)
				problems.push('match needs 4 to 6 pairs');
			break;
		case 'flashcard':
			if (!item.answer.trim()) problems.push('flashcard has no answer');
			break;
	}
	return problems;
}

/** Counts for the report: items by type and facts that yielded no multiple-choice item. */
export function summarise(deck: Deck): {
	facts: number;
	items: number;
	byType: Record<string, number>;
	factsWithoutItems: string[];
	factsWithoutMcq: string[];
} {
	const byType: Record<string, number> = Object.fromEntries(ITEM_TYPES.map((type) => [type, 0]));
	const withItems = new Set<string>();
	const withMcq = new Set<string>();
	for (const item of deck.items) {
		byType[item.type] += 1;
		for (const id of item.factIds ?? [item.factId]) withItems.add(id);
		if (item.type === 'mcq') withMcq.add(item.factId);
	}
	return {
		facts: deck.facts.length,
		items: deck.items.length,
		byType,
		factsWithoutItems: deck.facts.filter((f) => !withItems.has(f.id)).map((f) => f.id),
		factsWithoutMcq: deck.facts.filter((f) => !withMcq.has(f.id)).map((f) => f.id)
	};
}

function clip(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
