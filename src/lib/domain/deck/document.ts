/**
 * Reads a plain-text source document into blocks a reader can show cleanly: headings,
 * paragraphs, list items, `Field: value` lines, and a word-processor's inline endnotes turned
 * into numbered references. Markdown's own marks (`# Heading`, `- item`, `1. item`, `**bold**`,
 * `` `code` ``, `[text](url)`, `---`) give the same blocks and are not shown. Every sentence keeps
 * its offsets in the original text, so a verbatim quote can be located in it.
 */

export type InlinePart = { kind: 'text'; text: string } | { kind: 'ref'; n: number };

export interface Sentence {
	/** Index of the sentence in the whole document, from 0. */
	index: number;
	/** Offsets in the original text: [start, end). */
	start: number;
	end: number;
	parts: InlinePart[];
}

export type Block =
	/** `level`: a Markdown heading's number of `#` marks; 1 for a heading in plain text. */
	| { kind: 'heading'; level: number; sentences: Sentence[] }
	| { kind: 'paragraph'; sentences: Sentence[] }
	| { kind: 'list-item'; sentences: Sentence[] }
	| { kind: 'field'; label: string; sentences: Sentence[] };

export interface Reference {
	n: number;
	text: string;
}

export interface ParsedDocument {
	blocks: Block[];
	references: Reference[];
	sentenceCount: number;
}

