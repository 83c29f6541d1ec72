/**
 * The optional NLP layer: compromise (about 200 KB minified), loaded on demand only. Nothing
 * outside `src/lib/domain/extract/` may import compromise; callers load it with `loadNlp()` where
 * extraction runs (a Web Worker, a script) and pass it to `extractFacts`.
 */
import type nlpDefault from 'compromise';

export type Nlp = typeof nlpDefault;

/** Loads compromise lazily (a separate chunk in the app build). */
export async function loadNlp(): Promise<Nlp> {
	const mod = await import('compromise');
	return mod.default;
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
export function nounPhrases(nlp: Nlp, texts: string[]): Span[][] {
	// compromise slows down more than linearly on long inputs: feed it small batches.
	const out: Span[][] = [];
	for (let i = 0; i < texts.length; i += BATCH)
		out.push(...nounPhrasesOfBatch(nlp, texts.slice(i, i + BATCH)));
	return out;
}

const BATCH = 25;

function nounPhrasesOfBatch(nlp: Nlp, texts: string[]): Span[][] {
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
