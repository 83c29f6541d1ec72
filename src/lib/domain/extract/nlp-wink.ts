/**
 * Noun phrases from wink-nlp's part-of-speech tags (wink-eng-lite-web-model): a determiner or
 * possessive, modifiers, then nouns; "X of Y" joined; a name keeps its lower-case particles
 * ("Vasco da Gama", "Ali ibn al-Hassan Shirazi"). Loaded lazily by `loadNlp('wink')`.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Nlp, Span } from './nlp.ts';

interface Token {
	value: string;
	pos: string;
	start: number;
}

const NAME_PARTICLES = new Set([
	'da',
	'de',
	'del',
	'della',
	'di',
	'du',
	'van',
	'von',
	'der',
	'ibn',
	'bin',
	'al',
	'la',
	'le'
]);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEAD = new Set(['NOUN', 'PROPN']);

/** Creates the wink-based noun-phrase finder (the model takes a moment to load). */
export function createWinkNlp(): Nlp {
	const nlp = winkNLP(model);
	const its = nlp.its;
	const tokensOf = (text: string): Token[] => {
		const doc = nlp.readDoc(text);
		const values = doc.tokens().out(its.value) as string[];
		const pos = doc.tokens().out(its.pos) as string[];
		const spaces = doc.tokens().out(its.precedingSpaces) as string[];
		const out: Token[] = [];
		let at = 0;
		values.forEach((value, i) => {
			at += spaces[i].length;
			// wink is lossless, but re-find each token so an odd character never shifts the rest.
			const found = text.indexOf(value, at);
			const start = found === -1 ? at : found;
			out.push({ value, pos: pos[i], start });
			at = start + value.length;
		});
		return out;
	};
	return {
		name: 'wink',
		nounPhrases: (texts) => texts.map((text) => chunk(text, tokensOf(text)))
	};
}

function isNameParticle(tokens: Token[], i: number): boolean {
	const t = tokens[i];
	return (
		NAME_PARTICLES.has(t.value.toLowerCase().replace(/-$/, '')) &&
		tokens[i - 1]?.pos === 'PROPN' &&
		tokens[i + 1]?.pos === 'PROPN'
	);
}

/** Noun-phrase chunks over tagged tokens: (DET|PRON poss)? (ADJ|NOUN|PROPN|NUM|-)* (NOUN|PROPN). */
function chunk(text: string, tokens: Token[]): Span[] {
	const spans: Span[] = [];
	let i = 0;
	while (i < tokens.length) {
		let j = i;
		if (tokens[j].pos === 'DET' && !isNameParticle(tokens, j)) j++;
		const bodyStart = j;
		let lastHead = -1;
		while (j < tokens.length) {
			const t = tokens[j];
			const isHyphenJoin =
				t.value === '-' && j > bodyStart && tokens[j + 1] && MODIFIER.has(tokens[j + 1].pos);
			if (MODIFIER.has(t.pos) || isHyphenJoin || (t.pos !== 'PUNCT' && isNameParticle(tokens, j))) {
				if (HEAD.has(t.pos)) lastHead = j;
				j++;
			} else break;
		}
		if (lastHead === -1) {
			i = Math.max(i + 1, bodyStart === i ? i + 1 : bodyStart);
			continue;
		}
		const first = tokens[i];
		const last = tokens[lastHead];
		spans.push({
			text: text.slice(first.start, last.start + last.value.length),
			index: first.start
		});
		i = lastHead + 1;
	}
	// "the rebuilding" + "of civil institutions" -> one phrase.
	const joined: Span[] = [];
	for (const span of spans) {
		const prev = joined[joined.length - 1];
		if (prev && text.slice(prev.index + prev.text.length, span.index) === ' of ') {
			prev.text = text.slice(prev.index, span.index + span.text.length);
		} else joined.push({ ...span });
	}
	return joined;
}
