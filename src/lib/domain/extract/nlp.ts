/**
 * The optional NLP layer: noun phrases from compromise or from wink-nlp with its English web
 * model, loaded on demand only. Nothing outside `src/lib/domain/extract/` may import either;
 * callers load one with `loadNlp()` where extraction runs (a Web Worker, a script) and pass it to
 * `extractFacts`. Which one is the default was measured on the evaluation set (README,
 * "Generated questions: evaluation").
 */
import type compromise from 'compromise';

type Compromise = typeof compromise;

/** A noun-phrase finder: for each text, its noun phrases with their offsets. */
export interface Nlp {
	name: 'compromise' | 'wink';
	nounPhrases(texts: string[]): Span[][];
}

export type NlpChoice = 'default' | 'compromise' | 'wink' | 'none';

/** The library the measurement chose. */
export const DEFAULT_NLP: Exclude<NlpChoice, 'default' | 'none'> = 'compromise';

/** Loads the chosen library lazily (a separate chunk in the app build); undefined for 'none'. */
export async function loadNlp(choice: 'default' | 'compromise' | 'wink'): Promise<Nlp>;
export async function loadNlp(choice?: NlpChoice): Promise<Nlp | undefined>;
export async function loadNlp(choice: NlpChoice = 'default'): Promise<Nlp | undefined> {
	const which = choice === 'default' ? DEFAULT_NLP : choice;
	if (which === 'none') return undefined;
	if (which === 'wink') return (await import('./nlp-wink.ts')).createWinkNlp();
	const mod = await import('compromise');
	const library = mod.default;
	return {
		name: 'compromise',
		nounPhrases: (texts) => nounPhrases(library, texts)
	};
}

export interface Span {
	text: string;
	/** Offset in the text it was found in. */
	index: number;
}

interface JsonWithOffset {
	text: string;
	offset?: { start: number; length: number };
}

/** Trims punctuation compromise leaves on a span's edges and re-finds it in `text`. */
function exactSpan(text: string, raw: JsonWithOffset, from: number): Span | null {
	const clean = raw.text.replace(/^[\s"“‘'(]+|[\s.,;:!?"”’')]+$/g, '');
	if (!clean) return null;
	const near = raw.offset ? Math.max(0, raw.offset.start - 2) : from;
	let index = text.indexOf(clean, near);
	if (index === -1) index = text.indexOf(clean, from);
	return index === -1 ? null : { text: clean, index };
}

/**
 * Noun phrases of each text (one call to compromise for all of them), with "X of Y" joined:
 * compromise splits "the rebuilding" from "of civil institutions".
 */
function nounPhrases(nlp: Compromise, texts: string[]): Span[][] {
	// compromise slows down more than linearly on long inputs: feed it small batches.
	const out: Span[][] = [];
	for (let i = 0; i < texts.length; i += BATCH)
		out.push(...nounPhrasesOfBatch(nlp, texts.slice(i, i + BATCH)));
	return out;
}

const BATCH = 25;

function nounPhrasesOfBatch(nlp: Compromise, texts: string[]): Span[][] {
	const separator = '\n\n';
	const joined = texts.join(separator);
	const starts: number[] = [];
	let at = 0;
	for (const t of texts) {
		starts.push(at);
		at += t.length + separator.length;
	}
	const found = nlp(joined).nouns().json({ offset: true }) as JsonWithOffset[];
	const out: Span[][] = texts.map(() => []);
	let cursor = 0;
	let which = 0;
	for (const raw of found) {
		const span = exactSpan(joined, raw, cursor);
		if (!span) continue;
		cursor = span.index + span.text.length;
		while (which + 1 < starts.length && starts[which + 1] <= span.index) which++;
		const local = span.index - starts[which];
		if (local + span.text.length > texts[which].length) continue;
		const list = out[which];
		const prev = list[list.length - 1];
		if (prev && texts[which].slice(prev.index + prev.text.length, local) === ' of ') {
			prev.text = texts[which].slice(prev.index, local + span.text.length);
		} else list.push({ text: span.text, index: local });
	}
	return out;
}
