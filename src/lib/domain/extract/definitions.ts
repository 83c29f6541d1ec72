/**
 * Terms a text defines, the facts a teacher tests first: "A set point is the physiological value
 * around which ...", "Negative feedback is a mechanism that ...", "X refers to ...", and terms it
 * names in passing: "particles called atoms", "known as the law of definite proportions",
 * "a process termed “the looking glass self”".
 */

export interface Definition {
	/** The term, without a leading article ("set point"). */
	term: string;
	termIndex: number;
	/** A question whose answer is the term. */
	question: string;
	/** What the term means, for matching items (a span of the sentence). */
	meaning: string;
	/** Another name the sentence gives ("receptor" for "sensor"). */
	alias?: string;
	/** 'copula' for "X is a ...", 'named' for "... called X". */
	form: 'copula' | 'named';
}

const NOT_A_TERM =
	/^(?:it|this|that|these|those|there|here|one|each|both|all|some|many|most|much|such|another|other|they|he|she|we|you|what|which|who|how|why|when|where|its|their|his|her|our|no|none|any|every)\b/i;
/** Words a term never holds: verbs and function words that show the subject is a clause. */
const CLAUSE_WORD =
	/\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must|not|that|which|who|if|when|because|although|while|than|as|by|from|with|to|for|at|on|in)\b/i;
const ARTICLE = /^(?:a|an|the)\s+/i;
/** Subjects that are not terms: "The next level of organization", "The term", "A disruption of ...". */
const GENERIC_TERM =
	/^(?:(?:next|first|second|third|final|last|other|same|main|key|basic|only)\b|(?:term|word|idea|result|problem|point|reason|question|answer|goal|aim|purpose|example|difference|disruption|change|one|part)$)|\bof\s+(?:the|a|an|this|these)\b/i;
