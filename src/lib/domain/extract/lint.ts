/**
 * Automatic checks on generated items: the failures a teacher spots at a glance and a rule can
 * find (issue 13): options that are broken fragments, trivial answers, stems that open with a
 * pronoun or demonstrative (they lean on the sentence before), question words that do not fit
 * their answer, and blanks that split a name. The generator drops what fails; the evaluation
 * counts what is left (it must be nothing).
 */
import type { AnswerKind, Fact, Item } from '$lib/domain/types';

export const LINT_RULES = [
	'fragment-option',
	'trivial-answer',
	'pronoun-stem',
	'question-word',
	'split-phrase'
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface LintProblem {
	rule: LintRule;
	itemId: string;
	message: string;
}

const FUNCTION_WORDS = new Set(
	'a an the and or but nor of to in on at by for from with as into onto than that which who whom whose up via per its their his her our your is are was were be been'.split(
		' '
	)
);
/** Words that cannot end a phrase that stands alone. */
const DANGLING_END = new Set(
	'a an the and or but nor of to in on at by for from with as into onto than that which who whom whose up via per its their his her our your is are was were be been can could will would should may might must also not'.split(
		' '
	)
);

/** Nouns that say nothing on their own: "a result", "the loss", "the same day", "an effort". */
const GENERIC_NOUNS = new Set(
	'solution solutions country countries nation nations individual individuals deviation end beginning middle detail details result results loss losses day days effort efforts way ways thing things part parts kind kinds type types number numbers lot point points time times case cases fact facts example examples use uses form forms order area areas side sides end ends level levels rest role roles issue issues matter matters aspect aspects idea ideas process processes change changes problem problems reason reasons step steps one ones others other same this that these those place places people person group groups term terms amount amounts degree degrees situation situations event events purpose purposes manner means sense view views'.split(
		' '
	)
);

const PRONOUN_OPENERS = new Set(
	'it its they their them theirs he she his her him hers we our us this these those that such there here'.split(
		' '
	)
);

/** Discourse openers that make a stem lean on what came before ("In contrast, ..."). */
export const DISCOURSE_OPENER =
	/^(?:(?:in contrast|by contrast|in addition|additionally|furthermore|moreover|however|consequently|accordingly|as a result|for example|for instance|in other words|that is|similarly|likewise|instead|otherwise|meanwhile|nevertheless|nonetheless|ironically|interestingly|finally|ultimately|indeed|in fact|in turn|on the other hand|another way to say it is that|still|yet|then|later|first|second|third|next|in short|overall|of course|in particular|at the same time|even so|regardless|understandably),|(?:and|but|or|so|thus|hence|therefore|also)\b,?)\s+/i;

function words(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}'’\s-]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean);
}

