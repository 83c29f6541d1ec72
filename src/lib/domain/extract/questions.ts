/**
 * Templated questions made by turning a sentence around its answer: a wh-phrase replaces the
 * answer, fronted when the sentence allows it ("In which year was KFOR established ...?"),
 * left in place otherwise; "Complete: ..." when neither reads well.
 */

export type QuestionMode = 'time' | 'count' | 'organisation' | 'person' | 'place' | 'term';

export interface QuestionSpec {
	sentence: string;
	/** The answer span in the sentence. */
	index: number;
	length: number;
	/** The span a wh-phrase replaces when wider than the answer ("42,000 troops"). */
	spanEnd?: number;
	mode: QuestionMode;
	/** The wh-noun: 'which year', 'which date', 'how many troops', 'which organisation'; 'when' for vague dates. */
	wh: string;
	/** False for fragments of a sentence: only a "Complete:" question is safe. */
	canReword: boolean;
	/** Words the document writes in lower case (to tell a common word from a name at sentence start). */
	lowercaseWords: Set<string>;
	/** Capitalised words the document uses mid-sentence (names), if known. */
	properWords?: Set<string>;
}

const AUX = new Set([
	'was',
	'were',
	'is',
	'are',
	'has',
	'have',
	'had',
	'will',
	'would',
	'can',
	'could',
	'should',
	'may',
	'might',
	'must'
]);

const IRREGULAR: Record<string, string> = {
	arose: 'arise',
	became: 'become',
	began: 'begin',
	bore: 'bear',
	bought: 'buy',
	broke: 'break',
	brought: 'bring',
	built: 'build',
	came: 'come',
	caught: 'catch',
	chose: 'choose',
	dealt: 'deal',
	did: 'do',
	drew: 'draw',
	drove: 'drive',
	fell: 'fall',
	felt: 'feel',
	fought: 'fight',
	found: 'find',
	fled: 'flee',
	flew: 'fly',
	forbade: 'forbid',
	forgave: 'forgive',
	froze: 'freeze',
	gave: 'give',
	got: 'get',
	grew: 'grow',
	held: 'hold',
	hid: 'hide',
	kept: 'keep',
	knew: 'know',
	laid: 'lay',
	led: 'lead',
	left: 'leave',
	lent: 'lend',
	lost: 'lose',
	made: 'make',
	meant: 'mean',
	met: 'meet',
	oversaw: 'oversee',
	overthrew: 'overthrow',
	overtook: 'overtake',
	paid: 'pay',
	ran: 'run',
	rose: 'rise',
	said: 'say',
	sank: 'sink',
	saw: 'see',
	sent: 'send',
	shook: 'shake',
	shot: 'shoot',
	sold: 'sell',
	sought: 'seek',
	spent: 'spend',
	spoke: 'speak',
	stood: 'stand',
	stole: 'steal',
	struck: 'strike',
	swore: 'swear',
	took: 'take',
	taught: 'teach',
	told: 'tell',
	thought: 'think',
	threw: 'throw',
	undertook: 'undertake',
	understood: 'understand',
	upheld: 'uphold',
	went: 'go',
	withdrew: 'withdraw',
	withheld: 'withhold',
	won: 'win',
	wrote: 'write'
};

const CONNECTIVES = new Set(
	'however furthermore moreover additionally overall ultimately initially also instead meanwhile nevertheless nonetheless still thus therefore consequently indeed finally later subsequently afterwards eventually then'.split(
		' '
	)
);
const LEADING_CONNECTIVE =
	/^(?:(?:In addition|As a result|In fact|At the same time|In turn|By contrast|In particular)|[\p{L}]+),\s+/u;

const PRONOUNS = new Set([
	'it',
	'its',
	'they',
	'their',
	'them',
	'he',
	'she',
	'his',
	'her',
	'we',
	'our',
	'us',
	'you',
	'your',
	'i'
]);
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'such']);

function withoutConnective(sentence: string): string {
	const m = sentence.match(LEADING_CONNECTIVE);
	if (!m) return sentence;
	const first = m[0].split(/[\s,]/)[0].toLowerCase();
	const isConnective = m[0].includes(' ')
		? /^(in|as|at|by)$/.test(first) || CONNECTIVES.has(first)
		: CONNECTIVES.has(first) || /ly$/.test(first);
	return isConnective ? sentence.slice(m[0].length) : sentence;
}