/** Words after "called" that make it a verb ("called upon the government"). */
const PARTICLE = /^(?:upon|on|off|out|up|in|for|back|forth|into|to|by|at|away)$/i;
const MAX_TERM_WORDS = 5;

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "A set point is the physiological value ..." -> set point; also "X refers to ...". */
function copulaDefinition(sentence: string, from: number): Definition | null {
	const text = sentence.slice(from);
	const m = text.match(
		/^((?:(?:A|An|The)\s+)?[\p{L}][\p{L}’'-]*(?:\s+[\p{L}][\p{L}’'-]*){0,5}?)(,\s+(?:also\s+)?(?:referred to as|referred to|called|known as|or)\s+(?:an?\s+|the\s+)?([\p{L}][\p{L}’' -]{0,40}?),)?\s+(is|are|refers to|refer to|means)\s+((?:a|an|the|any)\s+[^]+?)[.!]?$/u
	);
	if (!m) return null;
	const [, rawTerm, , alias, verb, rest] = m;
	if (NOT_A_TERM.test(rawTerm) || CLAUSE_WORD.test(rawTerm.replace(ARTICLE, ''))) return null;
	const term = rawTerm.replace(ARTICLE, '');
	if (GENERIC_TERM.test(term)) return null;
	// "The skin is an epithelial membrane also called ...": the named term is the fact.
	if (/\b(?:called|termed|known as|referred to as)\b/.test(rest)) return null;
	const words = term.split(/\s+/);
	if (words.length > MAX_TERM_WORDS || term.length < 3) return null;
	// A proper-name subject ("Kilwa was ...") is a name, not a term this sentence defines.
	if (
		words.every((w) => /^\p{Lu}/u.test(w)) &&
		!ARTICLE.test(rawTerm) &&
		from === 0 &&
		words.length > 1
	)
		return null;
	const definition = rest.replace(/[\s.;:]+$/, '');
	if (definition.split(/\s+/).length < 3) return null;
	// "X is the result of ...": a definition names its class, not a relation.
	if (
		/^(?:the|a|an)\s+(?:result|cause|effect|basis|same|first|last|most|best|only)\b/i.test(
			definition
		)
	)
		return null;
	const termIndex = from + rawTerm.length - term.length;
	const isPlural = verb === 'are' || verb === 'refer to';
	const question =
		verb === 'is' || verb === 'are'
			? `What ${isPlural ? 'are' : 'is'} ${definition.replace(/^(?:a|an|the)\s/i, (a) => a.toLowerCase())}?`
			: `What ${verb === 'means' ? 'means' : isPlural ? 'refer to' : 'refers to'} ${definition}?`;
	return {
		term,
		termIndex,
		question: capitalise(question),
		meaning: definition,
		...(alias ? { alias: alias.trim() } : {}),
		form: 'copula'
	};
}

const NAMED =
	/\b(?:(?:also|sometimes|often|commonly)\s+)?(called|termed|known as|referred to as|named)\s+(?:(the|an?)\s+)?(“[^”]{2,60}”|"[^"]{2,60}"|[\p{L}][\p{L}’'-]*(?:\s+[\p{L}][\p{L}’'-]*){0,3})/gu;

/** "particles called atoms", "known as the law of definite proportions", "termed “the looking glass self”". */
interface Named {
	term: string;
	termIndex: number;
	verbIndex: number;
	/** Where the name's article or opening quote starts, and where its closing quote ends. */
	spanIndex: number;
	spanEnd: number;
}

function namedTerms(sentence: string): Named[] {
	const out: Named[] = [];
	for (const m of sentence.matchAll(NAMED)) {
		let term = m[3];
		let termIndex = (m.index ?? 0) + m[0].length - m[3].length;
		let spanStart = -1;
		if (/^[“"]/.test(term)) {
			spanStart = termIndex;
			term = term
				.slice(1, -1)
				.replace(ARTICLE, '')
				.replace(/[.,;:]+$/, '');
			termIndex = sentence.indexOf(term, termIndex);
		} else {
			// Up to the first word that cannot be part of the name.
			const words = term.split(/\s+/);
			const kept: string[] = [];
			for (const word of words) {
				if (CLAUSE_WORD.test(word) || /^(?:and|or|but|of)$/i.test(word)) break;
				kept.push(word);
				if (/[,;:.]$/.test(word)) break;
			}
			term = kept.join(' ').replace(/[,;:.’']+$/, '');
			// "the law of definite proportions": keep an "of" phrase after a head noun.
			const ofPhrase = m[3]
				.slice(term.length)
				.match(/^\s+of\s+(?:the\s+)?[\p{Ll}][\p{L}-]*(?:\s+[\p{Ll}][\p{L}-]*)?/u);
			if (
				ofPhrase &&
				/^(?:law|theory|principle|rule|process|study|state|stage|age|period)$/i.test(
					term.split(' ').pop() ?? ''
				)
			)
				term = term + ofPhrase[0];
		}
		if (!term || termIndex < 0 || NOT_A_TERM.test(term) || PARTICLE.test(term.split(' ')[0]))
			continue;
		const spanIndex = m[2]
			? (m.index ?? 0) + m[0].lastIndexOf(m[2], m[0].length - m[3].length)
			: spanStart >= 0
				? spanStart
				: termIndex;
		const spanEnd = spanStart >= 0 ? (m.index ?? 0) + m[0].length : termIndex + term.length;
		out.push({
			term,
			termIndex,
			verbIndex: m.index ?? 0,
			spanIndex: Math.min(spanIndex, termIndex),
			spanEnd
		});
	}
	return out;
}

/** Every term a sentence defines or names; `from` skips a lead-in (a label, a discourse opener). */
export function findDefinitions(sentence: string, from = 0, prefix = ''): Definition[] {
	const out: Definition[] = [];
	const copula = prefix ? null : copulaDefinition(sentence, from);
	if (copula) out.push(copula);
	for (const named of namedTerms(sentence)) {
		if (out.some((d) => d.termIndex === named.termIndex)) continue;
		const before = sentence.slice(from, named.verbIndex).trim().replace(/,$/, '');
		if (before.split(/\s+/).length < 3) continue;
		const after = sentence.slice(named.spanEnd);
		const body = `${capitalise(prefix + sentence.slice(from, named.spanIndex).replace(/[“"]$/, ''))}what${after.replace(/^[\s,.;:!?]*$/, '')}`;
		const question = /[.!]\s*$/.test(body)
			? body.replace(/[.!]\s*$/, '?')
			: `${body.replace(/[\s,;:]+$/, '')}?`;
		out.push({
			term: named.term,
			termIndex: named.termIndex,
			question,
			meaning: before,
			form: 'named'
		});
	}
	return out;
}