/** Whether a value is a broken piece of text rather than a phrase that stands alone. */
export function isFragment(value: string, document = ''): boolean {
	const text = value.trim();
	if (!text) return true;
	const opens = (text.match(/[([{]/g) ?? []).length;
	const closes = (text.match(/[)\]}]/g) ?? []).length;
	if (opens !== closes) return true;
	const quotes = (text.match(/["“”]/g) ?? []).length;
	if (quotes % 2 === 1) return true;
	if (/[,;:\-–—]$/.test(text) || /^[,;:.)\]–—-]/.test(text)) return true;
	const list = words(text);
	if (list.length === 0) return true;
	if (DANGLING_END.has(list[list.length - 1])) return true;
	if (list.length > 1 && /^(?:and|or|but|nor|of|to|with|than|as|that|which|who)$/.test(list[0]))
		return true;
	if (/^\d+(?:[.,]\d+)*$/.test(text) && document) {
		// A number cut from a larger one: "8" from "8,950", "950 troops" from "8,950 troops".
		const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		if (new RegExp(`\\d[,.]${escaped}\\b|\\b${escaped}[,.]\\d`).test(document)) return true;
	}
	return false;
}

/** Whether an answer is too trivial to test: an article and a generic noun, or only function words. */
export function isTrivialAnswer(answer: string, quote = ''): boolean {
	const list = words(answer);
	if (list.length === 0) return true;
	const content = list.filter((w) => !FUNCTION_WORDS.has(w) && !GENERIC_NOUNS.has(w));
	if (content.length === 0) return true;
	// "the same day", "a few months": a generic noun with only a determiner-like word before it.
	if (
		list.length <= 3 &&
		GENERIC_NOUNS.has(list[list.length - 1]) &&
		list
			.slice(0, -1)
			.every(
				(w) => FUNCTION_WORDS.has(w) || /^(same|few|several|many|some|first|new|other)$/.test(w)
			)
	)
		return true;
	if (/^(?:figure|fig\.|table|chapter|section)\b/i.test(answer.trim())) return true;
	if (quote && /^\d{4}$/.test(answer.trim()) && isCitationYear(quote, answer.trim())) return true;
	return false;
}

/** Whether a year in a sentence is a citation ("(Erikson 1982)", "(Mead 1934; Mead 1964)") or a life span. */
export function isCitationYear(quote: string, year: string): boolean {
	const at = [...quote.matchAll(new RegExp(`\\b${year}\\b`, 'g'))].map((m) => m.index ?? 0);
	return at.length > 0 && at.every((i) => isCitationAt(quote, i, year.length));
}

function isCitationAt(quote: string, index: number, length: number): boolean {
	const before = quote.slice(Math.max(0, index - 40), index);
	const after = quote.slice(index + length, index + length + 10);
	// Inside parentheses with a name: "(Piaget 1954)", "(Cooley 1902)", "(Gilligan 1982; Gilligan 1990)".
	if (
		/\(\s*[^()]*\p{Lu}[\p{L}’'.-]+,?\s+(?:et al\.\s+)?$/u.test(before) &&
		/^[\s;,)\d:–-]/.test(after)
	)
		return true;
	// A life span: "(1856–1939)", "(1936–)".
	if (/\(\s*(?:\d{4}\s*[–-]\s*)?$/.test(before) && /^\s*(?:[–-]\s*(?:\d{4})?\s*)?\)/.test(after))
		return true;
	return /\(\s*\d{4}\s*[–-]\s*$/.test(before);
}

/** The words a stem opens with, once a "Complete:" label is set aside. */
function stemOpening(prompt: string): string {
	return prompt
		.replace(/^Complete:\s*/, '')
		.replace(/^[\s"“‘'(]+/, '')
		.trim();
}

/** Whether a stem opens with a pronoun, a demonstrative or a discourse opener. */
export function opensWithPronoun(prompt: string): boolean {
	const text = stemOpening(prompt);
	if (DISCOURSE_OPENER.test(text)) return true;
	// "That’s not ...": a contraction opens with its pronoun.
	const first = (text.split(/\s+/)[0] ?? '')
		.toLowerCase()
		.replace(/[^\p{L}’']/gu, '')
		.replace(/[’'](?:s|re|ll|d)$/, '');
	return PRONOUN_OPENERS.has(first);
}

const PERSON_KINDS: AnswerKind[] = ['person'];
const PLACE_KINDS: AnswerKind[] = ['place'];
const TIME_KINDS: AnswerKind[] = ['year', 'date'];
const ORGANISATION_KINDS: AnswerKind[] = ['organisation', 'acronym'];

/**
 * Whether a question is broken whatever its answer: "did first", "who who", "In which century
 * did Starting, settlements ...", "Another sociologist, who (1936–), ...".
 */
export function isBrokenForm(prompt: string): boolean {
	const p = prompt.toLowerCase();
	if (/\s,|\bdid first\b|\bwho who\b/.test(p)) return true;
	return (
		/\b(?:did|was|were|had) \p{Lu}\p{Ll}*ing,/u.test(prompt) ||
		/\b(?:who|whom|what) \((?=[^)]*\d)/.test(p)
	);
}

/** Why a question's wh-word does not fit its answer, or null when it fits. */
export function questionWordProblem(
	prompt: string,
	answer: string,
	kind: AnswerKind
): string | null {
	if (prompt.startsWith('Complete:')) return null;
	const p = prompt.toLowerCase();
	if (isBrokenForm(prompt)) return `broken form "${prompt}"`;
	// "In which year did on the southern part of the coast, ...": a fronted question whose
	// subject is itself a phrase or clause.
	if (
		/^(?:in|on|during|since|by|from|until|after|before)?\s*which \w+ (?:did|was|were|had|is|are) (?:on|in|at|according|after|before|during|even|when|while|as|with|to|for|from|by)\b/.test(
			p
		)
	)
		return `broken form "${prompt}"`;
	if (
		/\b(?:the|a|an)\s+which\b/.test(p) ||
		/\bwhom?[’']s\b/.test(p) ||
		/\b(?:did|was|were|had) even\b/.test(p)
	)
		return `broken form "${prompt}"`;
	if (/\bwhich year\b/.test(p) || /^in what year\b/.test(p)) {
		if (!(kind === 'year' && /^\d{3,4}$/.test(answer.trim())))
			return `"which year" for "${answer}"`;
		return null;
	}
	if (/\bhow many\b/.test(p) || /\bhow much\b/.test(p)) {
		if (
			kind !== 'number' ||
			!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|dozen)\b/i.test(
				answer
			)
		)
			return `"how many" for "${answer}"`;
		return null;
	}
	if (/\bwhich century\b/.test(p))
		return /\bcentur(?:y|ies)\b/i.test(answer) ? null : `"which century" for "${answer}"`;
	if (/\bwhat percentage\b/.test(p))
		return /%|percent/.test(answer) ? null : `"what percentage" for "${answer}"`;
	if (/\bwhich (?:date|month)\b/.test(p))
		return TIME_KINDS.includes(kind) ? null : `"which date" for "${answer}"`;
	if (/^when\b/.test(p)) return TIME_KINDS.includes(kind) ? null : `"when" for "${answer}"`;
	if (/\b(?:who|whom)\b/.test(p) && !/\b(?:who|whom)\b/.test(answer.toLowerCase())) {
		if (!PERSON_KINDS.includes(kind)) return `"who" for "${answer}" (${kind})`;
		return null;
	}
	if (
		/\bwhich (?:place|country|city|region|island|state)\b/.test(p) ||
		/^where\b|\bwhere\b[^,]*\?$/.test(p)
	) {
		if (!PLACE_KINDS.includes(kind)) return `"which place" for "${answer}" (${kind})`;
		return null;
	}
	if (/\bwhich organi[sz]ation\b/.test(p)) {
		if (!ORGANISATION_KINDS.includes(kind)) return `"which organisation" for "${answer}" (${kind})`;
		return null;
	}
	if (
		PERSON_KINDS.includes(kind) &&
		/^what\b/.test(p) &&
		!/\bwhat (?:is|was|were|are) .* known as\?$/.test(p)
	)
		return `"what" for the person "${answer}"`;
	return null;
}

/** Class nouns that introduce a name: "the hormone insulin", "the element copper". */
export const CLASS_NOUNS =
	'hormone|hormones|enzyme|protein|element|gas|mineral|vitamin|language|religion|ship|disease|tribe|dynasty|treaty|act|gland|organ|cell|molecule|compound';
const CLASS_NOUN_BEFORE = new RegExp(`\\bthe\\s+(?:${CLASS_NOUNS})\\s+$`);

/** Whether a blank over `answer` in `quote` cuts a name or a number in two. */
export function splitsPhrase(quote: string, answer: string, document = ''): boolean {
	const at = quote.indexOf(answer);
	if (at < 0) return false;
	const before = quote.slice(0, at);
	const after = quote.slice(at + answer.length);
	if (/[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(after)) return true;
	if (/\d[,.]$/.test(before) && /^\d/.test(answer)) return true;
	if (/\d$/.test(answer) && /^[,.]\d/.test(after)) return true;
	const startsCapital = /^\p{Lu}/u.test(answer);
	const endsCapital = /\p{Lu}[\p{L}’'-]*$/u.test(answer);
	const prev = before.match(/(\p{Lu}[\p{L}’'-]*)\s+$/u)?.[1];
	const isSentenceStart = before.replace(/\s*\p{Lu}[\p{L}’'-]*\s+$/u, '').trim() === '';
	if (startsCapital && prev && !isSentenceStart && !/^(?:The|A|An|In|On|At|By|Of)$/.test(prev))
		return true;
	// A capitalised first word the document also writes in lower case is a common word
	// ("Psychologist Harry Harlow"), not part of the name.
	const isCommonWord = (word: string) =>
		FUNCTION_WORDS.has(word.toLowerCase()) ||
		new RegExp(`(?:^|[\\s(])${word.toLowerCase()}(?=[\\s,.;:)])`, 'u').test(document);
	if (startsCapital && prev && isSentenceStart && !isCommonWord(prev)) return true;
	if (
		endsCapital &&
		/^\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{Ll}]/u.test(after) &&
		!/^\s+(?:I)\b/.test(after)
	)
		return true;
	if (/^[’']s?\s+\p{Lu}/u.test(after)) return true;
	// "the fifth century | BC", "provide funds in proportion to the value | of the land".
	if (/^\s+(?:BC|BCE|AD|CE)\b/.test(after)) return true;
	const isLowerPhrase = /^\p{Ll}/u.test(answer);
	// "a standing | army in ...": a blank that starts inside a noun phrase ("the hormone | insulin"
	// names its class first: the blank is the whole name).
	if (
		isLowerPhrase &&
		!/^(?:the|a|an)\s/.test(answer) &&
		/\b(?:a|an|the)\s+[\p{Ll}-]+\s+$/u.test(before) &&
		!CLASS_NOUN_BEFORE.test(before)
	)
		return true;
	// "reluctant to loan money to a nation | that might never repay it".
	if (
		isLowerPhrase &&
		/^\s+(?:that|who|whom|whose)\b/.test(after) &&
		answer.split(/\s+/).length > 2
	)
		return true;
	// "for the benefit of all | the states".
	if (/\b(?:all|both|each|every|some|any|of)$/i.test(answer) && /^\s+\p{L}/u.test(after))
		return true;
	// One item of a list ("the joints of the shoulder, elbow, and knee"; "a small, whole-number ratio").
	if (
		isLowerPhrase &&
		/^,\s+(?!(?:is|are|was|were|has|had|which|who|that)\b)[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2},?\s+(?:and|or)\s/u.test(
			after
		)
	)
		return true;
	if (
		isLowerPhrase &&
		/\b[\p{Ll}-]+,\s*$/u.test(before) &&
		/(?:,\s*[\p{Ll}-]+)+,?\s+(?:and|or)\s+$|\b(?:a|an|the)\s+[\p{Ll}-]+,\s*$/u.test(before)
	)
		return true;
	if (/^\s+of\s/.test(after) && !/\p{Lu}[\p{L}’'-]*$/u.test(answer)) return true;
	return false;
}

/** The lint problems of one item; `fact` is its fact, `document` the text its quote comes from. */
export function lintItem(item: Item, fact: Fact | undefined, document: string): LintProblem[] {
	const out: LintProblem[] = [];
	const add = (rule: LintRule, message: string) => out.push({ rule, itemId: item.id, message });
	const kind = fact?.answerKind ?? 'phrase';
	const quote = item.source.quote;
	if (item.type === 'order') {
		for (const label of item.answer)
			if (isFragment(label, document) || /…$/.test(label))
				add('fragment-option', `event label "${label}"`);
		return out;
	}
	if (item.type === 'match') return out;
	if (opensWithPronoun(item.prompt)) add('pronoun-stem', `stem "${item.prompt.slice(0, 60)}"`);
	const answer = item.type === 'truefalse' ? (fact?.answer ?? '') : item.answer;
	if (item.type !== 'truefalse' || item.answer === 'False') {
		if (isTrivialAnswer(answer, quote)) add('trivial-answer', `answer "${answer}"`);
	}
	if (item.type === 'cloze' || (item.type === 'truefalse' && item.answer === 'False')) {
		if (splitsPhrase(quote, answer, document))
			add('split-phrase', `blank "${answer}" in "${quote.slice(0, 60)}"`);
	}
	if (item.type === 'flashcard' || item.type === 'mcq') {
		const problem = questionWordProblem(item.prompt, item.answer, kind);
		if (problem) add('question-word', problem);
		if (item.prompt.startsWith('Complete:') && splitsPhrase(quote, item.answer, document))
			add('split-phrase', `blank "${item.answer}" in "${quote.slice(0, 60)}"`);
	}
	if (item.type === 'mcq') {
		for (const option of item.options)
			if (isFragment(option, document)) add('fragment-option', `option "${option}"`);
	}
	if (item.type === 'truefalse' && item.answer === 'False' && fact) {
		const swapped = swappedValue(item.prompt, fact.statement, fact.answer);
		if (swapped !== null && isFragment(swapped, document))
			add('fragment-option', `swapped value "${swapped}"`);
	}
	return out;
}

/** The value a false statement put where the answer was, or null when it cannot be told. */
function swappedValue(falseStatement: string, statement: string, answer: string): string | null {
	const at = statement.indexOf(answer);
	if (at < 0) return null;
	const head = statement.slice(0, at);
	const tail = statement.slice(at + answer.length);
	if (!falseStatement.startsWith(head) || !falseStatement.endsWith(tail)) return null;
	return falseStatement.slice(head.length, falseStatement.length - tail.length);
}

/** Every lint problem of a deck's items; `documents` maps source ids to their text. */
export function lintDeck(
	items: readonly Item[],
	facts: readonly Fact[],
	documents: Record<string, string>
): LintProblem[] {
	const byId = new Map(facts.map((fact) => [fact.id, fact]));
	return items.flatMap((item) =>
		lintItem(item, byId.get(item.factId), documents[item.source.document] ?? '')
	);
}
