/**
 * Turns a plain-text or Markdown document into verbatim sentences with their offsets and topics.
 * Markup (headings, bullets, emphasis, links, endnote references and bodies) never ends up inside
 * a sentence: the document is masked, never rewritten, so every sentence stays a verbatim span.
 */
import { slugify } from './hash.ts';

export interface Sentence {
	/** A verbatim span of the document. */
	text: string;
	/** Offset of `text` in the document, in UTF-16 code units. */
	start: number;
	/** Slug of the nearest preceding heading, or 'general'. */
	topic: string;
	/** Position among all sentences of the document. */
	index: number;
	/** Whether a heading (or the start of the document) comes right before it: date context resets. */
	isSectionStart: boolean;
	/** A piece of a sentence split by inline markup: not a whole sentence, so no reworded question. */
	isFragment: boolean;
	/** One of several 'Label: value' lines (document metadata), where the label is only context. */
	isInLabelBlock: boolean;
}

export interface Heading {
	text: string;
	start: number;
	slug: string;
}

export interface ParsedDocument {
	sentences: Sentence[];
	headings: Heading[];
}

/** Mask values: CUT ends a sentence there (endnote refs); SPLIT splits it into pieces (markup). */
const CUT = 1;
const SPLIT = 2;

const CUT_PATTERNS: RegExp[] = [
	/\[(?:endnote|footnote)Ref:\s*\d+\]/gi,
	/\[\^[^\]\s]+\](?!:)/g,
	/\[\d+(?:\s*[,–-]\s*\d+)*\](?!\()/g
];
const SKIP_PATTERNS: RegExp[] = [
	/\[\d+:\s[^\]]*\]/g,
	/^\[\^[^\]]+\]:.*$/gm,
	/^\s*(```|~~~)[\s\S]*?^\s*\1.*$/gm,
	/<!--[\s\S]*?-->/g,
	/!\[[^\]\n]*\]\([^)\n]*\)/g,
	/^\s*\|.*$/gm,
	/https?:\/\/\S+/g
];

const ABBREVIATION =
	/(?:^|[\s(])(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Maj|Capt|Sgt|Rev|Hon|Gov|Sen|Rep|Pres|vs|e\.g|i\.e|cf|al|approx|ca|No|Nos|Vol|vol|pp|p|Fig|fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|Mt|Art|Ch|Sec|para)\.)$/u;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function maskAll(text: string, mask: Uint8Array, pattern: RegExp, value: number): void {
	for (const match of text.matchAll(pattern)) {
		const from = match.index ?? 0;
		mask.fill(value, from, from + match[0].length);
	}
}

function maskInlineMarkup(text: string, mask: Uint8Array): void {
	for (const m of text.matchAll(/(?<!!)\[([^\]\n]+)\]\([^)\n]*\)/g)) {
		const at = m.index ?? 0;
		mask[at] = SPLIT;
		mask.fill(SPLIT, at + 1 + m[1].length, at + m[0].length);
	}
	maskAll(text, mask, /`[^`\n]+`/g, SPLIT);
	for (const m of text.matchAll(/(\*\*|__|~~)(?=\S)[^\n]+?(?<=\S)\1/g)) {
		const at = m.index ?? 0;
		mask.fill(SPLIT, at, at + 2);
		mask.fill(SPLIT, at + m[0].length - 2, at + m[0].length);
	}
	for (const m of text.matchAll(/(?<![\w*\\])([*_])(?=[^\s*_])[^*_\n]+?(?<=[^\s*_])\1(?![\w*])/g)) {
		const at = m.index ?? 0;
		mask[at] = SPLIT;
		mask[at + m[0].length - 1] = SPLIT;
	}
}

type LineKind = 'blank' | 'heading' | 'item' | 'text' | 'ignore';
interface Line {
	kind: LineKind;
	start: number;
	end: number;
	/** Where the content starts after any Markdown prefix. */
	contentStart: number;
}

