import type {
	ClozeItem,
	Deck,
	DeckMeta,
	Fact,
	FlashcardItem,
	Item,
	MatchItem,
	McqItem,
	OrderItem,
	TrueFalseItem
} from '$lib/domain/types';
import { createRandom, hashString, seedFromString, shuffle } from '$lib/domain/seeded-random';
import { normalizeAnswer } from '$lib/domain/quiz/lenient-match';
import { dateRange, isBefore } from '$lib/domain/deck/fact-date';
import { DISCOURSE_OPENER, opensWithPronoun } from '$lib/domain/extract/lint';

/** The blank written into cloze prompts. */
export const BLANK = '_____';
const MCQ_DISTRACTORS = 3;
const ORDER_SIZE = 4;
const MATCH_SIZE = 4;

/**
 * Turns a deck's facts into items of all six types. Deterministic: the same input gives the
 * same output, byte for byte, and an item's id depends only on what it asks and answers, so a
 * learner's progress survives regeneration and reordering of the facts.
 */
export function generateDeck(
	meta: DeckMeta,
	facts: readonly Fact[],
	options: GenerateOptions = {}
): Deck {
	const pools = answerPools(facts);
	const perFact = facts.flatMap((fact) => itemsForFact(fact, pools, options));
	// Two facts of one sentence may yield the very same question (the same id): keep it once.
	const items: Item[] = uniqueBy(
		[...perFact, ...orderItems(facts), ...matchItems(facts)],
		(item) => item.id
	);
	spreadCorrectPositions(items.filter((item): item is McqItem => item.type === 'mcq'));
	return { ...meta, facts: [...facts], items };
}

export interface GenerateOptions {
	/**
	 * Fewer items per fact, for automatic facts: the question once (a flashcard, or a cloze when
	 * it is a fill-in-the-blank), multiple choice and one true/false item (true or false, seeded
	 * by the fact) only with three distractors of the same kind.
	 */
	isCompact?: boolean;
}

/** A stable id for an item: a hash of its type, what it asks and what it answers. */
export function itemId(type: Item['type'], asks: string, answers: string): string {
	return `${type}-${hashString(`${type}\u0000${asks}\u0000${answers}`)}`;
}

type Pools = Map<Fact['answerKind'], string[]>;

/** Every answer of each kind in the deck, sorted so the pool never depends on fact order. */
function answerPools(facts: readonly Fact[]): Pools {
	const pools: Pools = new Map();
	for (const fact of facts) {
		const pool = pools.get(fact.answerKind) ?? [];
		pool.push(fact.answer);
		pools.set(fact.answerKind, pool);
	}
	for (const [kind, pool] of pools) pools.set(kind, [...new Set(pool)].sort());
	return pools;
}

/**
 * Wrong answers for a fact: its curated distractors, then answers of the same kind from other
 * facts; never the answer, a value also true, or one that contains or is contained in the answer.
 */
export function distractorsFor(fact: Fact, pool: readonly string[], count: number): string[] {
	const answer = normalized(fact.answer);
	const excluded = new Set([fact.answer, ...(fact.alsoTrue ?? [])].map(normalized));
	const seen = new Set<string>();
	const isUsable = (value: string) => {
		const norm = normalized(value);
		if (!norm || excluded.has(norm) || seen.has(norm)) return false;
		if (containsWords(norm, answer) || containsWords(answer, norm)) return false;
		// "atom" beside "atoms", "Kohlberg" beside "Lawrence Kohlberg": the same thing twice.
		if ([answer, ...seen].some((other) => isSameName(norm, other))) return false;
		seen.add(norm);
		return true;
	};
	const random = createRandom(seedFromString(`distractors:${fact.id}`));
	const curatedList = fact.distractors ?? [];
	const curated = shuffle(byScale(fact, curatedList), random);
	const drawn = shuffle(
		byScale(
			fact,
			pool.filter((value) => !curatedList.includes(value))
		),
		random
	);
	const chosen: string[] = [];
	// Curated first, then drawn; stop as soon as there are enough.
	for (const candidate of [...curated, ...drawn]) {
		if (chosen.length === count) break;
		if (isUsable(candidate)) chosen.push(candidate);
	}
	return chosen;
}

