/**
 * The editing rules of a deck made from a document, before it is saved: edit an item, delete an
 * item or a fact, add a fact from a selected span of the document. Every function is pure and
 * returns a new deck; an edit that would break a deck rule returns a message instead.
 */
import type { AnswerKind, Deck, Fact, Item, Topic } from '$lib/domain/types';
import { deckMetaSchema } from '$lib/domain/deck/deck-schema';
import { BLANK, generateDeck } from '$lib/domain/deck/generate';
import { itemShapeProblems, validateFacts, validateItems } from '$lib/domain/deck/validate';
import { normalizeAnswer } from '$lib/domain/quiz/lenient-match';
import { factId } from '$lib/domain/extract/hash';
import type { ParsedDocument, Sentence } from '$lib/domain/extract/sentences';

export type EditResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * What a learner may change in one item; order and match items take a new prompt only. A
 * multiple-choice item may also take new options (the right answer must be one of them).
 */
export interface ItemEdit {
	prompt: string;
	answer?: string;
	options?: string[];
}

/** The source document a deck is being made from, parsed once by the caller. */
export interface DraftDocument {
	id: string;
	text: string;
	parsed: ParsedDocument;
}

/** A fact proposed from a selection, with the topic of its sentence (added to the deck if new). */
export interface ProposedFact {
	fact: Fact;
	topic: Topic;
}

const MAX_PROMPT = 400;
const MAX_ANSWER = 300;
const MAX_TITLE = 200;
/** A multiple-choice item has at least this many options (the deck rule of `itemShapeProblems`). */
const MIN_OPTIONS = 4;

/** Item types whose single answer can be edited as text. */
const TEXT_ANSWER_TYPES: ReadonlySet<Item['type']> = new Set(['flashcard', 'cloze']);

function fail<T>(error: string): EditResult<T> {
	return { ok: false, error };
}

/** Applies an edit to one item, or says why it cannot (empty prompt, mcq answer not an option…). */
export function editItem(deck: Deck, itemId: string, edit: ItemEdit): EditResult<Deck> {
	const item = deck.items.find((candidate) => candidate.id === itemId);
	if (!item) return fail('This question is no longer in the deck.');
	const prompt = edit.prompt.trim();
	if (!prompt) return fail('The question cannot be empty.');
	if (prompt.length > MAX_PROMPT)
		return fail(`The question is too long (${MAX_PROMPT} characters at most).`);
	if (item.type === 'cloze' && !prompt.includes(BLANK)) {
		return fail(`A fill-the-blank question must keep its blank, written ${BLANK}.`);
	}
	let edited: Item = { ...item, prompt };
	if (edit.options !== undefined && item.type === 'mcq') {
		const options = edit.options.map(cleanOption);
		const problem = optionsProblem(options);
		if (problem) return fail(problem);
		edited = { ...item, prompt, options };
	}
	const answer =
		edit.options !== undefined && edit.answer !== undefined
			? cleanOption(edit.answer)
			: edit.answer?.trim();
	if (
		answer !== undefined &&
		(item.type === 'mcq' || item.type === 'truefalse' || TEXT_ANSWER_TYPES.has(item.type))
	) {
		if (!answer) return fail('The answer cannot be empty.');
		if (answer.length > MAX_ANSWER)
			return fail(`The answer is too long (${MAX_ANSWER} characters at most).`);
		if (edited.type === 'mcq' && !edited.options.includes(answer)) {
			return fail(`The answer must be one of the options: ${edited.options.join(', ')}.`);
		}
		if (item.type === 'truefalse' && answer !== 'True' && answer !== 'False') {
			return fail('A true-or-false answer is True or False.');
		}
		edited = { ...edited, answer } as Item;
	}
	const fact = deck.facts.find((candidate) => candidate.id === item.factId);
	const problems = itemShapeProblems(edited, fact);
	if (problems.length > 0) return fail(problems.join('; '));
	return {
		ok: true,
		value: {
			...deck,
			items: deck.items.map((candidate) => (candidate.id === itemId ? edited : candidate))
		}
	};
}

/** An option as stored: one space between words, none around. */
function cleanOption(option: string): string {
	return option.replace(/\s+/g, ' ').trim();
}

