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

/** Names of statements: "the law of definite proportions", "Dalton's atomic theory". */
const LAW_HEAD = /\b(law|theory|principle|rule|hypothesis|model|theorem|effect)\b/i;
const LAW_NAME =
	/^(?:the\s+)?(?:[\p{L}’'-]+\s+){0,4}?(?:law|theory|principle|rule|hypothesis|model|theorem|effect)(?:\s+of\s+(?:the\s+)?[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2})?$/iu;

function lowerFirst(text: string): string {
	return /^(?:The|A|An|If|When|In|During|All|Each|Every|Some|Most)\b/.test(text)
		? text.charAt(0).toLowerCase() + text.slice(1)
		: text;
}

/**
 * "The law of multiple proportions states that X" -> "Which law states that X?"; a statement
 * followed by its name in parentheses, "... will remain constant (the law of conservation of
 * matter)." -> "Which law says that ... will remain constant?".
 */
function namedStatement(sentence: string, from: number): Definition | null {
	const text = sentence.slice(from);
	const states = text.match(
		/^((?:The|A|An)\s+[^,;:()]{2,60}?)\s+(states|holds|says|predicts|asserts|proposes)\s+that\s+([^]+?)[.!]?$/u
	);
	if (states && LAW_NAME.test(states[1])) {
		const term = states[1].replace(ARTICLE, '');
		const head = term.match(LAW_HEAD)![1].toLowerCase();
		const claim = states[3].trim();
		if (claim.split(/\s+/).length < 5) return null;
		return {
			term,
			termIndex: from + states[1].length - term.length,
			question: `Which ${head} ${states[2]} that ${claim}?`,
			meaning: claim,
			form: 'copula'
		};
	}
	const tail = text.match(/^([^()]+?)\s*\(((?:the\s+)?[^()]{3,60})\)[.!]?$/u);
	if (tail && LAW_NAME.test(tail[2]) && !/^(?:the\s+)?(?:law|theory|rule)$/i.test(tail[2])) {
		const claim = tail[1].trim().replace(/[,;:]$/, '');
		if (claim.split(/\s+/).length < 6 || /^(?:it|this|these|they)\b/i.test(claim)) return null;
		const head = tail[2].match(LAW_HEAD)![1].toLowerCase();
		const term = tail[2].replace(ARTICLE, '');
		return {
			term,
			termIndex: from + text.lastIndexOf(tail[2]) + tail[2].length - term.length,
			question: `Which ${head} says that ${lowerFirst(claim)}?`,
			meaning: claim,
			form: 'copula'
		};
	}
	return null;
}

/**
 * A term glossed where it stands: "... detected through histology, the microscopic study of
 * tissue appearance, organization, and function." -> "What is the microscopic study of ... called?";
 * "A fourth, the peritoneum, is the serous membrane ..." -> "What is the serous membrane ...?".
 */
function glossedTerm(sentence: string, from: number): Definition | null {
	const text = sentence.slice(from);
	const subject = text.match(
		/^[^,]{1,30},\s+((?:the|an?)\s+)([\p{Ll}-]{3,}(?:\s+[\p{Ll}-]{3,}){0,2}),\s+(is|are)\s+((?:a|an|the)\s+[^]+?)[.!]?$/u
	);
	if (subject) {
		const [, article, term, verb, definition] = subject;
		if (definition.split(/\s+/).length < 4 || CLAUSE_WORD.test(term)) return null;
		return {
			term,
			termIndex: from + text.indexOf(`${article}${term}`) + article.length,
			question: capitalise(
				`What ${verb} ${definition.replace(/^(?:a|an|the)\s/i, (a) => a.toLowerCase())}?`
			),
			meaning: definition,
			form: 'copula'
		};
	}
	const end = text.match(
		/\b(?:through|by|of|in|with|called|as|from|using)\s+([\p{Ll}-]{4,}(?:\s+[\p{Ll}-]{3,})?),\s+((?:the|a|an)\s+[\p{Ll}][^]+?)[.!]?$/u
	);
	if (end) {
		const [, term, gloss] = end;
		const words = gloss.split(/\s+/);
		// A gloss that defines: long enough, and saying what kind of thing the term is.
		if (words.length < 4 || !/\b(?:of|that|which|in which|used|by which)\b/.test(gloss))
			return null;
		if (CLAUSE_WORD.test(term) || /\b(?:and|or)\b/.test(term)) return null;
		if (/^(?:the|a|an)\s+(?:same|result|cause|end|rest|first|last|other|one)\b/i.test(gloss))
			return null;
		return {
			term,
			termIndex: from + (end.index ?? 0) + end[0].indexOf(term),
			question: `What is ${gloss.replace(/^(?:A|An|The)\s/, (a) => a.toLowerCase())} called?`,
			meaning: gloss,
			form: 'copula'
		};
	}
	return null;
}

/** Every term a sentence defines or names; `from` skips a lead-in (a label, a discourse opener). */
export function findDefinitions(sentence: string, from = 0, prefix = ''): Definition[] {
	const out: Definition[] = [];
	const copula = prefix
		? null
		: (namedStatement(sentence, from) ??
			copulaDefinition(sentence, from) ??
			glossedTerm(sentence, from));
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

const PAIRED_NAMING =
	/^(?:This|These|Such|That)(?:\s+([\p{Ll}-]+))?\s+(is|are|was|were)\s+(?:also\s+|now\s+|often\s+|commonly\s+|sometimes\s+)?(known as|called|termed|referred to as)\s+(.+?)[.!]?$/u;

/**
 * "This statement is known as the law of definite proportions" names what the sentence before
 * says: asked with that sentence's claim ("What is the statement that all samples of a pure
 * compound contain the same elements in the same proportion by mass known as?"), or null when
 * the sentence before cannot be quoted into a question. `previous` must stand alone.
 */
export function findPairedNaming(sentence: string, previous: string): Definition | null {
	const m = sentence.match(PAIRED_NAMING);
	if (!m) return null;
	const [, noun, verb, naming, rest] = m;
	const raw = rest.split(/\s+or\s+|,\s|;\s|\s\(/)[0];
	const term = raw.replace(ARTICLE, '').replace(/[“”"]/g, '');
	const words = term.split(/\s+/);
	if (words.length > MAX_TERM_WORDS + 1 || term.length < 3 || CLAUSE_WORD.test(term)) {
		if (!/^(?:law|theory|principle)\s+of\b/i.test(term)) return null;
	}
	const termIndex = sentence.indexOf(term, m[0].length - rest.length - 1);
	if (termIndex < 0) return null;
	const plain = previous.trim().replace(/[.!]$/, '');
	if (plain.split(/\s+/).length > 40 || /[?]$/.test(plain)) return null;
	const isPlural = verb === 'are' || verb === 'were';
	const be = isPlural ? (verb === 'were' ? 'were' : 'are') : verb === 'was' ? 'was' : 'is';
	const claim = noun
		? plain.match(/\b(?:[\p{Ll}]+ed|showed|found|held|thought|said|shows|states)\s+that\s+([^]+)$/u)
		: null;
	let question: string;
	if (noun && claim) question = `What ${be} the ${noun} that ${claim[1]} ${naming}?`;
	else if (!noun || /^(?:process|phenomenon|effect|condition|pattern|response)$/.test(noun))
		question = `What ${be} it ${naming} when ${lowerFirst(plain)}?`;
	else return null;
	return {
		term,
		termIndex,
		question,
		meaning: claim ? claim[1] : plain,
		form: 'copula'
	};
}
