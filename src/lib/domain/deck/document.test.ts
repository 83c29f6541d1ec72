import { describe, expect, it } from 'vitest';
import {
	groupBlocks,
	locateQuote,
	pageOfSentence,
	pageSections,
	parseDocument,
	sourceLayout,
	type Block
} from '$lib/domain/deck/document';

/** Each block as its kind and shown text, the way the reader lays it out. */
function shown(text: string): Array<[Block['kind'], string]> {
	return parseDocument(text).blocks.map((block) => [
		block.kind,
		(block.kind === 'field' ? `${block.label}: ` : '') +
			block.sentences
				.flatMap((s) => s.parts.map((p) => (p.kind === 'text' ? p.text : `[${p.n}]`)))
				.join(' ')
				.replace(/\s+/g, ' ')
				.trim()
	]);
}

describe('parseDocument', () => {
	it('reads headings, paragraphs, fields and word-processor list items', () => {
		const text = [
			'Preventing a relapse',
			'Location: Kosovo.',
			'Impact: Lasting.',
			'',
			'KFOR arrived in June. It kept the peace.',
			'-',
			'Ensure security for everyone.'
		].join('\n');
		expect(shown(text)).toEqual([
			['heading', 'Preventing a relapse'],
			['field', 'Location: Kosovo.'],
			['field', 'Impact: Lasting.'],
			['paragraph', 'KFOR arrived in June. It kept the peace.'],
			['list-item', 'Ensure security for everyone.']
		]);
	});

	it('splits a title and a field written on one line with wide spaces between', () => {
		expect(shown('A case study  Year(s): 1999 – present.')).toEqual([
			['heading', 'A case study'],
			['field', 'Year(s): 1999 – present.']
		]);
	});

	it('turns inline endnotes into numbered references, keeping offsets', () => {
		const text =
			'The war ended in June.[endnoteRef:1] Talks began.[1: Report of the Secretary-General, 1999.]';
		const doc = parseDocument(text);
		expect(doc.references).toEqual([{ n: 1, text: 'Report of the Secretary-General, 1999.' }]);
		expect(shown(text)).toEqual([['paragraph', 'The war ended in June. [1] Talks began.']]);
		const [first, second] = doc.blocks[0].sentences;
		expect(text.slice(first.start, first.end)).toContain('The war ended in June.');
		expect(text.slice(second.start, second.end).trim()).toMatch(/^Talks began\./);
		expect(doc.sentenceCount).toBe(2);
	});

	it('reads Markdown headings, list items and rules without showing their marks', () => {
		const text = [
			'# The Danube Commission',
			'',
			'## Founding ##',
			'',
			'The commission was created in 1856.',
			'',
			'---',
			'',
			'- Delegates met in **Galați**.',
			'* Engineers dredged the `Sulina` channel.',
			'1. Traffic grew, as [the reports](https://example.org/r) show.',
			'2) It was dissolved in 1939.'
		].join('\n');
		expect(shown(text)).toEqual([
			['heading', 'The Danube Commission'],
			['heading', 'Founding'],
			['paragraph', 'The commission was created in 1856.'],
			['list-item', 'Delegates met in Galați.'],
			['list-item', 'Engineers dredged the Sulina channel.'],
			['list-item', 'Traffic grew, as the reports show.'],
			['list-item', 'It was dissolved in 1939.']
		]);
	});

	it('keeps sentence offsets on the original text, marks and all', () => {
		const text = '# Title\n\n- Delegates met in Galați on 4 November 1856.';
		const quote = 'Delegates met in Galați on 4 November 1856.';
		const doc = parseDocument(text);
		const sentence = locateQuote(doc, text, quote);
		expect(sentence).not.toBeNull();
		expect(text.slice(sentence!.start, sentence!.end)).toBe(quote);
	});

	it('leaves text that only looks like Markdown alone', () => {
		expect(shown('#hashtag is not a heading, it has no space.')).toEqual([
			['paragraph', '#hashtag is not a heading, it has no space.']
		]);
		expect(shown('In 2004 prices rose 5 * 3 times.')).toEqual([
			['paragraph', 'In 2004 prices rose 5 * 3 times.']
		]);
	});
});

describe('locateQuote', () => {
	const text = 'KFOR arrived in June. It kept the peace.\n\nUNMIK ran the courts.';
	const doc = parseDocument(text);

	it('finds the sentence that holds the start of a verbatim quote', () => {
		expect(locateQuote(doc, text, 'kept the peace')?.index).toBe(1);
		expect(locateQuote(doc, text, 'UNMIK ran the courts.')?.index).toBe(2);
	});

	it('returns null for a quote that is not in the text', () => {
		expect(locateQuote(doc, text, 'NATO ran the courts.')).toBeNull();
	});
});