const normalizedCache = new Map<string, string>();

/** normalizeAnswer, memoised: generation compares the same answers many times. */
function normalized(value: string): string {
	let norm = normalizedCache.get(value);
	if (norm === undefined) {
		if (normalizedCache.size > 100_000) normalizedCache.clear();
		norm = normalizeAnswer(value);
		normalizedCache.set(value, norm);
	}
	return norm;
}

/** Whether two normalised values name the same thing: one's stem starts the other, or the same surname. */
function isSameName(a: string, b: string): boolean {
	if (!/[a-z]/.test(a) || !/[a-z]/.test(b)) return false;
	const stem = (v: string) => v.replace(/(?:es|s)$/, '');
	const [sa, sb] = [stem(a), stem(b)];
	if (sa.length >= 4 && sb.length >= 4 && (sa.startsWith(sb) || sb.startsWith(sa))) return true;
	// A surname alone beside the full name; two phrases that only end alike ("Operation Allied
	// Force", "Operation Deliberate Force"; "10 June", "3 June") are different things.
	const [single, full] = a.includes(' ') ? [b, a] : [a, b];
	if (single.includes(' ') || !full.includes(' ')) return false;
	return /^[a-z]{4,}$/.test(single) && full.split(' ').pop() === single;
}

/** Whether `outer` holds `inner` as whole words ("un" is in "the un council"; "4200" is not in "42000"). */
function containsWords(outer: string, inner: string): boolean {
	return ` ${outer} `.includes(` ${inner} `);
}

/** For numbers, keep only candidates of a similar magnitude (within a factor of 20). */
function byScale(fact: Fact, pool: string[]): string[] {
	if (fact.answerKind !== 'number') return pool;
	const size = (value: string) => Number(value.replace(/[^\d.]/g, '')) || 0;
	const target = size(fact.answer);
	if (!target) return pool;
	return pool.filter((value) => {
		const ratio = size(value) / target;
		return ratio > 1 / 20 && ratio < 20;
	});
}

function base(fact: Fact) {
	return {
		factId: fact.id,
		explanation: fact.explanation,
		topic: fact.topic,
		source: { document: fact.document, quote: fact.quote }
	};
}