/** Why a multiple-choice item's options cannot stand (empty, too long, repeated), or null. */
export function optionsProblem(options: readonly string[]): string | null {
	if (options.length < MIN_OPTIONS)
		return `A multiple-choice question needs ${MIN_OPTIONS} options.`;
	const empty = options.findIndex((option) => option === '');
	if (empty >= 0) return `Option ${empty + 1} is empty: write it or keep the old one.`;
	const long = options.findIndex((option) => option.length > MAX_ANSWER);
	if (long >= 0) return `Option ${long + 1} is too long (${MAX_ANSWER} characters at most).`;
	const seen = new Map<string, number>();
	for (const [index, option] of options.entries()) {
		const norm = normalizeAnswer(option);
		const first = seen.get(norm);
		if (first !== undefined)
			return `Options ${first + 1} and ${index + 1} say the same: every option must differ.`;
		seen.set(norm, index);
	}
	return null;
}

/** Removes one item; a fact left with no question of its own goes too. */
export function deleteItem(deck: Deck, itemId: string): Deck {
	const item = deck.items.find((candidate) => candidate.id === itemId);
	if (!item) return deck;
	const items = deck.items.filter((candidate) => candidate.id !== itemId);
	if (items.some((candidate) => candidate.factId === item.factId)) return { ...deck, items };
	return deleteFact({ ...deck, items }, item.factId);
}

/** Removes a fact, its items, and every order or match item that draws on it. */
export function deleteFact(deck: Deck, id: string): Deck {
	return {
		...deck,
		facts: deck.facts.filter((fact) => fact.id !== id),
		items: deck.items.filter((item) => item.factId !== id && !(item.factIds ?? []).includes(id))
	};
}

/** The sentence that holds the whole span [from, to) of the document, or null. */
export function sentenceAround(parsed: ParsedDocument, from: number, to: number): Sentence | null {
	for (const sentence of parsed.sentences) {
		const end = sentence.start + sentence.text.length;
		if (from >= sentence.start && to <= end) return sentence;
		if (sentence.start > from) break;
	}
	return null;
}

/** A cloze-style question on a span of a sentence: "Complete: … _____ …". */
export function completeQuestion(sentence: string, from: number, to: number): string {
	return `Complete: ${sentence.slice(0, from)}${BLANK}${sentence.slice(to)}`;
}

/** The kind of a hand-picked answer, so its distractors are drawn from answers of the same kind. */
export function guessAnswerKind(answer: string): AnswerKind {
	if (/^(1\d{3}|20\d{2})$/.test(answer)) return 'year';
	if (
		/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(
			answer
		) &&
		/\d/.test(answer)
	)
		return 'date';
	if (/^[$€£]?\d[\d,.]*\s*(%|percent|per cent)?$/.test(answer)) return 'number';
	if (/^[\p{Lu}][\p{Lu}\d&]{1,9}$/u.test(answer)) return 'acronym';
	return 'phrase';
}

/**
 * A fact from a span selected in the document ([from, to), offsets in `doc.text`): the answer is
 * the span (trimmed), the quote its sentence, the question "Complete: …". The selection must lie
 * inside one sentence and be only part of it.
 */