describe('heading depth', () => {
	const depths = (text: string) =>
		groupBlocks(parseDocument(text).blocks).flatMap((s) => (s.kind === 'heading' ? [s.depth] : []));

	it('gives plain-text headings depth 1, as before', () => {
		expect(depths('Title\n\nA sentence.\n\nAnother title\n\nMore text.')).toEqual([1, 1]);
	});

	it('follows Markdown levels from the highest one used, never skipping a level', () => {
		expect(depths('# A\n\n## B\n\n### C\n\n## D\n\n# E')).toEqual([1, 2, 3, 2, 1]);
		expect(depths('## A\n\n### B\n\n## C')).toEqual([1, 2, 1]);
		expect(depths('# A\n\n#### B\n\n##### C')).toEqual([1, 2, 3]);
	});
});

describe('groupBlocks', () => {
	it('gathers runs of list items into lists and runs of fields into one definition list', () => {
		const doc = parseDocument(
			['Title', 'Location: Kosovo.', 'Impact: Lasting.', '', '- One.', '- Two.', '', 'Text.'].join(
				'\n'
			)
		);
		expect(
			groupBlocks(doc.blocks).map((s) => ('blocks' in s ? `${s.kind}(${s.blocks.length})` : s.kind))
		).toEqual(['heading', 'fields(2)', 'list(2)', 'paragraph']);
	});
});

describe('sourceLayout', () => {
	it("anchors each of a source's facts on its sentence, and leaves other sources' facts out", () => {
		const text = 'Title\n\nKFOR arrived in June. It kept the peace.';
		const layout = sourceLayout(parseDocument(text), text, 'doc', [
			{ id: 'a', document: 'doc', quote: 'KFOR arrived in June.' },
			{ id: 'b', document: 'doc', quote: 'It kept the peace.' },
			{ id: 'c', document: 'doc', quote: 'kept the peace' },
			{ id: 'd', document: 'other', quote: 'KFOR arrived in June.' },
			{ id: 'e', document: 'doc', quote: 'Not in the text.' }
		]);
		expect(layout.anchors).toEqual({ 1: ['a'], 2: ['b', 'c'] });
		expect(layout.sections.map((s) => s.kind)).toEqual(['heading', 'paragraph']);
		expect(layout.references).toEqual([]);
	});
});

describe('pageSections', () => {
	/** A document of `parts` headings, each over `paragraphs` paragraphs of two sentences. */
	function longText(parts: number, paragraphs: number): string {
		const out: string[] = [];
		for (let p = 0; p < parts; p++) {
			out.push(`# Part ${p + 1}`);
			for (let q = 0; q < paragraphs; q++)
				out.push(`Paragraph ${q} of part ${p} opens here. It ends in ${1900 + q}.`);
		}
		return out.join('\n\n');
	}

	it('keeps a short document on one page', () => {
		const text = 'Title\n\nKFOR arrived in June. It kept the peace.';
		const pages = pageSections(groupBlocks(parseDocument(text).blocks));
		expect(pages).toHaveLength(1);
		expect(pages[0].range).toEqual([0, 2]);
	});

	it('splits a long document into pages that show every section once, in order', () => {
		const parsed = parseDocument(longText(6, 50));
		const sections = groupBlocks(parsed.blocks);
		const pages = pageSections(sections, 120);
		expect(pages.length).toBeGreaterThan(3);
		expect(pages.flatMap((page) => page.sections)).toEqual(sections);
		for (const page of pages) {
			const [first, last] = page.range!;
			expect(last - first + 1).toBeLessThanOrEqual(120 + 101);
		}
		// A page that follows another starts at a heading when one came after half a page.
		expect(pages.slice(1).every((page) => page.sections[0].kind === 'heading')).toBe(true);
	});

	it('finds the page of a sentence, and the first page for one that is on none', () => {
		const parsed = parseDocument(longText(6, 50));
		const pages = pageSections(groupBlocks(parsed.blocks), 120);
		for (const index of [0, 150, parsed.sentenceCount - 1]) {
			const page = pages[pageOfSentence(pages, index)];
			expect(index).toBeGreaterThanOrEqual(page.range![0]);
			expect(index).toBeLessThanOrEqual(page.range![1]);
		}
		expect(pageOfSentence(pages, 10 ** 6)).toBe(0);
	});

	it('anchors thousands of facts of a long document as locateQuote would', () => {
		const text = longText(20, 100);
		const parsed = parseDocument(text);
		const quotes = Array.from({ length: 2000 }, (_, i) => ({
			id: `f${i}`,
			document: 'doc',
			quote: `Paragraph ${i % 100} of part ${i % 20} opens here.`
		}));
		const layout = sourceLayout(parsed, text, 'doc', quotes);
		for (const fact of quotes.slice(0, 50)) {
			const expected = locateQuote(parsed, text, fact.quote)!.index;
			expect(layout.anchors[expected]).toContain(fact.id);
		}
	});
});