function itemsForFact(fact: Fact, pools: Pools, options: GenerateOptions): Item[] {
	const items: Item[] = [];
	const alternatives = fact.alternatives?.length ? { alternatives: [...fact.alternatives] } : {};

	const flashcard: FlashcardItem = {
		id: itemId('flashcard', fact.question, fact.answer),
		type: 'flashcard',
		prompt: fact.question,
		answer: fact.answer,
		...alternatives,
		...base(fact)
	};
	// Compact: a fill-in-the-blank question is asked as a cloze (typed and graded), not twice.
	if (!options.isCompact || !fact.question.startsWith('Complete:')) items.push(flashcard);

	const span = fact.cloze ?? fact.answer;
	const clozeText = standaloneText(fact, span);
	const at = clozeText === null ? -1 : clozeText.indexOf(span);
	// Compact: a cloze (typed recall) only where no multiple choice asks the same.
	const wrongForCompact = options.isCompact
		? distractorsFor(fact, sameKindPool(fact, pools.get(fact.answerKind) ?? []), MCQ_DISTRACTORS)
		: [];
	const repeatsQuestion = options.isCompact && wrongForCompact.length === MCQ_DISTRACTORS;
	if (clozeText !== null && at >= 0 && !repeatsQuestion) {
		const prompt = clozeText.slice(0, at) + BLANK + clozeText.slice(at + span.length);
		const cloze: ClozeItem = {
			id: itemId('cloze', prompt, span),
			type: 'cloze',
			prompt,
			answer: span,
			...(span === fact.answer ? alternatives : {}),
			...base(fact)
		};
		items.push(cloze);
	}

	const pool = pools.get(fact.answerKind) ?? [];
	const wrong = distractorsFor(
		fact,
		options.isCompact ? sameKindPool(fact, pool) : pool,
		MCQ_DISTRACTORS
	);
	if (wrong.length === MCQ_DISTRACTORS) {
		const mcq: McqItem = {
			id: itemId('mcq', fact.question, fact.answer),
			type: 'mcq',
			prompt: fact.question,
			answer: fact.answer,
			options: [fact.answer, ...wrong],
			...base(fact)
		};
		items.push(mcq);
	}

	const isFalseOnly = options.isCompact && seedFromString(`truefalse:${fact.id}`) % 2 === 1;
	// Compact: a swapped name, date or number makes a clean false statement; a swapped phrase
	// or term rarely does ("Two more ships, the Coercive and Quebec, followed").
	const hasTrueFalse =
		!options.isCompact ||
		(wrong.length === MCQ_DISTRACTORS && !['phrase', 'term'].includes(fact.answerKind));
	if (fact.statement.includes(fact.answer) && hasTrueFalse) {
		const isTrue: TrueFalseItem = {
			id: itemId('truefalse', fact.statement, 'True'),
			type: 'truefalse',
			prompt: fact.statement,
			answer: 'True',
			...base(fact)
		};
		if (!isFalseOnly) items.push(isTrue);
		// A false statement only from a distractor of the same kind: as strict as multiple choice.
		if (wrong.length === MCQ_DISTRACTORS && (!options.isCompact || isFalseOnly)) {
			const falseStatement = fact.statement.replace(fact.answer, wrong[0]);
			const isFalse: TrueFalseItem = {
				id: itemId('truefalse', falseStatement, 'False'),
				type: 'truefalse',
				prompt: falseStatement,
				answer: 'False',
				correction: fact.answer,
				...base(fact),
				explanation: `It was ${fact.answer}, not ${wrong[0]}. ${fact.explanation}`
			};
			items.push(isFalse);
		}
	}
	return items;
}

/**
 * For automatic facts, the pool values that are of the fact's kind: a phrase only with the same
 * head noun and article ("alpha waves", "theta waves"); names, dates and numbers by their kind.
 */
export function sameKindPool(fact: Fact, pool: readonly string[]): string[] {
	// The extractor already chose distractors from the fact's own pool (hormones for a hormone,
	// centuries for a century); the deck-wide pool by answer kind is coarser ("sensor" for insulin).
	if (fact.distractors !== undefined) return [];
	if (fact.answerKind !== 'phrase') return [...pool];
	const head = headOf(fact.answer);
	const article = articleOf(fact.answer);
	return pool.filter((value) => headOf(value) === head && articleOf(value) === article);
}

function headOf(phrase: string): string {
	const last = phrase.toLowerCase().split(/\s+/).pop() ?? '';
	return last.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
}

function articleOf(phrase: string): string {
	const article =
		phrase
			.match(/^(?:the|a|an)\s/i)?.[0]
			.trim()
			.toLowerCase() ?? '';
	return article === 'an' ? 'a' : article;
}

/**
 * The text a cloze blanks: the quote without a discourse opener ("In contrast, ..."), if it then
 * stands alone; else the fact's statement, if it holds the span and stands alone; else none (a
 * blank in "It was headed by _____" asks the learner to guess what "It" is).
 */
export function standaloneText(fact: Fact, span: string): string | null {
	for (const text of [fact.quote, fact.statement]) {
		const opener = text.match(DISCOURSE_OPENER);
		const rest = opener ? text.slice(opener[0].length) : text;
		const candidate = rest.charAt(0).toUpperCase() + rest.slice(1);
		if (candidate.includes(span) && !opensWithPronoun(candidate)) return candidate;
	}
	return null;
}

/**
 * Chronology items: windows of ORDER_SIZE dated events, each strictly after the one before it
 * (a bare year cannot be ordered against a day in the same year, so such pairs never meet).
 */