/** Whether the sentence's subject is a bare pronoun ("It continues ...", "This marked ...", "Furthermore, they ..."). */
export function startsWithPronoun(sentence: string): boolean {
	const words = withoutConnective(sentence.trim()).split(/\s+/);
	const first = (words[0] ?? '').toLowerCase().replace(/[^\p{L}’']/gu, '');
	if (PRONOUNS.has(first)) return true;
	if (!DEMONSTRATIVES.has(first)) return false;
	const next = (words[1] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
	if (
		!next ||
		AUX.has(next) ||
		/ed$/.test(next) ||
		next in IRREGULAR ||
		['includes', 'means', 'involves', 'shows', 'marks', 'led', 'helps'].includes(next)
	)
		return true;
	return (first === 'this' || first === 'that') && /[^s]s$/.test(next);
}

/** Base form of a past-tense verb, checked against the document's own words; null when unsure. */
export function baseForm(past: string, vocabulary: Set<string>): string | null {
	const w = past.toLowerCase();
	if (IRREGULAR[w]) return IRREGULAR[w];
	if (!w.endsWith('ed') || w.length < 5) return null;
	const stem = w.slice(0, -2);
	const doubled =
		/([bdgklmnprtvz])\1$/.test(stem) && !/(ll|ss|ff|zz)$/.test(stem) ? stem.slice(0, -1) : null;
	const candidates = [
		doubled,
		w.endsWith('ied') ? `${w.slice(0, -3)}y` : null,
		w.slice(0, -1),
		stem
	].filter((c): c is string => c !== null);
	// Only a form that shows the bare verb counts: "providing" fits "provid" and "provide" alike.
	const isSeen = (c: string) =>
		vocabulary.has(c) ||
		vocabulary.has(`${c}s`) ||
		(/(s|sh|ch|x|z)$/.test(c) && vocabulary.has(`${c}es`));
	const verified = candidates.find(isSeen);
	if (verified) return verified;
	if (doubled) return doubled;
	if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
	if (
		/[aeiou][bcdfgkmprstvz]$/.test(stem) &&
		!/[aeiou]{2}[a-z]$/.test(stem) &&
		!/(er|en|on|it|op|us|et|al|el|om|ic)$/.test(stem)
	) {
		return `${stem}e`;
	}
	return stem;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases a subject's first word when it is a common word ("The UN ..." -> "the UN ..."). */
function subjectInQuestion(subject: string, words: Words): string {
	const [first, second = ''] = subject.split(/\s+/);
	const lower = first.toLowerCase();
	if (!/^\p{Lu}[\p{Ll}’']*$/u.test(first)) return subject;
	const isCommon =
		['the', 'a', 'an'].includes(lower) ||
		words.lowercaseWords.has(lower) ||
		(words.properWords !== undefined && !words.properWords.has(first) && !/^\p{Lu}/u.test(second));
	return isCommon ? lower + subject.slice(first.length) : subject;
}

type Words = Pick<QuestionSpec, 'lowercaseWords' | 'properWords'>;

const TOKEN = /[^\s,;:()]+/g;

/** "was KFOR established ..." / "did Milošević withdraw ..." from a declarative clause; null if unsure. */
function invert(clause: string, words: Words): string | null {
	if (!/^[\p{Lu}"“]/u.test(clause) && !/^(the|a|an)\s/.test(clause)) return null;
	// "Even after Britain abolished ..., the sale continued": the verb found would be the
	// subordinate clause's.
	if (
		/^(?:even\s+)?(?:after|before|when|while|although|though|because|if|since|until|as|once|unless|whereas)\s/i.test(
			clause
		)
	)
		return null;
	const tokens = [...clause.matchAll(TOKEN)];
	for (let i = 1; i < tokens.length && i <= 16; i++) {
		const word = tokens[i][0];
		const lower = word.toLowerCase();
		const isAux = AUX.has(lower);
		const isPast =
			!isAux &&
			word === lower &&
			!word.includes('-') &&
			(lower in IRREGULAR || /[a-z]{3}ed$/.test(lower));
		if (!isAux && !isPast) continue;
		const start = tokens[i].index ?? 0;
		const subject = clause.slice(0, start).trim();
		const rest = clause.slice(start + word.length).trim();
		if (!rest || /^(that|which|who)\b/.test(rest)) return null;
		if (/,$/.test(subject) && !/,.*,$/.test(subject)) return null;
		// "the final draft, which form the basis ..., was accepted": the verb found is the
		// relative clause's, not the sentence's.
		if (/,\s*(?:which|who|whom|whose|that|where)\b/.test(subject)) return null;
		const s = subjectInQuestion(subject, words);
		if (isAux) return `${lower} ${s} ${rest}`;
		const base = baseForm(lower, words.lowercaseWords);
		// "did ... land five hundred soldiers ... and replaced": a second past verb stays past.
		if (/\band\s+\p{Ll}{3,}ed\s+(?:the|a|an|\p{Lu})/u.test(rest)) return null;
		return base ? `did ${s} ${base} ${rest}` : null;
	}
	return null;
}

const FRONTABLE = new Set([
	'in',
	'on',
	'since',
	'by',
	'until',
	'during',
	'before',
	'after',
	'around',
	'from'
]);
const TERMINAL = /[\s.!?;:]+$/;

function tidy(text: string): string {
	return text
		.replace(/\s+,/g, ',')
		.replace(/,\s*,/g, ',')
		.replace(/\s{2,}/g, ' ')
		.replace(/^[\s,]+|[\s,]+$/g, '');
}

/** The sentence with the answer blanked: the safe fallback question. */
export function completeQuestion(sentence: string, index: number, length: number): string {
	return `Complete: ${sentence.slice(0, index)}_____${sentence.slice(index + length)}`;
}

function reworded(spec: QuestionSpec): string | null {
	const { sentence, index, length, mode, wh } = spec;
	const body = sentence.replace(TERMINAL, '');
	const answerEnd = index + length;
	const spanEnd = spec.spanEnd ?? answerEnd;
	if (spanEnd > body.length) return null;

	if (mode === 'time') {
		const prep = body.slice(0, index).match(/(?:^|\s)([\p{L}]+)\s+$/u);
		const p = prep?.[1].toLowerCase();
		const isRange = /^\s*(?:and|to|–|—|-)\s*\d/.test(body.slice(spanEnd));
		const ppStart = prep ? index - prep[0].trimStart().length : index;
		if (!isRange && (p === undefined || FRONTABLE.has(p)) && (p !== undefined || wh === 'when')) {
			const clause = tidy(body.slice(0, ppStart) + body.slice(spanEnd));
			const inverted = invert(clause, spec);
			if (inverted) {
				const front = wh === 'when' ? 'When' : p ? `${capitalise(p)} ${wh}` : capitalise(wh);
				return `${front} ${inverted}?`;
			}
		}
		if (wh === 'when') return null;
		const echo = `${body.slice(0, index)}${wh}${body.slice(spanEnd)}`;
		return isEchoBroken(body.slice(0, index), body.slice(spanEnd))
			? null
			: `${capitalise(tidy(echo))}?`;
	}

	let start = index;
	const the = body.slice(0, start).match(/\b[Tt]he\s+$/);
	if (the && mode !== 'count') start -= the[0].length;
	const before = body.slice(0, start);
	const isSubject = before.trim() === '' || withoutConnective(before) === '';
	const after = body.slice(spanEnd);
	if (isSubject) {
		if (!/^\s+[\p{Ll}]/u.test(after)) return null;
		return `${capitalise(wh)}${after}?`;
	}
	let phrase = wh;
	let replaceFrom = start;
	if (mode === 'person' && /\b(?:with|by|to|for|from|of|against)\s+$/.test(before)) phrase = 'whom';
	if (mode === 'place') {
		const pp = before.match(/\b(?:in|at)\s+$/);
		if (pp) {
			phrase = 'where';
			replaceFrom = start - pp[0].length;
		}
	}
	if (isEchoBroken(body.slice(0, replaceFrom), after)) return null;
	return `${capitalise(tidy(`${body.slice(0, replaceFrom)}${phrase}${after}`))}?`;
}

/** Words that open a fronted adverbial: "During ...,", "According to ...,", "As ...,". */
const ADVERBIAL_OPENER =
	/^(?:According to|Due to|Just as|Thanks to|Because of|During|As|From|With|Without|In|On|At|For|By|After|Before|Because|If|When|While|Although|Though|Since|Unlike|Like|Through|Under|Despite|Following|Upon|Once|Until|Between|Among|Within|Beyond)\s/;

/**
 * Whether a wh-word left in place reads badly: inside a fronted adverbial ("During what, atoms
 * are ...", "According to whom, failure ..."), as a parenthesis ("Gilligan, what, theorized"),
 * or as one of two alternatives ("sold where or overseas").
 */
function isEchoBroken(before: string, after: string): boolean {
	if (ADVERBIAL_OPENER.test(before) && !before.includes(',') && /^[^,?]*,/.test(after)) return true;
	if (/,\s*$/.test(before) && /^\s*,/.test(after)) return true;
	return /^\s+or\s/.test(after);
}

/** A question whose answer is the spec's span, or null when none can be made without giving it away. */
export function buildQuestion(spec: QuestionSpec): string | null {
	const answer = spec.sentence.slice(spec.index, spec.index + spec.length);
	const gives = (q: string) => q.toLowerCase().includes(answer.toLowerCase());
	if (spec.canReword) {
		const q = reworded(spec);
		if (q && !gives(q) && q.split(/\s+/).length <= 60) return q;
	}
	const fallback = completeQuestion(spec.sentence, spec.index, spec.length);
	return gives(fallback) ? null : fallback;
}