export function factFromSelection(
	deck: Deck,
	doc: DraftDocument,
	from: number,
	to: number
): EditResult<ProposedFact> {
	let start = Math.max(0, Math.min(from, to));
	let end = Math.min(doc.text.length, Math.max(from, to));
	while (start < end && /[\s"“'‘(]/.test(doc.text[start])) start++;
	while (end > start && /[\s.,;:!?"”'’)]/.test(doc.text[end - 1])) end--;
	if (start === end) return fail('Select a word or a few words of the document first.');
	const sentence = sentenceAround(doc.parsed, start, end);
	if (!sentence)
		return fail(
			'Select words inside one sentence (a selection cannot cross sentences or headings).'
		);
	const answer = doc.text.slice(start, end);
	if (answer.length > MAX_ANSWER)
		return fail(`Select a shorter span (${MAX_ANSWER} characters at most).`);
	const quote = sentence.text;
	const inQuote = start - sentence.start;
	const rest = (quote.slice(0, inQuote) + quote.slice(inQuote + answer.length)).replace(
		/[^\p{L}\d]/gu,
		''
	);
	if (!rest)
		return fail('Select only part of the sentence, so there is something left to ask about.');
	const id = factId(doc.id, answer, quote);
	if (deck.facts.some((fact) => fact.id === id)) {
		return fail('There is already a question with this answer on this sentence.');
	}
	const heading = doc.parsed.headings.find((h) => h.slug === sentence.topic);
	const topic: Topic = { id: sentence.topic, title: heading?.text ?? 'General' };
	const fact: Fact = {
		id,
		topic: topic.id,
		document: doc.id,
		quote,
		question: completeQuestion(quote, inQuote, inQuote + answer.length),
		answer,
		answerKind: guessAnswerKind(answer),
		statement: quote,
		explanation: `From the text: ${quote}`
	};
	return { ok: true, value: { fact, topic } };
}

/**
 * Adds a fact and its own items (flashcard, cloze, multiple choice, true/false, as the generator
 * makes them, with distractors drawn from the deck's other answers) after the facts of earlier
 * sentences; existing items are kept as edited. An item already in the deck is not added twice.
 */
export function addFact(deck: Deck, doc: DraftDocument, proposed: ProposedFact): EditResult<Deck> {
	const documents = { [doc.id]: doc.text };
	const fact: Fact = { ...proposed.fact, question: proposed.fact.question.trim() };
	if (!fact.question) return fail('The question cannot be empty.');
	if (fact.question.length > MAX_PROMPT)
		return fail(`The question is too long (${MAX_PROMPT} characters at most).`);
	const topics = deck.topics.some((topic) => topic.id === proposed.topic.id)
		? deck.topics
		: [...deck.topics, proposed.topic];
	const meta = { ...deck, topics };
	const report = validateFacts(meta, [fact], documents, 'document');
	if (report.errors.length > 0) return fail(report.errors.map((p) => p.message).join('; '));
	const generated = generateDeck(meta, [...deck.facts, fact]).items;
	const taken = new Set(deck.items.map((item) => item.id));
	const own = generated.filter(
		(item) => item.factId === fact.id && item.factIds === undefined && !taken.has(item.id)
	);
	if (own.length === 0) return fail('No question could be made from this selection.');
	// In document order, so the new fact is listed (and studied) with its neighbours.
	const starts = new Map(doc.parsed.sentences.map((sentence) => [sentence.text, sentence.start]));
	const at = starts.get(fact.quote) ?? Infinity;
	let index = deck.facts.findIndex((other) => (starts.get(other.quote) ?? -1) > at);
	if (index === -1) index = deck.facts.length;
	const facts = [...deck.facts.slice(0, index), fact, ...deck.facts.slice(index)];
	return { ok: true, value: { ...deck, topics, facts, items: [...deck.items, ...own] } };
}

/**
 * The deck as it will be saved, or every reason it cannot be: a title, at least one question,
 * the deck rules of `buildDeck` (verbatim quotes, well-formed items, unique ids). Topics no fact
 * uses are dropped.
 */
export function finishDeck(
	deck: Deck,
	documents: Readonly<Record<string, string>>,
	title: string
): EditResult<Deck> {
	const cleanTitle = title.replace(/\s+/g, ' ').trim();
	if (!cleanTitle) return fail('Give the deck a title.');
	if (cleanTitle.length > MAX_TITLE)
		return fail(`The title is too long (${MAX_TITLE} characters at most).`);
	if (deck.items.length === 0)
		return fail('The deck has no questions left: add or keep at least one.');
	const used = new Set(deck.facts.map((fact) => fact.topic));
	const finished: Deck = {
		...deck,
		title: cleanTitle,
		topics: deck.topics.filter((topic) => used.has(topic.id))
	};
	const { id, description, version, topics, sources, facts } = finished;
	const meta = { id, title: cleanTitle, description, version, topics, sources };
	const metaCheck = deckMetaSchema.safeParse(meta);
	if (!metaCheck.success)
		return fail(`The deck is not valid: ${metaCheck.error.issues[0].message}`);
	const problems = [
		...validateFacts(meta, facts, documents, 'document').errors,
		...validateItems(finished, documents, 'document').errors
	];
	if (problems.length > 0) {
		return fail(
			`The deck breaks a rule: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`
		);
	}
	return { ok: true, value: finished };
}

/** The ids of the facts of `before` that `after` no longer has (their progress goes with them). */
export function removedFactIds(before: Deck, after: Deck): string[] {
	const kept = new Set(after.facts.map((fact) => fact.id));
	return before.facts.filter((fact) => !kept.has(fact.id)).map((fact) => fact.id);
}

/** Items grouped by the fact they ask about, in fact order; order and match items come apart. */
export function groupItemsByFact(deck: Deck): {
	groups: { fact: Fact; items: Item[] }[];
	combined: Item[];
} {
	const byFact = new Map<string, Item[]>(deck.facts.map((fact) => [fact.id, []]));
	const combined: Item[] = [];
	for (const item of deck.items) {
		const list = item.factIds === undefined ? byFact.get(item.factId) : undefined;
		if (list) list.push(item);
		else combined.push(item);
	}
	return {
		groups: deck.facts.map((fact) => ({ fact, items: byFact.get(fact.id) ?? [] })),
		combined
	};
}