function orderItems(facts: readonly Fact[]): OrderItem[] {
	const dated = uniqueBy(
		facts.filter((fact) => fact.when && fact.event && dateRange(fact.when)),
		(fact) => normalized(fact.event ?? '')
	).sort(
		(a, b) =>
			dateRange(a.when!)![0] - dateRange(b.when!)![0] ||
			(a.event ?? '').localeCompare(b.event ?? '')
	);
	const items: OrderItem[] = [];
	const seen = new Set<string>();
	for (let start = 0; start < dated.length; start++) {
		const chain = [dated[start]];
		for (const next of dated.slice(start + 1)) {
			if (chain.length === ORDER_SIZE) break;
			if (isBefore(chain[chain.length - 1].when!, next.when!)) chain.push(next);
		}
		if (chain.length < 3) continue;
		const answer = chain.map((fact) => fact.event!);
		const key = answer.join('\u0000');
		if (seen.has(key)) continue;
		seen.add(key);
		const id = itemId('order', 'chronological order', key);
		items.push({
			id,
			type: 'order',
			prompt: 'Put these events in chronological order, earliest first.',
			answer,
			options: derangedShuffle(answer, seedFromString(id)),
			factIds: chain.map((fact) => fact.id),
			...base(chain[0]),
			explanation: chain.map((fact) => `${fact.event}: ${fact.when}`).join('; ') + '.'
		});
	}
	return items;
}

/** Matching items: windows of MATCH_SIZE terms (sorted by term), stride 2 so terms recur. */
function matchItems(facts: readonly Fact[]): MatchItem[] {
	const terms = uniqueBy(
		uniqueBy(
			facts.filter((fact) => fact.term && fact.meaning),
			(fact) => normalized(fact.term ?? '')
		),
		(fact) => normalized(fact.meaning ?? '')
	).sort((a, b) => a.term!.localeCompare(b.term!) || a.id.localeCompare(b.id));
	const items: MatchItem[] = [];
	if (terms.length < MATCH_SIZE) return items;
	const starts = new Set<number>();
	for (let start = 0; start + MATCH_SIZE <= terms.length; start += 2) starts.add(start);
	starts.add(terms.length - MATCH_SIZE);
	for (const start of [...starts].sort((a, b) => a - b)) {
		const group = terms.slice(start, start + MATCH_SIZE);
		const answer = group.map((fact) => ({ term: fact.term!, meaning: fact.meaning! }));
		const id = itemId(
			'match',
			'match terms',
			answer.map((p) => `${p.term}=${p.meaning}`).join('\u0000')
		);
		items.push({
			id,
			type: 'match',
			prompt: 'Match each term with what it means.',
			answer,
			options: derangedShuffle(
				answer.map((pair) => pair.meaning),
				seedFromString(id)
			),
			factIds: group.map((fact) => fact.id),
			...base(group[0]),
			explanation: answer.map((pair) => `${pair.term}: ${pair.meaning}`).join('; ') + '.'
		});
	}
	return items;
}

/** A seeded shuffle that never leaves the list in its original order (for 2+ items). */
function derangedShuffle(values: readonly string[], seed: number): string[] {
	const random = createRandom(seed);
	for (let attempt = 0; attempt < 20; attempt++) {
		const shuffled = shuffle(values, random);
		if (shuffled.some((value, index) => value !== values[index])) return shuffled;
	}
	return [...values.slice(1), values[0]];
}

/**
 * Places each mcq's correct option so positions are spread evenly over the deck: items sorted
 * by id take positions round-robin, and the distractors keep a seeded order around it.
 */
function spreadCorrectPositions(mcqs: McqItem[]): void {
	const sorted = [...mcqs].sort((a, b) => a.id.localeCompare(b.id));
	sorted.forEach((item, index) => {
		const wrong = shuffle(
			item.options.filter((option) => option !== item.answer),
			createRandom(seedFromString(item.id))
		);
		const position = index % item.options.length;
		item.options = [...wrong.slice(0, position), item.answer, ...wrong.slice(position)];
	});
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
	const seen = new Set<string>();
	return values.filter((value) => {
		const k = key(value);
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}