const TERMINAL = /[.!?]["'”’)\]]*$/;

/** Whether a line without Markdown markers reads as a heading in plain text. */
function isPlainHeading(content: string, isAfterBreak: boolean, next: string | undefined): boolean {
	const t = content.trim();
	// A heading is followed by a new sentence; a lower-case next line continues a wrapped one.
	if (!t || !isAfterBreak || next === undefined || /^\s*[\p{Ll},;]/u.test(next)) return false;
	const words = t.split(/\s+/);
	if (words.length > 14) return false;
	if (/[.!?,;:]["'”’)]*$/.test(t)) return false;
	if (!/^[\p{Lu}\d"“']/u.test(t)) return false;
	const long = words.filter((w) => /^[\p{L}]{4,}/u.test(w));
	const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
	return words.length <= 8 || capitalised >= 0.6 * long.length;
}

function classifyLines(text: string, work: string, mask: Uint8Array): Line[] {
	const raw: { start: number; end: number }[] = [];
	let at = 0;
	while (at <= text.length) {
		const nl = text.indexOf('\n', at);
		const end = nl === -1 ? text.length : nl;
		raw.push({ start: at, end: end > at && text[end - 1] === '\r' ? end - 1 : end });
		if (nl === -1) break;
		at = nl + 1;
	}
	let lastContentLine = raw.length - 1;
	while (
		lastContentLine >= 0 &&
		work.slice(raw[lastContentLine].start, raw[lastContentLine].end).trim() === ''
	) {
		lastContentLine--;
	}
	const lines: Line[] = [];
	for (let i = 0; i < raw.length; i++) {
		const { start, end } = raw[i];
		const line = work.slice(start, end);
		const next = raw[i + 1] ? work.slice(raw[i + 1].start, raw[i + 1].end) : undefined;
		const prev = lines[lines.length - 1];
		let m: RegExpMatchArray | null;
		if (!line.trim()) {
			lines.push({ kind: 'blank', start, end, contentStart: end });
		} else if ((m = line.match(/^\s{0,3}#{1,6}\s+/))) {
			const trailing = line.match(/\s+#+\s*$/);
			const contentEnd = trailing ? end - trailing[0].length : end;
			lines.push({ kind: 'heading', start, end: contentEnd, contentStart: start + m[0].length });
		} else if (
			next !== undefined &&
			/^\s{0,3}(=+|-{2,})\s*$/.test(next) &&
			line.trim().split(/\s+/).length <= 14 &&
			!TERMINAL.test(line.trim())
		) {
			lines.push({
				kind: 'heading',
				start,
				end,
				contentStart: start + (line.length - line.trimStart().length)
			});
			lines.push({
				kind: 'ignore',
				start: raw[i + 1].start,
				end: raw[i + 1].end,
				contentStart: raw[i + 1].end
			});
			i++;
		} else if (
			/^\s*([-*+]|\d{1,3}[.)])\s*$/.test(line) ||
			/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)
		) {
			lines.push({ kind: 'ignore', start, end, contentStart: end });
		} else if ((m = line.match(/^\s*(?:>\s?)*\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/))) {
			lines.push({ kind: 'item', start, end, contentStart: start + m[0].length });
		} else {
			const quotePrefix = line.match(/^\s*(?:>\s?)+/);
			const contentStart = start + (quotePrefix ? quotePrefix[0].length : 0);
			const content = work.slice(contentStart, end);
			const isAfterBreak =
				!prev ||
				prev.kind !== 'text' ||
				TERMINAL.test(work.slice(prev.contentStart, prev.end).trim());
			const kind = isPlainHeading(
				content,
				isAfterBreak,
				i < lastContentLine ? (next ?? '') : undefined
			)
				? 'heading'
				: 'text';
			lines.push({ kind, start, end, contentStart });
		}
	}
	// A prefix on a continuation line ('> ', indentation) must never end up inside a quote.
	for (const line of lines) {
		if (line.contentStart > line.start && line.kind === 'text') {
			const prefix = text.slice(line.start, line.contentStart);
			if (prefix.trim()) mask.fill(SPLIT, line.start, line.contentStart);
		}
	}
	return lines;
}

const LABEL = /^([\p{Lu}][^.:!?\n]{0,60}):\s+(?=[\p{Lu}"“])/u;

interface Paragraph {
	start: number;
	end: number;
	/** In a block of 'Label: value' lines the label is context, so it stays in the sentence. */
	isInLabelBlock: boolean;
}

/** Paragraph spans [start, end) built from lines; a line break ends a paragraph after a full stop. */
function paragraphsOf(lines: Line[], work: string): Paragraph[] {
	const out: Paragraph[] = [];
	let current: Paragraph | null = null;
	const content = lines.map((l) =>
		l.kind === 'blank' || l.kind === 'ignore' ? null : work.slice(l.contentStart, l.end).trim()
	);
	const isLabelLine = (i: number): boolean => LABEL.test(content[i] ?? '');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (line.kind === 'text' || line.kind === 'item') {
			const isContinuation =
				current !== null &&
				line.kind === 'text' &&
				!TERMINAL.test(work.slice(current.start, current.end).trim());
			if (isContinuation && current) current.end = line.end;
			else {
				if (current) out.push(current);
				const isInLabelBlock =
					line.kind === 'text' &&
					isLabelLine(i) &&
					// Metadata lines sit right next to each other; labelled list items are set apart by bullets.
					(isLabelLine(i - 1) || isLabelLine(i + 1));
				current = { start: line.contentStart, end: line.end, isInLabelBlock };
			}
		} else {
			if (current) out.push(current);
			current = null;
		}
	}
	if (current) out.push(current);
	return out;
}

/** Sentence ranges inside one paragraph, with the segmenter's misses (initials, abbreviations) merged. */
function segmentParagraph(work: string, start: number, end: number): [number, number][] {
	const parts: [number, number][] = [];
	const slice = work.slice(start, end);
	for (const seg of sentenceSegmenter.segment(slice)) {
		parts.push([start + seg.index, start + seg.index + seg.segment.length]);
	}
	const merged: [number, number][] = [];
	for (const part of parts) {
		const prev = merged[merged.length - 1];
		const body = work.slice(part[0], part[1]).trimStart();
		if (
			prev &&
			(ABBREVIATION.test(work.slice(prev[0], prev[1]).trimEnd()) || /^[\p{Ll}\d,;]/u.test(body))
		) {
			prev[1] = part[1];
		} else merged.push([part[0], part[1]]);
	}
	return merged;
}

const LEADING_JUNK = /[\s\u00a0*_>#-]/;

/** Clean verbatim pieces of a sentence range: trimmed, cut at endnote refs, split at markup. */
function cleanPieces(text: string, mask: Uint8Array, from: number, to: number): [number, number][] {
	const pieces: [number, number][] = [];
	let pieceStart = -1;
	for (let i = from; i <= to; i++) {
		const m = i < to ? mask[i] : CUT;
		if (m === 0) {
			if (pieceStart === -1) pieceStart = i;
			continue;
		}
		if (pieceStart !== -1) pieces.push([pieceStart, i]);
		pieceStart = -1;
		if (m === CUT && pieces.length > 0) break;
	}
	const out: [number, number][] = [];
	for (let [s, e] of pieces) {
		while (s < e && LEADING_JUNK.test(text[s])) s++;
		while (e > s && /\s/.test(text[e - 1])) e--;
		if (e > s) out.push([s, e]);
	}
	return out;
}

function wordCount(text: string): number {
	return text.trim() ? text.trim().split(/\s+/).length : 0;
}

/** Splits a document into verbatim sentences and headings (in document order). */
export function parseDocument(text: string): ParsedDocument {
	const mask = new Uint8Array(text.length);
	for (const p of SKIP_PATTERNS) maskAll(text, mask, p, CUT);
	for (const p of CUT_PATTERNS) maskAll(text, mask, p, CUT);
	maskInlineMarkup(text, mask);
	const chars: string[] = [];
	let runStart = 0;
	for (let i = 0; i <= text.length; i++) {
		const isMasked = i < text.length && mask[i] !== 0 && text[i] !== '\n';
		const wasMasked = i > runStart && mask[runStart] !== 0 && text[runStart] !== '\n';
		if (i === text.length || isMasked !== wasMasked) {
			if (i > runStart) chars.push(wasMasked ? ' '.repeat(i - runStart) : text.slice(runStart, i));
			runStart = i;
		}
	}
	const work = chars.join('');

	const lines = classifyLines(text, work, mask);
	const headings: Heading[] = [];
	const sentences: Sentence[] = [];
	let topic = 'general';
	let isSectionStart = true;
	const paragraphs = paragraphsOf(lines, work);
	let lineIndex = 0;
	for (const paragraph of paragraphs) {
		while (lineIndex < lines.length && lines[lineIndex].start < paragraph.start) {
			const line = lines[lineIndex++];
			if (line.kind === 'heading') {
				const headingText = text.slice(line.contentStart, line.end).trim();
				if (headingText) {
					topic = slugify(headingText) || topic;
					headings.push({ text: headingText, start: line.contentStart, slug: topic });
					isSectionStart = true;
				}
			}
		}
		for (const [from, to] of segmentParagraph(work, paragraph.start, paragraph.end)) {
			const pieces = cleanPieces(text, mask, from, to);
			for (let p = 0; p < pieces.length; p++) {
				const [s0, e] = pieces[p];
				const isFragment = p < pieces.length - 1 || !/^[\p{Lu}\d"“'‘(]/u.test(text[s0]);
				const s = s0;
				const sentenceText = text.slice(s, e);
				if (isFragment && wordCount(sentenceText) < 5) continue;
				sentences.push({
					text: sentenceText,
					start: s,
					topic,
					index: sentences.length,
					isSectionStart,
					isFragment,
					isInLabelBlock: paragraph.isInLabelBlock
				});
				isSectionStart = false;
			}
		}
	}
	return { sentences, headings };
}
