/**
 * Phrases worth asking about without an NLP library: the items of a coordinated list
 * ("include A, B, and C"). With compromise loaded, noun phrases come from `nlp.ts` too.
 */
import type { Span } from './nlp.ts';

/** Words that open a list: the first item starts after the last of them before its comma. */
const OPENERS = new Set(
	'include includes included including such as like among between is are was were be been being involve involves involved involving comprise comprises comprised'.split(
		' '
	)
);
/** Prepositions that may open a list's first item, but also occur inside items. */
const WEAK_OPENERS = new Set('of to in for by from on with at'.split(' '));
const MAX_ITEM_WORDS = 7;

/** The items of the coordinated lists in a sentence ("A, B, and C"; at least three items). */
export function findListItems(sentence: string): Span[] {
	const out: Span[] = [];
	const body = sentence.replace(/[.!?;:]+["'”’)]*\s*$/, '');
	for (const m of body.matchAll(/,\s+(?:and|or)\s+/g)) {
		const conj = m.index ?? 0;
		const lastStart = conj + m[0].length;
		const lastEndMatch = body.slice(lastStart).search(/[,;:()]/);
		const lastEnd = lastEndMatch === -1 ? body.length : lastStart + lastEndMatch;
		// Items back from the conjunction, each between commas.
		const items: [number, number][] = [];
		let end = conj;
		for (;;) {
			const comma = body.lastIndexOf(',', end - 1);
			const start = comma === -1 ? 0 : comma + 1;
			const segment = body.slice(start, end);
			if (/[;:()]/.test(segment)) break;
			const tokens = [...segment.matchAll(/\S+/g)];
			const lastOf = (set: Set<string>) => {
				for (let i = tokens.length - 1; i >= 0; i--)
					if (set.has(tokens[i][0].toLowerCase())) return i;
				return -1;
			};
			const opener = lastOf(OPENERS);
			if (opener === -1 && tokens.length <= MAX_ITEM_WORDS && comma !== -1) {
				items.unshift([start, end]);
				end = comma;
				continue;
			}
			// The first item: after the segment's last opener ("include ensuring ..."), else its last
			// preposition ("tasked with protecting ..."), else the whole short segment.
			let from = opener >= 0 ? opener + 1 : -1;
			if (from === -1 || tokens.length - from > MAX_ITEM_WORDS) {
				const weak = lastOf(WEAK_OPENERS);
				if (weak >= from && weak >= 0) from = weak + 1;
			}
			if (from === -1 && tokens.length <= MAX_ITEM_WORDS) from = 0;
			const first = tokens[from];
			if (from >= 0 && first && tokens.length - from <= MAX_ITEM_WORDS)
				items.unshift([start + (first.index ?? 0), end]);
			break;
		}
		if (items.length < 2) continue;
		const longest = Math.max(...items.map(([s, e]) => body.slice(s, e).trim().split(/\s+/).length));
		let lastText = body.slice(lastStart, lastEnd);
		const lastWords = lastText.trim().split(/\s+/);
		if (lastWords.length > longest + 1) {
			const cut = lastText.search(
				/\s(?:to|for|in|of|from|with|by|at|on|that|which|across|within|during)\s/
			);
			if (cut > 0) lastText = lastText.slice(0, cut);
			else continue;
		}
		for (const [s, e] of [...items, [lastStart, lastStart + lastText.length] as [number, number]]) {
			const raw = body.slice(s, e);
			const lead = raw.length - raw.trimStart().length;
			const text = raw.trim();
			if (text && text.split(/\s+/).length <= MAX_ITEM_WORDS) out.push({ text, index: s + lead });
		}
	}
	return out;
}

/** Words after "to" that start a noun phrase, not a verb ("to the population", "to local bodies"). */
const NOT_VERBS = new Set(
	'the a an this that these those its their his her our your my each every some any all certain local other such many more most be being date what which whom whose where'.split(
		' '
	)
);
const MAX_VERB_PHRASE_WORDS = 8;

/** Where a verb phrase stops: punctuation or a new clause. */
function verbPhraseEnd(body: string, from: number): number {
	const rest = body.slice(from);
	const stop = rest.search(
		/[,.;:()]|\s(?:in order|which|that|where|while|when|who|because|although|until|so that)\s/
	);
	let end = stop === -1 ? body.length : from + stop;
	const words = [...body.slice(from, end).matchAll(/\S+/g)];
	if (words.length > MAX_VERB_PHRASE_WORDS) {
		const last = words[MAX_VERB_PHRASE_WORDS - 1];
		end = from + (last.index ?? 0) + last[0].length;
	}
	return end;
}

/** Purpose and gerund phrases: "to provide security and ensure stability", "on restoring stability". */
export function findVerbPhrases(sentence: string): Span[] {
	const body = sentence.replace(/[.!?;:]+["'”’)]*\s*$/, '');
	const out: Span[] = [];
	const add = (from: number) => {
		const end = verbPhraseEnd(body, from);
		const text = body
			.slice(from, end)
			.replace(/\s+(?:and|or|to|in|of|for|with|by|the|a|an)$/u, '')
			.trim();
		if (text.split(/\s+/).length >= 2 && !out.some((o) => o.index === from))
			out.push({ text, index: from });
	};
	for (const m of body.matchAll(/\bto\s+(\p{Ll}+)\b/gu)) {
		const word = m[1];
		if (NOT_VERBS.has(word) || /(?:tion|ment|ity|ness|ies|ers)$/.test(word)) continue;
		add((m.index ?? 0) + m[0].length - word.length);
	}
	for (const m of body.matchAll(
		/\b(?:on|in|by|for|at|from|about|towards?)\s+(\p{Ll}+ing)\s+(?=\p{Ll})/gu
	)) {
		add((m.index ?? 0) + m[0].indexOf(m[1]));
	}
	return out.sort((a, b) => a.index - b.index);
}