const NOTE = /\[(\d+):\s*([^\]]*)\]/g;
const NOTE_REF = /\[endnoteRef:(\d+)\]/g;
const FIELD = /^([A-Z][A-Za-z()' ]{1,40}):\s+\S/;
const LIST_MARKER = /^\s*[-*•]\s*$/;
/** A Markdown heading's marks: up to three spaces, 1–6 `#`, then space (the text follows). */
const MD_HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
/** A Markdown list item's marker before its text: `-`, `*`, `+`, `•`, `1.` or `1)`. */
const MD_LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)/;
/** A Markdown thematic break (`---`, `***`, `___`): a line that is only a rule. */
const MD_RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Parses a document's text; pure and deterministic. */
export function parseDocument(text: string): ParsedDocument {
	const references: Reference[] = [];
	// Blank notes out (same length, so offsets hold) and collect them as references.
	let masked = text.replace(NOTE, (whole, n: string, body: string) => {
		references.push({ n: Number(n), text: body.replace(/\s+/g, ' ').trim() });
		return ' '.repeat(whole.length);
	});
	masked = masked.replace(NOTE_REF, (whole) => ' '.repeat(whole.length));

	const blocks: Block[] = [];
	let sentenceIndex = 0;
	let isListItem = false;
	let offset = 0;
	for (const line of text.split('\n')) {
		const lineStart = offset;
		offset += line.length + 1;
		if (LIST_MARKER.test(line)) {
			isListItem = true;
			continue;
		}
		if (MD_RULE.test(line)) continue;
		// A Markdown mark decides the block and is left out of its sentences.
		const heading = MD_HEADING.exec(line);
		const listItem = heading ? null : MD_LIST_ITEM.exec(line);
		const marked: Block['kind'] | null = heading ? 'heading' : listItem ? 'list-item' : null;
		const contentStart = lineStart + ((heading ?? listItem)?.[0].length ?? 0);
		const lineEnd = lineStart + (heading ? line.replace(/\s+#+\s*$/, '') : line).length;
		for (const [segStart, segEnd] of lineSegments(masked, contentStart, lineEnd)) {
			const visible = masked.slice(segStart, segEnd);
			if (!visible.trim()) continue;
			const field = marked === null ? FIELD.exec(visible.trimStart()) : null;
			const kind = marked ?? classify(visible, field !== null, isListItem);
			const sentences = splitSentences(text, masked, segStart, segEnd, sentenceIndex);
			sentenceIndex += sentences.length;
			if (kind === 'field' && field) {
				blocks.push({ kind, label: field[1], sentences: withoutLabel(sentences, field[1]) });
			} else if (kind === 'heading') {
				const level = heading ? heading[0].trim().length : 1;
				blocks.push({ kind, level, sentences });
			} else {
				blocks.push({ kind, sentences } as Block);
			}
		}
		isListItem = false;
	}
	references.sort((a, b) => a.n - b.n);
	return { blocks, references, sentenceCount: sentenceIndex };
}

/** A field's first sentence starts with its label; the reader shows the label apart. */
function withoutLabel(sentences: Sentence[], label: string): Sentence[] {
	const [first, ...rest] = sentences;
	const [part, ...parts] = first.parts;
	if (part?.kind !== 'text') return sentences;
	const text = part.text
		.trimStart()
		.slice(label.length + 1)
		.trimStart();
	return [{ ...first, parts: [{ kind: 'text', text }, ...parts] }, ...rest];
}

/** A line may hold a title and a field run together with two or more spaces between. */
function lineSegments(masked: string, start: number, end: number): Array<[number, number]> {
	const line = masked.slice(start, end);
	const split = /\S\s{2,}(?=[A-Z][A-Za-z()' ]{1,40}:\s)/.exec(line);
	if (!split || !/^[^.!?]+$/.test(line.slice(0, split.index + 1))) return [[start, end]];
	const cut = start + split.index + 1;
	return [
		[start, cut],
		[cut, end]
	];
}

function classify(visible: string, isField: boolean, isListItem: boolean): Block['kind'] {
	if (isListItem) return 'list-item';
	if (isField) return 'field';
	const trimmed = visible.trim();
	if (trimmed.length <= 120 && !/[.!?:;,"”)]$/.test(trimmed)) return 'heading';
	return 'paragraph';
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function splitSentences(
	text: string,
	masked: string,
	start: number,
	end: number,
	firstIndex: number
): Sentence[] {
	const sentences: Sentence[] = [];
	for (const segment of segmenter.segment(masked.slice(start, end))) {
		if (!segment.segment.trim()) continue;
		const segStart = start + segment.index;
		const segEnd = segStart + segment.segment.length;
		sentences.push({
			index: firstIndex + sentences.length,
			start: segStart,
			end: segEnd,
			parts: inlineParts(text.slice(segStart, segEnd))
		});
	}
	return sentences;
}

function inlineParts(raw: string): InlinePart[] {
	const parts: InlinePart[] = [];
	let last = 0;
	const withoutNotes = raw.replace(NOTE, (whole) => ' '.repeat(whole.length));
	for (const match of withoutNotes.matchAll(NOTE_REF)) {
		if (match.index > last)
			parts.push({ kind: 'text', text: withoutNotes.slice(last, match.index) });
		parts.push({ kind: 'ref', n: Number(match[1]) });
		last = match.index + match[0].length;
	}
	if (last < withoutNotes.length) parts.push({ kind: 'text', text: withoutNotes.slice(last) });
	return parts
		.map((part) =>
			part.kind === 'text' ? { ...part, text: withoutMarks(part.text).replace(/\s+/g, ' ') } : part
		)
		.filter((part) => part.kind === 'ref' || part.text.trim() !== '');
}

/** Markdown's inline marks around text (links keep their words, not their address). */
const INLINE_MARKS: ReadonlyArray<[RegExp, string]> = [
	[/\[([^\]\n]+)\]\([^()\s]+\)/g, '$1'],
	[/\*\*(?=\S)([^*\n]+?)\*\*/g, '$1'],
	[/__(?=\S)([^_\n]+?)__/g, '$1'],
	[/`([^`\n]+)`/g, '$1']
];

function withoutMarks(text: string): string {
	return INLINE_MARKS.reduce((out, [pattern, plain]) => out.replace(pattern, plain), text);
}

/** The sentence that holds the start of a verbatim quote, or null when it is not in the text. */
export function locateQuote(doc: ParsedDocument, text: string, quote: string): Sentence | null {
	const at = text.indexOf(quote);
	if (at < 0) return null;
	for (const block of doc.blocks) {
		for (const sentence of block.sentences) {
			if (at >= sentence.start && at < sentence.end) return sentence;
		}
	}
	return null;
}

export type Section =
	/** `depth`: 1 for the document's top headings, one more for each level below, never skipping. */
	| { kind: 'heading'; block: Block; depth: number }
	| { kind: 'paragraph'; block: Block }
	| { kind: 'list' | 'fields'; blocks: Block[] };

/**
 * Runs of list items become one list, runs of fields one definition list. Headings get an
 * outline depth: the document's highest level is depth 1, and a heading is never more than one
 * deeper than the one before it (a `###` straight after a `#` is depth 2), as screen readers expect.
 */
export function groupBlocks(blocks: readonly Block[]): Section[] {
	const sections: Section[] = [];
	const levels = blocks.flatMap((block) => (block.kind === 'heading' ? [block.level] : []));
	const top = levels.length > 0 ? Math.min(...levels) : 1;
	let previous = 0;
	for (const block of blocks) {
		const kind = block.kind === 'list-item' ? 'list' : block.kind === 'field' ? 'fields' : null;
		const last = sections[sections.length - 1];
		if (block.kind === 'heading') {
			const depth = Math.min(block.level - top + 1, previous + 1);
			previous = depth;
			sections.push({ kind: 'heading', block, depth });
		} else if (kind === null) {
			sections.push({ kind: 'paragraph', block });
		} else if (last && last.kind === kind) {
			last.blocks.push(block);
		} else {
			sections.push({ kind, blocks: [block] });
		}
	}
	return sections;
}

/** A source document laid out for the reader, with each fact anchored on its sentence. */
export interface SourceLayout {
	sections: Section[];
	references: Reference[];
	/** Sentence index -> the facts quoted from it, so "See in source" can land on #f-<factId>. */
	anchors: Record<number, string[]>;
}

/** Lays out one parsed document (its `text` and `sourceId`) with the facts quoted from it. */
export function sourceLayout(
	parsed: ParsedDocument,
	text: string,
	sourceId: string,
	facts: ReadonlyArray<{ id: string; document: string; quote: string }>
): SourceLayout {
	const anchors: Record<number, string[]> = {};
	const locate = quoteLocator(parsed, text);
	for (const fact of facts) {
		if (fact.document !== sourceId) continue;
		const sentence = locate(fact.quote);
		if (sentence) (anchors[sentence.index] ??= []).push(fact.id);
	}
	return { sections: groupBlocks(parsed.blocks), references: parsed.references, anchors };
}

/**
 * `locateQuote` for many quotes of one document: the sentences by start offset, searched by
 * halves, and each distinct quote looked up once (a 2 MB document has thousands of facts).
 */
function quoteLocator(doc: ParsedDocument, text: string): (quote: string) => Sentence | null {
	const sentences = doc.blocks
		.flatMap((block) => block.sentences)
		.sort((a, b) => a.start - b.start);
	const found = new Map<string, Sentence | null>();
	return (quote) => {
		const known = found.get(quote);
		if (known !== undefined) return known;
		const at = text.indexOf(quote);
		let sentence: Sentence | null = null;
		if (at >= 0) {
			let low = 0;
			let high = sentences.length - 1;
			while (low <= high) {
				const mid = (low + high) >> 1;
				if (sentences[mid].start <= at) low = mid + 1;
				else high = mid - 1;
			}
			const candidate = sentences[high];
			if (candidate && at < candidate.end) sentence = candidate;
		}
		found.set(quote, sentence);
		return sentence;
	};
}

/**
 * Sentences in one page of the source reader: a long document is shown a page at a time, and a
 * page of 400 took over 200 ms to build on a slow machine.
 */
export const SENTENCES_PER_PAGE = 250;

/** The blocks of a section. */
function blocksOf(section: Section): readonly Block[] {
	return 'blocks' in section ? section.blocks : [section.block];
}

/** How many sentences a section holds. */
function sentencesIn(section: Section): number {
	return blocksOf(section).reduce((sum, block) => sum + block.sentences.length, 0);
}

/** The first and last sentence index of a section, or null when it has none. */
function sentenceRange(section: Section): [number, number] | null {
	const indexes = blocksOf(section).flatMap((block) =>
		block.sentences.map((sentence) => sentence.index)
	);
	return indexes.length === 0 ? null : [Math.min(...indexes), Math.max(...indexes)];
}

export interface SourcePage {
	sections: Section[];
	/** Sentence indexes [first, last] on the page, or null for a page without sentences. */
	range: [number, number] | null;
}

/**
 * The reader's sections in pages of about `perPage` sentences, never splitting a section; a page
 * starts at a heading when one comes after half a page. A short document is one page.
 */
export function pageSections(
	sections: readonly Section[],
	perPage = SENTENCES_PER_PAGE
): SourcePage[] {
	const pages: SourcePage[] = [];
	let current: Section[] = [];
	let count = 0;
	const close = () => {
		if (current.length === 0) return;
		const ranges = current.map(sentenceRange).filter((range) => range !== null);
		const range: [number, number] | null =
			ranges.length === 0 ? null : [ranges[0][0], ranges[ranges.length - 1][1]];
		pages.push({ sections: current, range });
		current = [];
		count = 0;
	};
	for (const section of sections) {
		const isBreak = count >= perPage || (section.kind === 'heading' && count >= perPage / 2);
		if (isBreak) close();
		current.push(section);
		count += sentencesIn(section);
	}
	close();
	return pages.length > 0 ? pages : [{ sections: [], range: null }];
}

/** The page (from 0) that shows sentence `index`, or 0 when no page does. */
export function pageOfSentence(pages: readonly SourcePage[], index: number): number {
	const page = pages.findIndex(
		({ range }) => range !== null && index >= range[0] && index <= range[1]
	);
	return Math.max(0, page);
}
